"""The calm "If this feels like too much" page, with a place for the person's own contacts."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.dialog_parts import close_buttons
from desktop.limited_text import limit_and_tell
from desktop.store import Store, limits
from desktop.store.contacts import TABLE, add_contact, list_contacts, remove_contact
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

# The page's text, piece by piece, so each piece is translated on its own: (tag, text).
GROUNDING = (
    ("h2", QT_TRANSLATE_NOOP("TooMuch", "If this feels like too much")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "You can stop whenever you like. Closing a practice loses nothing, and there is no "
            "right amount.",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("TooMuch", "Ways to come back to steady ground")),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "Open your eyes if they are closed, and let your gaze rest on something near you.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "Feel where your body meets the chair or the floor. Press your feet down a little.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "Name a few things you can see, a few you can hear, and one you can touch.",
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP(
            "TooMuch", "Let your breath find its own pace. There is nothing to count."
        ),
    ),
    (
        "li",
        QT_TRANSLATE_NOOP("TooMuch", "Next time, try a shorter practice, or one without holds."),
    ),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "Breathing exercises can make some people light-headed. If that happens, breathe "
            "normally and sit or lie down until it passes.",
        ),
    ),
    ("h3", QT_TRANSLATE_NOOP("TooMuch", "Reaching someone")),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "When feeling comes back, it can bring up hard things as well as good ones. If it "
            "keeps feeling like too much, talk to someone you trust, or to a doctor, counsellor "
            "or therapist.",
        ),
    ),
    (
        "p",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "If you might be in danger or are thinking about harming yourself, contact your "
            "local emergency number now.",
        ),
    ),
)


def grounding_html() -> str:
    parts = []
    in_list = False
    for tag, text in GROUNDING:
        if (tag == "li") != in_list:
            parts.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        parts.append(f"<{tag}>{html.escape(translate('TooMuch', text))}</{tag}>")
    return "".join(parts)


class TooMuchDialog(QDialog):
    def __init__(self, store: Store, signals: StoreSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(translate("TooMuch", "If this feels like too much"))
        self.setObjectName("too_much_dialog")
        self.resize(560, 640)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(grounding_html())
        self.text.setAccessibleName(translate("TooMuch", "If this feels like too much"))
        self.text.setAccessibleDescription(
            translate("TooMuch", "Ways to pause and ground yourself, and who to reach")
        )

        heading = QLabel(translate("TooMuch", "<b>Your people</b>"))
        hint = QLabel(
            translate(
                "TooMuch",
                "Keep the names and numbers of people you would like to reach here. "
                "They stay on this computer.",
            )
        )
        hint.setWordWrap(True)
        self.contacts = QListWidget()
        self.contacts.setObjectName("contacts")
        self.contacts.setAccessibleName(translate("TooMuch", "Your contacts"))
        self.contacts.setAccessibleDescription(
            translate("TooMuch", "People you trust, saved on this computer")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("contact_name")
        self.name_edit.setAccessibleName(translate("TooMuch", "Contact name"))
        self.name_edit.setAccessibleDescription(translate("TooMuch", "Who you would like to reach"))
        self.name_edit.setPlaceholderText(
            translate("TooMuch", "A friend, a relative, your doctor…")
        )
        self.reach_edit = QLineEdit()
        self.reach_edit.setObjectName("contact_reach")
        self.reach_edit.setAccessibleName(translate("TooMuch", "How to reach them"))
        self.reach_edit.setAccessibleDescription(
            translate("TooMuch", "A phone number, an address, or a note")
        )
        self.reach_edit.setPlaceholderText(translate("TooMuch", "Phone number, address, or a note"))
        self.add_button = QPushButton(translate("TooMuch", "&Add contact"))
        self.add_button.setAccessibleName(translate("TooMuch", "Add contact"))
        self.add_button.setAccessibleDescription(
            translate("TooMuch", "Keeps this person in your list on this computer")
        )
        self.remove_button = QPushButton(translate("TooMuch", "&Remove selected"))
        self.remove_button.setAccessibleName(translate("TooMuch", "Remove selected contact"))
        self.remove_button.setAccessibleDescription(
            translate("TooMuch", "Takes the chosen person off your list")
        )
        self.message = QLabel()
        self.message.setObjectName("contact_message")
        self.message.setWordWrap(True)
        for edit, field, limit in (
            (self.name_edit, translate("TooMuch", "Contact name"), limits.CONTACT_NAME),
            (self.reach_edit, translate("TooMuch", "How to reach them"), limits.CONTACT_REACH),
        ):
            limit_and_tell(edit, field, limit, self.message.setText)
        buttons = close_buttons()
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow(translate("TooMuch", "&Name"), self.name_edit)
        form.addRow(translate("TooMuch", "&How to reach"), self.reach_edit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 3)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.contacts, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._add)
        self.reach_edit.returnPressed.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        signals.changed.connect(self._on_store_changed)
        self._reload()

    def _on_store_changed(self, table: str) -> None:
        if table == TABLE:
            self._reload()

    def _reload(self) -> None:
        self.contacts.clear()
        for contact in list_contacts(self._store):
            text = (
                contact.name
                if not contact.how_to_reach
                else f"{contact.name}: {contact.how_to_reach}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.contacts.addItem(item)
        self.remove_button.setEnabled(self.contacts.count() > 0)

    def _add(self) -> None:
        try:
            add_contact(self._store, self.name_edit.text(), self.reach_edit.text())
        except ValueError as e:
            self.message.setText(str(e))
            self.name_edit.setFocus()
            return
        self.message.setText(translate("TooMuch", "Saved."))
        self.name_edit.clear()
        self.reach_edit.clear()
        self.name_edit.setFocus()

    def _remove(self) -> None:
        if self.contacts.currentRow() < 0:
            self.message.setText(translate("TooMuch", "Choose a contact in the list first."))
            return
        item = self.contacts.currentItem()
        try:
            remove_contact(self._store, int(item.data(Qt.ItemDataRole.UserRole)))
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.message.setText(translate("TooMuch", "Removed."))
