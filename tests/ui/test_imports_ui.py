"""File > Import as a person uses it: choose a file, read what it holds, import or cancel; the
imported pictures and moods show in the entry. The work runs inline here (an injected
executor); one test runs it on the real thread pool to show the window never waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRunnable, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.journal.entry_extras import EntryExtras
from desktop.journal.tab import JournalTab
from desktop.shell.data_actions import DataActions
from desktop.store import Store
from desktop.store.journal import Entry, count_entries, get_entry, save_entry, timeline_page
from desktop.store.pictures import count_pictures, pictures_of
from desktop.store_signals import StoreSignals
from tests.helpers import FakeDialogs
from tests.import_samples import (
    JRNL_ENTRIES,
    daylio_backup,
    daylio_csv,
    dayone_entries,
    dayone_zip,
    jrnl_json,
    png_bytes,
)


def run_inline(runnable: QRunnable) -> None:
    runnable.run()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    made = QWidget()
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture
def actions(
    store: Store, signals: StoreSignals, dialogs: FakeDialogs, window: QWidget
) -> DataActions:
    return DataActions(store, signals, dialogs, window, start=run_inline)


def _choose(actions: DataActions, dialogs: FakeDialogs, path: Path):  # type: ignore[no-untyped-def]
    dialogs.open = path
    actions.import_action.trigger()
    dialog = actions.import_dialog
    assert dialog is not None
    return dialog


def test_preview_then_import(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialog = _choose(actions, dialogs, dayone_zip(tmp_path / "Day One.zip"))
    assert dialog.isVisible()
    assert dialog.heading.text() == "<h3>From Day One</h3>"
    assert dialog.summary.text() == "This file has 4 entries from December 2018 to July 2021."
    assert "Glimmers will keep 3 pictures, each with its entry." in dialog.notes.text()
    assert dialog.keep_location.isVisible() and dialog.keep_weather.isVisible()
    assert dialog.starred_tag.isVisible() and dialog.starred_tag.text() == "starred"
    assert not dialog.progress.isVisible()
    assert count_entries(store) == 0  # nothing until the person says so
    assert dialog.focusWidget() is dialog.import_button
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialogs.told[-1] == (
        "Imported",
        "Added 4 journal entries, 3 pictures. 0 already in your journal.",
        False,
    )
    assert count_entries(store) == 4 and count_pictures(store) == 3


def test_choices_in_the_preview_are_kept(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialog = _choose(actions, dialogs, dayone_zip(tmp_path / "d.zip"))
    assert "this is left out unless you choose to keep it" in dialog.notes.text()
    qtbot.mouseClick(dialog.keep_location, Qt.MouseButton.LeftButton)
    assert "1 entry notes where you were; you chose to keep this." in dialog.notes.text()
    dialog.starred_tag.clear()
    qtbot.keyClicks(dialog.starred_tag, "Favourite")
    assert "Starred entries get the tag \u201cfavourite\u201d." in dialog.notes.text()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    tea = next(i for i in timeline_page(store) if "favourite" in i.tags)
    entry = get_entry(store, tea.uid)
    assert entry is not None and "Where: Small café, Auckland, New Zealand" in entry.body
    assert "Weather" not in entry.body


def test_cancel_writes_nothing(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialog = _choose(actions, dialogs, jrnl_json(tmp_path / "j.json"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert count_entries(store) == 0 and dialogs.told == []


def test_a_malformed_file_says_what_and_where(
    store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    save_entry(store, Entry(body="mine"))
    path = jrnl_json(tmp_path / "j.json", [*JRNL_ENTRIES, {**JRNL_ENTRIES[0], "time": "25:00"}])
    dialog = _choose(actions, dialogs, path)
    assert not dialog.isVisible()
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Nothing was imported", True)
    assert text.startswith("Entry 6: 2019-03-01 25:00 is not a real date and time.")
    assert text.endswith("Your journal is unchanged.")
    assert count_entries(store) == 1


def test_the_daylio_pin_is_mentioned(
    actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialog = _choose(actions, dialogs, daylio_backup(tmp_path / "backup.daylio"))
    assert dialog.heading.text() == "<h3>From Daylio</h3>"
    assert "holds your Daylio PIN in plain text. Glimmers does not keep it" in dialog.notes.text()
    assert not dialog.keep_location.isVisible() and not dialog.starred_tag.isVisible()
    dialog.reject()


def test_a_file_already_imported_offers_nothing_to_import(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = daylio_csv(tmp_path / "daylio.csv")
    qtbot.mouseClick(_choose(actions, dialogs, path).import_button, Qt.MouseButton.LeftButton)
    dialog = _choose(actions, dialogs, path)
    assert dialog.summary.text().endswith(
        "all of them are in your journal already, so nothing would change."
    )
    assert not dialog.import_button.isEnabled()
    assert dialog.focusWidget() is dialog.cancel_button
    dialog.reject()


def test_the_work_runs_off_the_gui_thread(
    qtbot: QtBot,
    store: Store,
    signals: StoreSignals,
    dialogs: FakeDialogs,
    window: QWidget,
    tmp_path: Path,
) -> None:
    entries = [{**JRNL_ENTRIES[0], "body": f"walk number {i}"} for i in range(3000)]
    path = jrnl_json(tmp_path / "big.json", entries)
    actions = DataActions(store, signals, dialogs, window)  # the real thread pool
    dialogs.open = path
    actions.import_action.trigger()
    dialog = actions.import_dialog
    assert dialog is not None and actions.import_job is not None
    with qtbot.waitSignal(actions.import_job.previewed, timeout=60_000):
        pass
    count = QLocale().toString(3000)  # the person's own way of writing numbers
    assert dialog.summary.text().startswith(f"This file has {count} entries from March 2019")
    job = actions.import_job
    with qtbot.waitSignal(job.imported, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible()  # the window answers while the worker writes
    assert count_entries(store) == 3000


def test_an_imported_entry_shows_its_pictures_and_mood(
    qtbot: QtBot,
    store: Store,
    journal_tab: JournalTab,
    actions: DataActions,
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    tab = journal_tab
    entry = dayone_entries()[0]
    qtbot.mouseClick(
        _choose(
            actions, dialogs, dayone_zip(tmp_path / "d.zip", {"Journal": [entry]})
        ).import_button,
        Qt.MouseButton.LeftButton,
    )
    qtbot.mouseClick(
        _choose(actions, dialogs, daylio_backup(tmp_path / "b.daylio")).import_button,
        Qt.MouseButton.LeftButton,
    )
    assert tab.model.rowCount() > 0  # the tab heard about the worker's write
    extras = tab.editor.extras
    assert not extras.isVisible()  # a new entry has nothing brought from elsewhere
    tea = next(i for i in timeline_page(store) if i.tags and "tea" in i.tags)
    tab.editor.edit(get_entry(store, tea.uid))  # type: ignore[arg-type]
    assert extras.isVisible() and not extras.mood_label.isVisible()
    names = [b.accessibleName() for b in extras.buttons]
    assert names == ["Picture 1 of 2", "Sketch 2 of 2"]
    assert not extras.buttons[0].icon().isNull()
    qtbot.mouseClick(extras.buttons[1], Qt.MouseButton.LeftButton)
    viewer = extras.viewer
    assert viewer is not None and viewer.isVisible() and viewer.windowTitle() == "Sketch 2 of 2"
    assert viewer.image_label.pixmap() is not None and not viewer.image_label.pixmap().isNull()
    viewer.reject()

    sunny = next(i for i in timeline_page(store) if i.pleasantness == 1.0)
    tab.editor.edit(get_entry(store, sunny.uid))  # type: ignore[arg-type]
    assert extras.mood_label.isVisible()
    assert extras.mood_label.text() == "You noted this felt very pleasant."
    assert [b.accessibleName() for b in extras.buttons] == ["Picture 1 of 1"]
    # The last entry's thumbnails are gone at once, not when Qt gets round to deleting them.
    shown = [b for b in extras.findChildren(QToolButton) if b.isVisibleTo(extras)]
    assert shown == extras.buttons
    # Saving a change keeps the mood and the pictures.
    qtbot.keyClicks(tab.editor.sense_edits["touch"], "warm stone")
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    saved = get_entry(store, sunny.uid)
    assert saved is not None and saved.touch == "warm stone" and saved.pleasantness == 1.0
    assert len(pictures_of(store, sunny.uid)) == 1
    tab.new_entry()
    assert not extras.isVisible()


def test_a_picture_qt_cannot_show_is_named_not_hidden(qtbot: QtBot) -> None:
    from desktop.store.pictures import Picture

    good = Picture(uid="a", media_type="image/png", data=png_bytes(40, 30))
    heic = Picture(
        uid="b", media_type="image/heic", data=b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40
    )
    extras = EntryExtras(lambda uid: [good, heic])
    qtbot.addWidget(extras)
    extras.show_entry(Entry(uid="x", body="y"))
    assert extras.buttons[1].text() == "Picture 2 of 2"
    viewer = extras.open_picture(1)
    assert "cannot show this kind of picture (image/heic)" in viewer.image_label.text()
    viewer.reject()
    # Keyboard: the thumbnails take focus and open with Space.
    extras.show()
    extras.buttons[0].setFocus()
    qtbot.keyClick(extras.buttons[0], Qt.Key.Key_Space)
    assert extras.viewer is not None and extras.viewer.windowTitle() == "Picture 1 of 2"
    extras.viewer.reject()


def test_the_import_dialog_and_pictures_name_their_controls(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from tests.ui.test_accessibility import unnamed

    dialog = _choose(actions, dialogs, dayone_zip(tmp_path / "d.zip"))
    assert dialog.keep_location.isVisibleTo(dialog) and dialog.starred_tag.isVisibleTo(dialog)
    assert unnamed(dialog) == []
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    tea = next(i for i in timeline_page(store) if i.tags and "tea" in i.tags)
    extras = EntryExtras(lambda uid: pictures_of(store, uid))
    qtbot.addWidget(extras)
    extras.show_entry(get_entry(store, tea.uid))
    extras.show()
    assert len(extras.buttons) == 2 and unnamed(extras) == []
    viewer = extras.open_picture(0)
    assert unnamed(viewer) == []
    viewer.reject()


def test_a_jrnl_journal_files_own_tag_symbols(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from tests.import_samples import jrnl_text
    from tests.ui.test_accessibility import unnamed

    entries = [{**JRNL_ENTRIES[0], "body": "Met @anna by the #river."}]
    dialog = _choose(actions, dialogs, jrnl_json(tmp_path / "j.json", entries))
    assert not dialog.tag_symbols.isVisible()  # an export lists its tags: nothing to ask
    dialog.reject()
    dialog = _choose(actions, dialogs, jrnl_text(tmp_path / "journal.txt", entries))
    assert dialog.tag_symbols.isVisible() and dialog.tag_symbols.text() == "@"
    assert unnamed(dialog) == []
    dialog.tag_symbols.clear()
    qtbot.keyClicks(dialog.tag_symbols, "a")
    assert "Tag symbols are the characters that start a tag in jrnl" in dialog.notes.text()
    assert not dialog.import_button.isEnabled()
    dialog.tag_symbols.clear()
    qtbot.keyClicks(dialog.tag_symbols, "@#")
    assert "Tag symbols" not in dialog.notes.text() and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [item.tags for item in timeline_page(store)] == [("anna", "river")]


def test_a_note_that_appears_as_symbols_are_typed_never_moves_the_field(
    qtbot: QtBot, store: Store, actions: DataActions, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    from tests.import_samples import jrnl_text

    entries = [{**JRNL_ENTRIES[0], "body": "Met @anna by the #river."}]
    dialog = _choose(actions, dialogs, jrnl_text(tmp_path / "journal.txt", entries))
    qtbot.waitUntil(dialog.tag_symbols.isVisible)
    before = dialog.tag_symbols.mapTo(dialog, dialog.tag_symbols.rect().topLeft())
    dialog.tag_symbols.clear()
    qtbot.keyClicks(dialog.tag_symbols, "a")
    assert "cannot be used" in dialog.notes.text()
    QApplication.processEvents()  # the layout settles, as it does before the next key
    assert dialog.tag_symbols.mapTo(dialog, dialog.tag_symbols.rect().topLeft()) == before
