"""The Over time tab as a person meets it: marks on the right days, a map warm where things were
felt, honest words about small numbers, keyboard and screen readers, saving a picture."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.tab import JournalTab
from desktop.listen.tab import ListenTab
from desktop.over_time.body_view import BodyHeatView
from desktop.over_time.calendar_view import YEAR, CalendarView
from desktop.over_time.loader import Loader, inline
from desktop.over_time.opening import OpeningTab
from desktop.over_time.saving import PictureSaver
from desktop.over_time.tab import OverTimeTab
from desktop.over_time.track_map import TrackMapDialog
from desktop.shell.pages import Tabs
from desktop.shell.theme import calm_palette
from desktop.store import Store
from desktop.store.breathing import StoredSession, save_session
from desktop.store.glimmers import keep_glimmer
from desktop.store.journal import Entry, save_entry
from desktop.store.listening import BodyMark, CheckIn, TrackInfo, add_tracks, save_checkin
from desktop.store.records import Feeling
from desktop.store.together import CIRCLE, PAIR, TogetherRecord, save_record
from tests.conftest import TabsOn
from tests.helpers import FakeClock, FakeWallClock, near, shown


class FakeSaver:
    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None:
        self.asked.append(suggested)
        return (self.answer, filters[0]) if self.answer is not None else None


class TabMaker(Protocol):
    def __call__(
        self,
        *,
        reduced_motion: bool = True,
        saver: PictureSaver | None = None,
        threads: bool = False,
    ) -> OverTimeTab: ...


@pytest.fixture
def make_tab(
    qtbot: QtBot, store: Store, tabs_on: TabsOn, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TabMaker]:
    """Over time as the main window builds it (its code and pictures read on the test's thread
    unless ``threads``); tabs made in one test share their settings."""
    made: list[OpeningTab] = []

    def make(
        *, reduced_motion: bool = True, saver: PictureSaver | None = None, threads: bool = False
    ) -> OverTimeTab:
        # Pictures are sampled as soon as they change: no fade in the way unless a test asks.
        monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "1" if reduced_motion else "0")
        tabs = tabs_on(store).replace(pictures_saved=saver)
        if threads:  # the loader's own thread, as in the app
            tabs = tabs.replace(pictures_read=None)
        opening = shown(qtbot, tabs.over_time())
        made.append(opening)
        assert opening.tab is not None
        return opening.tab

    yield make
    for opening in made:
        opening.prepare_to_close()


def session(day: str, before: int | None = None, after: int | None = None) -> StoredSession:
    return StoredSession(
        "Resonance", {}, 300.0, 30, False, settled_before=before, settled_after=after, day=day
    )


def marked(view: CalendarView, day: dt.date) -> list[tuple[int, int]]:
    """The pixels of the day's square, below its number (and today's line under it), drawn
    in the marks' colour."""
    image = view.grab().toImage()
    accent = view.palette().color(view.palette().ColorRole.Highlight)
    area = view.cells()[day].adjusted(2, 4 + view.fontMetrics().height() + 2, -2, -2)
    return [
        (x, y)
        for x in range(int(area.left()), int(area.right()))
        for y in range(int(area.top()), int(area.bottom()))
        if near(image.pixelColor(x, y), accent)
    ]


def mark_pixels(view: CalendarView, day: dt.date) -> int:
    return len(marked(view, day))


def mark_rows(view: CalendarView, day: dt.date) -> list[int]:
    """The rows of the day's square (below its number) with pixels in the marks' colour."""
    return sorted({y for _, y in marked(view, day)})


# -- days with a practice ---------------------------------------------------------------------


@pytest.fixture
def november(store: Store) -> None:
    save_session(store, session("2026-11-03"))
    save_session(store, session("2026-11-10"))
    save_entry(store, Entry(day="2026-11-10", body="a slow walk"))
    save_checkin(store, CheckIn(None, "", None, (BodyMark("chest"),), day="2026-11-20"))


def test_a_days_marks_sit_under_its_own_number_not_above_the_next_weeks(
    make_tab: TabMaker, november: None
) -> None:
    tab = make_tab()
    tab.resize(1100, 700)
    view = tab.days.calendar
    rect = view.cells()[dt.date(2026, 11, 10)]
    rows = mark_rows(view, dt.date(2026, 11, 10))
    assert rows
    # Nearer the day's own number, at the top of its square, than the foot of the square,
    # where the next week's number sits.
    assert max(rows) < rect.center().y()
    # The number is centred under its weekday, as the weekday's name is.
    image = view.grab().toImage()
    ink = view.palette().color(view.palette().ColorRole.Text)
    top = int(rect.top()) + 4
    xs = [
        x
        for y in range(top, top + view.fontMetrics().height())
        for x in range(int(rect.left()), int(rect.right()))
        if near(image.pixelColor(x, y), ink, 120)
    ]
    assert xs and abs((min(xs) + max(xs)) / 2 - rect.center().x()) <= 2


def test_the_calendar_marks_the_days_with_a_practice_and_nothing_else(
    make_tab: TabMaker, november: None
) -> None:
    tab = make_tab()
    view = tab.days.calendar
    assert view.title() == "November 2026"
    counts = {day: mark_pixels(view, day) for day in view.cells()}
    marked = {day.day for day, count in counts.items() if count}
    assert marked == {3, 10, 20}
    assert (
        counts[dt.date(2026, 11, 10)] > counts[dt.date(2026, 11, 3)] * 1.5
    )  # two kinds, two marks
    assert tab.days.summary.text() == (
        "November 2026. Breathing: 3 and 10 November. Listening: 20 November. Writing: 10 November."
    )


def _number_contrast(view: CalendarView, day: dt.date) -> int:
    """How far the day's number stands out from its square: the greatest difference in
    lightness between its ink and the square's background, at the top of the square."""
    image = view.grab().toImage()
    rect = view.cells()[day]
    top = int(rect.top()) + 4
    lightness = [
        image.pixelColor(x, y).lightness()
        for y in range(top, top + view.fontMetrics().height())
        for x in range(int(rect.left()) + 2, int(rect.right()) - 2)
    ]
    return max(lightness) - min(lightness)


def test_days_still_to_come_are_written_quieter_than_the_days_lived(
    make_tab: TabMaker, november: None
) -> None:
    """Every day of the month read the same, so the days after today looked like days with
    no mark: as if already missed."""
    view = make_tab().days.calendar
    lived, to_come = dt.date(2026, 11, 26), dt.date(2026, 11, 30)  # today is 28 November
    assert _number_contrast(view, to_come) > 0  # still written, to be read
    assert _number_contrast(view, to_come) < _number_contrast(view, lived) - 40


def test_a_day_with_something_kept_opens_in_the_journal(
    qtbot: QtBot, make_tab: TabMaker, november: None
) -> None:
    tab = make_tab()
    view = tab.days.calendar
    centre = view.cells()[dt.date(2026, 11, 10)].center().toPoint()
    with qtbot.waitSignal(tab.day_requested) as asked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert asked.args == ["2026-11-10"]
    empty = view.cells()[dt.date(2026, 11, 11)].center().toPoint()
    with qtbot.assertNotEmitted(tab.day_requested):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=empty)


def test_the_keyboard_moves_between_days_and_months_and_says_each_day(
    qtbot: QtBot, make_tab: TabMaker, november: None
) -> None:
    tab = make_tab()
    view = tab.days.calendar
    view.setFocus()
    assert view.focus_day == dt.date(2026, 11, 28)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Left):
        qtbot.keyClick(view, key)
    assert view.focus_day == dt.date(2026, 11, 12)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.accessibleDescription() == (
        "Tuesday 10 November 2026: breathing and writing. Enter shows them in the journal."
    )
    with qtbot.waitSignal(tab.day_requested) as asked:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked.args == ["2026-11-10"]
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.title() == "October 2026"
    assert "October 2026" in tab.days.title.text()
    assert tab.days.summary.text() == "October 2026: nothing kept in this month."
    qtbot.mouseClick(tab.days.later, Qt.MouseButton.LeftButton)
    assert view.title() == "November 2026"


def test_the_year_shows_each_month_with_its_marked_days(
    qtbot: QtBot, make_tab: TabMaker, november: None, store: Store
) -> None:
    save_session(store, session("2026-02-14"))
    tab = make_tab()
    qtbot.mouseClick(tab.days.year_button, Qt.MouseButton.LeftButton)
    view = tab.days.calendar
    assert view.mode == YEAR and view.title() == "2026"
    image = view.grab().toImage()
    accent = view.palette().color(view.palette().ColorRole.Highlight)

    def has_mark(day: dt.date) -> bool:
        rect = view.cells()[day]
        return any(
            near(image.pixelColor(x, y), accent)
            for x in range(int(rect.left()) + 1, int(rect.right()))
            for y in range(int(rect.top()) + 1, int(rect.bottom()))
        )

    assert [d for d in view.cells() if has_mark(d)] == [
        dt.date(2026, 2, 14),
        dt.date(2026, 11, 3),
        dt.date(2026, 11, 10),
        dt.date(2026, 11, 20),
    ]
    assert tab.days.summary.text() == (
        "2026. Breathing on 3 days, in February and November. Listening on 1 day, in November. "
        "Writing on 1 day, in November."
    )


def test_glimmers_and_practices_together_get_their_own_marks(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    keep_glimmer(store, "the smell of rain on the step")  # today, 28 November
    save_record(store, TogetherRecord(PAIR, 600.0, 2, 2, day="2026-11-14"))
    tab = make_tab()
    view = tab.days.calendar
    marked = {day.day for day in view.cells() if mark_pixels(view, day)}
    assert marked == {14, 28}
    assert tab.days.summary.text() == (
        "November 2026. Glimmers: 28 November. Together: 14 November."
    )
    save_record(store, TogetherRecord(CIRCLE, 900.0, 2, 4, day="2026-11-16"))
    qtbot.waitUntil(lambda: mark_pixels(view, dt.date(2026, 11, 16)) > 0)


def test_an_empty_journal_shows_no_marks_and_says_what_will_show(
    over_time_tab: OverTimeTab,
) -> None:
    tab = over_time_tab
    assert all(mark_pixels(tab.days.calendar, d) == 0 for d in tab.days.calendar.cells())
    assert tab.days.summary.text().startswith("Days with a practice show here.")


def test_a_month_with_nothing_yet_opens_on_the_latest_day_kept(
    qtbot: QtBot, make_tab: TabMaker, november: None, wall: FakeWallClock, store: Store
) -> None:
    """The first days of December: the calendar opens on November's marks, not a page of
    empty days; Later still goes to December, and a day kept now does not move the view."""
    wall.set(dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.timezone.utc))
    tab = make_tab()
    view = tab.days.calendar
    assert view.title() == "November 2026"
    assert view.focus_day == dt.date(2026, 11, 20)
    assert "November 2026" in tab.days.title.text()
    save_session(store, session("2026-12-02"))
    qtbot.waitUntil(lambda: "Breathing: 3 and 10 November" in tab.days.summary.text())
    assert view.title() == "November 2026"
    qtbot.mouseClick(tab.days.later, Qt.MouseButton.LeftButton)
    assert view.title() == "December 2026"
    assert mark_pixels(view, dt.date(2026, 12, 2)) > 0


def test_a_month_with_something_kept_opens_on_itself(
    make_tab: TabMaker, november: None, wall: FakeWallClock
) -> None:
    wall.set(dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.timezone.utc))
    view = make_tab().days.calendar
    assert view.title() == "November 2026"
    assert view.focus_day == dt.date(2026, 11, 21)  # today, as always


def test_something_new_shows_without_opening_the_tab_again(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    tab = make_tab()
    save_session(store, session("2026-11-27"))
    qtbot.waitUntil(lambda: mark_pixels(tab.days.calendar, dt.date(2026, 11, 27)) > 0)


# -- the body map -------------------------------------------------------------------------------


def heat_at(view: BodyHeatView, image: QImage, region: str) -> int:
    """How far a region's centre has moved from the plain silhouette towards the heat colour."""
    point = view.region_centre(region).toPoint()
    colour = image.pixelColor(point)
    plain = view.palette().color(view.palette().ColorRole.AlternateBase)
    return abs(colour.lightness() - plain.lightness()) + abs(colour.hslHue() - plain.hslHue()) // 8


@pytest.fixture
def felt(store: Store) -> None:
    add_tracks(store, [TrackInfo("/a.wav", "Morning Rain"), TrackInfo("/b.wav", "Hum")])
    for day in ("2026-09-01", "2026-09-02", "2026-09-03", "2026-09-04"):
        save_checkin(
            store,
            CheckIn(1, "Morning Rain", 1000, (BodyMark("chest", ("warm",), "strong"),), day=day),
        )
    save_checkin(
        store,
        CheckIn(2, "Hum", 1000, (BodyMark("feet", ("tingling",), "faint"),), day="2026-11-20"),
    )


def show_body(qtbot: QtBot, tab: OverTimeTab) -> BodyHeatView:
    qtbot.mouseClick(tab.pictures, Qt.MouseButton.LeftButton, pos=tab.pictures.tabRect(1).center())
    assert tab.current_key() == "body"
    qtbot.waitUntil(tab.ready)
    return tab.body.view


def test_the_body_map_is_warmest_where_things_were_felt(
    qtbot: QtBot, make_tab: TabMaker, felt: None
) -> None:
    tab = make_tab()
    view = show_body(qtbot, tab)
    image = view.grab().toImage()
    chest, feet, head, legs = (heat_at(view, image, r) for r in ("chest", "feet", "head", "legs"))
    assert chest > feet > head
    assert head <= 2 and legs <= 2
    summary = tab.body.summary.text()
    assert summary.startswith("5 marks on the body, the warmest places first. Chest: marked 4")
    assert summary.index("Chest") < summary.index("Feet")


def test_the_filters_change_the_map(qtbot: QtBot, make_tab: TabMaker, felt: None) -> None:
    tab = make_tab()
    view = show_body(qtbot, tab)
    quality = tab.body.quality
    quality.setCurrentIndex(quality.findText("tingling"))
    qtbot.waitUntil(tab.ready)
    image = view.grab().toImage()
    assert heat_at(view, image, "feet") > heat_at(view, image, "chest")
    assert heat_at(view, image, "chest") <= 2
    assert tab.body.summary.text().startswith("1 mark on the body")
    quality.setCurrentIndex(0)
    tab.body.period.setCurrentIndex(tab.body.period.findText("The last 4 weeks"))
    qtbot.waitUntil(tab.ready)
    assert set(view.totals.regions) == {"feet"}
    tab.body.period.setCurrentIndex(0)
    practice = tab.body.practice
    practice.setCurrentIndex(practice.findText("Listening to Morning Rain"))
    qtbot.waitUntil(tab.ready)
    assert set(view.totals.regions) == {"chest"}
    assert "Listening to Morning Rain" in tab.body.chosen.text()


def test_the_body_maps_regions_are_made_once_before_the_map_is_asked_for(
    qtbot: QtBot, make_tab: TabMaker, felt: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.over_time import body_view
    from desktop.over_time.heat import HeatKernels

    made: list[str] = []
    real = body_view.make_kernels

    def make(svg: str) -> HeatKernels:
        made.append("kernels")
        return real(svg)

    monkeypatch.setattr(body_view, "make_kernels", make)
    tab = make_tab()  # the days picture first
    assert made == ["kernels"]  # once it had come, in the loader's thread
    show_body(qtbot, tab)
    tab.body.quality.setCurrentIndex(tab.body.quality.findText("tingling"))
    qtbot.waitUntil(tab.ready)
    assert made == ["kernels"]


def test_the_regions_are_reached_with_the_keyboard(
    qtbot: QtBot, make_tab: TabMaker, felt: None
) -> None:
    tab = make_tab()
    view = show_body(qtbot, tab)
    view.setFocus()
    keys = [r.key for r in view.regions]
    while view.current != "chest":
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.accessibleDescription().startswith("Chest: marked 4 times, often warm.")
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current == keys[keys.index("chest") - 1]


def test_in_the_dark_the_heat_is_lighter_where_more_was_felt(
    qtbot: QtBot, make_tab: TabMaker, felt: None
) -> None:
    tab = make_tab()
    tab.setPalette(calm_palette(dark=True))
    view = show_body(qtbot, tab)
    image = view.grab().toImage()
    chest = image.pixelColor(view.region_centre("chest").toPoint())
    head = image.pixelColor(view.region_centre("head").toPoint())
    assert chest.lightness() > head.lightness()  # one hue, brighter where warmer on dark


# -- words and what seems to help ---------------------------------------------------------------


def test_words_show_when_each_came_with_ones_own_words_marked(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    save_entry(store, Entry(day="2026-09-05", feelings=(Feeling("numb"),)))
    save_entry(store, Entry(day="2026-11-02", feelings=(Feeling("calm", 2), Feeling("fizzy", 1))))
    tab = make_tab()
    tab.show_picture("words")
    qtbot.waitUntil(tab.ready)
    words = tab.words
    assert [u.word for u in words.chart.words.words] == ["numb", "calm", "fizzy"]
    assert words.summary.text().startswith(
        "You have used 3 different feeling words. 1 of them your own: fizzy."
    )
    assert "<i>fizzy</i>" in words.groups.text() and "September 2026" in words.groups.text()
    assert "calm and a little fizzy" in words.mixed.text()  # an own word reads as English
    words.chart.setFocus()
    qtbot.keyClick(words.chart, Qt.Key.Key_End)
    assert words.chart.accessibleDescription().startswith(
        "fizzy, a word of your own: first noted on Monday 2 November 2026, on 1 day."
    )


def test_no_word_is_written_across_the_step_line(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    """Each word sits above its own step, beside its dot: the line runs through none of them,
    and no two words cover each other, whether they came on one day or months apart."""
    days = ["2026-08-02"] * 5 + ["2026-08-03", "2026-09-10", "2026-09-20", "2026-09-21"]
    words = ["flat", "heavy", "calm", "tired", "numb", "nothing in particular", "tender"]
    words += ["curious", "sad"]
    for day, word in zip(days, words, strict=True):
        save_entry(store, Entry(day=day, feelings=(Feeling(word),)))
    tab = make_tab()
    tab.show_picture("words")
    qtbot.waitUntil(tab.ready)
    chart = tab.words.chart
    labels = chart.labels()
    assert sorted(word for _, word in labels) == sorted(words)
    points = chart.points()
    rises = [QRectF(a, QPointF(a.x(), b.y())) for a, b in itertools.pairwise(points)]
    lines = [QRectF(step.p1(), step.p2()) for step in chart.steps()] + rises
    for area, word in labels:
        assert chart.rect().toRectF().contains(area), f"{word} reaches past the chart"
        for line in lines:
            assert not line.normalized().adjusted(-1, -1, 1, 1).intersects(area), (
                f"the step line runs through {word}"
            )
    for (a, first), (b, second) in itertools.combinations(labels, 2):
        assert not a.intersects(b), f"{first} and {second} cover each other"


def test_too_few_sessions_are_said_to_be_too_few(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    save_session(store, session("2026-11-01", 2, 4))
    save_session(store, session("2026-11-02", 3, 3))
    tab = make_tab()
    tab.show_picture("helps")
    qtbot.waitUntil(tab.ready)
    assert tab.helps.descriptions["breathing"].text() == (
        "2 sessions so far: too few to say anything."
    )
    assert "at least three of each" in tab.helps.comparisons["breathing"].text()
    assert tab.helps.strips["breathing"].counts == {2: 1, 0: 1}


def test_with_enough_days_the_days_with_and_without_are_compared(
    qtbot: QtBot, make_tab: TabMaker, store: Store
) -> None:
    for n, day in enumerate(("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05")):
        save_session(store, session(day, 2, 3 + n % 2))
    for day in ("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-10", "2026-11-11", "2026-11-12"):
        save_entry(store, Entry(day=day, feelings=(Feeling("calm"),)))
    tab = make_tab()
    tab.show_picture("helps")
    qtbot.waitUntil(tab.ready)
    description = tab.helps.descriptions["breathing"].text()
    assert description.startswith("A first impression from a few sessions only. Across 5 sessions")
    comparison = tab.helps.comparisons["breathing"].text()
    assert "on 3 days with breathing and on 3 other days" in comparison
    assert "calm: on 3 of the 3 days with breathing, on 3 of the 3 other days." in comparison
    strip = tab.helps.strips["breathing"]
    assert strip.accessibleDescription() == description


# -- for everyone --------------------------------------------------------------------------------


def test_save_as_picture_writes_the_picture_with_its_words(
    qtbot: QtBot, make_tab: TabMaker, november: None, tmp_path: Path
) -> None:
    saver = FakeSaver(tmp_path / "for my therapist")
    tab = make_tab(saver=saver)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert saver.asked == ["glimmers-days-2026-11-28.png"]
    written = tmp_path / "for my therapist.png"
    image = QImage(str(written))
    assert not image.isNull()
    assert image.size() == tab.days.frame.size() * tab.days.frame.devicePixelRatio()
    assert tab.message.text() == "Saved the picture as for my therapist.png."


def test_a_picture_saved_while_it_is_being_filled_is_saved_whole(
    qtbot: QtBot, make_tab: TabMaker, store: Store, tmp_path: Path
) -> None:
    save_entry(store, Entry(day="2026-11-02", feelings=(Feeling("calm", 2), Feeling("fizzy", 1))))
    tab = make_tab(saver=FakeSaver(tmp_path / "words"))
    tab.show_picture("words")  # read at once here; its parts are filled a turn each
    assert tab.steps.pending()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.steps.pending()
    assert "fizzy" in tab.words.groups.text() and "fizzy" in tab.words.mixed.text()
    assert (tmp_path / "words.png").exists()


def test_a_picture_that_cannot_be_saved_says_so(
    qtbot: QtBot, make_tab: TabMaker, tmp_path: Path
) -> None:
    saver = FakeSaver(tmp_path / "no such folder" / "map.png")
    tab = make_tab(saver=saver)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "could not be saved" in tab.message.text()
    assert not (tmp_path / "no such folder").exists()


def test_a_change_of_picture_fades_softly_and_ends_with_the_clock(
    qtbot: QtBot, make_tab: TabMaker, clock: FakeClock
) -> None:
    tab = make_tab(reduced_motion=False)
    tab.show_picture("words")
    assert tab.fade.running and tab.fade.timer.isActive()
    clock.advance(0.1)
    qtbot.waitUntil(lambda: 0.3 < tab.fade.progress() < 0.6)
    clock.advance(1.0)
    qtbot.waitUntil(lambda: not tab.fade.running)
    assert not tab.fade.timer.isActive() and not tab.fade.isVisible()


def test_with_reduced_motion_nothing_fades(qtbot: QtBot, make_tab: TabMaker) -> None:
    tab = make_tab(reduced_motion=True)
    tab.show_picture("words")
    qtbot.mouseClick(tab.pictures, Qt.MouseButton.LeftButton, pos=tab.pictures.tabRect(0).center())
    qtbot.mouseClick(tab.days.earlier, Qt.MouseButton.LeftButton)
    for fade in (tab.fade, tab.days.fade):
        assert not fade.running and not fade.timer.isActive() and not fade.isVisible()


@pytest.mark.parametrize("size", [(683, 740), (640, 480), (1100, 760), (1920, 1080)])
def test_every_picture_fits_each_window_size(
    qtbot: QtBot, make_tab: TabMaker, november: None, felt: None, size: tuple[int, int]
) -> None:
    from tests.ui.test_large_text import clipped

    tab = make_tab()
    tab.window().resize(*size)
    for key in ("days", "body", "words", "helps"):
        tab.show_picture(key)
        qtbot.waitUntil(tab.ready)
        QApplication.processEvents()
        assert clipped(tab) == [], key
        frame = tab.frame()
        assert frame.width() <= tab.width() and frame.isVisible()


def test_the_pictures_are_read_off_the_gui_thread_and_arrive_by_signal(
    qtbot: QtBot, make_tab: TabMaker, november: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import patterns

    readers: list[int] = []

    def read(conn: sqlite3.Connection) -> patterns.PracticeDays:
        readers.append(threading.get_ident())
        return patterns.practice_days(conn)

    monkeypatch.setattr("desktop.over_time.tab.practice_days", read)
    tab = make_tab(threads=True)
    qtbot.waitUntil(tab.ready, timeout=10_000)
    assert readers and threading.get_ident() not in readers
    assert tab.days.calendar.days.kinds_on("2026-11-10") == ("breathing", "writing")
    tab.show_picture("body")
    qtbot.waitUntil(tab.ready, timeout=10_000)
    assert tab.body.view.totals.marks == 1
    assert tab.loader.wait()


def test_the_loader_opens_its_connection_in_its_own_thread_and_says_when_it_cannot(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_in: list[int] = []
    real = store.second_connection

    def second() -> Store:
        opened_in.append(threading.get_ident())
        return real()

    monkeypatch.setattr(store, "second_connection", second)
    loader = Loader(store)  # its own thread, as in the app
    with qtbot.waitSignal(loader.loaded) as got:
        loader.request("days", lambda conn: conn.execute("SELECT 1").fetchone()[0])
    assert got.args == ["days", 1]
    assert opened_in and threading.get_ident() not in opened_in  # never on the GUI thread
    loader.close()

    def refuse() -> Store:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(store, "second_connection", refuse)
    again = Loader(store, inline)
    with qtbot.waitSignal(again.failed) as failed:
        again.request("days", lambda conn: pytest.fail("nothing to read with"))
    assert failed.args == ["days", "unable to open database file"]
    again.close()
    again.request("days", lambda conn: pytest.fail("closed: nothing is read"))


def test_steps_run_one_a_turn_with_the_window_drawn_between(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer

    from desktop.over_time.steps import Steps

    steps = Steps()
    ran: list[str] = []

    def first() -> None:
        ran.append("first")
        QTimer.singleShot(0, lambda: ran.append("drawn"))  # posted, as a repaint is

    steps.add(first, lambda: ran.append("second"))
    assert steps.pending() and ran == []  # nothing at once: the caller's turn ends first
    with qtbot.waitSignal(steps.finished):
        pass
    assert ran == ["first", "drawn", "second"] and not steps.pending()
    steps.add(lambda: ran.append("never"))
    steps.stop()  # the view went
    assert not steps.pending()
    later = Steps()  # its turn comes after the stopped one's would have
    later.add(lambda: ran.append("later"))
    with qtbot.waitSignal(later.finished):
        pass
    assert ran[-1] == "later" and "never" not in ran


def test_only_the_newest_answer_counts(qtbot: QtBot, store: Store) -> None:
    waiting: list[Callable[[], None]] = []
    loader = Loader(store, waiting.append)
    loader.request("days", lambda conn: "old")
    loader.request("days", lambda conn: "new")
    received: list[object] = []
    loader.loaded.connect(lambda name, result: received.append(result))
    waiting[1]()
    waiting[0]()  # the older answer arrives last: it is left out
    assert received == ["new"]
    assert not loader.pending("days")
    loader.close()


def test_a_picture_that_cannot_be_read_says_so_and_is_tried_again(
    qtbot: QtBot, make_tab: TabMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(conn: sqlite3.Connection) -> object:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("desktop.over_time.tab.words_used", refuse)
    tab = make_tab()
    tab.show_picture("words")
    assert "could not be read just now: database is locked" in tab.message.text()
    assert "words" in tab.stale


def test_the_picture_is_remembered(qtbot: QtBot, make_tab: TabMaker) -> None:
    tab = make_tab()
    tab.show_picture("helps")
    qtbot.mouseClick(tab.pictures, Qt.MouseButton.LeftButton, pos=tab.pictures.tabRect(0).center())
    qtbot.mouseClick(tab.days.year_button, Qt.MouseButton.LeftButton)
    tab.show_picture("helps")
    again = make_tab()
    assert again.current_key() == "helps"
    assert again.days.calendar.mode == YEAR


def test_the_calendar_shows_its_focus(qtbot: QtBot, over_time_tab: OverTimeTab) -> None:
    tab = over_time_tab
    view = tab.days.calendar
    tab.pictures.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    without = view.grab().toImage()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert view.grab().toImage() != without


# -- with the rest of the app (the shared ``app`` fixture) ---------------------------------------


def test_ctrl_6_opens_over_time_and_a_day_opens_in_the_journal(
    qtbot: QtBot, app: Lifecycle
) -> None:
    assert app.window is not None and app.store is not None
    qtbot.waitExposed(app.window)
    save_entry(app.store, Entry(day="2026-11-10", body="the walk by the river"))
    save_entry(app.store, Entry(day="2026-11-20", body="a later day"))
    qtbot.keyClick(app.window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert app.window.current_page_key() == "over_time"
    opening = app.window.page_content("over_time")
    assert isinstance(opening, OpeningTab)
    qtbot.waitUntil(opening.ready, timeout=10_000)  # its code came on a thread of its own
    tab = opening.tab
    assert isinstance(tab, OverTimeTab)
    view = tab.days.calendar
    centre = view.cells()[dt.date(2026, 11, 10)].center().toPoint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert app.window.current_page_key() == "journal"
    journal = app.window.page_content("journal")
    assert isinstance(journal, JournalTab)
    assert [i.day for i in journal.model.items()] == ["2026-11-10"]
    assert journal.day_banner.isVisible()
    assert "10 November" in journal.day_banner.label.text()
    assert journal.timeline.hasFocus()
    qtbot.mouseClick(journal.newest_button, Qt.MouseButton.LeftButton)
    assert [i.day for i in journal.model.items()] == ["2026-11-20", "2026-11-10"]
    assert not journal.day_banner.isVisible()


class HeldStart:
    """Keeps the opening's importing until the test lets it run."""

    def __init__(self) -> None:
        self.work: list[Callable[[], None]] = []

    def __call__(self, work: Callable[[], None]) -> None:
        self.work.append(work)

    def run(self) -> None:
        for work in self.work:
            work()


def test_over_time_opens_at_once_and_its_pictures_follow(
    qtbot: QtBot, tabs: Tabs, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldStart()
    monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "1")
    opening = shown(qtbot, tabs.replace(pictures_opened=held).over_time())
    opening.setFocus()  # as a keyboard user arrives
    qtbot.waitUntil(opening.waiting.hasFocus)
    assert opening.waiting.isVisible() and opening.waiting.text() == "Gathering your pictures…"
    assert opening.tab is None and not opening.ready()
    with qtbot.waitSignal(opening.opened):
        held.run()  # as the thread would: the modules, then the tab built on the GUI thread
    tab = opening.tab
    assert tab is not None and tab.isVisibleTo(opening)
    assert tab.fade.reduced_motion  # the desktop's motion setting, read on the importing thread
    assert not opening.waiting.isVisibleTo(opening)
    qtbot.waitUntil(opening.ready)  # its page is built in a turn of the event loop of its own
    qtbot.waitUntil(tab.pictures.hasFocus)  # the focus stays inside the page
    opening.prepare_to_close()


def test_over_time_says_so_when_its_code_cannot_be_loaded(
    qtbot: QtBot, tabs: Tabs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.over_time.opening.FIRST", ("desktop.over_time.no_such_picture",))
    opening = shown(qtbot, tabs.over_time())
    assert "could not be shown just now" in opening.waiting.text()
    assert "no_such_picture" in opening.waiting.accessibleName()
    assert opening.tab is None and not opening.ready()


def test_over_time_says_so_when_its_drawing_cannot_be_made(
    qtbot: QtBot, tabs: Tabs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.over_time.body_view import BodyMade

    def broken(svg_text: str) -> BodyMade:
        raise ValueError("the body map lacks regions: chest")

    monkeypatch.setattr("desktop.over_time.body_view.make_body", broken)
    opening = shown(qtbot, tabs.over_time())
    assert "could not be shown just now: the body map lacks regions" in opening.waiting.text()
    assert opening.tab is None and not opening.ready()


def test_a_window_closed_before_over_time_arrives_builds_nothing(qtbot: QtBot, tabs: Tabs) -> None:
    held = HeldStart()
    opening = shown(qtbot, tabs.replace(pictures_opened=held).over_time())
    opening.prepare_to_close()
    held.run()
    QApplication.processEvents()
    assert opening.tab is None


def test_the_listen_tab_asks_for_where_a_track_has_landed(
    qtbot: QtBot, app: Lifecycle, tmp_path: Path
) -> None:
    from tests.audio import make_wav

    assert app.window is not None and app.store is not None
    wav = make_wav(tmp_path / "rain.wav", seconds=2)
    add_tracks(app.store, [TrackInfo(str(wav), "Rain", duration=2.0)])
    listen = app.window.show_page("listen")
    assert isinstance(listen, ListenTab)
    assert not listen.landed_button.isVisible()  # nothing playing: nothing to show yet
    track = listen.model.track(0)
    assert track is not None and listen.play_track(track)
    assert listen.landed_button.isVisible()
    with qtbot.waitSignal(listen.landed_requested) as asked:
        qtbot.mouseClick(listen.landed_button, Qt.MouseButton.LeftButton)
    assert asked.args == [track.id, "Rain"]
    dialog = listen.findChild(TrackMapDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.ready, timeout=10_000)
    dialog.close()


def test_the_track_map_shows_where_the_music_landed_and_when(
    qtbot: QtBot, store: Store, tabs: Tabs, tmp_path: Path
) -> None:
    add_tracks(store, [TrackInfo("/rain.wav", "Rain", duration=180.0)])
    save_checkin(
        store,
        CheckIn(
            1, "Rain", 83_000, (BodyMark("chest", ("warm", "open"), "strong"),), day="2026-11-01"
        ),
    )
    save_checkin(
        store,
        CheckIn(1, "Rain", 20_000, (BodyMark("hands", ("tingling",), "faint"),), day="2026-11-02"),
    )
    save_checkin(store, CheckIn(1, "Rain", 150_000, nothing_concrete=True, day="2026-11-03"))
    saver = FakeSaver(tmp_path / "rain")
    dialog = tabs.replace(pictures_saved=saver).show_where_landed(None, 1, "Rain")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert "Where Rain has landed" in dialog.heading.text()
    image = dialog.view.grab().toImage()
    assert (
        heat_at(dialog.view, image, "chest")
        > heat_at(dialog.view, image, "hands")
        > heat_at(dialog.view, image, "feet")
    )
    strip = dialog.strip
    assert [m.position_ms for m in strip.moments] == [20_000, 83_000, 150_000]
    assert dialog.view.highlighted == {"hands"}
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert dialog.view.highlighted == {"chest"}
    assert strip.accessibleDescription().startswith("1:23: Chest, strong: warm, open.")
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert dialog.view.highlighted == set()
    text = dialog.summary.text()
    assert "3 check-ins on this track" in text
    assert "0:20: Hands, faint: tingling" in text
    assert "2:30: nothing concrete, you just listened" in text
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not QImage(str(tmp_path / "rain.png")).isNull()
    dialog.close()


def test_every_picture_names_its_controls_and_translates_its_words(
    qtbot: QtBot, make_tab: TabMaker, november: None, felt: None, store: Store
) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop import texts
    from tests.ui.test_accessibility import unnamed
    from tests.ui.test_translation import PseudoTranslator, untranslated

    save_session(store, session("2026-11-05", 2, 3))
    save_entry(store, Entry(day="2026-11-05", feelings=(Feeling("calm"), Feeling("fizzy", 1))))
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    texts.use(QCoreApplication.translate)
    try:
        tab = make_tab()
        for key in ("days", "body", "words", "helps"):
            tab.show_picture(key)
            qtbot.waitUntil(tab.ready)
            assert unnamed(tab) == [], key
            # The person's own words (feelings, tracks, qualities) are theirs, not ours to
            # translate: only texts of ours are asked to carry the markers.
            ours = [
                text
                for text in untranslated(tab)
                if not any(w in text for w in ("calm", "fizzy", "warm", "tingling", "Morning Rain"))
            ]
            assert ours == [], key
    finally:
        QCoreApplication.removeTranslator(translator)
        texts.use(None)


def test_every_picture_fits_with_text_at_150_percent(
    qtbot: QtBot, make_tab: TabMaker, november: None, felt: None, qapp: QApplication
) -> None:
    from tests.ui.test_large_text import clipped

    normal = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(normal.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        tab = make_tab()
        for key in ("days", "body", "words", "helps"):
            tab.show_picture(key)
            qtbot.waitUntil(tab.ready)
            QApplication.processEvents()
            assert clipped(tab) == [], key
    finally:
        qapp.setFont(normal)
