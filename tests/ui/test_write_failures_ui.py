"""Writing stays in the editor when the journal cannot keep it, on both engines: the editor
says so plainly and never says "Saved"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.journal.tab import JournalTab
from desktop.shell.main_window import MainWindow
from desktop.store import Store
from desktop.store.journal import Entry, count_entries, load_drafts, save_entry
from tests.conftest import StartApp, TabsOn
from tests.faults import ENGINES, open_journal
from tests.helpers import FakeDialogs, FakeWallClock, shown
from tests.unit.test_write_failures import FAILURES, busy


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_refused_save_keeps_the_writing_in_the_editor(
    qtbot: QtBot, tmp_path: Path, tabs_on: TabsOn, wall: FakeWallClock, engine: str, failure: str
) -> None:
    situation, words = FAILURES[failure]
    with situation(tmp_path / "data", engine, wall) as store:
        tab = shown(qtbot, tabs_on(store).journal())
        editor = tab.editor
        writing = "the light on the wall, slowly moving " * 400
        editor.body_edit.setPlainText(writing)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert words in editor.message.text()
        assert "Saved" not in editor.message.text()
        assert editor.body_edit.toPlainText() == writing  # still on screen, to try again
        assert count_entries(store) == 1  # only the one from before
        editor.flush_draft()  # the autosaved draft cannot be kept either, and says so
        assert words in editor.message.text()
        assert "Your writing is still here" in editor.message.text()
        assert editor.body_edit.toPlainText() == writing
        assert load_drafts(store) == []
        tab.close()


def test_the_editor_saves_once_the_trouble_has_passed(
    qtbot: QtBot, tmp_path: Path, tabs_on: TabsOn, wall: FakeWallClock, engine: str
) -> None:
    from tests.faults import fill_disk, free_disk, open_journal

    store: Store = open_journal(tmp_path / "data", engine, wall)
    save_entry(store, Entry(body="before"))
    tab = shown(qtbot, tabs_on(store).journal())
    fill_disk(store)
    tab.editor.body_edit.setPlainText("kept until it can be saved " * 500)
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert "the disk is full" in tab.editor.message.text()
    free_disk(store)
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert tab.editor.message.text() == "Saved, for today."
    assert count_entries(store) == 2
    tab.close()
    store.close()


@pytest.mark.parametrize("away", ["older entry", "new entry", "three impressions"])
def test_writing_that_cannot_be_kept_stays_when_another_entry_is_asked_for(
    qtbot: QtBot, tmp_path: Path, tabs_on: TabsOn, wall: FakeWallClock, away: str
) -> None:
    """The editor says "Your writing is still here": moving to another entry must not
    replace that writing with the other entry while it is kept nowhere else."""
    with busy(tmp_path / "data", "plain", wall) as store:
        tab = shown(qtbot, tabs_on(store).journal())
        editor = tab.editor
        qtbot.keyClicks(editor.sense_edits["sound"], "rain on the roof, slowly")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert "another program is using your data" in editor.message.text()
        if away == "older entry":
            rect = tab.timeline.visualRect(tab.model.index(1))
            qtbot.mouseClick(tab.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        elif away == "new entry":
            qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(tab.impressions_button, Qt.MouseButton.LeftButton)
        assert editor.sense_edits["sound"].text() == "rain on the roof, slowly"
        assert editor.editing is None and editor.kind == "entry"
        assert "Your writing is still here" in editor.message.text()
        assert load_drafts(store) == []
        tab.close()


def test_a_pattern_deleted_or_put_back_while_the_journal_is_busy_says_so_and_stays_mendable(
    qtbot: QtBot, tmp_path: Path, tabs_on: TabsOn, wall: FakeWallClock
) -> None:
    from desktop.store.breathing import StoredPattern, list_patterns, save_pattern
    from tests.faults import another_writer

    store = open_journal(tmp_path / "data", "plain", wall)
    save_pattern(store, StoredPattern("Evening", inhale=4, hold_in=0, exhale=7, hold_out=0))
    tab = shown(qtbot, tabs_on(store).breathe(), 1000, 700)
    tab.chooser.setCurrentIndex(tab.chooser.findText("Evening", Qt.MatchFlag.MatchStartsWith))
    dialog = tab.show_patterns()
    qtbot.waitExposed(dialog)
    assert dialog.editing() == "Evening"
    with another_writer(store):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        assert "another program is using your data" in dialog.message.text()
        assert "Deleted" not in dialog.message.text()
    assert [p.name for p in list_patterns(store)] == ["Evening"]
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert list_patterns(store) == []
    with another_writer(store):
        qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
        assert "another program is using your data" in dialog.message.text()
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)  # once it has passed
    assert [p.name for p in list_patterns(store)] == ["Evening"]
    assert dialog.message.text() == "\u201cEvening\u201d is back."
    dialog.close()
    tab.close()
    store.close()


def test_closing_while_writing_cannot_be_kept_asks_first(
    qtbot: QtBot, start_app: StartApp, dialogs: FakeDialogs
) -> None:
    """The editor says "keep this window open": closing it anyway must not lose the writing
    without a word. The person is asked, may stay, and may close once they choose to."""
    from tests.faults import another_writer

    app = start_app()
    window = app.window
    assert isinstance(window, MainWindow) and app.journal is not None
    tab = window.show_page("journal")
    assert isinstance(tab, JournalTab)
    with another_writer(app.journal.store):
        qtbot.keyClicks(tab.editor.sense_edits["sound"], "rain on the roof, slowly")
        dialogs.confirm_answer = False  # "Cancel": stay
        window.close()
        [question] = dialogs.confirmed
        assert "another program is using your data" in question
        assert "if Glimmers closes now, it is lost" in question
        assert window.isVisible()
        assert tab.editor.sense_edits["sound"].text() == "rain on the roof, slowly"
        dialogs.confirm_answer = True  # "Close anyway"
        window.close()
        assert not window.isVisible()


def test_closing_with_writing_kept_as_a_draft_asks_nothing(
    qtbot: QtBot, start_app: StartApp, dialogs: FakeDialogs
) -> None:
    app = start_app()
    window = app.window
    assert isinstance(window, MainWindow) and app.journal is not None
    tab = window.show_page("journal")
    assert isinstance(tab, JournalTab)
    qtbot.keyClicks(tab.editor.sense_edits["sound"], "rain on the roof, slowly")
    window.close()
    assert dialogs.confirmed == [] and not window.isVisible()
    [draft] = load_drafts(app.journal.store)
    senses = draft.content["senses"]
    assert isinstance(senses, dict) and senses["sound"] == "rain on the roof, slowly"
