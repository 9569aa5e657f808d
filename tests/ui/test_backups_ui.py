"""Backups from the interface: the daily copy, File > Backups, and recovery from a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.shell.main_window import MainWindow
from desktop.shell.problem_window import ProblemWindow
from desktop.store import open_store
from desktop.store.backups import list_backups, make_backup
from desktop.store.journal import Entry, count_entries, save_entry
from tests.conftest import StartApp
from tests.helpers import FakeDialogs, FakeWallClock


def test_daily_backup_after_start(app: Lifecycle, data_dir: Path) -> None:
    assert app.backups.daily_backup() is not None
    assert app.backups.daily_backup() is None  # one a day is enough
    assert len(list_backups(data_dir / "backups")) == 1
    app.shutdown()


def test_back_up_now_and_restore_from_the_dialog(
    qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs, data_dir: Path
) -> None:
    assert app.store is not None
    save_entry(app.store, Entry(body="kept in the backup"))
    dialog = app.backups.show_backups()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    entries = dialog.table.item(0, 2)
    assert entries is not None and entries.text() == "1"
    save_entry(app.store, Entry(body="written after"))
    dialogs.confirm_answer = False
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert count_entries(app.store) == 2  # nothing happened
    dialogs.confirm_answer = True
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window, MainWindow)
    qtbot.addWidget(app.window)
    assert app.store is not None
    assert count_entries(app.store) == 1
    assert dialogs.told[-1][0] == "Restored"
    # The data from before the restore is itself kept as a backup.
    kept = [b for b in list_backups(data_dir / "backups") if "before-restore" in b.path.name]
    assert kept and kept[0].entries == 2
    app.shutdown()


def test_keep_setting_is_remembered(app: Lifecycle) -> None:
    dialog = app.backups.show_backups()
    dialog.keep.setValue(5)
    assert app.backups.keep() == 5
    dialog.close()
    app.shutdown()


def test_damaged_file_can_be_replaced_by_the_newest_good_backup(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    data_dir.mkdir(parents=True)
    store = open_store(data_dir / "glimmers.db", data_dir / "backups", FakeWallClock())
    save_entry(store, Entry(body="safe in a backup"))
    make_backup(store, data_dir / "backups")
    store.close()
    database = data_dir / "glimmers.db"
    damaged = b"this file was damaged" * 300
    database.write_bytes(damaged)
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    assert shown.restore_button.isVisibleTo(shown)
    assert "1 entry can take its place" in shown.backup_label.text()
    qtbot.mouseClick(shown.restore_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window, MainWindow)
    qtbot.addWidget(app.window)
    assert app.store is not None and count_entries(app.store) == 1
    [kept] = list(data_dir.glob("glimmers-damaged-*.db"))
    assert kept.read_bytes() == damaged  # beside it, byte for byte
    app.shutdown()


def test_a_backup_that_cannot_be_put_in_place_is_explained(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    store = open_store(data_dir / "glimmers.db", data_dir / "backups", FakeWallClock())
    make_backup(store, data_dir / "backups")
    store.close()
    (data_dir / "glimmers.db").write_bytes(b"this file was damaged" * 300)

    def refuse(*args: object) -> None:
        raise OSError("the disk is full")

    monkeypatch.setattr("desktop.store.backups.restore", refuse)
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    qtbot.mouseClick(shown.restore_button, Qt.MouseButton.LeftButton)
    assert "could not be restored: the disk is full" in shown.explanation.text()
    assert "not a Glimmers database" in shown.explanation.text()  # the explanation stays
    assert app.window is None and shown.isVisible()
    app.shutdown()


def test_a_restore_cut_short_by_a_full_disk_leaves_the_journal_as_it_was(
    qtbot: QtBot,
    app: Lifecycle,
    dialogs: FakeDialogs,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    import shutil

    assert app.store is not None
    save_entry(app.store, Entry(body="kept in the backup"))
    dialog = app.backups.show_backups()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    save_entry(app.store, Entry(body="written after the backup"))
    real_copy = shutil.copyfile

    def disk_fills_up(source: Path, target: Path) -> Path:
        real_copy(source, target)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_fills_up)
    dialogs.confirm_answer = True
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialogs.told[-1][0] == "Nothing was restored"
    assert isinstance(app.window, MainWindow)
    qtbot.addWidget(app.window)
    assert app.store is not None
    assert count_entries(app.store) == 2  # what was written is all still there
    assert not list(data_dir.glob("*.restoring"))  # no half copy is left to fill the disk
    assert not list((data_dir / "backups").glob("*before-restore*"))
    app.shutdown()
