"""Asks for the passphrase of a protected journal, calmly, as often as needed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, look
from desktop.controls import named
from desktop.texts import translate


class UnlockWindow(QWidget):
    unlock_requested = Signal(str, bool)  # the passphrase or recovery key, and which it is
    quit_requested = Signal()

    def __init__(self, locked_by_idle: bool = False, key_problem: str | None = None) -> None:
        """``key_problem`` says why the passphrase cannot open the journal (its key file is
        missing or damaged): then the recovery key is asked for."""
        super().__init__()
        self.setObjectName("unlock_window")
        self.setWindowTitle(translate("Unlock", "{app}: locked").format(app=APP_NAME))
        heading = look.heading(QLabel(translate("Unlock", "Your journal is protected")), "title")
        self.reason = QLabel(
            translate(
                "Unlock",
                "Glimmers locked itself after a quiet while. Enter your passphrase to open it.",
            )
            if locked_by_idle
            else translate("Unlock", "Enter your passphrase to open it.")
        )
        self.reason.setWordWrap(True)
        self.secret = named(
            QLineEdit(),
            translate("Unlock", "Passphrase"),
            object_name="passphrase",
        )
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_recovery = QCheckBox(translate("Unlock", "Use my recovery key instead"))
        self.use_recovery.setAccessibleName(translate("Unlock", "Use my recovery key instead"))
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(translate("Unlock", "&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(translate("Unlock", "Unlock"))
        self.quit_button = QPushButton(translate("Unlock", "&Quit"))
        self.quit_button.setAccessibleName(translate("Unlock", "Quit"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.reason)
        layout.addWidget(self.secret)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addLayout(buttons)
        self.resize(480, 260)
        self.unlock_button.clicked.connect(self._unlock)
        self.secret.returnPressed.connect(self._unlock)
        self.quit_button.clicked.connect(self.quit_requested)
        self.use_recovery.toggled.connect(self._recovery_toggled)
        if key_problem:
            self.reason.setText(key_problem)
            self.use_recovery.setChecked(True)
        self.secret.setFocus()

    def _recovery_toggled(self, on: bool) -> None:
        self.secret.clear()
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(
            translate("Unlock", "Recovery key") if on else translate("Unlock", "Passphrase")
        )
        self.secret.setPlaceholderText("ABCD-EFGH-…" if on else "")

    def _unlock(self) -> None:
        if not self.secret.text():
            self.message.setText(translate("Unlock", "Type your passphrase first."))
            return
        self.message.setText(translate("Unlock", "Opening…"))
        self.unlock_requested.emit(self.secret.text(), self.use_recovery.isChecked())

    def refused(self, text: str) -> None:
        self.message.setText(text)
        self.secret.selectAll()
        self.secret.setFocus()
