"""The "Over time" tab: four pictures of what the person has noticed, never a grade.

Days with a practice, the body map over time, the words used, and what seems to help. Each is
read from the store off the GUI thread (desktop/over_time/loader.py) when first shown and again
after a change; each has its words beside it for a screen reader and can be saved as a PNG.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import Vocabulary
from desktop.clock import Clock, WallClock, today
from desktop.controls import named
from desktop.over_time.calendar_view import MONTH, YEAR, CalendarView
from desktop.over_time.fade import SoftFade
from desktop.over_time.loader import Executor, Loader
from desktop.over_time.parts import LOADING, Frame, heading, wrapping_label
from desktop.over_time.saving import FileDialogSaver, PictureSaver, save_picture
from desktop.over_time.steps import Steps
from desktop.settings import (
    OVER_TIME_CALENDAR,
    OVER_TIME_PICTURE,
    CalendarSpan,
    OverTimePicture,
    Settings,
)
from desktop.store import Store
from desktop.store.patterns import (
    DAY_KINDS,
    BodyFilter,
    BodyOptions,
    PracticeDays,
    WordsUsed,
    body_options,
    body_totals,
    practice_days,
    settled_changes,
    words_used,
)
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.over_time.body_view import BodyMade, BodyPage, HeatPicture
    from desktop.over_time.helps_view import HelpsPage
    from desktop.over_time.words_view import WordsPage

# The tables whose writes change what the pictures show.
WATCHED = frozenset(
    {t for kind in DAY_KINDS for t in kind.tables}
    | {"entries", "breath_sessions", "body_checkins", "track_moods", "tracks"}
)

PICTURES: tuple[tuple[OverTimePicture, str], ...] = (
    ("days", QT_TRANSLATE_NOOP("OverTime", "Days")),
    ("body", QT_TRANSLATE_NOOP("OverTime", "Body")),
    ("words", QT_TRANSLATE_NOOP("OverTime", "Words")),
    ("helps", QT_TRANSLATE_NOOP("OverTime", "What helps")),
)
PICTURE_KEYS: tuple[str, ...] = tuple(key for key, _ in PICTURES)


# -- the four pages --------------------------------------------------------------------------------


def _button(object_name: str, text: str, description: str) -> QPushButton:
    """A button named by its own words (without the mnemonic) and described."""
    return named(QPushButton(text), text, description, object_name=object_name)


class DaysPage(QWidget):
    mode_chosen = Signal(str)  # the person chose a month or a year at a time

    def __init__(self, wall: WallClock, clock: Clock, reduced_motion: bool) -> None:
        super().__init__()
        self.calendar = CalendarView(wall)
        self.fade = SoftFade(self.calendar, clock, reduced_motion)
        self.earlier = _button(
            "calendar_earlier",
            translate("OverTime", "&Earlier"),
            translate("OverTime", "Shows the month before"),
        )
        self.later = _button(
            "calendar_later",
            translate("OverTime", "La&ter"),
            translate("OverTime", "Shows the month after"),
        )
        self.month_button = _button(
            "calendar_month",
            translate("OverTime", "&Month"),
            translate("OverTime", "One month at a time"),
        )
        self.year_button = _button(
            "calendar_year",
            translate("OverTime", "&Year"),
            translate("OverTime", "A whole year at once"),
        )
        # Two checkable buttons that set_mode() keeps one of checked. Not a QButtonGroup: in a
        # group Tab reaches only the checked button, the other only by the arrow keys.
        for button in (self.month_button, self.year_button):
            button.setCheckable(True)
        self.month_button.setChecked(True)
        self.title = heading("")
        self.summary = wrapping_label("days_summary", translate("OverTime", LOADING))
        self.frame = Frame("days_frame")
        self.frame.column.addWidget(self.title)
        self.frame.column.addWidget(self.calendar, 1)
        self.frame.column.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.earlier)
        row.addWidget(self.later)
        row.addStretch()
        row.addWidget(self.month_button)
        row.addWidget(self.year_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.frame, 1)
        self.earlier.clicked.connect(lambda: self._step(-1))
        self.later.clicked.connect(lambda: self._step(1))
        self.month_button.clicked.connect(lambda: self.choose_mode(MONTH))
        self.year_button.clicked.connect(lambda: self.choose_mode(YEAR))
        self.calendar.period_changed.connect(self._show_period)
        self._show_period()

    def _step(self, count: int) -> None:
        self.fade.begin()
        self.calendar.step(count)

    def choose_mode(self, mode: CalendarSpan) -> None:
        self.set_mode(mode)
        self.mode_chosen.emit(mode)

    def set_mode(self, mode: CalendarSpan) -> None:
        if mode != self.calendar.mode:
            self.fade.begin()
        self.calendar.set_mode(mode)
        self.year_button.setChecked(mode == YEAR)
        self.month_button.setChecked(mode != YEAR)
        unit = translate("OverTime", "year") if mode == YEAR else translate("OverTime", "month")
        self.earlier.setAccessibleDescription(
            translate("OverTime", "Shows the {unit} before").format(unit=unit)
        )
        self.later.setAccessibleDescription(
            translate("OverTime", "Shows the {unit} after").format(unit=unit)
        )

    def show_days(self, days: PracticeDays) -> None:
        self.calendar.set_days(days)
        self._show_period()

    def _show_period(self) -> None:
        self.title.setText(
            "<h3>"
            + html.escape(
                translate("OverTime", "Days with a practice: {period}").format(
                    period=self.calendar.title()
                )
            )
            + "</h3>"
        )
        if self.calendar.days.kinds or self.calendar.days.by_day:
            self.summary.setText(self.calendar.summary())


# -- the tab ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyResult:
    picture: HeatPicture
    options: BodyOptions


class OverTimeTab(QWidget):
    day_requested = Signal(str)  # show this day's items in the journal's timeline

    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        settings: Settings,
        clock: Clock,
        wall: WallClock,
        vocabulary: Vocabulary,
        body: BodyMade,  # our drawing's regions, made off the GUI thread (opening.py)
        reduced_motion: bool = False,
        executor: Executor | None = None,
        saver: PictureSaver | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("over_time_tab")
        self._signals = signals
        self._settings = settings
        self._wall = wall
        self._body = body
        self._saver = saver or FileDialogSaver()
        self.loader = Loader(store, executor, self)
        self.steps = Steps(self)  # building and filling pages in pieces, a turn each
        self.stale: set[str] = set(PICTURE_KEYS)

        self.pictures = named(
            QTabBar(),
            translate("OverTime", "Pictures"),
            translate("OverTime", "Which picture to look at"),
            object_name="over_time_pictures",
        )
        for key, label in PICTURES:
            self.pictures.addTab(translate("OverTime", label))
            del key
        self.pictures.setExpanding(False)
        self._clock = clock
        self._reduced_motion = reduced_motion
        self._vocabulary = vocabulary
        # Each picture's page is built when it is first shown: opening the tab builds one.
        self.pages: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}
        # Each picture scrolls on its own. One scroll area around the whole stack would lay
        # out every page (its words wrapped at the new width, rich text and all) each time a
        # picture is chosen: a stack asks all its pages how tall they would be.
        self.scroll_areas: dict[str, QScrollArea] = {}
        self.stack = QStackedWidget()
        for key, _ in PICTURES:
            holder = QWidget()
            holder.setObjectName(f"{key}_picture")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            scroll_area = QScrollArea()
            scroll_area.setObjectName(f"{key}_scroll")
            scroll_area.setWidgetResizable(True)
            scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its content takes the focus
            scroll_area.setWidget(holder)
            self.scroll_areas[key] = scroll_area
            self.stack.addWidget(scroll_area)
        self.fade = SoftFade(self.stack, clock, reduced_motion)
        self.save_button = _button(
            "save_picture",
            translate("OverTime", "&Save as picture…"),
            translate("OverTime", "Saves the picture you see as a PNG file, to keep or to show"),
        )
        self.message = wrapping_label("over_time_message")
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pictures)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        keys = [key for key, _ in PICTURES]
        self.pictures.setCurrentIndex(keys.index(settings.get(OVER_TIME_PICTURE)))
        self.stack.setCurrentIndex(self.pictures.currentIndex())
        self._connect_signals()
        self.refresh()  # the reading begins at once; the page is built in a turn of its own
        first = self.current_key()
        self.steps.add(lambda: self._built(first))

    def _connect_signals(self) -> None:
        self.pictures.currentChanged.connect(self._on_picture_chosen)
        self.save_button.clicked.connect(self.save_picture)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self._signals.changed.connect(self._on_store_changed)

    # -- the pages ----------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The picture's page, built the first time it is asked for."""
        if key not in self.pages:
            page = self._build(key)
            self.pages[key] = page
            holder = self._holders[key]
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(page)
            page.show()
        return self.pages[key]

    def _build(self, key: str) -> QWidget:
        if key == "days":
            days = DaysPage(self._wall, self._clock, self._reduced_motion)
            if self._settings.get(OVER_TIME_CALENDAR) == YEAR:
                days.set_mode(YEAR)
            days.calendar.day_activated.connect(self.day_requested)
            days.mode_chosen.connect(self._remember_span)
            return days
        if key == "body":
            from desktop.over_time.body_view import BodyPage  # when first looked at

            body = BodyPage(self._body.drawing, self._wall)
            body.filter_changed.connect(lambda: self.load("body"))
            return body
        if key == "words":
            from desktop.over_time.words_view import WordsPage

            return WordsPage(self._vocabulary, self._wall)
        from desktop.over_time.helps_view import HelpsPage

        return HelpsPage()

    def _remember_span(self, mode: str) -> None:
        self._settings.set(OVER_TIME_CALENDAR, YEAR if mode == YEAR else MONTH)

    @property
    def days(self) -> DaysPage:
        return cast(DaysPage, self.page("days"))

    @property
    def body(self) -> BodyPage:
        return cast("BodyPage", self.page("body"))

    @property
    def words(self) -> WordsPage:
        return cast("WordsPage", self.page("words"))

    @property
    def helps(self) -> HelpsPage:
        return cast("HelpsPage", self.page("helps"))

    # -- which picture ------------------------------------------------------------------------

    def ready(self) -> bool:
        """Whether the shown picture has what it needs (for a screenshot to wait on)."""
        key = self.current_key()
        return key not in self.stale and not self.loader.pending(key) and not self.steps.pending()

    def current_key(self) -> str:
        return PICTURES[self.pictures.currentIndex()][0]

    def show_picture(self, key: str) -> None:
        self.pictures.setCurrentIndex(PICTURE_KEYS.index(key))

    def _on_picture_chosen(self, index: int) -> None:
        key = PICTURES[index][0]
        self.fade.begin()
        self.stack.setCurrentIndex(index)
        self.message.clear()
        self._settings.set(OVER_TIME_PICTURE, key)
        self.refresh()  # the reading begins at once, while the page is built
        if key not in self.pages:
            self.steps.add(lambda: self._built(key))

    def _built(self, key: str) -> None:
        self.page(key)

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the shown picture if what it shows may have changed."""
        key = self.current_key()
        if key in self.stale and not self.loader.pending(key):
            self.load(key)

    def load(self, key: str) -> None:
        self.stale.discard(key)
        self.loader.request(key, self._job(key))

    def _job(self, key: str) -> Callable[..., object]:
        if key == "days":
            return practice_days
        if key == "words":
            return words_used
        if key == "helps":
            return settled_changes
        from desktop.over_time.body_view import heat_picture

        page = self.pages.get("body")  # not built yet: the map as it first shows
        chosen = cast("BodyPage", page).body_filter() if page is not None else BodyFilter()
        kernels = self._body.kernels

        def body(conn: sqlite3.Connection) -> BodyResult:
            picture = heat_picture(kernels, body_totals(conn, chosen))
            return BodyResult(picture, body_options(conn))

        return body

    def _on_loaded(self, key: str, result: object) -> None:
        if key == "days" and isinstance(result, PracticeDays):
            self.days.show_days(result)  # the tab's first picture: shown as it comes
        else:
            # After the page's own building, if that is still waiting: a turn each.
            self.steps.add(partial(self._fill, key, result))

    def _fill(self, key: str, result: object) -> None:
        if key == "body" and isinstance(result, BodyResult):
            self.body.show_picture(result.picture, result.options)
        elif key == "words" and isinstance(result, WordsUsed):
            # Each part of the words in a turn of its own: the longest is its own stretch.
            self.steps.add(*self.words.showing(result))
        elif key == "helps" and isinstance(result, list):
            self.steps.add(*self.helps.showing(result))

    def _on_failed(self, key: str, problem: str) -> None:
        self.stale.add(key)
        self.message.setText(
            translate("OverTime", "This picture could not be read just now: {problem}").format(
                problem=problem
            )
        )

    def _on_store_changed(self, table: str) -> None:
        if table in WATCHED:
            self.stale = set(PICTURE_KEYS)
            if self.isVisible():
                self.refresh()

    def prepare_to_close(self) -> None:
        self.steps.stop()
        self.loader.close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # -- saving -------------------------------------------------------------------------------

    def frame(self) -> QWidget:
        page = self.page(self.current_key())
        return page.frame  # type: ignore[attr-defined, no-any-return]

    def save_picture(self) -> Path | None:
        suggested = f"glimmers-{self.current_key()}-{today(self._wall).isoformat()}.png"
        fades = [self.fade] + ([self.days.fade] if "days" in self.pages else [])
        self.steps.finish()  # the picture whole, not half filled
        for fade in fades:
            fade.finish()  # the picture as it is now, not half of the one before
        path, words = save_picture(self.frame(), self._saver, self, suggested)
        if words:
            self.message.setText(words)
        return path
