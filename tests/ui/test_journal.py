"""The Journal tab as a person uses it: type, choose words, save, find, edit, undo."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.tab import NEW_DRAFT, OLD_DRAFT, JournalTab, draft_key
from desktop.journal.timeline import HTML_ROLE
from desktop.shell.pages import Tabs
from desktop.shell.theme import calm_palette
from desktop.store import Store
from desktop.store.breathing import StoredSession, save_session
from desktop.store.journal import (
    Entry,
    count_entries,
    get_entry,
    load_drafts,
    save_draft,
    save_entry,
    timeline_page,
)
from desktop.store.records import Feeling
from tests.conftest import StartApp
from tests.helpers import FakeWallClock, shown
from tests.ui.test_large_text import clipped

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


def open_part(qtbot: QtBot, tab: JournalTab, key: str) -> None:
    """Open one of the entry's optional parts with a click, as a person would."""
    disclosure = tab.editor.disclosures[key]
    if not disclosure.isChecked():
        qtbot.mouseClick(disclosure, Qt.MouseButton.LeftButton)
    assert tab.editor.sections[key].isVisible()


def tick_word(qtbot: QtBot, tab: JournalTab, word: str) -> None:
    open_part(qtbot, tab, "feelings")
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
    open_part(qtbot, tab, "words")
    assert editor.body_edit.hasFocus()  # opening a part puts you in it
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
    assert editor.sense_edits["touch"].hasFocus()  # at the top, in the first sense
    assert editor.entry_scroll.verticalScrollBar().value() == 0
    assert not editor.sections["feelings"].isVisible()  # a fresh page, the parts closed
    assert tab.model.rowCount() == 2  # the day's header and the entry
    assert tab.model.index(0).data() == "Today"
    shown = tab.model.index(1).data()
    assert (
        "Cool air on my wrists" in shown
        and "calm, with a little sadness, and somewhat fizzy" in shown
    )


def test_a_word_of_your_own_typed_but_not_added_is_saved_with_the_entry(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    """The field says "Your own word": a word typed there and saved straight away, without
    Enter or Add first, is kept; it was left behind while the editor said "Saved"."""
    editor = tab.editor
    qtbot.keyClicks(editor.sense_edits["touch"], "Cool air")
    tick_word(qtbot, tab, "calm")
    qtbot.keyClicks(editor.feelings.own_word, "Wistful")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in editor.message.text()
    assert only_entry(store).feelings == (Feeling("calm", 2), Feeling("wistful", 2))
    # The next entry starts without it, and a word typed alone is writing to keep too.
    assert editor.feelings.own_word.text() == "" and editor.feelings.feelings() == ()
    open_part(qtbot, tab, "feelings")
    qtbot.keyClicks(editor.feelings.own_word, "tender")
    assert editor.has_unsaved()
    tab.prepare_to_close()
    [draft] = load_drafts(store)
    assert draft.content["feelings"] == [["tender", 2]]


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
    assert tab.empty_label.text() == "Nothing found for \u201cnothing like this\u201d."
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, "h")  # a first letter: nothing is searched yet
    assert tab.empty_label.text() == "Type a little more to search."
    qtbot.keyClicks(tab.search_edit, "a")
    assert [i.summary for i in tab.model.items()] == ["The lanterns along the harbour"]


def test_edit_an_entry_from_the_timeline(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    original = save_entry(store, Entry(day="2026-11-25", sight="grey sky", tags=("walk",)))
    click_row(qtbot, tab, 1)
    editor = tab.editor
    assert editor.sense_edits["sight"].text() == "grey sky"
    assert editor.delete_button.isVisible()
    assert editor.heading.text() == "What you noticed"  # a kept entry, open for changes
    assert tab.timeline.selectionModel().isSelected(tab.model.index(1))
    # Delete stands apart from Save, at the other end of the row.
    delete, save = editor.delete_button.geometry(), editor.save_button.geometry()
    assert delete.right() < editor.message.geometry().left() <= save.left()
    assert save.left() - delete.right() > editor.width() // 3
    # The keyboard meets them in the order they stand: Delete, then Save.
    editor.delete_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.delete_button, Qt.Key.Key_Tab)
    assert editor.save_button.hasFocus()
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


def test_starting_something_new_leaves_no_row_marked_as_open(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    save_entry(store, Entry(day="2026-11-25", sight="grey sky"))
    click_row(qtbot, tab, 1)
    assert tab.timeline.selectionModel().isSelected(tab.model.index(1))
    qtbot.mouseClick(tab.impressions_button, Qt.MouseButton.LeftButton)
    assert tab.editor.heading.text() == "Three impressions"
    assert not tab.timeline.selectionModel().hasSelection()
    click_row(qtbot, tab, 1)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.editor.heading.text() == "What did you notice?"
    assert not tab.timeline.selectionModel().hasSelection()


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
    open_part(qtbot, tab, "sketch")
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
    assert tab.editor.sections["sketch"].isVisible()  # a part that holds something is open
    image = pad.grab().toImage()
    ink = pad.palette().text().color()
    x, y = strokes[0][5]
    pixel = image.pixelColor(int(x * (pad.width() - 1)), int(y * (pad.height() - 1)))
    assert _close(pixel, ink)
    qtbot.mouseClick(tab.editor.sketch.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty()


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 90


def test_autosaved_draft_comes_back_after_a_crash(qtbot: QtBot, tabs: Tabs, store: Store) -> None:
    first = shown(qtbot, tabs.replace(autosave_ms=30).journal())
    qtbot.keyClicks(first.editor.sense_edits["breath_body"], "tight chest, then softer")
    qtbot.waitUntil(lambda: any(d.key == NEW_DRAFT for d in load_drafts(store)))
    first.hide()  # the app dies here: nothing more is saved. Reopening finds the draft.
    second = shown(qtbot, tabs.journal())
    assert second.draft_banner.isVisible()
    assert "Your unsaved writing from" in second.draft_banner.label.text()
    assert second.editor.sense_edits["breath_body"].text() == "tight chest, then softer"
    qtbot.keyClick(
        second.editor.sense_edits["breath_body"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert only_entry(store).breath_body == "tight chest, then softer"
    assert load_drafts(store) == []
    assert not second.draft_banner.isVisible()


def test_draft_can_be_discarded(qtbot: QtBot, tabs: Tabs, store: Store) -> None:
    first = shown(qtbot, tabs.journal())
    qtbot.keyClicks(first.editor.sense_edits["sound"], "half a thought")
    first.prepare_to_close()
    second = shown(qtbot, tabs.journal())
    assert second.editor.sense_edits["sound"].text() == "half a thought"
    qtbot.mouseClick(second.discard_draft_button, Qt.MouseButton.LeftButton)
    assert not second.draft_banner.isVisible()
    assert second.editor.sense_edits["sound"].text() == ""
    assert load_drafts(store) == []


def test_switching_entries_keeps_each_ones_unsaved_writing(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    older = save_entry(store, Entry(day="2026-11-20", sight="grey sky"))
    editor = tab.editor
    qtbot.keyClicks(editor.sense_edits["sound"], "rain on the roof")
    click_row(qtbot, tab, 1)  # an older entry, with new writing still unsaved
    assert editor.sense_edits["sight"].text() == "grey sky"
    assert [d.key for d in load_drafts(store)] == [NEW_DRAFT]
    editor.sense_edits["sight"].selectAll()
    qtbot.keyClicks(editor.sense_edits["sight"], "a gap of blue")
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    # Back at the new entry: its writing is back, and the older entry's changes are kept too.
    assert editor.editing is None
    assert editor.sense_edits["sound"].text() == "rain on the roof"
    assert "Your unsaved writing" in tab.draft_banner.label.text()
    assert {d.key for d in load_drafts(store)} == {NEW_DRAFT, draft_key(older.uid)}
    assert editor.sense_edits["touch"].hasFocus()
    click_row(qtbot, tab, 1)
    assert editor.sense_edits["sight"].text() == "a gap of blue"
    assert get_entry(store, older.uid) == older  # nothing saved without asking
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = get_entry(store, older.uid)
    assert saved is not None and saved.sight == "a gap of blue"
    # After the save, the new entry left on the way comes back.
    assert editor.editing is None and editor.sense_edits["sound"].text() == "rain on the roof"
    assert [d.key for d in load_drafts(store)] == [NEW_DRAFT]


def test_an_empty_draft_is_never_kept_or_offered(
    qtbot: QtBot, tabs: Tabs, tab: JournalTab, store: Store
) -> None:
    older = save_entry(store, Entry(day="2026-11-20", sight="grey sky"))
    qtbot.keyClicks(tab.editor.sense_edits["sound"], "x")
    qtbot.keyClick(tab.editor.sense_edits["sound"], Qt.Key.Key_Backspace)  # typed, then taken back
    click_row(qtbot, tab, 1)
    tab.editor.sense_edits["sight"].selectAll()
    qtbot.keyClicks(tab.editor.sense_edits["sight"], "grey sky")  # changed back to what it was
    tab.prepare_to_close()
    assert load_drafts(store) == []
    again = shown(qtbot, tabs.journal())
    assert not again.draft_banner.isVisible()
    assert again.editor.editing is None and not again.editor.holds_writing()
    assert get_entry(store, older.uid) == older


def test_an_older_versions_single_draft_comes_back_to_its_entry(
    qtbot: QtBot, tabs: Tabs, store: Store
) -> None:
    older = save_entry(store, Entry(day="2026-11-20", sight="grey sky"))
    save_draft(
        store,
        OLD_DRAFT,
        {
            "editing": older.uid,
            "kind": "entry",
            "day": older.day,
            "senses": {"sight": "grey, then gold"},
        },
    )
    tab = shown(qtbot, tabs.journal())
    assert "unsaved writing in another entry" in tab.draft_banner.label.text()
    qtbot.mouseClick(tab.open_draft_button, Qt.MouseButton.LeftButton)
    assert tab.editor.editing is not None and tab.editor.editing.uid == older.uid
    assert tab.editor.sense_edits["sight"].text() == "grey, then gold"
    assert [d.key for d in load_drafts(store)] == [draft_key(older.uid)]


def test_filters_by_kind_and_tag(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    save_entry(store, Entry(day="2026-11-20", body="a walk", tags=("outside",)))
    save_entry(store, Entry(day="2026-11-21", body="indoors"))
    assert len(tab.model.items()) == 2
    assert not tab.kind_filter.isVisible()  # one step away
    qtbot.mouseClick(tab.filters_button, Qt.MouseButton.LeftButton)
    assert tab.kind_filter.isVisible() and tab.tag_filter.isVisible()
    tab.tag_filter.setCurrentIndex(tab.tag_filter.findData("outside"))
    assert [i.summary for i in tab.model.items()] == ["a walk"]
    tab.tag_filter.setCurrentIndex(0)
    tab.kind_filter.setCurrentIndex(2)  # three impressions only
    assert tab.model.items() == []
    assert tab.empty_label.text() == "Nothing here with this choice yet."


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


def showing_controls(root: QWidget) -> list[str]:
    """The controls a person sees in ``root``: what takes a click or the keyboard."""
    from tests.ui.test_accessibility import INTERACTIVE

    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and w.isVisibleTo(root)
        and not w.objectName().startswith("qt_")
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        and not isinstance(w, QScrollBar)
    ]


def test_the_search_fields_hint_is_whole_in_the_smallest_window(qtbot: QtBot, tabs: Tabs) -> None:
    """At 640x480 the hint read "Search your jou…": a hint cut short says nothing."""
    tab = shown(qtbot, tabs.journal(), 640, 440)
    edit = tab.search_edit
    room = edit.contentsRect().width() - 8  # the field's own inner margins
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room
    assert "Ctrl+F" in edit.placeholderText()
    assert edit.accessibleName() == "Search your journal"


def test_a_new_entry_is_a_writing_surface_of_ten_controls(
    qtbot: QtBot, tabs: Tabs, store: Store
) -> None:
    tab = shown(qtbot, tabs.journal(), 1100, 760)
    editor = tab.editor
    assert "What did you notice?" in editor.heading.text()
    controls = showing_controls(editor)
    assert len(controls) <= 10, controls
    assert editor.save_button.isVisible()
    for key in ("feelings", "words", "sketch"):  # each one click away
        assert editor.disclosures[key].isVisible() and not editor.sections[key].isVisible()
    open_part(qtbot, tab, "words")
    open_part(qtbot, tab, "feelings")
    assert editor.disclosures["sketch"].geometry().isValid()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert len(showing_controls(editor)) <= 10  # a new entry starts closed again
    assert editor.sense_edits["touch"].hasFocus()


def test_opening_a_part_never_moves_the_next_one(qtbot: QtBot, tab: JournalTab) -> None:
    editor = tab.editor
    before = editor.disclosures["sketch"].mapTo(editor, QPoint(0, 0))
    open_part(qtbot, tab, "feelings")
    assert editor.disclosures["sketch"].mapTo(editor, QPoint(0, 0)) == before


def test_search_finds_a_breathing_sessions_words(
    qtbot: QtBot, tab: JournalTab, store: Store
) -> None:
    save_session(
        store,
        StoredSession(
            "Resonance breathing",
            {"inhale": 5.5, "exhale": 5.5},
            300.0,
            27,
            False,
            feelings_before=(Feeling("heavy eyelids", 2),),
        ),
    )
    save_entry(store, Entry(body="a quiet morning"))
    qtbot.keyClicks(tab.search_edit, "eyelids")
    qtbot.waitUntil(lambda: len(tab.model.items()) == 1)
    [item] = tab.model.items()
    assert item.kind == "breath"
    html = tab.model.index(1).data(HTML_ROLE)
    assert "Breathing session" in html and "<b><u>eyelids</u></b>" in html
    assert "Resonance breathing, 5 minutes" in html
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, "Resonance")
    assert [i.kind for i in tab.model.items()] == ["breath"]


def test_an_entry_with_the_keyboard_alone(qtbot: QtBot, tab: JournalTab, store: Store) -> None:
    editor = tab.editor
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert editor.sense_edits["touch"].hasFocus()
    qtbot.keyClicks(editor.sense_edits["touch"], "cold fingers")
    for _ in range(5):  # through the senses to the first of the parts one step away
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.disclosures["feelings"]
    qtbot.keyClick(editor.disclosures["feelings"], Qt.Key.Key_Space)
    assert editor.feelings.first_control.hasFocus()  # opened, and in it
    qtbot.keyClick(editor.feelings.first_control, Qt.Key.Key_Right)  # along the family's words
    word = QApplication.focusWidget()
    assert word is not None and word is not editor.feelings.first_control
    qtbot.keyClick(word, Qt.Key.Key_Space)  # its second word, chosen
    qtbot.keyClick(word, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    entry = only_entry(store)
    assert entry.touch == "cold fingers" and len(entry.feelings) == 1
    assert editor.sense_edits["touch"].hasFocus()  # ready for the next one


def test_the_editor_fits_half_a_laptop_screen_with_text_at_150(
    qapp: QApplication, start_app: StartApp
) -> None:
    """At 683x740 with large text the timeline and the editor both get what they need."""
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        app = start_app()
        assert app.window is not None
        app.window.resize(683, 740)
        page = app.window.show_page("journal")
        QApplication.processEvents()
        assert clipped(page) == []
    finally:
        qapp.setFont(font)


def _chevron_colours(tab: JournalTab, key: str) -> set[str]:
    """The colours the chevron of a part's disclosure is drawn in (its solid pixels)."""
    disclosure = tab.editor.disclosures[key]
    image = disclosure.icon().pixmap(disclosure.iconSize()).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_a_parts_chevron_is_in_the_palettes_colours_light_and_dark(
    qtbot: QtBot, app: Lifecycle
) -> None:
    """No black triangles: a soft outline colour when closed, the accent when open, in both."""
    assert app.window is not None
    tab = app.window.show_page("journal")
    assert isinstance(tab, JournalTab)
    disclosure = tab.editor.disclosures["feelings"]
    assert disclosure.arrowType() == Qt.ArrowType.NoArrow
    for theme in ("light", "dark"):
        app.appearance.set_theme(theme)
        palette = calm_palette(dark=theme == "dark")
        outline = palette.color(QPalette.ColorRole.Mid).name()
        qtbot.waitUntil(lambda: _chevron_colours(tab, "feelings") == {outline})  # noqa: B023
        open_part(qtbot, tab, "feelings")
        accent = palette.color(QPalette.ColorRole.Highlight).name()
        assert _chevron_colours(tab, "feelings") == {accent}
        qtbot.mouseClick(disclosure, Qt.MouseButton.LeftButton)  # closed again
    app.appearance.set_theme("light")
