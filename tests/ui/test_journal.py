"""The Journal tab as a person uses it: type, choose words, save, find, edit, undo."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.tab import DRAFT_KEY, JournalTab
from desktop.journal.timeline import HTML_ROLE
from desktop.shell.pages import Tabs
from desktop.store import Store
from desktop.store.journal import (
    Entry,
    count_entries,
    get_entry,
    load_drafts,
    save_entry,
    timeline_page,
)
from desktop.store.records import Feeling
from tests.helpers import FakeWallClock, shown

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def tab(journal_tab: JournalTab) -> JournalTab:
    return journal_tab


def senses(draft: dict[str, object]) -> dict[str, object]:
    """A kept draft's senses, as the editor keeps them."""
    found = draft["senses"]
    assert isinstance(found, dict)
    return found


def only_entry(store: Store) -> Entry:
    items = timeline_page(store)
    assert len(items) == 1
    entry = get_entry(store, items[0].uid)
    assert entry is not None
    return entry


def tick_word(qtbot: QtBot, tab: JournalTab, word: str) -> None:
    chip = tab.editor.feelings.word_button(word)
    assert chip is not None
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Space)


def click_row(qtbot: QtBot, tab: JournalTab, row: int) -> None:
    rect = tab.timeline.visualRect(tab.model.index(row))
    qtbot.mouseClick(tab.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_write_an_entry_sense_first_with_feeling_words(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    editor = tab.editor
    assert "What did you notice?" in editor.heading.text()
    assert (
        editor.sense_edits["touch"].hasFocus()
        or editor.first_field() is editor.sense_edits["touch"]
    )
    qtbot.keyClicks(editor.sense_edits["touch"], "Cool air on my wrists")
    qtbot.keyClick(editor.sense_edits["touch"], Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.sense_edits["sound"], "A kettle")
    tick_word(qtbot, tab, "calm")
    tick_word(qtbot, tab, "sad")
    sad_strength = editor.feelings.strength_button("sad", 1)
    assert sad_strength is not None
    sad_strength.setFocus()
    qtbot.keyClick(sad_strength, Qt.Key.Key_Space)  # from "some" to "a little"
    assert editor.feelings.phrase_label.text() == "calm, with a little sadness"
    qtbot.keyClicks(editor.feelings.own_word, "Fizzy")
    qtbot.keyClick(editor.feelings.own_word, Qt.Key.Key_Return)
    assert editor.feelings.phrase_label.text() == "calm, with a little sadness, and somewhat fizzy"
    qtbot.keyClicks(editor.body_edit, "Made tea.")
    qtbot.keyClicks(editor.tags_edit, "Morning, tea")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    entry = only_entry(store)
    assert entry.touch == "Cool air on my wrists"
    assert entry.sound == "A kettle"
    assert entry.feelings == (Feeling("calm", 2), Feeling("sad", 1), Feeling("fizzy", 2))
    assert entry.body == "Made tea."
    assert entry.tags == ("morning", "tea")
    assert entry.day == TODAY.isoformat()
    assert "Saved" in editor.message.text()
    assert editor.sense_edits["touch"].text() == ""  # ready for the next one
    assert tab.model.rowCount() == 2  # the day's header and the entry
    assert tab.model.index(0).data() == "Today"
    shown = tab.model.index(1).data()
    assert (
        "Cool air on my wrists" in shown
        and "calm, with a little sadness, and somewhat fizzy" in shown
    )


def test_blank_entry_gets_a_gentle_message(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert "nothing in particular" in tab.editor.message.text()
    assert count_entries(store) == 0


def test_search_as_you_type_highlights_matches(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    save_entry(store, Entry(day="2026-11-20", body="The lanterns along the harbour"))
    save_entry(store, Entry(day="2026-11-21", body="Quiet evening"))
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()
    qtbot.keyClicks(tab.search_edit, "harb")
    qtbot.waitUntil(lambda: len(tab.model.items()) == 1)
    html = tab.model.index(1).data(HTML_ROLE)
    assert "<b><u>harbour</u></b>" in html
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, "nothing like this")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.empty_label.isVisibleTo(tab)
    assert "Nothing matches" in tab.empty_label.text()


def test_edit_an_entry_from_the_timeline(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    original = save_entry(store, Entry(day="2026-11-25", sight="grey sky", tags=("walk",)))
    click_row(qtbot, tab, 1)
    editor = tab.editor
    assert editor.sense_edits["sight"].text() == "grey sky"
    assert editor.delete_button.isVisible()
    editor.sense_edits["sight"].selectAll()
    qtbot.keyClicks(editor.sense_edits["sight"], "a gap of blue in the grey")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    edited = only_entry(store)
    assert edited.uid == original.uid
    assert edited.sight == "a gap of blue in the grey"
    assert edited.day == "2026-11-25"
    assert edited.created_at == original.created_at


def test_delete_goes_to_trash_and_undo_brings_it_back(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    entry = save_entry(store, Entry(day="2026-11-25", body="keep me"))
    click_row(qtbot, tab, 1)
    qtbot.mouseClick(tab.editor.delete_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    assert tab.undo_banner.isVisible()
    trashed = get_entry(store, entry.uid)
    assert trashed is not None and trashed.deleted_at is not None
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert not tab.undo_banner.isVisible()
    back = get_entry(store, entry.uid)
    assert back is not None and back.deleted_at is None
    assert [i.uid for i in tab.model.items()] == [entry.uid]


def test_entry_can_be_about_an_earlier_day(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    editor = tab.editor
    editor.day_edit.setFocus()
    qtbot.keyClick(editor.day_edit, Qt.Key.Key_Home)
    qtbot.keyClick(editor.day_edit, Qt.Key.Key_Down)  # the day section, one back
    qtbot.keyClicks(editor.sense_edits["touch"], "catching up")
    qtbot.keyClick(editor.sense_edits["touch"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert only_entry(store).day == "2026-11-27"
    assert tab.model.index(0).data() == "Yesterday"


def test_three_impressions(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    qtbot.mouseClick(tab.impressions_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert "Three impressions" in editor.heading.text()
    for edit, text in zip(
        editor.impression_edits, ["warm socks", "rain", "orange peel"], strict=True
    ):
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(editor.impression_edits[2], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    entry = only_entry(store)
    assert entry.kind == "impressions"
    assert entry.impressions == ("warm socks", "rain", "orange peel")


def test_sketch_is_saved_and_shown_with_the_entry(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    pad = tab.editor.sketch.pad
    page = tab.editor.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    page.ensureWidgetVisible(pad)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    for x in range(20, 160, 10):
        qtbot.mouseMove(pad, QPoint(x, 20 + x // 4))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(160, 60))
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
    assert len(pad.strokes) == 2
    qtbot.mouseClick(tab.editor.sketch.undo_button, Qt.MouseButton.LeftButton)
    assert len(pad.strokes) == 1
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    entry = only_entry(store)
    strokes = json.loads(entry.sketch)["strokes"]
    assert len(strokes) == 1 and len(strokes[0]) >= 10
    assert tab.model.items()[0].summary == "A sketch"

    click_row(qtbot, tab, 1)
    assert len(pad.strokes) == 1
    image = pad.grab().toImage()
    ink = pad.palette().text().color()
    x, y = strokes[0][5]
    pixel = image.pixelColor(int(x * (pad.width() - 1)), int(y * (pad.height() - 1)))
    assert _close(pixel, ink)
    qtbot.mouseClick(tab.editor.sketch.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty()


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 90


def test_autosaved_draft_is_offered_back_after_a_crash(
    qtbot: QtBot, tabs: Tabs, store: Store
) -> None:
    first = shown(qtbot, replace(tabs, autosave_ms=30).journal())
    qtbot.keyClicks(first.editor.sense_edits["breath_body"], "tight chest, then softer")
    qtbot.waitUntil(lambda: any(d.key == DRAFT_KEY for d in load_drafts(store)))
    first.hide()  # the app dies here: nothing more is saved. Reopening finds the draft.
    second = shown(qtbot, tabs.journal())
    assert second.draft_banner.isVisible()
    assert "unsaved writing" in second.draft_banner.label.text()
    qtbot.mouseClick(second.restore_draft_button, Qt.MouseButton.LeftButton)
    assert second.editor.sense_edits["breath_body"].text() == "tight chest, then softer"
    qtbot.keyClick(
        second.editor.sense_edits["breath_body"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert only_entry(store).breath_body == "tight chest, then softer"
    assert load_drafts(store) == []


def test_draft_can_be_discarded(qtbot: QtBot, tabs: Tabs, store: Store) -> None:
    first = shown(qtbot, tabs.journal())
    qtbot.keyClicks(first.editor.body_edit, "half a thought")
    first.prepare_to_close()
    second = shown(qtbot, tabs.journal())
    qtbot.mouseClick(second.discard_draft_button, Qt.MouseButton.LeftButton)
    assert not second.draft_banner.isVisible()
    assert load_drafts(store) == []


def test_filters_by_kind_and_tag(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    save_entry(store, Entry(day="2026-11-20", body="a walk", tags=("outside",)))
    save_entry(store, Entry(day="2026-11-21", body="indoors"))
    assert len(tab.model.items()) == 2
    tab.tag_filter.setCurrentIndex(tab.tag_filter.findData("outside"))
    assert [i.summary for i in tab.model.items()] == ["a walk"]
    tab.tag_filter.setCurrentIndex(0)
    tab.kind_filter.setCurrentIndex(2)  # three impressions only
    assert tab.model.items() == []


def test_timeline_loads_pages_lazily(qtbot: QtBot, tabs: Tabs, store: Store) -> None:
    with store.transaction("entries") as conn:
        for i in range(300):
            day = (TODAY - dt.timedelta(days=i // 3)).isoformat()
            conn.execute(
                "INSERT INTO entries (uid, day, created_at, updated_at, body) "
                "VALUES (?, ?, ?, ?, ?)",
                (f"u{i}", day, f"{day}T10:{i % 60:02d}:00", f"{day}T10:00:00", f"note {i}"),
            )
    tab = shown(qtbot, tabs.journal())
    first = len(tab.model.items())
    assert 0 < first < 300
    tab.timeline.scrollToBottom()
    qtbot.waitUntil(lambda: len(tab.model.items()) > first)


def test_timeline_model_is_a_well_behaved_model(
    qtmodeltester: ModelTester, tab: JournalTab, store: Store
) -> None:
    for i in range(5):
        save_entry(store, Entry(day=f"2026-11-{10 + i}", body=f"entry {i}"))
    qtmodeltester.check(tab.model)


def test_closing_keeps_unsaved_writing(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    qtbot.keyClicks(tab.editor.sense_edits["sound"], "wind in the chimney")
    tab.prepare_to_close()
    drafts = load_drafts(store)
    assert senses(drafts[0].content)["sound"] == "wind in the chimney"


def test_window_close_flushes_the_draft(qtbot: QtBot, app: Lifecycle) -> None:
    assert app.window is not None and app.store is not None
    tab = app.window.show_page("journal")
    assert isinstance(tab, JournalTab)
    qtbot.keyClicks(tab.editor.sense_edits["smell_taste"], "woodsmoke")
    app.window.close()
    assert senses(load_drafts(app.store)[0].content)["smell_taste"] == "woodsmoke"


def test_a_clock_set_back_never_moves_an_entrys_day(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    wall = store.wall
    assert isinstance(wall, FakeWallClock)
    original = save_entry(store, Entry(body="written on the 28th"))
    assert original.day == "2026-11-28"
    wall.set(dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.timezone.utc))  # the clock goes back
    tab.editor.edit(original)
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)  # saved, unchanged
    assert only_entry(store).day == "2026-11-28"
    tab.editor.edit(only_entry(store))
    tab.editor.body_edit.setFocus()
    qtbot.keyClick(tab.editor.body_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.editor.body_edit, " and a little more")
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    kept = only_entry(store)
    assert kept.day == "2026-11-28"
    assert kept.body == "written on the 28th and a little more"
