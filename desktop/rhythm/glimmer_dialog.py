"""Keeping a glimmer in under five seconds: a few words, Enter, and it is kept.

Which sense and where in the body are there if the person wants them, one step away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.store import Store
from desktop.store.glimmers import MAX_TEXT_LENGTH, SENSE_LABELS, Glimmer, keep_glimmer
from desktop.store.records import REGION_LABELS
from desktop.texts import translate


class GlimmerDialog(QDialog):
    kept = Signal(object)  # Glimmer: the one just kept, once it is safely stored

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setObjectName("glimmer_dialog")
        self.setWindowTitle(translate("Glimmer", "Keep a glimmer"))
        question = QLabel(translate("Glimmer", "What was the small thing? A few words are enough."))
        question.setWordWrap(True)
        self.text_edit = named(
            QLineEdit(),
            translate("Glimmer", "What was the small thing?"),
            translate("Glimmer", "A few words about a small moment of warmth, ease or curiosity"),
            object_name="glimmer_text",
        )
        self.text_edit.setMaxLength(MAX_TEXT_LENGTH + 50)  # longer text is explained, not cut
        self.text_edit.setPlaceholderText(translate("Glimmer", "warm mug in cold hands"))
        question.setBuddy(self.text_edit)

        self.where_button = named(
            QPushButton(translate("Glimmer", "&Where you noticed it…")),
            translate("Glimmer", "Where you noticed it"),
            translate("Glimmer", "Shows a choice of sense and of a place in the body, if you like"),
            object_name="glimmer_where",
        )
        self.where_button.setCheckable(True)
        self.sense_box = named(
            QComboBox(),
            translate("Glimmer", "Which sense"),
            translate("Glimmer", "The sense it came through, if you like"),
            object_name="glimmer_sense",
        )
        self.sense_box.addItem(translate("Glimmer", "Any sense, or none"), "")
        for key, label in SENSE_LABELS.items():
            self.sense_box.addItem(translate("Senses", label), key)
        self.region_box = named(
            QComboBox(),
            translate("Glimmer", "Where in the body"),
            translate("Glimmer", "Where in your body you felt it, if anywhere"),
            object_name="glimmer_region",
        )
        self.region_box.addItem(translate("Glimmer", "Anywhere, or nowhere"), "")
        for key, label in REGION_LABELS.items():
            self.region_box.addItem(translate("Body", label), key)
        self.where_panel = QWidget()
        where_form = QFormLayout(self.where_panel)
        where_form.setContentsMargins(0, 0, 0, 0)
        where_form.addRow(translate("Glimmer", "&Sense"), self.sense_box)
        where_form.addRow(translate("Glimmer", "&Body"), self.region_box)
        self.where_panel.hide()

        self.message = QLabel()
        self.message.setObjectName("glimmer_message")
        self.message.setWordWrap(True)
        self.keep_button = named(
            QPushButton(translate("Glimmer", "&Keep")),
            translate("Glimmer", "Keep"),
            translate("Glimmer", "Keeps the glimmer at once. Enter does the same"),
            object_name="glimmer_keep",
        )
        self.keep_button.setDefault(True)
        self.close_button = named(
            QPushButton(translate("Glimmer", "Close")),
            translate("Glimmer", "Close"),
            translate("Glimmer", "Closes this without keeping anything"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.where_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.where_panel)
        layout.addLayout(buttons)
        layout.addWidget(self.message)  # below: a message never moves the button just pressed
        self.setMinimumWidth(420)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.keep_button.clicked.connect(self.keep)  # Enter too: it is the default button
        self.close_button.clicked.connect(self.reject)
        self.where_button.toggled.connect(self._show_where)

    def _show_where(self, shown: bool) -> None:
        self.where_panel.setVisible(shown)
        self.adjustSize()
        if shown:
            self.sense_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def keep(self) -> Glimmer | None:
        try:
            glimmer = keep_glimmer(
                self._store,
                self.text_edit.text(),
                str(self.sense_box.currentData() or ""),
                str(self.region_box.currentData() or ""),
            )
        except ValueError as e:
            self.message.setText(str(e))
            self.text_edit.setFocus()
            return None
        self.kept.emit(glimmer)
        self.accept()
        return glimmer

    def start(self) -> None:
        """Show the dialog ready to type into."""
        self.show()
        self.activateWindow()
        self.text_edit.setFocus()
