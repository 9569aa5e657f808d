"""Small pieces the Today tab's pages share."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QSizePolicy

MOST_HEIGHT = 240  # a fitted list taller than this scrolls


class FittedList(QListWidget):
    """A list as tall as its rows, not a tall empty box; it scrolls only when space is short."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in range(self.count()))
        return QSize(hint.width(), rows + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        # All of a short list; a long one scrolls past this height.
        hint = self.sizeHint()
        return QSize(super().minimumSizeHint().width(), min(hint.height(), MOST_HEIGHT))
