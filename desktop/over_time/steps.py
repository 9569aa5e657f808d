"""Work for the window in small pieces, each in a turn of the event loop of its own.

Building a picture's page and filling it with what was read are each some milliseconds of
widgets, text layout and painting. Done at once they hold the window for all of them together;
done as steps, the window draws and answers between one step and the next. A step runs from a
timer, not from a posted event, so the drawing a step asks for comes before the next step.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


class Steps(QObject):
    finished = Signal()  # every step added so far has run

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def add(self, *steps: Callable[[], None]) -> None:
        """Run these after the steps already waiting, one per turn."""
        self._waiting.extend(steps)
        if self._waiting and not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return bool(self._waiting)

    def finish(self) -> None:
        """Run every waiting step now, one after another (before the picture is saved)."""
        self._timer.stop()
        if not self._waiting:
            return
        while self._waiting:
            self._waiting.popleft()()
        self.finished.emit()

    def stop(self) -> None:
        """When the view goes: nothing more is run."""
        self._timer.stop()
        self._waiting.clear()

    def _next(self) -> None:
        if not self._waiting:
            return
        step = self._waiting.popleft()
        try:
            step()
        finally:
            if self._waiting:
                self._timer.start()
            else:
                self.finished.emit()
