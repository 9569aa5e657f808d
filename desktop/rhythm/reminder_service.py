"""Reminders at the anchors' times, through the desktop's own notifications.

Off unless the person turns them on. The tray is handed in, so tests use a fake one; the rules
of when and what are in desktop/rhythm/reminders.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desktop import APP_NAME
from desktop.clock import WallClock, local_now
from desktop.rhythm import reminders
from desktop.rhythm.settings import RhythmSettings
from desktop.store import Store
from desktop.store.rhythm import answers_on

CHECK_EVERY_MS = 20_000


class Tray(Protocol):
    def available(self) -> bool: ...
    def show(self) -> None: ...
    def hide(self) -> None: ...
    def show_message(self, title: str, text: str) -> None: ...


# Makes the tray, given what to do when the person clicks it or one of its messages.
TrayFactory = Callable[[Callable[[], None]], Tray]


class SystemTray:
    """The desktop's notification area, through QSystemTrayIcon."""

    def __init__(self, clicked: Callable[[], None]) -> None:
        from desktop.icons import app_icon

        self.icon = QSystemTrayIcon(app_icon())
        self.icon.setToolTip(APP_NAME)
        self.icon.messageClicked.connect(clicked)
        self.icon.activated.connect(lambda _reason: clicked())

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text)


class Reminders(QObject):
    open_requested = Signal()  # the person clicked a reminder: show them the Today tab
    shown = Signal(str)  # an anchor's key, once its reminder is shown

    def __init__(
        self,
        store: Store,
        settings: RhythmSettings,
        wall: WallClock,
        tray: TrayFactory,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._wall = wall
        self._make_tray = tray
        self._tray: Tray | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def tray(self) -> Tray:
        if self._tray is None:
            self._tray = self._make_tray(self.open_requested.emit)
        return self._tray

    def possible(self) -> bool:
        """Whether this desktop can show notifications at all."""
        return self.tray().available()

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self._tray is not None:
            self._tray.hide()

    def check(self) -> list[str]:
        """Show the reminders due now, each once; the keys of those shown."""
        if not self._settings.reminders_on():
            if self._tray is not None:
                self._tray.hide()
            return []
        tray = self.tray()
        if not tray.available():
            return []
        tray.show()
        now = local_now(self._wall)
        day = now.date()
        shown = self._settings.reminded(day)
        answered = set(answers_on(self._store, day))
        due = reminders.due(self._settings.anchors(), now, answered, shown)
        if not due:
            return []
        # Remembered before it is shown: a reminder is never shown twice, even after a crash.
        self._settings.set_reminded(day, shown | {a.key for a in due})
        for anchor in due:
            tray.show_message(*reminders.message(anchor))
            self.shown.emit(anchor.key)
        return [a.key for a in due]
