"""The store opens, migrates and refuses to touch files it must not write to."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.paths import ensure_private_dir
from desktop.store import LATEST_VERSION, ProblemKind, Store, StoreProblem, open_store
from desktop.store import migrations as migrations_module
from desktop.store.contacts import add_contact, list_contacts, remove_contact
from desktop.store.migrations import APPLICATION_ID
from tests.helpers import FakeWallClock


def _open(folder: Path) -> Store:
    return open_store(folder / "glimmers.db", folder / "backups", FakeWallClock())


def _make_db_with_rows(path: Path, rows: int = 400) -> None:
    store = open_store(path, path.parent / "backups", FakeWallClock())
    for i in range(rows):
        add_contact(store, f"person {i}", "x" * 200)
    store.close()


def test_new_database_is_migrated_to_latest_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = _open(tmp_path)
    assert store.schema_version == LATEST_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()


def test_temporary_tables_and_sorts_stay_in_memory(tmp_path: Path) -> None:
    """An import stages entries in a temporary table: none of it goes to the system's /tmp."""
    store = _open(tmp_path)
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    store.close()


def test_only_a_folder_without_a_database_file_starts_a_new_journal(tmp_path: Path) -> None:
    store = _open(tmp_path)
    assert store.schema_version == LATEST_VERSION
    assert "contacts" in store.db.table_names()
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glimmers.db"]  # nothing half-made


@pytest.mark.parametrize("size", [0, 50, 4000])
def test_an_empty_or_short_file_is_damage_and_left_as_it_is(tmp_path: Path, size: int) -> None:
    _make_db_with_rows(tmp_path / "whole.db", rows=40)
    path = tmp_path / "glimmers.db"
    path.write_bytes((tmp_path / "whole.db").read_bytes()[:size])
    before = path.read_bytes()
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.DAMAGED
    assert ("empty" if size == 0 else "cut short") in info.value.explanation()
    assert path.read_bytes() == before
    assert not (tmp_path / "glimmers.db-wal").exists()


def test_a_file_cut_short_at_a_page_boundary_is_damage(tmp_path: Path) -> None:
    _make_db_with_rows(tmp_path / "whole.db", rows=400)
    whole = (tmp_path / "whole.db").read_bytes()
    path = tmp_path / "glimmers.db"
    path.write_bytes(whole[: len(whole) // 2 // 4096 * 4096])
    before = path.read_bytes()
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.DAMAGED
    assert path.read_bytes() == before


def test_rows_survive_reopening(tmp_path: Path) -> None:
    store = _open(tmp_path)
    add_contact(store, "  Robin ", "evenings")
    store.close()
    store = _open(tmp_path)
    assert [(c.name, c.how_to_reach) for c in list_contacts(store)] == [("Robin", "evenings")]
    store.close()


def test_contact_needs_a_name_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(ValueError, match="needs a name"):
        add_contact(store, "   ")
    assert list_contacts(store) == []


def test_remove_contact(store: Store) -> None:
    kept = add_contact(store, "Ana")
    gone = add_contact(store, "Bo")
    assert gone.id is not None
    remove_contact(store, gone.id)
    assert list_contacts(store) == [kept]


def test_failed_write_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction("contacts") as conn:
        conn.execute("INSERT INTO contacts (name) VALUES ('half')")
        raise RuntimeError("boom")
    assert list_contacts(store) == []


def test_listeners_hear_about_committed_writes_only(store: Store) -> None:
    heard: list[str] = []
    store.subscribe(heard.append)
    add_contact(store, "Ana")
    with pytest.raises(RuntimeError), store.transaction("contacts"):
        raise RuntimeError
    assert heard == ["contacts"]


def test_not_a_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "glimmers.db"
    original = b"these are my notes, not a database\n" * 50
    path.write_bytes(original)
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.NOT_A_DATABASE
    assert str(path) in info.value.explanation()
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glimmers.db"]


def test_damaged_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "glimmers.db"
    _make_db_with_rows(path)
    data = bytearray(path.read_bytes())
    page_size = 4096
    assert len(data) > 3 * page_size
    data[page_size + 8 : 3 * page_size] = b"\xa5" * (2 * page_size - 8)  # wreck b-tree pages
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.DAMAGED
    assert "damaged" in info.value.explanation()
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "glimmers.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.TOO_NEW
    assert "newer version" in info.value.explanation()
    assert path.read_bytes() == before


def test_migration_takes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "glimmers.db"
    _make_db_with_rows(path, rows=3)

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contacts ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(
        migrations_module, "MIGRATIONS", [*migrations_module.MIGRATIONS, add_column]
    )
    monkeypatch.setattr("desktop.store.database.MIGRATIONS", migrations_module.MIGRATIONS)
    monkeypatch.setattr("desktop.store.database.LATEST_VERSION", LATEST_VERSION + 1)
    wall = FakeWallClock(dt.datetime(2026, 1, 2, 3, 4, 5).astimezone())  # local time
    store = open_store(path, tmp_path / "backups", wall)
    assert store.schema_version == LATEST_VERSION + 1
    store.close()
    backup = tmp_path / "backups" / f"glimmers-20260102-030405-before-v{LATEST_VERSION + 1}.db"
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert old.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 3
    old.close()


def test_failed_migration_rolls_back_and_keeps_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "glimmers.db"
    _make_db_with_rows(path, rows=2)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM contacts")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setattr(
        "desktop.store.database.MIGRATIONS", [*migrations_module.MIGRATIONS, broken]
    )
    monkeypatch.setattr("desktop.store.database.LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(StoreProblem) as info:
        open_store(path, tmp_path / "backups", FakeWallClock())
    assert info.value.kind is ProblemKind.NOT_UPDATED
    assert "left it as it was" in info.value.explanation()
    monkeypatch.undo()
    store = _open(tmp_path)
    assert store.schema_version == LATEST_VERSION
    assert len(list_contacts(store)) == 2
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_and_database_are_private(tmp_path: Path) -> None:
    folder = ensure_private_dir(tmp_path / "deep" / "data")
    store = _open(folder)
    store.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "glimmers.db").stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_modes_are_set_only_on_what_glimmers_creates(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o750)  # the person's own choice, for their own reasons
    _open(folder).close()
    assert stat.S_IMODE((folder / "glimmers.db").stat().st_mode) == 0o600  # made by Glimmers
    os.chmod(folder / "glimmers.db", 0o640)
    ensure_private_dir(folder)
    _open(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750
    assert stat.S_IMODE((folder / "glimmers.db").stat().st_mode) == 0o640


def test_a_journal_is_marked_as_ours_and_every_row_has_a_stable_uid(store: Store) -> None:
    from desktop.store.listening import TrackInfo, add_tracks
    from desktop.store.migrations import APPLICATION_ID
    from desktop.store.moods import save_mood

    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    add_contact(store, "Sam")
    add_tracks(store, [TrackInfo("/music/a.ogg", "A")])
    save_mood(store, None, "before", 0.5, 0.0)
    for table in ("contacts", "tracks", "track_moods"):
        [uid] = store.conn.execute(f"SELECT uid FROM {table}").fetchone()
        assert isinstance(uid, str) and len(uid) == 32


def test_rows_from_before_version_5_are_given_uids(tmp_path: Path) -> None:
    from desktop.store.database import migrate
    from desktop.store.migrations import MIGRATIONS

    path = tmp_path / "glimmers.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, step in enumerate(MIGRATIONS[:4]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    conn.execute("INSERT INTO contacts (name) VALUES ('Ana'), ('Bo')")
    conn.close()
    store = open_store(path, tmp_path / "backups", FakeWallClock())
    uids = [r[0] for r in store.conn.execute("SELECT uid FROM contacts")]
    assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
    migrate(store)  # nothing left to do
    store.close()


def _foreign_file(path: Path, tables: list[str], version: int = 0, mark: int = 0) -> bytes:
    conn = sqlite3.connect(path)
    for table in tables:
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, x)")
        conn.execute(f"INSERT INTO {table} (x) VALUES ('theirs')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {mark}")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("tables", "version", "mark"),
    [
        (["photos", "albums"], 0, 0),  # another program's database
        ([], 0, 0),  # an empty SQLite file someone made
        (["contacts"], 2, 0),  # a low version with the tables of that version missing
        (["contacts", "entries"], 3, 0),
        (["contacts"], 1, 0x12345678),  # marked, but by another program
    ],
)
def test_another_programs_sqlite_file_is_foreign_and_left_byte_for_byte(
    tmp_path: Path, tables: list[str], version: int, mark: int
) -> None:
    path = tmp_path / "glimmers.db"
    before = _foreign_file(path, tables, version, mark)
    mode = stat.S_IMODE(path.stat().st_mode)
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.FOREIGN
    assert "not a Glimmers journal" in info.value.explanation()
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glimmers.db"]  # no WAL, no backup


def test_a_journal_from_before_the_mark_is_known_by_its_tables_and_marked(tmp_path: Path) -> None:
    from desktop.store.migrations import MIGRATIONS

    path = tmp_path / "glimmers.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, step in enumerate(MIGRATIONS[:3]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    conn.close()
    store = _open(tmp_path)
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.schema_version == LATEST_VERSION
    store.close()


def test_a_log_without_its_journal_is_never_taken_into_a_new_one(tmp_path: Path) -> None:
    _make_db_with_rows(tmp_path / "old.db", rows=3)
    log = tmp_path / "glimmers.db-wal"
    log.write_bytes(b"frames of a journal that is gone" * 200)
    with pytest.raises(StoreProblem) as info:
        _open(tmp_path)
    assert info.value.kind is ProblemKind.DAMAGED
    assert "its log is still there" in info.value.explanation()
    assert not (tmp_path / "glimmers.db").exists()
    assert log.read_bytes() == b"frames of a journal that is gone" * 200


def test_the_tables_each_version_has_are_read_right_from_the_migrations() -> None:
    from desktop.store.inspection import expected_tables
    from desktop.store.migrations import MIGRATIONS

    conn = sqlite3.connect(":memory:", isolation_level=None)
    for version, step in enumerate(MIGRATIONS, start=1):
        step(conn)
        made = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert expected_tables(version) <= made
        # what is left is only full-text search's own tables
        assert all(
            t.rsplit("_", 1)[0] in expected_tables(version) for t in made - expected_tables(version)
        )
    conn.close()
