"""The journal while it is open: the store, its signals, the main window and the controllers that
answer the window's menus.

The lifecycle (app.py) makes one when the store opens and closes it as a whole, so nothing here
can outlive the store or be left half made: every part exists exactly while the journal is open.
"""

from __future__ import annotations

import random
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from PySide6.QtWidgets import QWidget

from desktop.clock import Clock, WallClock
from desktop.settings import Settings
from desktop.shell.data_actions import DataActions
from desktop.shell.file_dialogs import Dialogs
from desktop.shell.help_actions import HelpActions
from desktop.shell.main_window import MainWindow
from desktop.shell.pages import Tabs
from desktop.shell.rhythm_actions import RhythmActions
from desktop.store_signals import StoreSignals

if TYPE_CHECKING:
    from desktop.listen.player import Player
    from desktop.rhythm.reminder_service import TrayFactory
    from desktop.store import Store

P = ParamSpec("P")
R = TypeVar("R")


def _weakly(method: Callable[P, R]) -> Callable[P, R]:
    """``method``, called without keeping its object alive. The window's pages hold these; a
    strong reference back to the journal that holds the window would make a cycle, and a closed
    window's wrapper would live on until the garbage collector happened to run."""
    ref = weakref.WeakMethod(method)

    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = ref()
        assert bound is not None, "called after the journal was closed"
        return bound(*args, **kwargs)

    return call


class OpenJournal:
    def __init__(
        self,
        store: Store,
        data_dir: Path,
        settings: Settings,
        clock: Clock,
        wall: WallClock,
        dialogs: Dialogs,
        player: Callable[[], Player],
        rng: random.Random,
        tray: TrayFactory | None,
        window: MainWindow | None = None,  # a frame already showing, whose tabs come from here
    ) -> None:
        self.store = store
        self.signals = StoreSignals(store)
        self.rhythm: RhythmActions | None = None  # made last: it needs the window and its help
        tabs = self.tabs = Tabs(
            store,
            self.signals,
            settings,
            clock,
            wall,
            player,
            rng=rng,
            reminders_possible=_weakly(self.reminders_possible),
            show_page=_weakly(self.show_page),
        )
        if window is None:
            window = MainWindow(tabs.pages(), settings)
        self.window = window
        self.data_actions = DataActions(store, self.signals, dialogs, window)
        for action in self.data_actions.actions():
            window.add_menu_action("file", action)
        self.help_actions = HelpActions(store, self.signals, data_dir, window)
        self.rhythm = RhythmActions(
            store, window, settings, wall, self.help_actions.show_too_much, tray
        )
        window.quit_requested.connect(window.close)
        window.confirm_close = dialogs.confirm

    def reminders_possible(self) -> bool:
        return self.rhythm is not None and self.rhythm.reminders_possible()

    def show_page(self, key: str) -> QWidget:
        """Bring a tab to the front (one tab asking another to show something)."""
        return self.window.show_page(key)

    def close(self, hide: bool) -> None:
        """Reminders stop, the window keeps its drafts and geometry, then the store closes (the
        key with it). The window is hidden rather than closed when the app goes on: closing the
        last window would end its event loop."""
        if self.rhythm is not None:
            self.rhythm.closed()
            self.rhythm = None
        self.window.prepare_to_close()  # once only: a window the person closed has done it
        self.data_actions.prepare_to_close()
        if hide:
            self.window.hide()
            self.window.deleteLater()
        self.signals.detach()
        self.store.close()
