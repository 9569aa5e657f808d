"""Notices when nobody has touched the app for a while, on the app's one clock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from desktop.clock import Clock

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}
CHECK_EVERY_MS = 10_000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.minutes = 0  # 0: never
        self.last_activity = clock.now()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_activity = self._clock.now()
        return False

    def start(self, minutes: int) -> None:
        self.minutes = minutes
        self.last_activity = self._clock.now()
        if minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def retry_after(self, seconds: float) -> None:
        """Go idle again ``seconds`` from now unless someone comes back (a lock that had to
        wait tries again)."""
        if self.minutes > 0:
            self.last_activity = self._clock.now() - self.minutes * 60 + seconds
            self.timer.start()

    def check(self) -> None:
        if self.minutes > 0 and self._clock.now() - self.last_activity >= self.minutes * 60:
            self.timer.stop()
            self.idle.emit()
