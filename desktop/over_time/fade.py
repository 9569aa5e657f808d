"""A soft fade when a picture changes; none at all when the person asks for less motion.

The new picture comes up out of its own background: a veil of the background's colour over it
thins away, timed by the app's monotonic clock (so tests drive it) and ticked by a timer that
stops as soon as it is done. Nothing is grabbed: the old picture is never drawn again, so
choosing another picture costs the window no more than drawing the new one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.clock import Clock

DURATION_S = 0.22
TICK_MS = 16


class SoftFade(QWidget):
    def __init__(self, target: QWidget, clock: Clock, reduced_motion: bool) -> None:
        super().__init__(target)
        self.setObjectName("soft_fade")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target = target
        self._clock = clock
        self.reduced_motion = reduced_motion
        self.running = False
        self._started = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.hide()

    def begin(self) -> None:
        """Call just before the target changes: the new picture will come up softly."""
        if self.reduced_motion or not self._target.isVisible():
            return
        self.running = True
        self._started = self._clock.now()
        self.setGeometry(self._target.rect())
        self.raise_()
        self.show()
        self.timer.start()

    def progress(self) -> float:
        return min(1.0, max(0.0, (self._clock.now() - self._started) / DURATION_S))

    def finish(self) -> None:
        self.timer.stop()
        self.running = False
        self.hide()

    def _tick(self) -> None:
        if self.progress() >= 1.0:
            self.finish()
        else:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.running:
            return
        t = self.progress()
        veil = self._target.palette().color(self._target.backgroundRole())
        with QPainter(self) as painter:
            painter.setOpacity(1.0 - t * t * (3 - 2 * t))  # eased: slow at both ends
            painter.fillRect(self.rect(), veil)
