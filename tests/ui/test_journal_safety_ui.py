"""The window when the journal is read-only, damaged, foreign, or its backups cannot be made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.tab import JournalTab
from desktop.shell.main_window import MainWindow
from desktop.shell.problem_window import ProblemWindow
from desktop.store import open_store
from desktop.store.backups import list_backups, make_backup
from desktop.store.journal import Entry, count_entries, save_entry
from tests.conftest import StartApp
from tests.faults import (
    ENGINES,
    TEST_KEY,
    checkpoint,
    damage_pages,
    open_journal,
    read_only,
    target_cannot_grow,
)
from tests.helpers import FakeDialogs, FakeWallClock


def _app(start_app: StartApp, engine: str = "plain", data_dir: Path | None = None) -> Lifecycle:
    """The app as a person starts it (protection offered), not started yet; an encrypted
    journal as if just unlocked."""
    key = TEST_KEY if engine == "encrypted" else None
    return start_app(start=False, offer_protection=True, data_dir=data_dir, key=key)


def _journal(data_dir: Path, engine: str = "plain", entries: int = 2) -> None:
    store = open_journal(data_dir, engine)
    for i in range(entries):
        save_entry(store, Entry(body=f"a small thing {i:03d} " + "noticed " * 60))
    checkpoint(store)
    store.close()


def test_a_read_only_journal_opens_with_a_calm_note_and_saves_say_why(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    _journal(data_dir)
    with read_only(data_dir):
        app = _app(start_app)
        shown = app.start()
        qtbot.addWidget(shown)
        assert isinstance(shown, MainWindow)
        notice = shown.notice
        assert notice.isVisibleTo(shown)
        assert "open for reading only" in notice.text()
        assert "the data folder cannot be written to" in notice.text()
        assert not shown.offer_bar.isVisibleTo(shown)  # no passphrase offered: it cannot be set
        tab = shown.show_page("journal")
        assert isinstance(tab, JournalTab)
        assert tab.model.rowCount() >= 2
        tab.editor.body_edit.setPlainText("a thought that cannot be kept here")
        qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
        assert "can only be read" in tab.editor.message.text()
        assert tab.editor.body_edit.toPlainText() == "a thought that cannot be kept here"
        assert app.backups.daily_backup() is None
        app.shutdown()
    assert not (data_dir / "backups").exists()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_daily_backup_on_a_full_disk_says_so_plainly(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _journal(data_dir, engine, entries=20)
    app = _app(start_app, engine)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, MainWindow)
    target_cannot_grow(monkeypatch)
    assert app.backups.daily_backup() is None
    assert shown.statusBar().currentMessage() == (
        "Today's backup: No backup was made: the disk is full. Free some space and try again."
    )
    dialog = app.backups.show_backups()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("No backup was made: the disk is full")
    assert dialog.table.rowCount() == 0
    assert list(data_dir.glob("backups/*")) == []
    dialog.close()
    app.shutdown()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_problem_window_rescues_what_can_still_be_read(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, dialogs: FakeDialogs, engine: str
) -> None:
    _journal(data_dir, engine, entries=40)
    store = open_journal(data_dir, engine)
    make_backup(store, data_dir / "backups")
    store.close()
    damage_pages(
        data_dir / "glimmers.db", [data_dir.joinpath("glimmers.db").stat().st_size // 8192]
    )
    app = _app(start_app, engine)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    assert shown.rescue_button.isVisibleTo(shown)
    assert shown.restore_button.isVisibleTo(shown)
    assert "Rescue what can still be read" in shown.rescue_button.accessibleName()
    qtbot.mouseClick(shown.rescue_button, Qt.MouseButton.LeftButton)
    window = app.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert not shown.isVisible()
    title, text, problem = dialogs.told[-1]
    assert title == "Rescued" and not problem
    assert "from the damaged file" in text
    assert "glimmers-damaged-" in text
    assert app.store is not None and count_entries(app.store) == 40
    assert len(list(data_dir.glob("glimmers-damaged-*.db"))) == 1
    app.shutdown()


def test_an_empty_journal_file_is_damage_and_a_backup_is_offered(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    _journal(data_dir)
    store = open_store(data_dir / "glimmers.db", data_dir / "backups", FakeWallClock())
    make_backup(store, data_dir / "backups")
    store.close()
    (data_dir / "glimmers.db").write_bytes(b"")
    app = _app(start_app)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    assert "looks damaged" in shown.title.text()
    assert "the file is empty" in shown.explanation.text()
    assert shown.restore_button.isVisibleTo(shown)
    assert "with 2 entries" in shown.backup_label.text()
    assert not shown.rescue_button.isVisibleTo(shown)  # nothing in it to read
    assert (data_dir / "glimmers.db").read_bytes() == b""
    qtbot.mouseClick(shown.restore_button, Qt.MouseButton.LeftButton)
    assert app.store is not None and count_entries(app.store) == 2
    assert app.window is not None
    qtbot.addWidget(app.window)
    app.shutdown()


def test_another_programs_file_is_explained_and_offered_nothing_to_replace_it(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    import sqlite3

    _journal(data_dir)
    store = open_store(data_dir / "glimmers.db", data_dir / "backups", FakeWallClock())
    make_backup(store, data_dir / "backups")
    store.close()
    (data_dir / "glimmers.db").unlink()
    conn = sqlite3.connect(data_dir / "glimmers.db")
    conn.execute("CREATE TABLE recipes (name)")
    conn.commit()
    conn.close()
    before = (data_dir / "glimmers.db").read_bytes()
    app = _app(start_app)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    assert "belongs to another program" in shown.title.text()
    assert not shown.restore_button.isVisibleTo(shown)
    assert not shown.rescue_button.isVisibleTo(shown)
    assert (data_dir / "glimmers.db").read_bytes() == before
    assert len(list_backups(data_dir / "backups")) == 1
    app.shutdown()


def test_a_data_folder_that_cannot_be_made_is_explained(
    qtbot: QtBot, tmp_path: Path, start_app: StartApp
) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    with read_only(parent):
        app = _app(start_app, data_dir=parent / "data")
        shown = app.start()
        qtbot.addWidget(shown)
        assert isinstance(shown, ProblemWindow)
        assert "could not make a new journal" in shown.title.text()
        app.shutdown()


def test_a_read_only_journal_still_opens_listen_when_music_has_moved(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, start_app: StartApp
) -> None:
    """The Listen tab notes which music files are gone as it opens; a journal that can only be
    read cannot keep that note, and the tab must open all the same (a drive of music
    unplugged is an everyday thing)."""
    from desktop.listen.tab import ListenTab
    from desktop.store.listening import TrackInfo, add_tracks

    store = open_journal(data_dir, "plain")
    song = tmp_path / "usb" / "song.ogg"
    add_tracks(store, [TrackInfo(str(song), "A song on a drive")])  # the drive is unplugged now
    store.close()
    with read_only(data_dir):
        app = _app(start_app)
        shown = app.start()
        qtbot.addWidget(shown)
        assert isinstance(shown, MainWindow)
        tab = shown.show_page("listen")
        assert isinstance(tab, ListenTab)
        assert tab.model.rowCount() == 1
        track = tab.model.track(0)
        assert track is not None and not tab.play_track(track)  # it says why, and goes on
        assert tab.message.text()
        app.shutdown()
