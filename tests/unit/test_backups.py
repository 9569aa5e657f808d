"""Backups: made while in use, listed, pruned, restored without overwriting anything."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop.clock import local_now
from desktop.store import Store, StoreProblem, open_store
from desktop.store.backups import (
    aside_for_damaged,
    aside_for_restore,
    backup_if_due,
    check,
    list_backups,
    make_backup,
    newest_good_backup,
    prune,
    restore,
)
from desktop.store.glimmers import keep_glimmer
from desktop.store.journal import Entry, count_entries, save_entry
from tests.helpers import FakeWallClock


def at(day: int, hour: int = 9) -> dt.datetime:
    """A local time in November 2026, as backups are named by the person's own clock."""
    return dt.datetime(2026, 11, day, hour, 0, 0)


def dated(store: Store, moment: dt.datetime) -> Store:
    """The store, with its wall clock set to the local ``moment``."""
    assert isinstance(store.wall, FakeWallClock)
    store.wall.set(moment.astimezone())
    return store


def journal(folder: Path, entries: int) -> Store:
    store = open_store(folder / "glimmers.db", folder / "backups", FakeWallClock())
    for i in range(entries):
        save_entry(store, Entry(body=f"entry {i}"))
    return store


def test_backup_is_a_consistent_copy_listed_with_its_entries(tmp_path: Path) -> None:
    store = journal(tmp_path, 3)
    made = make_backup(dated(store, at(20)), tmp_path / "backups")
    save_entry(store, Entry(body="after the backup"))
    [info] = list_backups(tmp_path / "backups")
    assert info.path == made
    assert info.entries == 3
    assert info.created == at(20)
    assert info.size > 0
    store.close()


def test_daily_backup_only_when_the_newest_is_a_day_old(tmp_path: Path) -> None:
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    assert backup_if_due(dated(store, at(20)), folder) is not None
    assert backup_if_due(dated(store, at(20, 20)), folder) is None
    assert backup_if_due(dated(store, at(21, 10)), folder) is not None
    assert len(list_backups(folder)) == 2
    store.close()


def test_prune_keeps_the_newest(tmp_path: Path) -> None:
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    for day in range(1, 20):
        make_backup(dated(store, at(day)), folder)
    deleted = prune(folder, keep=14)
    kept = list_backups(folder)
    assert len(kept) == 14 and len(deleted) == 5
    assert kept[0].created == at(19) and kept[-1].created == at(6)
    store.close()


def test_restore_moves_the_current_file_aside_with_its_log(tmp_path: Path) -> None:
    store = journal(tmp_path, 2)
    backup = make_backup(dated(store, at(10)), tmp_path / "backups")
    save_entry(store, Entry(body="newer"))
    store.close()
    database = tmp_path / "glimmers.db"
    current = database.read_bytes()
    aside = restore(
        database,
        backup,
        aside_for_restore(tmp_path / "backups", FakeWallClock(at(11).astimezone())),
    )
    assert aside.read_bytes() == current
    assert not Path(f"{database}-wal").exists()
    reopened = open_store(database, tmp_path / "backups", FakeWallClock())
    assert count_entries(reopened) == 2
    reopened.close()
    before = open_store(aside, tmp_path / "elsewhere", FakeWallClock())
    assert count_entries(before) == 3
    before.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path) -> None:
    journal(tmp_path, 1).close()
    bad = tmp_path / "backups" / "glimmers-20261101-090000.db"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"rubbish" * 100)
    database = tmp_path / "glimmers.db"
    original = database.read_bytes()
    with pytest.raises(StoreProblem):
        restore(database, bad, aside_for_damaged(database, FakeWallClock()))
    assert database.read_bytes() == original


def test_newest_good_backup_skips_damaged_ones(tmp_path: Path) -> None:
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    good = make_backup(dated(store, at(3)), folder)
    store.close()
    (folder / "glimmers-20261105-090000.db").write_bytes(b"not sqlite" * 100)
    found = newest_good_backup(folder)
    assert found is not None and found.path == good


def test_check_says_what_it_found(tmp_path: Path) -> None:
    journal(tmp_path, 2).close()
    result = check(tmp_path / "glimmers.db")
    assert result.ok and "2 journal entries" in result.message
    (tmp_path / "junk.db").write_bytes(b"junk" * 1000)
    bad = check(tmp_path / "junk.db")
    assert not bad.ok and "not a Glimmers database" in bad.message


def test_check_reports_a_damaged_page(tmp_path: Path) -> None:
    store = journal(tmp_path, 300)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / "glimmers.db"
    data = bytearray(path.read_bytes())
    data[4096 * 3 + 100 : 4096 * 5] = b"\x5a" * (4096 * 2 - 100)
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    result = check(path)
    assert not result.ok
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    conn.close()


def test_an_interrupted_backup_is_never_listed_kept_or_offered(tmp_path: Path) -> None:
    store = journal(tmp_path, 5)
    folder = tmp_path / "backups"
    good = make_backup(dated(store, at(20)), folder)
    whole = good.read_bytes()
    # What a kill or a full disk left behind, by earlier versions and by this one.
    (folder / "glimmers-20261127-090000-daily.db").write_bytes(b"")
    (folder / "glimmers-20261126-090000-daily.db").write_bytes(whole[: len(whole) // 2])
    (folder / "glimmers-20261125-090000-daily.db").write_bytes(whole[:4096])
    (folder / ".glimmers-20261128-090000-daily.db.partial").write_bytes(whole[:8192])
    assert [b.path for b in list_backups(folder)] == [good]
    found = newest_good_backup(folder)
    assert found is not None and found.path == good
    # The empty "yesterday" is not yesterday's backup: one is due, and the leftover goes.
    made = backup_if_due(dated(store, at(27, 20)), folder, keep=1)
    assert made is not None
    assert [b.path for b in list_backups(folder)] == [made]
    assert not (folder / ".glimmers-20261128-090000-daily.db.partial").exists()
    assert (folder / "glimmers-20261127-090000-daily.db").exists()  # not ours to delete
    store.close()


def test_a_backup_gets_its_name_only_once_it_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import copies
    from desktop.store.connection import BackupFailed

    store = journal(tmp_path, 3)
    folder = tmp_path / "backups"
    checked: list[Path] = []
    real_check = copies.check_copy

    def check_copy(path: Path, key: bytes | None = None) -> int:
        checked.append(path)
        assert not list(folder.glob("glimmers-*.db"))  # not in place before it is checked
        return real_check(path, key)

    monkeypatch.setattr(copies, "check_copy", check_copy)
    made = make_backup(dated(store, at(20)), folder)
    assert checked and checked[0].name.startswith(".") and checked[0] != made
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # a file at rest
    conn.close()

    def broken(path: Path, key: bytes | None = None) -> int:
        raise BackupFailed("No backup was made: the copy did not pass SQLite's check.")

    monkeypatch.setattr(copies, "check_copy", broken)
    with pytest.raises(BackupFailed):
        make_backup(dated(store, at(21)), folder)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]
    store.close()


def test_pruning_keeps_the_newest_and_the_last_backup_with_more_entries(tmp_path: Path) -> None:
    from desktop.store.journal import all_entries, trash_entry

    store = journal(tmp_path, 10)
    folder = tmp_path / "backups"
    for day in range(1, 6):
        make_backup(dated(store, at(day)), folder)
    fullest = list_backups(folder)[0]
    for entry in all_entries(store):  # the journal is emptied, and daily backups go on
        trash_entry(store, entry.uid)
    for day in range(6, 27):
        backup_if_due(dated(store, at(day)), folder, keep=14)
    kept = list_backups(folder)
    assert len(kept) == 15
    assert [b.entries for b in kept[:14]] == [0] * 14
    assert kept[-1].path == fullest.path and kept[-1].entries == 10
    store.close()


def test_a_backup_dated_in_the_future_is_not_todays(tmp_path: Path) -> None:
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    store.wall.set(dt.datetime(2027, 11, 20, 9, 0).astimezone())  # type: ignore[attr-defined]
    assert backup_if_due(store, folder) is not None
    made = backup_if_due(dated(store, at(20)), folder)
    assert made is not None  # the clock was put right: today still gets its backup
    assert backup_if_due(dated(store, at(20, 20)), folder) is None
    store.close()


def test_backups_of_a_protected_journal_are_counted_and_pruned_with_its_key(
    tmp_path: Path,
) -> None:
    from tests.faults import open_journal

    store = open_journal(tmp_path, "encrypted")
    save_entry(store, Entry(body="one"))
    folder = tmp_path / "backups"
    for day in range(1, 6):
        backup_if_due(dated(store, at(day)), folder, keep=3)
    assert list_backups(folder) == []  # without the key none can be counted
    assert [b.entries for b in list_backups(folder, store.key)] == [1, 1, 1]
    store.close()


def test_after_a_clock_set_ahead_the_backups_of_today_are_kept(tmp_path: Path) -> None:
    """Two weeks under a clock a year ahead left 14 backups dated 2027. Put right, each new
    daily backup must be kept: they are the only copies of what was written since."""
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    for day in range(1, 15):
        store.wall.set(dt.datetime(2027, 11, day, 9, 0).astimezone())  # type: ignore[attr-defined]
        backup_if_due(store, folder, keep=14)
    for day in range(20, 25):  # the clock is right again; the person keeps writing
        save_entry(store, Entry(body=f"written on the {day}th"))
        made = backup_if_due(dated(store, at(day)), folder, keep=14)
        assert made is not None and made.exists()
    newest = newest_good_backup(folder, now=local_now(store.wall))  # offered if it is damaged
    assert newest is not None and newest.entries == count_entries(store) == 6
    store.close()


def test_while_the_clock_is_set_back_the_backups_of_today_are_kept(tmp_path: Path) -> None:
    store = journal(tmp_path, 1)
    folder = tmp_path / "backups"
    for day in range(1, 15):
        backup_if_due(dated(store, at(day)), folder, keep=14)
    for day in range(1, 4):  # the clock went back a year; the person keeps small moments
        keep_glimmer(store, f"warm tea on the {day}th")
        store.wall.set(dt.datetime(2025, 11, day, 9, 0).astimezone())  # type: ignore[attr-defined]
        made = backup_if_due(store, folder, keep=14)
        assert made is not None and made.exists()
    newest = newest_good_backup(folder, now=local_now(store.wall))
    assert newest is not None and newest.path == made
    store.close()
