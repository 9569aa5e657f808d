"""Rescue what can still be read, tried on real damage: pages of a real journal overwritten
with junk, a destroyed header, a destroyed page index; merged with the newest good backup."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.store import ProblemKind, StoreProblem, inspect_database, open_store
from desktop.store.backups import check, make_backup
from desktop.store.breathing import StoredSession, save_session
from desktop.store.connection import connect
from desktop.store.contacts import add_contact, list_contacts
from desktop.store.journal import Entry, all_entries, count_entries, save_entry
from desktop.store.listening import CheckIn, TrackInfo, add_tracks, save_checkin
from desktop.store.rescue import Reader, RescueFailed, read_errors, read_table, rescue
from tests.faults import ENGINES, checkpoint, damage_pages, key_for, open_journal
from tests.helpers import FakeWallClock

BACKED_UP = 50
ALL = 60


def _moment(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.timezone.utc)


@dataclass
class Damaged:
    folder: Path
    key: bytes | None
    uids: list[str]  # every entry, oldest first
    wall: FakeWallClock

    @property
    def database(self) -> Path:
        return self.folder / "glimmers.db"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"


def _journal(folder: Path, engine: str) -> Damaged:
    """Sixty entries (seven to a page), the first fifty also in a backup, and one of each
    other kind of record."""
    wall = FakeWallClock(_moment(20))
    store = open_journal(folder, engine, wall)
    add_contact(store, "Robin", "evenings")
    add_tracks(store, [TrackInfo("/music/rain.ogg", "Rain")])
    track_id = store.conn.execute("SELECT id FROM tracks").fetchone()[0]
    save_checkin(store, CheckIn(track_id, "Rain", 1000, nothing_concrete=True))
    save_session(store, StoredSession("Resonance", {"inhale": 5.0, "exhale": 5.0}, 60.0, 6, False))
    uids = []
    for i in range(ALL):
        if i == BACKED_UP:
            make_backup(store, folder / "backups", label="daily")
            wall.set(_moment(28))
        entry = Entry(body=f"entry number {i:03d} " + "quiet " * 66, tags=(f"t{i % 3}",))
        uids.append(save_entry(store, entry).uid)
    checkpoint(store)
    store.close()
    return Damaged(folder, key_for(engine), uids, wall)


def _readable_rowids(path: Path, key: bytes | None, rowids: range) -> set[int]:
    """Which entries a fresh connection can still read, one rowid at a time."""
    found = set()
    conn = connect(path, key)
    for rowid in rowids:
        try:
            if conn.execute("SELECT uid FROM entries WHERE id = ?", (rowid,)).fetchone():
                found.add(rowid)
        except read_errors():  # junk can make SQLite ask for huge cells
            conn.close()  # SQLCipher refuses everything on a connection after one failure
            conn = connect(path, key)
    conn.close()
    return found


def _page_holding_some_entries(
    journal: Damaged, tmp_path: Path, among: range = range(1, BACKED_UP + 1), fewest: int = 5
) -> tuple[int, set[int]]:
    """A page whose loss takes a handful of entries, all from ``among``: found by damaging
    each page of a copy in turn (the layout differs with and without encryption)."""
    pages = journal.database.stat().st_size // 4096
    for page in range(2, pages + 1):
        copy = tmp_path / "probe.db"
        shutil.copyfile(journal.database, copy)
        damage_pages(copy, [page])
        lost = set(range(1, ALL + 1)) - _readable_rowids(copy, journal.key, range(1, ALL + 1))
        if fewest <= len(lost) <= 8 and lost <= set(among):
            return page, lost
    raise AssertionError("no page holds a handful of entries")


@pytest.mark.parametrize("engine", ENGINES)
def test_rescue_keeps_every_readable_row_and_merges_in_the_backup(
    tmp_path: Path, engine: str
) -> None:
    journal = _journal(tmp_path / "data", engine)
    page, lost = _page_holding_some_entries(journal, tmp_path)
    damage_pages(journal.database, [page])
    damaged_bytes = journal.database.read_bytes()
    with pytest.raises(StoreProblem) as info:
        inspect_database(journal.database, journal.key)
    assert info.value.kind is ProblemKind.DAMAGED

    result = rescue(journal.database, journal.backups, journal.wall, journal.key)

    if engine == "plain":
        assert (result.entries_rescued, result.entries_from_backup) == (53, 7)  # seven a page
    assert result.entries_rescued == ALL - len(lost)
    assert result.entries_from_backup == len(lost)
    assert result.newest_day == "2026-11-28" and result.oldest_day == "2026-11-20"
    assert result.damaged.name.startswith("glimmers-damaged-")
    assert result.damaged.parent == journal.folder
    assert result.damaged.read_bytes() == damaged_bytes  # kept beside it, as it was
    summary = result.summary()
    assert f"Rescued {ALL - len(lost)} entries from the damaged file." in summary
    assert f"{len(lost)} more came from the backup of 2026-11-20" in summary
    assert result.damaged.name in summary

    store = open_store(journal.database, journal.backups, journal.wall, journal.key)
    entries = all_entries(store)
    assert sorted(e.uid for e in entries) == sorted(journal.uids)  # all sixty, each once
    assert count_entries(store) == ALL
    bodies = {e.body.split(" quiet")[0] for e in entries}
    assert {f"entry number {i:03d}" for i in range(BACKED_UP, ALL)} <= bodies  # the newest
    assert all(e.tags == (f"t{int(e.body[13:16]) % 3}",) for e in entries)
    assert [c.name for c in list_contacts(store)] == ["Robin"]  # in both, kept once
    for table in ("tracks", "body_checkins", "breath_sessions"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 1
    checkin_track = store.conn.execute("SELECT track_id FROM body_checkins").fetchone()[0]
    assert checkin_track == store.conn.execute("SELECT id FROM tracks").fetchone()[0]
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_a_destroyed_header_is_damage_and_everything_behind_it_is_rescued(
    tmp_path: Path,
) -> None:
    journal = _journal(tmp_path / "data", "plain")
    with journal.database.open("r+b") as f:
        f.write(b"\x00" * 100)
    with pytest.raises(StoreProblem) as info:
        inspect_database(journal.database)
    assert info.value.kind is ProblemKind.DAMAGED  # not "not a Glimmers database"
    assert "beginning of the file is damaged" in info.value.explanation()
    result = rescue(journal.database, journal.backups, journal.wall)
    assert (result.entries_rescued, result.entries_from_backup) == (ALL, 0)
    store = open_store(journal.database, journal.backups, journal.wall)
    assert count_entries(store) == ALL
    store.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_damage_in_the_middle_and_at_the_end_is_read_around(tmp_path: Path, engine: str) -> None:
    journal = _journal(tmp_path / "data", engine)
    middle, lost_middle = _page_holding_some_entries(journal, tmp_path)
    end, lost_end = _page_holding_some_entries(journal, tmp_path, range(BACKED_UP, ALL + 1), 3)
    damage_pages(journal.database, [middle, end])
    reader = Reader(lambda: connect(journal.database, journal.key))
    found = read_table(reader, "entries")
    reader.close()
    assert not found.complete
    assert set(found.rows) == set(range(1, ALL + 1)) - lost_middle - lost_end
    shutil.rmtree(journal.backups)  # no backup to fill the gaps: what was read is kept
    result = rescue(journal.database, journal.backups, journal.wall, journal.key)
    assert result.entries_rescued == ALL - len(lost_middle) - len(lost_end)
    assert result.backup is None and result.entries_from_backup == 0


def test_a_destroyed_table_index_leaves_the_other_kinds_and_the_backup(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "data", "plain")
    conn = connect(journal.database)
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").fetchone()
    conn.close()
    damage_pages(journal.database, [root])  # the page every entry is found through
    result = rescue(journal.database, journal.backups, journal.wall)
    assert result.entries_rescued == 0
    assert result.entries_from_backup == BACKED_UP
    assert result.rescued["contacts"] == 1 and result.rescued["body_checkins"] == 1


def test_rows_still_only_in_the_log_are_rescued_too(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "data", "plain")
    store = open_store(journal.database, journal.backups, journal.wall)
    later = [save_entry(store, Entry(body=f"after the checkpoint {i}")).uid for i in range(3)]
    crashed = tmp_path / "crashed"  # the files as a crash would leave them, log and all
    crashed.mkdir()
    for name in ("glimmers.db", "glimmers.db-wal"):
        shutil.copyfile(journal.folder / name, crashed / name)
    store.close()
    damage_pages(crashed / "glimmers.db", [_page_holding_some_entries(journal, tmp_path)[0]])
    result = rescue(crashed / "glimmers.db", journal.backups, journal.wall)
    reopened = open_store(crashed / "glimmers.db", journal.backups, journal.wall)
    uids = {e.uid for e in all_entries(reopened)}
    reopened.close()
    assert set(later) <= uids and len(uids) == ALL + 3
    assert Path(f"{result.damaged}-wal").exists()  # the log went with its file


def test_a_stray_rollback_log_goes_with_the_damaged_file(tmp_path: Path) -> None:
    """A file named like SQLite's rollback log beside the journal (a copy left there, a crash
    in another mode) is taken as the new journal's own log if it stays: the rescued journal
    would read as damaged at once. It goes with the damaged file, as the other logs do."""
    journal = _journal(tmp_path / "data", "plain")
    shutil.copyfile(journal.database, journal.folder / "glimmers.db-journal")
    damage_pages(journal.database, [_page_holding_some_entries(journal, tmp_path)[0]])
    result = rescue(journal.database, journal.backups, journal.wall)
    assert not (journal.folder / "glimmers.db-journal").exists()
    assert Path(f"{result.damaged}-journal").exists()
    assert check(journal.database).ok
    reopened = open_store(journal.database, journal.backups, journal.wall)
    assert len(all_entries(reopened)) > 0
    reopened.close()


def test_nothing_readable_and_no_backup_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "glimmers.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x5a" * (4096 * 4 - 16))
    before = path.read_bytes()
    with pytest.raises(RescueFailed, match="Nothing in the damaged file could be read"):
        rescue(path, folder / "backups", FakeWallClock())
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["glimmers.db"]


def test_the_rescue_reads_every_kind_of_record() -> None:
    from desktop.store.kinds import KINDS
    from desktop.store.rescue import TABLES

    assert {kind.table for kind in KINDS} <= set(TABLES)


def test_pictures_stay_with_their_entries_and_go_where_an_entry_was_lost(tmp_path: Path) -> None:
    from desktop.store.pictures import Picture, count_pictures, pictures_of, write_pictures

    folder = tmp_path / "data"
    wall = FakeWallClock(_moment(20))
    store = open_journal(folder, "plain", wall)
    saved = save_entry(store, Entry(body="in the backup too"))
    photo = Picture("p1", "image/png", b"\x89PNG\r\n\x1a\nkept", added_at="2026-11-20T09:00:00")
    with store.transaction("entry_pictures") as conn:
        write_pictures(conn, saved.uid, [photo])
    make_backup(store, folder / "backups", label="daily")
    lost = save_entry(store, Entry(body="only in the damaged file"))
    with store.transaction("entry_pictures") as conn:
        write_pictures(conn, lost.uid, [Picture("p2", "image/png", b"\x89PNG\r\n\x1a\nlost")])
    checkpoint(store)
    [root] = store.conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'entries'"
    ).fetchone()
    store.close()
    damage_pages(folder / "glimmers.db", [root])  # no entry can be read from it now

    rescue(folder / "glimmers.db", folder / "backups", wall)
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    assert [p.uid for p in pictures_of(store, saved.uid)] == ["p1"]
    assert pictures_of(store, saved.uid)[0].data == photo.data
    assert count_pictures(store) == 1  # the lost entry's picture did not come without it
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    store.close()
