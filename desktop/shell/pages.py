"""Which tabs the main window has and how each is built (only when first shown)."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.clock import Clock, WallClock
from desktop.resources import read_text
from desktop.settings import Settings
from desktop.shell.main_window import Page
from desktop.store import Store
from desktop.store_signals import StoreSignals
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.breathe.tab import Tones
    from desktop.checkin.feelings import Vocabulary
    from desktop.listen.player import Player


def system_prefers_reduced_motion() -> bool:
    """The desktop's reduced-motion setting: from Qt where it tells (6.12 and later), else
    read where the desktop keeps it (desktop/shell/motion.py)."""
    from desktop.shell.motion import prefers_reduced_motion

    return prefers_reduced_motion(_qt_motion_preference())


def _qt_motion_preference() -> bool | None:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    motion = getattr(accessibility(), "motionPreference", None) if accessibility else None
    if motion is None:
        return None
    from PySide6.QtCore import Qt  # its enums cost a little to make: not before first paint

    reduced = getattr(Qt, "MotionPreference", None)
    return None if reduced is None else bool(motion() == reduced.ReducedMotion)


def build_pages(
    store: Store,
    signals: StoreSignals,
    settings: Settings,
    clock: Clock,
    wall: WallClock,
    player: Callable[[], Player],  # the app's one music player, made on first use
    rng: random.Random | None = None,
    reminders_possible: Callable[[], bool] = lambda: True,
    show_page: Callable[[str], QWidget] | None = None,
) -> list[Page]:
    """``player`` gives the app's one music player, made on first use; ``rng`` chooses which
    glimmer from the past is offered again (seeded in tests); ``show_page`` brings a tab to
    the front (and builds it), for one tab asking another to show something."""

    @functools.cache
    def vocabulary() -> Vocabulary:
        from desktop.checkin.vocabularies import load_feelings  # with the first tab built

        return load_feelings()

    # Each tab's code is imported when the tab is first shown: start-up loads only what the
    # first painted tab needs (QtMultimedia, for one, waits for Listen or for tones).
    def breathe() -> QWidget:
        from desktop.breathe.cues import Cues
        from desktop.breathe.tab import BreatheTab

        def tones() -> Tones:
            from desktop.breathe.tone_player import TonePlayer

            return TonePlayer()

        return BreatheTab(
            store,
            signals,
            settings,
            clock,
            wall,
            vocabulary(),
            Cues.parse(read_text("cues.txt")),
            tones,
            reduced_motion=system_prefers_reduced_motion(),
        )

    def listen() -> QWidget:
        from desktop.listen.tab import ListenTab

        tab = ListenTab(store, signals, settings, player(), vocabulary(), read_text("body.svg"))
        tab.landed_requested.connect(lambda track, title: where_landed(tab, track, title))
        return tab

    def where_landed(parent: QWidget, track_id: int, title: str) -> None:
        from PySide6.QtCore import Qt

        from desktop.over_time.track_map import TrackMapDialog

        dialog = TrackMapDialog(store, track_id, title, read_text("body.svg"), parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def journal() -> QWidget:
        from desktop.journal.tab import JournalTab

        return JournalTab(store, signals, vocabulary(), wall)

    def today() -> QWidget:
        from desktop.rhythm.settings import RhythmSettings
        from desktop.rhythm.today_tab import TodayTab

        return TodayTab(
            store,
            signals,
            RhythmSettings(settings),
            clock,
            wall,
            rng or random.Random(),
            reminders_possible,
        )

    def open_day(day: str) -> None:
        from desktop.journal.tab import JournalTab

        page = show_page("journal") if show_page is not None else None
        if isinstance(page, JournalTab):
            page.show_day(day)

    def over_time() -> QWidget:
        from desktop.over_time.tab import OverTimeTab

        tab = OverTimeTab(
            store,
            signals,
            settings,
            clock,
            wall,
            vocabulary(),
            read_text("body.svg"),
            reduced_motion=system_prefers_reduced_motion(),
        )
        tab.day_requested.connect(open_day)
        return tab

    return [
        Page(
            "breathe",
            translate("Pages", "&Breathe"),
            translate("Pages", "Breath-paced grounding with a visual pacer"),
            breathe,
        ),
        Page(
            "listen",
            translate("Pages", "&Listen"),
            translate("Pages", "Your own music, with check-ins on what your body notices"),
            listen,
        ),
        Page(
            "journal",
            translate("Pages", "&Journal"),
            translate("Pages", "A private journal that starts with what you notice"),
            journal,
        ),
        Page(
            "today",
            translate("Pages", "&Today"),
            translate("Pages", "Your day's small rhythm, small invitations, and your glimmers"),
            today,
            number=5,  # Ctrl+4 is Together's, Ctrl+6 Over time's
        ),
        Page(
            "over_time",
            translate("Pages", "&Over time"),
            translate("Pages", "Pictures of what you have noticed, without scores"),
            over_time,
            number=6,
        ),
    ]
