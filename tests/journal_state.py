"""What a data folder holds after a passphrase step: which one passphrase opens every file,
and that no plain copy, stray copy or half-made file is left behind."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import KEYFILE, PENDING, STEP, is_protected
from desktop.store.connection import connect
from desktop.store.inspection import SQLITE_HEADER
from desktop.store.keys import WrongPassphrase
from desktop.store.protection import unlock

PLAIN = "plain"


def database_files(folder: Path) -> list[Path]:
    backups = folder / "backups"
    found = [folder / "glimmers.db"]
    return found + (sorted(backups.glob("glimmers-*.db")) if backups.is_dir() else [])


def entries_in(path: Path, key: bytes | None) -> int:
    conn = connect(path, key)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok", path
        return int(conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def opened_by(folder: Path, passphrases: list[str], entries: int) -> str:
    """The one passphrase (or PLAIN) that opens the journal and every backup, each holding
    ``entries`` entries; fails on anything split, stray or left in plain text."""
    leftovers = [
        p.name
        for p in folder.rglob("*")
        if p.name.endswith((".new", ".tmp", "-journal")) or p.name == STEP
    ]
    assert leftovers == [], f"left behind: {leftovers}"
    files = database_files(folder)
    if not is_protected(folder):
        assert not (folder / KEYFILE).exists() and not (folder / PENDING).exists()
        for path in files:
            assert path.read_bytes()[:16] == SQLITE_HEADER, f"{path.name} is not plain"
            assert entries_in(path, None) == entries, path.name
        return PLAIN
    opening = []
    for passphrase in passphrases:
        try:
            opening.append((passphrase, unlock(folder, passphrase)))
        except WrongPassphrase:
            continue
    assert len(opening) == 1, f"opened by {[p for p, _ in opening]}"
    passphrase, key = opening[0]
    for path in folder.rglob("*"):  # no readable copy anywhere: every database file is noise
        if path.is_file() and ".db" in path.name and not path.name.endswith(("-wal", "-shm")):
            assert path.read_bytes()[:16] != SQLITE_HEADER, f"{path.name} is plain"
    for path in files:
        assert entries_in(path, key) == entries, path.name
    return passphrase
