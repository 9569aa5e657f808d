"""Pieces every dialog of the app shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.texts import translate


def close_buttons() -> QDialogButtonBox:
    """The row with the dialog's Close button, named and described for screen readers."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    button.setAccessibleName(translate("Dialogs", "Close"))
    button.setAccessibleDescription(translate("Dialogs", "Closes this window"))
    return box


class _TallEnough(QObject):
    """Keeps a window at least as tall as its lines need at its width now."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(
            watched, QWidget
        ):
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(watched.width())
                if watched.minimumHeight() != needed:
                    watched.setMinimumHeight(needed)
        return False


def keep_tall_enough(window: QWidget) -> None:
    """A window whose text wraps (a heading, a line of help) is never made shorter than its
    wrapped lines need: Qt works out a window's smallest height at its smallest width, where
    the lines break differently, and would squeeze its fields."""
    window.installEventFilter(_TallEnough(window))
