"""File > Passphrase and lock: protect the journal, change or remove the passphrase, the lock."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.dialog_parts import close_buttons
from desktop.settings import LOCK_MINUTES
from desktop.store.protection import MIN_PASSPHRASE
from desktop.texts import QT_TRANSLATE_NOOP, translate

HONEST_NOTE = QT_TRANSLATE_NOOP(
    "Protection",
    "Your journal, its search index and its backups will be encrypted on disk. Glimmers cannot "
    "recover a forgotten passphrase, and nobody else can either. When you set it, you can save a "
    "recovery key: keep it somewhere safe, away from this computer.",
)


def _password_field(name: str, accessible: str) -> QLineEdit:
    field = named(
        QLineEdit(),
        accessible,
        translate("Protection", "At least 8 characters; a few words are easy to remember"),
        object_name=name,
    )
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ProtectionDialog(QDialog):
    protect_requested = Signal(str)
    change_requested = Signal(str)
    remove_requested = Signal()
    lock_requested = Signal()
    save_recovery_requested = Signal(str)
    lock_minutes_changed = Signal(int)  # 0: never lock by itself

    def __init__(self, protected: bool, lock_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protection_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Protection", "Passphrase and lock"))
        self.resize(520, 460)
        note = QLabel(translate("Protection", HONEST_NOTE))
        note.setWordWrap(True)
        self.passphrase = _password_field(
            "new_passphrase", translate("Protection", "New passphrase")
        )
        self.again = _password_field(
            "passphrase_again", translate("Protection", "The new passphrase again")
        )
        understood = translate(
            "Protection", "I understand a forgotten passphrase cannot be recovered"
        )
        self.understood = named(
            QCheckBox(understood),
            understood,
            translate("Protection", "Needed before the journal is protected"),
        )
        set_words = (
            translate("Protection", "Change passphrase")
            if protected
            else translate("Protection", "Protect my journal")
        )
        self.set_button = named(
            QPushButton(set_words),
            set_words,
            translate("Protection", "Encrypts your journal with the new passphrase"),
            object_name="set_passphrase",
        )
        self.remove_button = QPushButton(translate("Protection", "Remove the passphrase…"))
        self.remove_button.setAccessibleName(translate("Protection", "Remove the passphrase"))
        self.remove_button.setVisible(protected)
        form = QFormLayout()
        form.addRow(translate("Protection", "New passphrase"), self.passphrase)
        form.addRow(translate("Protection", "Once more"), self.again)
        form.addRow(self.understood)
        row = QHBoxLayout()
        row.addWidget(self.set_button)
        row.addWidget(self.remove_button)
        row.addStretch()

        self.recovery_box = QGroupBox(translate("Protection", "Your recovery key"))
        self.recovery = named(
            QLabel(),
            translate("Protection", "Recovery key"),
            object_name="recovery_key",
        )
        self.recovery.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_recovery_button = QPushButton(
            translate("Protection", "Save the recovery key to a file…")
        )
        self.save_recovery_button.setAccessibleName(
            translate("Protection", "Save the recovery key to a file")
        )
        recovery_layout = QVBoxLayout(self.recovery_box)
        recovery_layout.addWidget(
            QLabel(
                translate(
                    "Protection",
                    "Print it or save it somewhere safe. "
                    "It opens your journal without the passphrase.",
                )
            )
        )
        recovery_layout.addWidget(self.recovery)
        recovery_layout.addWidget(self.save_recovery_button)
        self.recovery_box.hide()

        self.lock_box = QGroupBox(translate("Protection", "Lock"))
        self.lock_box.setVisible(protected)
        self.minutes = named(
            QSpinBox(),
            translate("Protection", "Lock after this many quiet minutes"),
            object_name="lock_minutes",
        )
        self.minutes.setRange(1, LOCK_MINUTES.high)  # 0 is "never", the box below
        self.minutes.setValue(lock_minutes or LOCK_MINUTES.default)
        never = translate("Protection", "Never lock by itself")
        self.never = named(QCheckBox(never), never, object_name="never_lock")
        self.never.setChecked(lock_minutes == 0)
        self.minutes.setEnabled(lock_minutes != 0)
        self.lock_now = QPushButton(translate("Protection", "Lock now (Ctrl+L)"))
        self.lock_now.setAccessibleName(translate("Protection", "Lock now"))
        lock_form = QFormLayout(self.lock_box)
        lock_form.addRow(translate("Protection", "Lock after (minutes)"), self.minutes)
        lock_form.addRow(self.never)
        lock_form.addRow(self.lock_now)

        self.message = QLabel()
        self.message.setObjectName("protection_message")
        self.message.setWordWrap(True)
        close = close_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.recovery_box)
        layout.addWidget(self.lock_box)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.set_button.clicked.connect(self._set)
        self.remove_button.clicked.connect(self.remove_requested)
        self.lock_now.clicked.connect(self.lock_requested)
        self.save_recovery_button.clicked.connect(
            lambda: self.save_recovery_requested.emit(self.recovery.text())
        )
        self.never.toggled.connect(self._lock_setting_changed)
        self.minutes.valueChanged.connect(self._lock_setting_changed)

    def _set(self) -> None:
        first, second = self.passphrase.text(), self.again.text()
        if len(first) < MIN_PASSPHRASE:
            self.show_message(
                translate(
                    "Protection",
                    "Choose a passphrase of at least %n character(s).",
                    None,
                    MIN_PASSPHRASE,
                )
            )
        elif first != second:
            self.show_message(
                translate("Protection", "The two passphrases are not the same. Type them again.")
            )
        elif not self.understood.isChecked():
            self.show_message(
                translate("Protection", "Please tick the box that says you understand.")
            )
        else:
            self.show_message(translate("Protection", "Working… your journal is being encrypted."))
            signal = (
                self.change_requested if self.remove_button.isVisible() else self.protect_requested
            )
            signal.emit(first)
            return
        self.passphrase.setFocus()

    def show_message(self, text: str) -> None:
        """What happened, or what is needed, below the form."""
        self.message.setText(text)

    def show_recovery(self, text: str) -> None:
        self.passphrase.clear()
        self.again.clear()
        self.recovery.setText(text)
        self.recovery_box.show()
        self.remove_button.show()
        self.lock_box.show()
        self.set_button.setText(translate("Protection", "Change passphrase"))

    def _lock_setting_changed(self) -> None:
        self.minutes.setEnabled(not self.never.isChecked())
        self.lock_minutes_changed.emit(0 if self.never.isChecked() else self.minutes.value())
