"""Passphrase protection: nothing readable on disk, wrong keys fail cleanly, rekey and removal
keep every entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.paths import KEYFILE
from desktop.store import ProblemKind, Store, StoreProblem, open_store
from desktop.store.backups import list_backups, make_backup
from desktop.store.connection import encryption_available
from desktop.store.inspection import SQLITE_HEADER
from desktop.store.journal import Entry, count_entries, save_draft, save_entry
from desktop.store.protection import (
    WrongPassphrase,
    change_passphrase,
    is_protected,
    protect,
    recovery_text,
    unlock,
    unprotect,
)
from tests.helpers import CHEAP_KEYS, FakeWallClock

pytestmark = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")

SECRET_WORDS = ["marzipan", "lighthouse", "Oskarsson", "quietbirch"]
PASSPHRASE = "a long and calm passphrase"


def journal(folder: Path, key: bytes | None = None) -> Store:
    return open_store(folder / "glimmers.db", folder / "backups", FakeWallClock(), key=key)


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_protected_files_hold_no_readable_words(tmp_path: Path) -> None:
    store = journal(tmp_path)
    save_entry(store, Entry(body="before protection: " + SECRET_WORDS[0]))
    make_backup(store, tmp_path / "backups")
    store.close()
    key = protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    store = journal(tmp_path, key)
    save_entry(store, Entry(body=" ".join(SECRET_WORDS[1:]), tags=("private",)))
    save_draft(store, "journal-editor", {"body": "half-written " + SECRET_WORDS[3]})
    make_backup(store, tmp_path / "backups", label="by-hand")
    # Look while the store is open: the WAL and its index are on disk now.
    assert (tmp_path / "glimmers.db").read_bytes()[:16] != SQLITE_HEADER
    data = every_byte(tmp_path)
    for word in SECRET_WORDS:
        assert word.encode() not in data, word
        assert word.encode("utf-16-le") not in data, word
    assert count_entries(store) == 2
    store.close()
    assert all(b.entries is None for b in list_backups(tmp_path / "backups"))  # not without key
    assert all(b.entries is not None for b in list_backups(tmp_path / "backups", key))


def test_opening_without_or_with_a_wrong_key_fails_cleanly(tmp_path: Path) -> None:
    store = journal(tmp_path)
    save_entry(store, Entry(body="x"))
    store.close()
    key = protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    before = (tmp_path / "glimmers.db").read_bytes()
    with pytest.raises(StoreProblem) as plain:
        journal(tmp_path)
    assert plain.value.kind is ProblemKind.NOT_A_DATABASE
    with pytest.raises(StoreProblem) as wrong:
        journal(tmp_path, bytes(32))
    assert wrong.value.kind is ProblemKind.WRONG_KEY
    with pytest.raises(WrongPassphrase, match="Caps Lock"):
        unlock(tmp_path, "not the passphrase")
    assert (tmp_path / "glimmers.db").read_bytes() == before
    assert unlock(tmp_path, PASSPHRASE) == key
    assert unlock(tmp_path, recovery_text(key).lower(), recovery=True) == key
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path, "AAAA-BBBB", recovery=True)


def test_change_passphrase_rekeys_and_keeps_every_entry(tmp_path: Path) -> None:
    store = journal(tmp_path)
    for i in range(30):
        save_entry(store, Entry(body=f"entry {i}"))
    make_backup(store, tmp_path / "backups")
    store.close()
    old = protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    new = change_passphrase(
        tmp_path, tmp_path / "backups", old, "another calm passphrase", CHEAP_KEYS
    )
    assert new != old
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path, PASSPHRASE)
    assert unlock(tmp_path, "another calm passphrase") == new
    with pytest.raises(StoreProblem):
        journal(tmp_path, old)
    store = journal(tmp_path, new)
    assert count_entries(store) == 30
    store.close()
    [backup] = list_backups(tmp_path / "backups", new)
    assert backup.entries == 30


def test_removing_the_passphrase_gives_an_ordinary_sqlite_file(tmp_path: Path) -> None:
    store = journal(tmp_path)
    for i in range(5):
        save_entry(store, Entry(body=f"entry {i}"))
    store.close()
    key = protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    assert is_protected(tmp_path)
    unprotect(tmp_path, tmp_path / "backups", key)
    assert not (tmp_path / KEYFILE).exists()
    assert (tmp_path / "glimmers.db").read_bytes()[:16] == SQLITE_HEADER
    conn = sqlite3.connect(tmp_path / "glimmers.db")
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 5
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_short_passphrases_are_refused_before_anything_changes(tmp_path: Path) -> None:
    journal(tmp_path).close()
    before = (tmp_path / "glimmers.db").read_bytes()
    with pytest.raises(ValueError, match="at least 8"):
        protect(tmp_path, tmp_path / "backups", "short", CHEAP_KEYS)
    assert (tmp_path / "glimmers.db").read_bytes() == before
    assert not is_protected(tmp_path)


def test_protected_key_file_is_private(tmp_path: Path) -> None:
    journal(tmp_path).close()
    protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    assert oct((tmp_path / KEYFILE).stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "glimmers.db").stat().st_mode & 0o777) == "0o600"


def test_a_damaged_backup_that_cannot_be_converted_is_named(tmp_path: Path) -> None:
    """A backup cut short by an older version (or a bad disk) made setting a passphrase fail
    with SQLite's own words, "database disk image is malformed", naming no file: the person
    could not protect the journal, and could not tell why."""
    store = journal(tmp_path)
    save_entry(store, Entry(body="kept"))
    made = make_backup(store, tmp_path / "backups")
    store.close()
    damaged = tmp_path / "backups" / "glimmers-20261101-090000-daily.db"
    damaged.write_bytes(made.read_bytes()[: 2 * 4096])
    with pytest.raises(OSError, match=r"glimmers-20261101-090000-daily\.db") as refused:
        protect(tmp_path, tmp_path / "backups", PASSPHRASE, CHEAP_KEYS)
    assert "looks damaged" in str(refused.value)
    assert "move it out of the backups folder" in str(refused.value)
    assert not is_protected(tmp_path)
    store = journal(tmp_path)
    assert count_entries(store) == 1
    store.close()


def test_a_folder_whose_name_is_not_utf8_can_be_protected_and_opened(tmp_path: Path) -> None:
    """A folder named on an older system (``café`` in Latin-1) held a journal that worked in
    every way but one: setting a passphrase always failed with a UnicodeEncodeError."""
    import os

    try:
        folder = tmp_path / os.fsdecode(b"caf\xe9")
        folder.mkdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    store = journal(folder)
    save_entry(store, Entry(body="kept"))
    make_backup(store, folder / "backups")
    store.close()
    key = protect(folder, folder / "backups", PASSPHRASE, CHEAP_KEYS)
    assert unlock(folder, PASSPHRASE) == key
    store = journal(folder, key)
    assert count_entries(store) == 1
    store.close()
    unprotect(folder, folder / "backups", key)
    assert not is_protected(folder)
