"""Small pieces the Today tab's pages share."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget

from desktop.look import PageScroll

MOST_HEIGHT = 240  # a fitted list taller than this scrolls


class FittedList(QListWidget):
    """A list as tall as its rows, not a tall empty box; it scrolls only when space is short."""

    def __init__(self, most_height: int | None = MOST_HEIGHT) -> None:
        """``most_height`` None: every row always shows, for a list on a page that scrolls."""
        super().__init__()
        self._most_height = most_height
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in range(self.count()))
        return QSize(hint.width(), rows + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        # All of a short list; a long one scrolls past this height.
        hint = self.sizeHint()
        most = hint.height() if self._most_height is None else self._most_height
        return QSize(super().minimumSizeHint().width(), min(hint.height(), most))


class ScrollingPage(PageScroll):
    """A page that scrolls as a whole when the window is too small for it, so nothing on it is
    ever squeezed under its neighbour; no frame, no sideways scrolling, and one width whether
    its scroll bar shows or not (look.PageScroll)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__(content)

    @staticmethod
    def bring_into_view(widget: QWidget) -> None:
        """Scroll the page ``widget`` is on so that it shows (once the layout has placed it)."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, ScrollingPage):
            parent = parent.parentWidget()
        if parent is not None:
            page = parent
            QTimer.singleShot(0, page, lambda: page.ensureWidgetVisible(widget, 0, 8))
