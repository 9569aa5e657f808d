"""The calm "If this feels like too much" page, with a place for the person's own contacts.

Its most important lines come first and are read at a glance: you can stop; reach someone
you trust; in danger, your local emergency number. The person's own people are listed there;
changing the list is one step away, on a page of its own.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.dialog_parts import close_buttons
from desktop.limited_text import limit_and_tell
from desktop.look import GAP, MARGIN, SPACE, heading, resize_within_screen, roomy, tight
from desktop.store import Store, limits
from desktop.store.contacts import TABLE, add_contact, list_contacts, remove_contact
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

# What matters most comes first, in a few lines readable at a glance: pausing, reaching
# someone, and what to do in danger. Each piece is translated on its own.
KEY_LINES = (
    (
        "pause",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "You can stop whenever you like. Closing a practice loses nothing, and there is no "
            "right amount.",
        ),
    ),
    (
        "reach",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "If it keeps feeling like too much, talk to someone you trust, or to a doctor, "
            "counsellor or therapist.",
        ),
    ),
    (
        "danger",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "If you might be in danger or are thinking about harming yourself, contact your "
            "local emergency number now.",
        ),
    ),
)
# The rest of the page, below them: (tag, text).
GROUNDING = (
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
    (
        "p",
        QT_TRANSLATE_NOOP(
            "TooMuch",
            "When feeling comes back, it can bring up hard things as well as good ones. That "
            "is part of it, and you can go as slowly as you need.",
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
    """The page, then the person's own people one step away, on a page of their own."""

    def __init__(self, store: Store, signals: StoreSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(translate("TooMuch", "If this feels like too much"))
        self.setObjectName("too_much_dialog")
        resize_within_screen(self, 600, 640)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._first_page())
        self.pages.addWidget(self._people_page())
        buttons = close_buttons()
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = roomy(QVBoxLayout(self), MARGIN, GAP)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.people_button.clicked.connect(self.show_people)
        self.back_button.clicked.connect(self.show_first)
        self.add_button.clicked.connect(self._add)
        self.reach_edit.returnPressed.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        signals.changed.connect(self._on_store_changed)
        self._reload()

    # -- building -----------------------------------------------------------------------------

    def _first_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("too_much_first")
        title = heading(QLabel(translate("TooMuch", "If this feels like too much")), "title")
        self.key_lines: dict[str, QLabel] = {}
        for key, text in KEY_LINES:
            line = heading(QLabel(translate("TooMuch", text)))
            line.setObjectName(f"key_{key}")
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.key_lines[key] = line
        self.people_line = QLabel()
        self.people_line.setObjectName("your_people")
        self.people_line.setWordWrap(True)
        self.people_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.people_button = named(
            QPushButton(translate("TooMuch", "Your &people…")),
            translate("TooMuch", "Your people"),
            translate("TooMuch", "The people you would like to reach, kept on this computer"),
            object_name="your_people_button",
        )
        self.text = QTextBrowser()
        self.text.setObjectName("too_much_more")
        self.text.setOpenLinks(False)
        self.text.setHtml(grounding_html())
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        # One page with the lines above it: the page's own background shows through. (Not a
        # style sheet: a widget with one keeps its colours when light or dark is changed.)
        self.text.viewport().setAutoFillBackground(False)
        named(
            self.text,
            translate("TooMuch", "Ways to come back to steady ground"),
            translate("TooMuch", "Ways to pause and ground yourself, step by step"),
        )
        people = tight(QHBoxLayout(), SPACE)
        people.addWidget(self.people_line, 1)
        people.addWidget(self.people_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = tight(QVBoxLayout(page), SPACE)
        layout.addWidget(title)
        layout.addWidget(self.key_lines["pause"])
        layout.addSpacing(SPACE)
        layout.addWidget(self.key_lines["reach"])
        layout.addLayout(people)
        layout.addSpacing(SPACE)
        layout.addWidget(self.key_lines["danger"])
        layout.addSpacing(SPACE)
        layout.addWidget(self.text, 1)
        return page

    def _people_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("too_much_people")
        title = heading(QLabel(translate("TooMuch", "Your people")), "title")
        hint = QLabel(
            translate(
                "TooMuch",
                "Keep the names and numbers of people you would like to reach here. "
                "They stay on this computer.",
            )
        )
        hint.setWordWrap(True)
        self.contacts = named(
            QListWidget(),
            translate("TooMuch", "Your contacts"),
            translate("TooMuch", "People you trust, saved on this computer"),
            object_name="contacts",
        )
        self.name_edit = named(
            QLineEdit(),
            translate("TooMuch", "Contact name"),
            translate("TooMuch", "Who you would like to reach"),
            object_name="contact_name",
        )
        self.name_edit.setPlaceholderText(
            translate("TooMuch", "A friend, a relative, your doctor…")
        )
        self.reach_edit = named(
            QLineEdit(),
            translate("TooMuch", "How to reach them"),
            translate("TooMuch", "A phone number, an address, or a note"),
            object_name="contact_reach",
        )
        self.reach_edit.setPlaceholderText(translate("TooMuch", "Phone number, address, or a note"))
        self.add_button = named(
            QPushButton(translate("TooMuch", "&Add contact")),
            translate("TooMuch", "Add contact"),
            translate("TooMuch", "Keeps this person in your list on this computer"),
        )
        self.remove_button = named(
            QPushButton(translate("TooMuch", "&Remove selected")),
            translate("TooMuch", "Remove selected contact"),
            translate("TooMuch", "Takes the chosen person off your list"),
        )
        self.back_button = named(
            QPushButton(translate("TooMuch", "&Back")),
            translate("TooMuch", "Back"),
            translate("TooMuch", "Back to what to do when it feels like too much"),
            object_name="too_much_back",
        )
        self.message = QLabel()
        self.message.setObjectName("contact_message")
        self.message.setWordWrap(True)
        for edit, field, limit in (
            (self.name_edit, translate("TooMuch", "Contact name"), limits.CONTACT_NAME),
            (self.reach_edit, translate("TooMuch", "How to reach them"), limits.CONTACT_REACH),
        ):
            limit_and_tell(edit, field, limit, self.message.setText)
        form = QFormLayout()
        tight(form, SPACE)
        form.addRow(translate("TooMuch", "&Name"), self.name_edit)
        form.addRow(translate("TooMuch", "&How to reach"), self.reach_edit)
        row = tight(QHBoxLayout(), SPACE)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        row.addWidget(self.back_button)
        layout = tight(QVBoxLayout(page), SPACE)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.contacts, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        return page

    # -- moving between the pages -------------------------------------------------------------

    def show_people(self) -> None:
        self.pages.setCurrentIndex(1)
        self.name_edit.setFocus()

    def show_first(self) -> None:
        self.pages.setCurrentIndex(0)
        self.people_button.setFocus()

    # -- the person's own people ----------------------------------------------------------------

    def _on_store_changed(self, table: str) -> None:
        if table == TABLE:
            self._reload()

    def _reload(self) -> None:
        self.contacts.clear()
        kept = list_contacts(self._store)
        lines = []
        for contact in kept:
            text = (
                contact.name
                if not contact.how_to_reach
                else f"{contact.name}: {contact.how_to_reach}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.contacts.addItem(item)
            lines.append(html.escape(text))
        self.remove_button.setEnabled(self.contacts.count() > 0)
        if lines:
            self.people_line.setText(
                translate("TooMuch", "Your people:") + "<br>" + "<br>".join(lines)
            )
        else:
            self.people_line.setText(
                translate(
                    "TooMuch",
                    "You can keep the names and numbers of people you would like to reach, "
                    "here on this computer.",
                )
            )

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
