"""Which tabs the main window has and how each is built (only when first shown)."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication

from desktop.clock import Clock, WallClock
from desktop.resources import read_text
from desktop.settings import Settings
from desktop.shell.main_window import Page
from desktop.store_signals import StoreSignals
from desktop.texts import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.breathe.tab import BreatheTab
    from desktop.breathe.tones import Tones
    from desktop.checkin.feelings import Vocabulary
    from desktop.journal.tab import JournalTab
    from desktop.listen.library_view import Picker
    from desktop.listen.player import Player
    from desktop.listen.tab import ListenTab
    from desktop.over_time.loader import Executor
    from desktop.over_time.opening import Importing, OpeningTab
    from desktop.over_time.saving import PictureSaver
    from desktop.over_time.tab import OverTimeTab
    from desktop.over_time.track_map import TrackMapDialog
    from desktop.rhythm.today_tab import TodayTab
    from desktop.store import Store
    from desktop.worker_job import Starter


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


class Tabs:
    """Builds each tab the one way: for the main window, when a tab is first shown, and for tests.

    The first six are the app's own; the rest are what tests replace (None: the real thing),
    and ``show_page``, which brings a tab to the front (and builds it), for one tab asking
    another to show something (None: nothing is brought).
    Each tab's code is imported when the tab is built, so start-up loads only what the first
    painted tab needs (QtMultimedia, for one, waits for Listen or for tones).

    (A plain class, not a dataclass: it is made before the first paint, and the dataclasses
    module and the methods a dataclass compiles took some 10 ms there.)
    """

    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        settings: Settings,
        clock: Clock,
        wall: WallClock,
        player: Callable[[], Player],  # the app's one music player, made on first use
        tones: Callable[[], Tones] | None = None,
        picker: Picker | None = None,
        start_scan: Starter | None = None,
        autosave_ms: int | None = None,
        rng: random.Random | None = None,  # which glimmer from the past is offered again
        reminders_possible: Callable[[], bool] = lambda: True,
        show_page: Callable[[str], QWidget] | None = None,
        pictures_read: Executor | None = None,  # how Over time reads (None: a thread of its own)
        pictures_saved: PictureSaver | None = None,  # where "Save as picture" goes (None: asked)
        pictures_opened: Importing | None = None,  # how Over time's code comes (None: a thread)
    ) -> None:
        self.store = store
        self.signals = signals
        self.settings = settings
        self.clock = clock
        self.wall = wall
        self.player = player
        self.tones = tones
        self.picker = picker
        self.start_scan = start_scan
        self.autosave_ms = autosave_ms
        self.rng = rng
        self.reminders_possible = reminders_possible
        self.show_page = show_page
        self.pictures_read = pictures_read
        self.pictures_saved = pictures_saved
        self.pictures_opened = pictures_opened

    def replace(self, **changes: Any) -> Tabs:
        """Another Tabs like this one but for ``changes`` (a test's fakes)."""
        given = {key: value for key, value in vars(self).items() if key != "vocabulary"}
        return Tabs(**{**given, **changes})

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        from desktop.checkin.vocabularies import load_feelings  # with the first tab built

        return load_feelings()

    def breathe(self) -> BreatheTab:
        from desktop.breathe.cues import Cues
        from desktop.breathe.tab import BreatheTab

        def tones() -> Tones:
            from desktop.breathe.tone_player import TonePlayer

            return TonePlayer()

        return BreatheTab(
            self.store,
            self.signals,
            self.settings,
            self.clock,
            self.wall,
            self.vocabulary,
            Cues.parse(read_text("cues.txt")),
            self.tones or tones,
            reduced_motion=system_prefers_reduced_motion(),
        )

    def listen(self) -> ListenTab:
        from desktop.listen.tab import ListenTab
        from desktop.worker_job import start_in_pool

        tab = ListenTab(
            self.store,
            self.signals,
            self.settings,
            self.player(),
            self.vocabulary,
            read_text("body.svg"),
            picker=self.picker,
            start_scan=self.start_scan or start_in_pool,
        )
        tab.landed_requested.connect(lambda track, title: self.show_where_landed(tab, track, title))
        return tab

    def show_where_landed(
        self, parent: QWidget | None, track_id: int, title: str
    ) -> TrackMapDialog:
        """Where one track has landed in the body, in a window of its own (Over time's map)."""
        from PySide6.QtCore import Qt

        from desktop.over_time.track_map import TrackMapDialog

        dialog = TrackMapDialog(
            self.store,
            track_id,
            title,
            read_text("body.svg"),
            executor=self.pictures_read,
            saver=self.pictures_saved,
            parent=parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def journal(self) -> JournalTab:
        from desktop.journal.editor import AUTOSAVE_MS
        from desktop.journal.tab import JournalTab

        return JournalTab(
            self.store,
            self.signals,
            self.vocabulary,
            self.wall,
            autosave_ms=AUTOSAVE_MS if self.autosave_ms is None else self.autosave_ms,
        )

    def today(self) -> TodayTab:
        from desktop.rhythm.settings import RhythmSettings
        from desktop.rhythm.today_tab import TodayTab

        return TodayTab(
            self.store,
            self.signals,
            RhythmSettings(self.settings, self.store),
            self.clock,
            self.wall,
            self.rng or random.Random(),
            self.reminders_possible,
        )

    def together(self) -> QWidget:
        from desktop.shell.together_parts import together_tab

        return together_tab(
            self.store,
            self.settings,
            self.clock,
            system_prefers_reduced_motion(),
            rng=self.rng,
            tones=self.tones,
        )

    def open_day(self, day: str) -> None:
        """The journal's timeline at ``day`` (a day of the Over time calendar opened)."""
        from desktop.journal.tab import JournalTab

        page = self.show_page("journal") if self.show_page is not None else None
        if isinstance(page, JournalTab):
            page.show_day(day)

    def over_time(self) -> OpeningTab:
        """Over time opens at once; its code is imported off the GUI thread, then it is built."""
        from desktop.over_time.opening import OpeningTab, Prepared, in_thread

        qt_says = _qt_motion_preference()  # Qt's own answer, read here on the GUI thread

        def prepare() -> Prepared:  # on the importing thread: it may run gsettings
            from desktop.over_time.body_view import make_body  # imported by now
            from desktop.shell.motion import prefers_reduced_motion

            return Prepared(prefers_reduced_motion(qt_says), make_body(read_text("body.svg")))

        def build(prepared: Prepared) -> OverTimeTab:
            from desktop.over_time.tab import OverTimeTab  # imported by now: this costs nothing

            tab = OverTimeTab(
                self.store,
                self.signals,
                self.settings,
                self.clock,
                self.wall,
                self.vocabulary,
                prepared.body,
                reduced_motion=prepared.reduced_motion,
                executor=self.pictures_read,
                saver=self.pictures_saved,
            )
            tab.day_requested.connect(self.open_day)
            return tab

        return OpeningTab(build, prepare, start=self.pictures_opened or in_thread)

    def pages(self) -> list[Page]:
        return pages_of(lambda: self)


def pages_of(tabs: Callable[[], Tabs]) -> list[Page]:
    """The tabs of the main window, each built by ``tabs()`` when first shown: the frame of a
    window can show before the journal it will hold is open."""
    return [
        Page(
            "breathe",
            translate("Pages", "&Breathe"),
            translate("Pages", "Breath-paced grounding with a visual pacer"),
            lambda: tabs().breathe(),
        ),
        Page(
            "listen",
            translate("Pages", "&Listen"),
            translate("Pages", "Your own music, with check-ins on what your body notices"),
            lambda: tabs().listen(),
        ),
        Page(
            "journal",
            translate("Pages", "&Journal"),
            translate("Pages", "A private journal that starts with what you notice"),
            lambda: tabs().journal(),
        ),
        Page(
            "together",
            translate("Pages", "&Together"),
            translate("Pages", "Listening, a circle and touch with consent, for people together"),
            lambda: tabs().together(),
        ),
        Page(
            "today",
            translate("Pages", "&Today"),
            translate("Pages", "Your day's small rhythm, small invitations, and your glimmers"),
            lambda: tabs().today(),
            number=5,  # Ctrl+4 is Together's, Ctrl+6 Over time's
        ),
        Page(
            "over_time",
            translate("Pages", "&Over time"),
            translate("Pages", "Pictures of what you have noticed, without scores"),
            lambda: tabs().over_time(),
            number=6,
        ),
    ]
