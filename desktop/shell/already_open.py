"""Shown by a second start on a journal that another Glimmers (or a command) has open: it says
so plainly and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.controls import named
from desktop.store.journal_lock import Holder
from desktop.texts import translate


def already_open_text(data_dir: Path, holder: Holder | None, brought_forward: bool) -> str:
    if holder is not None and not holder.is_app:
        first = translate(
            "Shell",
            "Glimmers is busy with this journal: \u201cglimmers {command}\u201d is running. "
            "Try again when it has finished.",
        ).format(command=holder.what)
    elif brought_forward:
        first = translate(
            "Shell",
            "Glimmers is already open with this journal. Its window is in front now; "
            "everything you keep is there.",
        )
    else:
        first = translate(
            "Shell",
            "Glimmers is already open with this journal. Switch to its window to go on: "
            "one window at a time keeps every word you write.",
        )
    return (
        first
        + "\n\n"
        + translate("Shell", "The journal is in {folder}").format(folder=data_dir)
        + "\n"
        + translate("Shell", "Nothing was changed.")
    )


class AlreadyOpenWindow(QWidget):
    close_requested = Signal()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setObjectName("already_open_window")
        self.setWindowTitle(translate("Shell", "{app} is already open").format(app=APP_NAME))
        self.message = named(
            QLabel(text),
            translate("Shell", "Glimmers is already open"),
            object_name="already_open_message",
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = named(
            QPushButton(translate("Shell", "&Close")),
            translate("Shell", "Close"),
            translate("Shell", "Closes this notice; the open Glimmers stays as it is"),
        )
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.resize(520, 220)
        self.close_button.clicked.connect(self.close_requested)
        self.close_button.setFocus()
