"""A journal that cannot be written to (another user's files, a read-only disk, an immutable
file) is still read: it opens for reading only, says why, and is left exactly as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import LATEST_VERSION, WriteFailed, open_store
from desktop.store.backups import check
from desktop.store.exchange import export
from desktop.store.journal import Entry, count_entries, save_entry, search
from tests.faults import ENGINES, checkpoint, key_for, open_journal, read_only
from tests.helpers import FakeWallClock


def _journal(folder: Path, engine: str) -> None:
    store = open_journal(folder, engine)
    save_entry(store, Entry(body="a heron over the canal"))
    checkpoint(store)
    store.close()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_a_read_only_journal_is_read_and_left_as_it_was(
    tmp_path: Path, engine: str, what: str
) -> None:
    folder = tmp_path / "data"
    _journal(folder, engine)
    before = _snapshot(folder)
    targets = {"file": [folder / "glimmers.db"], "folder": [folder]}
    with read_only(*targets.get(what, [folder / "glimmers.db", folder])):
        store = open_journal(folder, engine)
        assert store.read_only is not None
        assert count_entries(store) == 1
        assert [i.uid for i in search(store, "heron")]
        assert "a heron over the canal" in export(store, "markdown")
        with pytest.raises(WriteFailed, match="can only be read"):
            save_entry(store, Entry(body="not kept"))
        store.close()
        result = check(folder / "glimmers.db", key_for(engine))
        assert result.ok and "1 journal entry" in result.message
    assert _snapshot(folder)["glimmers.db"] == before["glimmers.db"]
    assert not (folder / "backups").exists()


def test_why_it_is_read_only_is_said_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _journal(folder, "plain")
    with read_only(folder):
        store = open_journal(folder, "plain")
        assert store.read_only == "the data folder cannot be written to"
        store.close()
    with read_only(folder / "glimmers.db"):
        store = open_journal(folder, "plain")
        assert store.read_only is not None and "journal file" in store.read_only
        store.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_an_older_read_only_journal_is_brought_up_to_date_in_memory_only(
    tmp_path: Path, engine: str
) -> None:
    from desktop.store.connection import connect
    from desktop.store.migrations import MIGRATIONS

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "glimmers.db"
    conn = connect(path, key_for(engine), isolation_level=None)
    for version, step in enumerate(MIGRATIONS[:4]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    conn.execute(
        "INSERT INTO entries (uid, day, created_at, updated_at, body) "
        "VALUES ('e1', '2026-11-01', 'x', 'x', 'from an older version')"
    )
    conn.close()
    before = path.read_bytes()
    with read_only(folder):
        store = open_store(path, folder / "backups", FakeWallClock(), key_for(engine))
        assert store.schema_version == LATEST_VERSION
        assert "from an older version" in export(store, "json")
        store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["glimmers.db"]  # no backup, no log


def test_opened_only_to_read_even_where_it_could_write(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _journal(folder, "plain")
    before = (folder / "glimmers.db").read_bytes()
    store = open_store(folder / "glimmers.db", folder / "backups", FakeWallClock(), read_only=True)
    with pytest.raises(WriteFailed):
        save_entry(store, Entry(body="not kept"))
    store.close()
    assert (folder / "glimmers.db").read_bytes() == before
    conn = sqlite3.connect(folder / "glimmers.db")
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 1
    conn.close()
