"""Where the everyday half of the practice meets the rest: the Glimmer dialog from any tab,
the Today tab's requests to other tabs, and reminders. Features never import each other; the
shell connects them here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.shell.main_window import MainWindow
from desktop.store import Store
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.breathe.tab import BreatheTab
    from desktop.rhythm.glimmer_dialog import GlimmerDialog


def keep_glimmer(store: Store, window: MainWindow) -> GlimmerDialog:
    """The Glimmer button and Ctrl+G: a few words, Enter, and a quiet "Kept."."""
    from PySide6.QtCore import Qt

    from desktop.rhythm.glimmer_dialog import GlimmerDialog

    open_one = window.findChild(GlimmerDialog, "glimmer_dialog")
    if isinstance(open_one, GlimmerDialog) and open_one.isVisible():
        open_one.start()
        return open_one
    dialog = GlimmerDialog(store, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.kept.connect(
        lambda _glimmer: window.acknowledge(translate("Shell", "Kept. Small things count."))
    )
    dialog.start()
    return dialog


def _breathe(window: MainWindow) -> BreatheTab:
    from desktop.breathe.tab import BreatheTab

    page = window.show_page("breathe")
    assert isinstance(page, BreatheTab)
    return page


def open_today(window: MainWindow) -> None:
    window.show_page("today")
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def connect_today(
    window: MainWindow,
    page: QWidget,
    too_much: Callable[[], object],
    reminders_changed: Callable[[], None],
) -> None:
    """Wire the Today tab's requests once it is built."""
    from desktop.rhythm.today_tab import TodayTab

    if not isinstance(page, TodayTab):
        return
    page.set_together_available("together" in window.page_keys())
    page.breathe_requested.connect(lambda: window.show_page("breathe"))
    page.breathe_minute_requested.connect(lambda: _breathe(window).start_gentle_minute())
    page.pace_requested.connect(lambda: _breathe(window).find_comfortable_pace())
    page.listen_requested.connect(lambda: window.show_page("listen"))
    page.contacts_requested.connect(too_much)
    page.together_requested.connect(
        lambda: window.show_page("together") if "together" in window.page_keys() else None
    )
    page.acknowledged.connect(window.acknowledge)
    page.reminders_changed.connect(lambda _on: reminders_changed())
