"""A soft cross-fade when a picture changes; none at all when the person asks for less motion.

The old picture is grabbed before the change and faded out over the new one, timed by the app's
monotonic clock (so tests drive it) and ticked by a timer that stops as soon as it is done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.clock import Clock

DURATION_S = 0.22
TICK_MS = 16


class CrossFade(QWidget):
    def __init__(self, target: QWidget, clock: Clock, reduced_motion: bool) -> None:
        super().__init__(target)
        self.setObjectName("cross_fade")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target = target
        self._clock = clock
        self.reduced_motion = reduced_motion
        self._old: QPixmap | None = None
        self._started = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.hide()

    @property
    def running(self) -> bool:
        return self._old is not None

    def begin(self) -> None:
        """Call just before the target changes: it will seem to turn softly into the new one."""
        if self.reduced_motion or not self._target.isVisible():
            return
        self._old = self._target.grab()
        self._started = self._clock.now()
        self.setGeometry(self._target.rect())
        self.raise_()
        self.show()
        self.timer.start()

    def progress(self) -> float:
        return min(1.0, max(0.0, (self._clock.now() - self._started) / DURATION_S))

    def finish(self) -> None:
        self.timer.stop()
        self._old = None
        self.hide()

    def _tick(self) -> None:
        if self.progress() >= 1.0:
            self.finish()
        else:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._old is None:
            return
        t = self.progress()
        with QPainter(self) as painter:
            painter.setOpacity(1.0 - t * t * (3 - 2 * t))  # eased: slow at both ends
            painter.drawPixmap(0, 0, self._old)
