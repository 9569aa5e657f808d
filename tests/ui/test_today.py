"""The everyday half, as a person meets it: a glimmer from anywhere, a day's rhythm with no
failing, a reminder shown once, an invitation ending in three impressions, and finding a
comfortable breathing pace."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.breathe.pace import PACE_RATES
from desktop.breathe.tab import BreatheTab
from desktop.rhythm.glimmer_dialog import GlimmerDialog
from desktop.rhythm.reminder_service import Reminders
from desktop.rhythm.settings import RhythmSettings
from desktop.rhythm.today_tab import TodayTab
from desktop.shell.main_window import MainWindow
from desktop.shell.too_much import TooMuchDialog
from desktop.store import Store, WriteFailed
from desktop.store.anchor_plan import read_plan
from desktop.store.breathing import list_patterns, recent_sessions
from desktop.store.exchange import export
from desktop.store.glimmers import all_glimmers, keep_glimmer
from desktop.store.invitations import all_invitations
from desktop.store.journal import get_entry
from desktop.store.pace import all_findings
from desktop.store.rhythm import all_answers
from desktop.store.timeline import TimelinePager, search_everything
from tests.conftest import StartApp
from tests.faults import another_writer
from tests.helpers import FakeClock, FakeTrays, FakeWallClock
from tests.ui.test_translation import shown_texts


def local(hour: int, minute: int = 0, day: int = 28) -> dt.datetime:
    """A moment on the test's day at the person's own clock time, whatever the zone."""
    return dt.datetime(2026, 11, day, hour, minute).astimezone()


@pytest.fixture
def app(qtbot: QtBot, start_app: StartApp, trays: FakeTrays) -> Lifecycle:
    """The app with a fake notification area and a seeded choice of glimmers, its window
    active, and its reminders set up (after the first paint)."""
    glimmers = start_app(tray=trays, rng=random.Random(7))
    shown = window_of(glimmers)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    qtbot.waitUntil(lambda: reminders_of(glimmers) is not None)
    return glimmers


def reminders_of(app: Lifecycle) -> Reminders | None:
    rhythm = app.journal.rhythm if app.journal is not None else None
    return rhythm.reminders if rhythm is not None else None


def window_of(app: Lifecycle) -> MainWindow:
    assert app.window is not None
    return app.window


def store_of(app: Lifecycle) -> Store:
    assert app.store is not None
    return app.store


def today_tab(app: Lifecycle) -> TodayTab:
    page = window_of(app).show_page("today")
    assert isinstance(page, TodayTab)
    return page


def breathe_tab(app: Lifecycle) -> BreatheTab:
    page = window_of(app).show_page("breathe")
    assert isinstance(page, BreatheTab)
    return page


def open_glimmer_dialog(qtbot: QtBot, window: MainWindow) -> GlimmerDialog:
    window.activateWindow()  # as the desktop does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(GlimmerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialogs[0].text_edit)
    return dialogs[0]


# -- glimmers -------------------------------------------------------------------------------------


def test_a_glimmer_is_kept_from_every_tab_with_ctrl_g(qtbot: QtBot, app: Lifecycle) -> None:
    window = window_of(app)
    keys = window.page_keys()
    assert "today" in keys
    for key in keys:
        page = window.show_page(key)
        page.setFocus()
        dialog = open_glimmer_dialog(qtbot, window)
        qtbot.keyClicks(dialog.text_edit, f"small warmth on {key}")
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]
        assert window.statusBar().currentMessage() == "Kept. Small things count."
        assert window.current_page_key() == key  # the page stays where it was
    kept = [g.text for g in all_glimmers(store_of(app))]
    assert kept == [f"small warmth on {key}" for key in keys]
    # Found by search, in the timeline, in the Today tab's collection, and in an export.
    found = search_everything(store_of(app), "warmth journal")
    assert [item.kind for item in found] == ["glimmer"]
    journal = window.show_page("journal")
    qtbot.keyClicks(journal.search_edit, "warmth")  # type: ignore[attr-defined]
    journal.apply_filters()  # type: ignore[attr-defined]
    assert len(journal.model.items()) == len(keys)  # type: ignore[attr-defined]
    today = today_tab(app)
    qtbot.mouseClick(today.section_buttons["glimmers"], Qt.MouseButton.LeftButton)
    assert today.glimmers.shown_glimmers()[0] == f"small warmth on {keys[-1]}"  # the newest
    exported = json.loads(export(store_of(app), "json"))
    assert [g["text"] for g in exported["glimmers"]] == kept


def test_the_glimmer_button_and_where_it_was_noticed(qtbot: QtBot, app: Lifecycle) -> None:
    window = window_of(app)
    qtbot.mouseClick(window.glimmer_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(GlimmerDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.where_panel.isVisible()  # one step away, not in the way
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    assert "A few words are enough" in dialog.message.text()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.text_edit, "warm mug in cold hands")
    qtbot.mouseClick(dialog.where_button, Qt.MouseButton.LeftButton)
    dialog.sense_box.setCurrentIndex(dialog.sense_box.findData("touch"))
    dialog.region_box.setCurrentIndex(dialog.region_box.findData("hands"))
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    [kept] = all_glimmers(store_of(app))
    assert (kept.text, kept.sense, kept.region) == ("warm mug in cold hands", "touch", "hands")
    [item] = TimelinePager(store_of(app), kinds=["glimmer"]).next_page(10)
    assert item.summary == "warm mug in cold hands · Touch and temperature · Hands"


def test_remember_this_offers_a_glimmer_from_the_past_now_and_then(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock
) -> None:
    store = store_of(app)
    for words in ("first snow", "a friend laughing", "bread from the oven"):
        keep_glimmer(store, words)
    today = today_tab(app)
    today.glimmers.reload()
    assert today.glimmers.offered_text() == ""  # nothing from the past yet
    wall.advance(10 * 86400)
    keep_glimmer(store, "today's small thing")
    today.glimmers.reload()
    offered = today.glimmers.offered_text()
    assert "Remember this?" in offered
    assert any(words in offered for words in ("first snow", "a friend laughing", "bread"))
    today.glimmers.reload()
    assert today.glimmers.offered_text() == offered  # the same one all day
    qtbot.mouseClick(today.section_buttons["glimmers"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(today.glimmers.put_away_button, Qt.MouseButton.LeftButton)
    today.glimmers.reload()
    assert today.glimmers.offered_text() == ""  # put back for today
    wall.advance(86400)
    today.glimmers.reload()
    assert today.glimmers.offered_text() == ""  # now and then, not every day
    wall.advance(2 * 86400)
    today.glimmers.reload()
    assert "Remember this?" in today.glimmers.offered_text()


def test_an_empty_collection_offers_to_keep_the_first_glimmer(qtbot: QtBot, app: Lifecycle) -> None:
    today = today_tab(app)
    qtbot.mouseClick(today.section_buttons["glimmers"], Qt.MouseButton.LeftButton)
    view = today.glimmers
    assert view.keep_button.isVisible() and not view.list_view.isVisible()
    assert not view.let_go_button.isVisible()  # nothing to let go of yet
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in window_of(app).findChildren(GlimmerDialog) if d.isVisible()]
    qtbot.keyClicks(dialog.text_edit, "the kettle's first whistle")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: view.shown_glimmers() == ["the kettle's first whistle"])
    assert view.list_view.isVisible() and not view.keep_button.isVisible()


def kept_texts(store: Store) -> list[str]:
    return [g.text for g in all_glimmers(store) if g.deleted_at is None]


def test_a_glimmer_kept_by_mistake_can_be_let_go_and_brought_back(
    qtbot: QtBot, app: Lifecycle
) -> None:
    store = store_of(app)
    for words in ("first snow", "a typo I did not mean", "bread from the oven"):
        keep_glimmer(store, words)
    today = today_tab(app)
    qtbot.mouseClick(today.section_buttons["glimmers"], Qt.MouseButton.LeftButton)
    view = today.glimmers
    assert view.shown_glimmers() == ["bread from the oven", "a typo I did not mean", "first snow"]
    assert not view.let_go_button.isEnabled()  # nothing chosen yet
    view.list_view.setFocus()  # the list comes into focus on the newest
    qtbot.waitUntil(lambda: view.list_view.currentIndex().row() == 0)
    qtbot.keyClick(view.list_view, Qt.Key.Key_Down)
    assert view.let_go_button.isEnabled()
    qtbot.mouseClick(view.let_go_button, Qt.MouseButton.LeftButton)
    assert view.shown_glimmers() == ["bread from the oven", "first snow"]
    assert kept_texts(store) == ["first snow", "bread from the oven"]
    assert view.let_go_message.text() == "Let go."
    assert view.bring_back_button.isVisible()
    qtbot.mouseClick(view.bring_back_button, Qt.MouseButton.LeftButton)
    assert view.shown_glimmers() == ["bread from the oven", "a typo I did not mean", "first snow"]
    assert "back with the others" in view.let_go_message.text()
    assert not view.bring_back_button.isVisible()
    # The Delete key does the same from the list; the next one is chosen, not the first.
    view.list_view.setCurrentIndex(view.model.index(0))
    qtbot.keyClick(view.list_view, Qt.Key.Key_Delete)
    assert view.shown_glimmers() == ["a typo I did not mean", "first snow"]
    assert view.list_view.currentIndex().row() == 0
    assert kept_texts(store) == ["first snow", "a typo I did not mean"]
    assert search_everything(store, "bread") == []  # gone from search too


def test_letting_a_glimmer_go_while_another_program_writes_says_so_and_keeps_it(
    qtbot: QtBot, app: Lifecycle
) -> None:
    store = store_of(app)
    keep_glimmer(store, "warm socks")
    today = today_tab(app)
    qtbot.mouseClick(today.section_buttons["glimmers"], Qt.MouseButton.LeftButton)
    view = today.glimmers
    view.list_view.setCurrentIndex(view.model.index(0))
    with another_writer(store):
        qtbot.mouseClick(view.let_go_button, Qt.MouseButton.LeftButton)
    assert "another program is using your data" in view.let_go_message.text()
    assert not view.bring_back_button.isVisible()
    assert view.shown_glimmers() == ["warm socks"]
    assert kept_texts(store) == ["warm socks"]


# -- the daily rhythm -----------------------------------------------------------------------------

MISS_WORDS = re.compile(
    r"\bmiss|\bskipp|\bstreak|\bscore|\bfail|\boverdue|\blate\b|\bnot done|\b\d+\s*(of|/)\s*\d+",
    re.IGNORECASE,
)


def test_a_day_of_done_smaller_and_let_go_never_counts_a_miss(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock
) -> None:
    wall.set(local(13, 0))
    today = today_tab(app)
    day = today.day
    day.reload()
    names = [day.anchor_list.item(i).text() for i in range(day.anchor_list.count())]
    assert [n.split("  ", 1)[1] for n in names] == [
        "Move a little",
        "Eat something",
        "A moment of breathing",
        "A brief contact with someone",
    ]
    assert day.current_anchor() is not None
    assert day.current_anchor().key == "eat"  # type: ignore[union-attr]
    assert "smaller version today" in day.card_smaller.text()
    assert not day.came_back.isVisible()  # nothing said of days before there are any
    qtbot.mouseClick(day.answer_buttons["smaller"], Qt.MouseButton.LeftButton)
    assert day.came_back.isVisible()
    assert day.acknowledged.text() == "A smaller version counts just the same."
    day.anchor_list.setFocus()
    day.anchor_list.setCurrentRow(0)
    qtbot.mouseClick(day.answer_buttons["done"], Qt.MouseButton.LeftButton)
    assert day.acknowledged.text() == "Done. That counts."
    day.anchor_list.setCurrentRow(3)
    assert day.contacts_button.isVisible()
    with qtbot.waitSignal(today.contacts_requested):
        qtbot.mouseClick(day.contacts_button, Qt.MouseButton.LeftButton)
    [too_much] = [w for w in QApplication.topLevelWidgets() if isinstance(w, TooMuchDialog)]
    assert too_much.isVisible()  # the "too much" page, with the person's own contacts
    too_much.close()
    qtbot.mouseClick(day.answer_buttons["let_go"], Qt.MouseButton.LeftButton)
    assert "full answer" in day.acknowledged.text()
    rows = [day.anchor_list.item(i).text() for i in range(day.anchor_list.count())]
    assert rows[0].endswith("Move a little · done")
    assert rows[1].endswith("Eat something · a smaller version")
    assert rows[2].endswith("A moment of breathing")  # still open, and says nothing of it
    assert rows[3].endswith("· let go for today")
    assert day.came_back.text() == "You came back to your rhythm: today."
    # Nothing on screen and nothing in the store counts what was not done.
    shown = [text for _, text in shown_texts(today) if text]
    assert [t for t in shown if MISS_WORDS.search(t)] == []
    stored = [a.describe() for a in all_answers(store_of(app))]
    assert sorted(a.answer for a in all_answers(store_of(app))) == ["done", "let_go", "smaller"]
    assert [t for t in stored if MISS_WORDS.search(t)] == []
    tables = (
        store_of(app)
        .conn.execute("SELECT group_concat(sql, ' ') FROM sqlite_master WHERE name LIKE 'rhythm%'")
        .fetchone()[0]
    )
    assert "miss" not in tables.lower()
    # Three quiet days later the rhythm shows the return, never the days between.
    wall.set(local(9, 0) + dt.timedelta(days=3))
    day.reload()
    assert day.current_anchor().key == "move"  # type: ignore[union-attr]
    assert all(" · " not in day.anchor_list.item(i).text() for i in range(4))  # a fresh day
    qtbot.mouseClick(day.answer_buttons["done"], Qt.MouseButton.LeftButton)
    assert day.came_back.text() == "You came back to your rhythm: Saturday 28 November, today."
    assert [t for _, t in shown_texts(today) if t and MISS_WORDS.search(t)] == []


def test_in_a_small_window_the_day_scrolls_and_nothing_sits_on_anything(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock
) -> None:
    wall.set(local(19, 0))  # the contact anchor, the card with the most on it
    window = window_of(app)
    window.resize(640, 480)
    today = today_tab(app)
    day = today.day
    day.reload()
    qtbot.waitUntil(lambda: day.contacts_button.isVisible())
    list_rect = day.anchor_list.rect()
    last = day.anchor_list.visualItemRect(day.anchor_list.item(day.anchor_list.count() - 1))
    assert list_rect.contains(last)  # every anchor shows: the page scrolls, not the list
    qtbot.mouseClick(day.answer_buttons["let_go"], Qt.MouseButton.LeftButton)
    assert day.acknowledged.isVisible()
    card_parts = [
        day.card_name, day.card_time, day.card_cue, day.card_smaller, day.acknowledged,
        *day.answer_buttons.values(), day.contacts_button,
    ]  # fmt: skip

    def squeezed() -> list[str]:
        shown = [w for w in card_parts if w.isVisible()]
        problems = []
        for i, one in enumerate(shown):
            problems += [
                f"{one.objectName()} on {other.objectName()}"
                for other in shown[i + 1 :]
                if one.geometry().intersects(other.geometry())
            ]
            wrapped = isinstance(one, QLabel) and one.wordWrap()
            needs = one.heightForWidth(one.width()) if wrapped else one.minimumSizeHint().height()
            if one.height() < needs:
                problems.append(f"{one.objectName()} {one.height()} < {needs}")
        return problems

    qtbot.waitUntil(lambda: squeezed() == [])  # once the page has been laid out again
    # The words of the answer scroll into view in the small window.
    page = today.stack.currentWidget()
    assert page is not None
    viewport = page.rect()

    def words_in_view() -> bool:
        top_left = day.acknowledged.mapTo(page, day.acknowledged.rect().topLeft())
        bottom_right = day.acknowledged.mapTo(page, day.acknowledged.rect().bottomRight())
        return viewport.contains(top_left) and viewport.contains(bottom_right)

    qtbot.waitUntil(words_in_view)


def test_the_breathing_anchor_opens_breathe_and_too_much_starts_small(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock, wall: FakeWallClock
) -> None:
    wall.set(local(16, 5))
    today = today_tab(app)
    today.day.reload()
    assert today.day.current_anchor().kind == "breathe"  # type: ignore[union-attr]
    qtbot.mouseClick(today.day.breathe_button, Qt.MouseButton.LeftButton)
    window = window_of(app)
    assert window.current_page_key() == "breathe"
    window.show_page("today")
    qtbot.mouseClick(today.too_much_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "breathe"
    breathe = breathe_tab(app)
    assert breathe.session is not None and breathe.session.running
    assert breathe.session.schedule.pattern.key == "longer_out"
    assert "One minute" in breathe.guided_label.text()
    clock.advance(61)
    breathe.pacer.refresh()
    [kept] = recent_sessions(store_of(app))
    assert kept.pattern_name == "Longer out-breath"
    assert 60 <= kept.actual_seconds <= 61
    assert breathe.stack.currentIndex() == 0  # no questions afterwards
    assert not breathe.guided_label.isVisible()


def test_anchors_can_be_named_timed_and_removed(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock
) -> None:
    today = today_tab(app)
    dialog = today.change_anchors()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "short name" in dialog.message.text()
    qtbot.keyClicks(dialog.name_edit, "Water the plant")
    qtbot.keyClicks(dialog.cue_edit, "One glass of water for it.")
    qtbot.keyClicks(dialog.smaller_edit, "Touch a leaf.")
    dialog.timed_box.setChecked(True)
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("08:15", "HH:mm"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Saved \u201cWater the plant\u201d."
    dialog.anchor_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.close()
    rows = [today.day.anchor_list.item(i).text() for i in range(today.day.anchor_list.count())]
    assert rows[0].endswith("Water the plant")
    assert "08:15" in rows[0]
    assert not any("Eat something" in row for row in rows)
    assert len(rows) == 4


def _close_button(dialog: QWidget) -> QPushButton:
    [close] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Close"]
    return close


def test_what_is_typed_for_an_anchor_is_kept_on_choosing_another_adding_or_closing(
    qtbot: QtBot, app: Lifecycle
) -> None:
    today = today_tab(app)
    dialog = today.change_anchors()
    first = dialog.anchors()[0]
    qtbot.keyClick(dialog.cue_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.cue_edit, " Slowly.")  # no Save: the next anchor is chosen
    dialog.anchor_list.setCurrentRow(1)
    assert dialog.anchors()[0].cue == first.cue + " Slowly."
    assert dialog.anchor_list.currentRow() == 1
    assert dialog.cue_edit.text() == dialog.anchors()[1].cue  # the chosen one shows

    qtbot.keyClick(dialog.smaller_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.smaller_edit, " Or less.")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.anchors()[1].smaller.endswith(" Or less.")

    dialog.anchor_list.setCurrentRow(0)
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Wake gently")
    qtbot.mouseClick(_close_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows = [today.day.anchor_list.item(i).text() for i in range(today.day.anchor_list.count())]
    assert rows[0].endswith("Wake gently")
    kept = RhythmSettings(app.settings, store_of(app)).anchors()  # stored, not only shown
    assert kept[0].name == "Wake gently" and kept[0].cue == first.cue + " Slowly."


def test_an_anchor_that_cannot_be_kept_as_typed_says_why_and_a_second_close_leaves_it(
    qtbot: QtBot, app: Lifecycle
) -> None:
    today = today_tab(app)
    dialog = today.change_anchors()
    before = dialog.anchors()
    dialog.name_edit.clear()
    dialog.anchor_list.setCurrentRow(1)  # another anchor: not while this one has no name
    assert dialog.anchor_list.currentRow() == 0
    assert "short name" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert "Close again to leave this anchor as it was." in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert (
        RhythmSettings(app.settings, store_of(app)).anchors() == before
    )  # nothing lost, nothing changed


def test_an_anchor_the_journal_refuses_is_not_called_saved(qtbot: QtBot, app: Lifecycle) -> None:
    """The anchors are the person's own words, kept in the journal: when it cannot be
    written, the dialog says so (not "Saved"), and closing twice goes on with them for now."""
    store = store_of(app)
    today = today_tab(app)
    dialog = today.change_anchors()
    with another_writer(store):  # another program holds the journal: nothing can be written
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Wake slowly")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == (
            "Not saved: Glimmers could not write to your journal, so \u201cWake slowly\u201d "
            "is here only until Glimmers closes."
        )
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Wake gently")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing keeps what was typed, as Save does
        assert dialog.isVisible()
        assert dialog.message.text().startswith("Not saved")
        assert dialog.message.text().endswith("Close again to go on with it as it is.")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        assert today.day.anchor_list.item(0).text().endswith("Wake gently")  # for now
        assert read_plan(store) is None  # nothing was kept
    # Writable again: the next change is saved, and says so.
    dialog = today.change_anchors()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Give your new anchor a name and a cue."
    kept = read_plan(store)
    assert kept is not None and "Wake gently" in kept


# -- reminders ------------------------------------------------------------------------------------


def test_a_reminder_is_shown_once_through_the_tray_and_only_when_turned_on(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock, trays: FakeTrays
) -> None:
    reminders = reminders_of(app)
    assert reminders is not None
    wall.set(local(10, 0))
    assert reminders.check() == []  # off unless the person turns them on
    assert trays.made == [] or trays.made[0].messages == []
    today = today_tab(app)
    dialog = today.change_anchors()
    assert not dialog.reminders_box.isChecked()
    qtbot.mouseClick(dialog.reminders_box, Qt.MouseButton.LeftButton)
    dialog.close()
    [tray] = trays.made
    assert tray.visible
    assert tray.messages == [
        (
            "Move a little",
            "Stand up and stretch, or walk to a window and back. A minute is plenty. "
            "A smaller version is fine: Roll your shoulders once, sitting where you are.",
        )
    ]
    for minutes in (0, 1, 5, 20):
        wall.set(local(10, minutes))
        reminders.check()
    assert len(tray.messages) == 1  # shown once, never repeated
    # An anchor answered before its time is not reminded of at all.
    today.day.anchor_list.setCurrentRow(1)
    qtbot.mouseClick(today.day.answer_buttons["done"], Qt.MouseButton.LeftButton)
    wall.set(local(12, 30))
    assert reminders.check() == []
    wall.set(local(16, 0))
    assert reminders.check() == ["breathe"]
    assert all("miss" not in (t + x).lower() for t, x in tray.messages)
    # Clicking it shows the Today tab.
    window_of(app).show_page("journal")
    tray.clicked()
    assert window_of(app).current_page_key() == "today"
    # Opened again the same day (the settings read afresh), nothing shown is shown again.
    again = Reminders(store_of(app), RhythmSettings(app.settings, store_of(app)), wall, trays)
    wall.set(local(16, 10))
    assert again.check() == []
    assert trays.made[-1].messages == []
    app.shutdown()
    assert not tray.visible  # the tray goes with the window


# -- invitations ----------------------------------------------------------------------------------


def test_a_mindful_walk_with_a_timer_ends_in_three_impressions(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock
) -> None:
    today = today_tab(app)
    qtbot.mouseClick(today.section_buttons["invitations"], Qt.MouseButton.LeftButton)
    view = today.invitations
    view.card_list.setFocus()
    view.card_list.setCurrentRow(0)
    qtbot.keyClick(view.card_list, Qt.Key.Key_Return)
    assert "A mindful walk" in view.card_title.text()
    assert "feet meeting the ground" in view.card_text.text()
    assert view.minutes_spin.minimum() == 5 and view.minutes_spin.maximum() == 15
    view.minutes_spin.setValue(5)
    qtbot.mouseClick(view.timer_button, Qt.MouseButton.LeftButton)
    clock.advance(90)
    view.tick()
    assert view.timer_label.text() == "3:30 left"
    clock.advance(210)
    view.tick()
    assert view.stack.currentIndex() == 2  # the ending
    assert "That's the time" in view.ending_note.text()
    assert QApplication.focusWidget() is view.impression_edits[0]
    for edit, words in zip(
        view.impression_edits,
        ("cold air on my face", "gravel underfoot", "a blackbird"),
        strict=True,
    ):
        qtbot.keyClicks(edit, words)
    qtbot.mouseClick(view.impressions_button, Qt.MouseButton.LeftButton)
    [taken] = all_invitations(store_of(app))
    assert (taken.invitation, taken.minutes, taken.ended_in) == ("walk", 5.0, "impressions")
    assert taken.ending_uid is not None
    entry = get_entry(store_of(app), taken.ending_uid)
    assert entry is not None and entry.kind == "impressions"
    assert entry.impressions == ("cold air on my face", "gravel underfoot", "a blackbird")
    assert window_of(app).statusBar().currentMessage().startswith("Kept in your journal")
    kinds = [i.kind for i in TimelinePager(store_of(app)).next_page(10)]
    assert sorted(kinds) == ["impressions", "invitation"]


def test_a_second_keep_after_a_refused_invitation_saves_the_impressions_once(
    qtbot: QtBot, app: Lifecycle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The impressions are saved, then the invitation's own record is refused (a busy journal):
    pressing Keep again, as the message invites, must not put the impressions in twice."""
    import desktop.rhythm.invitations_view as invitations_view

    today = today_tab(app)
    view = today.invitations
    today.show_section("invitations")
    view.open_card("walk")
    view.show_ending()
    qtbot.keyClicks(view.impression_edits[0], "cold air")
    from desktop.store.invitations import keep_invitation as real

    refusals = [WriteFailed("Glimmers could not save this: another program is using your data.")]

    def refused_once(*args: Any, **kwargs: Any) -> Any:
        if refusals:
            raise refusals.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(invitations_view, "keep_invitation", refused_once)
    qtbot.mouseClick(view.impressions_button, Qt.MouseButton.LeftButton)
    assert "another program is using your data" in view.ending_message.text()
    qtbot.keyClicks(view.impression_edits[1], "gravel")  # a word more before trying again
    qtbot.mouseClick(view.impressions_button, Qt.MouseButton.LeftButton)
    [taken] = all_invitations(store_of(app))
    kinds = [i.kind for i in TimelinePager(store_of(app)).next_page(10)]
    assert sorted(kinds) == ["impressions", "invitation"]
    assert taken.ending_uid is not None
    entry = get_entry(store_of(app), taken.ending_uid)
    assert entry is not None and entry.impressions[:2] == ("cold air", "gravel")


def test_not_today_is_a_full_answer_and_a_song_opens_listen(qtbot: QtBot, app: Lifecycle) -> None:
    today = today_tab(app)
    view = today.invitations
    today.show_section("invitations")
    view.open_card("scent")
    qtbot.mouseClick(view.not_today_button, Qt.MouseButton.LeftButton)
    assert view.list_message.text() == "Not today is a full answer."
    assert all_invitations(store_of(app)) == []
    view.open_card("song")
    qtbot.mouseClick(view.go_button, Qt.MouseButton.LeftButton)
    assert window_of(app).current_page_key() == "listen"
    assert view.stack.currentIndex() == 2  # the ending waits for when you come back
    qtbot.keyClicks(view.impression_edits[0], "a lump in my throat, then ease")
    qtbot.mouseClick(view.glimmer_button, Qt.MouseButton.LeftButton)
    [glimmer] = all_glimmers(store_of(app))
    assert glimmer.text == "a lump in my throat, then ease"
    [taken] = all_invitations(store_of(app))
    assert (taken.invitation, taken.ended_in, taken.ending_uid) == ("song", "glimmer", glimmer.uid)


# -- finding a comfortable pace -------------------------------------------------------------------


def test_find_my_comfortable_pace_steps_through_five_paces_to_a_pattern(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock
) -> None:
    today = today_tab(app)
    today.show_section("invitations")
    today.invitations.open_card("pace")
    qtbot.mouseClick(today.invitations.go_button, Qt.MouseButton.LeftButton)
    window = window_of(app)
    assert window.current_page_key() == "breathe"
    breathe = breathe_tab(app)
    panel = breathe.pace_panel
    assert breathe.stack.currentWidget() is panel
    intro = " ".join(t for _, t in shown_texts(panel))
    assert "Nothing is measured" in intro
    assert "resonance" not in intro.lower()
    qtbot.mouseClick(panel.begin_button, Qt.MouseButton.LeftButton)
    answers = ("fine", "easy", "easy", "fine", "effortful")
    for step, (rate, comfort) in enumerate(zip(PACE_RATES, answers, strict=True), start=1):
        session = breathe.session
        assert session is not None and session.running
        pattern = session.schedule.pattern
        assert pattern.exhale > pattern.inhale  # out a little longer than in
        assert 60 / (pattern.inhale + pattern.exhale) == pytest.approx(rate, abs=0.05)
        assert f"pace {step} of 5, {rate:g} a minute" in breathe.guided_label.text()
        clock.advance(100)
        breathe.pacer.refresh()
        assert breathe.stack.currentWidget() is not panel  # about two minutes each
        clock.advance(40)
        breathe.pacer.refresh()
        assert breathe.stack.currentWidget() is panel
        assert 120 <= session.record().actual_seconds <= 134
        assert f"{rate:g} breaths a minute" in panel.question.text()
        qtbot.mouseClick(panel.comfort_buttons[comfort], Qt.MouseButton.LeftButton)
    assert "6 breaths a minute" in panel.result.text()  # the faster of the two easy ones
    assert "My comfortable pace" in panel.result.text()
    assert "resonance" not in panel.result.text().lower()
    assert recent_sessions(store_of(app)) == []  # the steps are the finding, not sessions
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    [mine] = list_patterns(store_of(app))
    assert (mine.name, mine.inhale, mine.exhale, mine.hold_in) == (
        "My comfortable pace",
        4.5,
        5.5,
        0.0,
    )
    [finding] = all_findings(store_of(app))
    assert finding.chosen_rate == 6.0 and finding.kept
    assert [c for _, c in finding.steps] == list(answers)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert breathe.current_pattern().name == "My comfortable pace"
    assert breathe.stack.currentIndex() == 0
    # It can be found again any time; keeping it again replaces the pattern, not adds one.
    assert breathe.find_comfortable_pace()
    qtbot.mouseClick(panel.begin_button, Qt.MouseButton.LeftButton)
    clock.advance(140)
    breathe.pacer.refresh()
    qtbot.mouseClick(panel.enough_button, Qt.MouseButton.LeftButton)
    assert "another time" in panel.result.text()
    assert not panel.keep_button.isVisible()
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert len(list_patterns(store_of(app))) == 1


def test_escape_during_a_pace_ends_with_the_paces_answered(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock
) -> None:
    breathe = breathe_tab(app)
    assert breathe.find_comfortable_pace()
    panel = breathe.pace_panel
    qtbot.mouseClick(panel.begin_button, Qt.MouseButton.LeftButton)
    clock.advance(140)
    breathe.pacer.refresh()
    qtbot.mouseClick(panel.comfort_buttons["easy"], Qt.MouseButton.LeftButton)
    clock.advance(30)
    breathe.pacer.refresh()
    qtbot.keyClick(breathe.pacer, Qt.Key.Key_Escape)
    assert breathe.stack.currentWidget() is panel
    assert "6.5 breaths a minute" in panel.result.text()
    [finding] = all_findings(store_of(app))
    assert finding.steps == ((6.5, "easy"),) and not finding.kept
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert list_patterns(store_of(app)) == []


def test_a_session_waiting_for_its_check_in_is_kept_when_the_pace_begins(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock
) -> None:
    breathe = breathe_tab(app)
    breathe.options.checkin_box.setChecked(True)
    breathe.length_box.set_length("minutes", 1)
    qtbot.mouseClick(breathe.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(breathe.before_panel.skip_button, Qt.MouseButton.LeftButton)
    clock.advance(61)
    breathe.pacer.refresh()
    assert breathe.stack.currentWidget() is breathe.after_panel
    assert breathe.find_comfortable_pace()
    [kept] = recent_sessions(store_of(app))  # kept, without the after check-in
    assert kept.settled_after is None and kept.cycles >= 5
    assert breathe.stack.currentWidget() is breathe.pace_panel


def test_the_day_starts_fresh_after_midnight_with_the_app_open(
    qtbot: QtBot, app: Lifecycle, wall: FakeWallClock
) -> None:
    wall.set(local(18, 30))
    today = today_tab(app)
    today.day.reload()
    today.day.anchor_list.setCurrentRow(0)
    qtbot.mouseClick(today.day.answer_buttons["done"], Qt.MouseButton.LeftButton)
    window_of(app).show_page("journal")
    wall.set(local(10, 5) + dt.timedelta(days=1))
    window_of(app).show_page("today")
    rows = [today.day.anchor_list.item(i).text() for i in range(4)]
    assert all(" · " not in row for row in rows)  # yesterday's answer is yesterday's
    assert today.day.current_anchor().key == "move"  # type: ignore[union-attr]


def test_the_today_tab_is_ctrl_5_and_has_its_own_place(qtbot: QtBot, app: Lifecycle) -> None:
    window = window_of(app)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "today"
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Today"
    page = window.page_content("today")
    assert isinstance(page, QWidget) and page.objectName() == "today_tab"
