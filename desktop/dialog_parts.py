"""Pieces every dialog of the app shares."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop.texts import translate


def close_buttons() -> QDialogButtonBox:
    """The row with the dialog's Close button, named and described for screen readers."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    button.setAccessibleName(translate("Dialogs", "Close"))
    button.setAccessibleDescription(translate("Dialogs", "Closes this window"))
    return box
