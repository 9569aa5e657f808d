"""Where the everyday half of the practice meets the rest of the window: the Glimmer button and
Ctrl+G from any tab, the Today tab's requests to other tabs, and reminders at the anchors'
times. Features never import each other; this controller connects them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.clock import WallClock
from desktop.settings import Settings
from desktop.shell.main_window import MainWindow
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.breathe.tab import BreatheTab
    from desktop.rhythm.glimmer_dialog import GlimmerDialog
    from desktop.rhythm.reminder_service import Reminders, TrayFactory
    from desktop.store import Store

# The dialog, the Today tab and the reminders load when first needed, not before the first paint.


class RhythmActions:
    """Answers a main window's Glimmer requests and wires its Today tab, for the journal open
    in it. Reminders start after the first paint and stop when the window closes."""

    def __init__(
        self,
        store: Store,
        window: MainWindow,
        settings: Settings,
        wall: WallClock,
        too_much: Callable[[], object],
        tray: TrayFactory | None = None,
    ) -> None:
        self._store = store
        self._window = window
        self._settings = settings
        self._wall = wall
        self._too_much = too_much
        self._tray = tray
        self.reminders: Reminders | None = None
        self._closed = False
        window.glimmer_requested.connect(self.keep_glimmer)
        window.page_built.connect(self._page_built)
        window.after_first_paint(self._after_first_paint)

    def _after_first_paint(self) -> None:
        from PySide6.QtCore import Qt  # its enums cost a little to make: not before first paint

        # Ctrl+G from any window of the app, the "too much" page and other dialogs too.
        self._window.glimmer_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.start_reminders()

    # -- glimmers -----------------------------------------------------------------------------

    def keep_glimmer(self) -> GlimmerDialog:
        """The Glimmer button and Ctrl+G: a few words, Enter, and a quiet "Kept."."""
        from PySide6.QtCore import Qt

        from desktop.rhythm.glimmer_dialog import GlimmerDialog

        window = self._window
        for open_one in window.findChildren(GlimmerDialog):
            if open_one.isVisible():
                open_one.start()
                return open_one
        dialog = GlimmerDialog(self._store, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.kept.connect(
            lambda _glimmer: window.acknowledge(translate("Shell", "Kept. Small things count."))
        )
        dialog.start()
        return dialog

    # -- the Today tab ------------------------------------------------------------------------

    def _breathe(self) -> BreatheTab:
        from desktop.breathe.tab import BreatheTab

        page = self._window.show_page("breathe")
        assert isinstance(page, BreatheTab)
        return page

    def _page_built(self, key: str, page: QWidget) -> None:
        if key != "today":
            return
        from desktop.rhythm.today_tab import TodayTab

        assert isinstance(page, TodayTab)
        window = self._window
        together = "together" in window.page_keys()
        page.set_together_available(together)
        page.breathe_requested.connect(lambda: window.show_page("breathe"))
        page.breathe_minute_requested.connect(lambda: self._breathe().start_gentle_minute())
        page.pace_requested.connect(lambda: self._breathe().find_comfortable_pace())
        page.listen_requested.connect(lambda: window.show_page("listen"))
        page.contacts_requested.connect(self._too_much)
        if together:
            page.together_requested.connect(lambda: window.show_page("together"))
        page.acknowledged.connect(window.acknowledge)
        page.glimmer_requested.connect(self.keep_glimmer)
        page.reminders_changed.connect(lambda _on: self.check_reminders())

    def open_today(self) -> None:
        window = self._window
        window.show_page("today")
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    # -- reminders ----------------------------------------------------------------------------

    def start_reminders(self) -> None:
        """After the first paint: reminders at the anchors' times, if the person wants them."""
        from desktop.rhythm.reminder_service import Reminders, SystemTray
        from desktop.rhythm.settings import RhythmSettings

        if self.reminders is not None or self._closed:
            return
        self.reminders = Reminders(
            self._store,
            RhythmSettings(self._settings, self._store),
            self._wall,
            self._tray or SystemTray,
            self._window,
        )
        self.reminders.open_requested.connect(self.open_today)
        self.reminders.start()

    def reminders_possible(self) -> bool:
        return self.reminders is not None and self.reminders.possible()

    def check_reminders(self) -> None:
        if self.reminders is not None:
            self.reminders.check()  # the switch was turned: show or hide the tray now

    def closed(self) -> None:
        """The window and its journal are closing: no reminder may read the store after."""
        self._closed = True
        if self.reminders is not None:
            self.reminders.stop()
            self.reminders = None
