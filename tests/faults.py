"""Real bad luck for tests: a full disk, a busy database, read-only files and folders, damaged
pages; on a plain journal and on a passphrase-protected one alike."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store import Store, connection, copies, open_store
from desktop.store.connection import connect, encryption_available
from tests.helpers import FakeWallClock

ENGINES = ("plain", "encrypted")
TEST_KEY = bytes(range(32))
PAGE = 4096


def key_for(engine: str) -> bytes | None:
    """The key a journal of this engine is opened with (None: plain SQLite)."""
    if engine == "plain":
        return None
    if not encryption_available():
        pytest.skip("SQLCipher is not installed here")
    return TEST_KEY


def open_journal(
    folder: Path, engine: str, wall: FakeWallClock | None = None, **options: Any
) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    return open_store(
        folder / "glimmers.db", folder / "backups", wall or FakeWallClock(), key_for(engine),
        **options,
    )  # fmt: skip


def fill_disk(store: Store) -> None:
    """The file cannot grow by one more page: what SQLite sees when the disk is full."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(store: Store) -> None:
    store.conn.execute("PRAGMA max_page_count = 1073741823")


@contextlib.contextmanager
def another_writer(store: Store) -> Iterator[sqlite3.Connection]:
    """Another program holds the write lock for as long as the block runs."""
    other = connect(store.path, store.key, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    timeout = store.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    store.conn.execute("PRAGMA busy_timeout = 0")  # the test need not wait 5 s for the answer
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()
        store.conn.execute(f"PRAGMA busy_timeout = {timeout}")


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Files or folders nobody may change while the block runs, as a read-only mount, another
    user's files or an immutable file would be. Root ignores modes, so for root the files are
    made immutable instead (skipped where even that is not allowed)."""
    undo: list[tuple[Path, int | None]] = []
    try:
        for path in paths:
            if os.name == "posix" and os.geteuid() == 0:
                if not _chattr("+i", path):
                    pytest.skip("cannot make files read-only for root here")
                undo.append((path, None))
            else:
                mode = stat.S_IMODE(path.stat().st_mode)
                os.chmod(path, mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
                undo.append((path, mode))
        yield
    finally:
        for path, old_mode in reversed(undo):
            if old_mode is None:
                _chattr("-i", path)
            else:
                os.chmod(path, old_mode)


def target_cannot_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new file Glimmers writes a copy into stops at two pages: a disk that fills up
    while a backup is being written."""
    real = connection.connect

    def connect(target: object, key: bytes | None = None, **options: object) -> object:
        conn = real(target, key, **options)  # type: ignore[arg-type]
        if "glimmers-" in str(target) or "copy" in str(target):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(copies, "connect", connect)  # where copies are written


def damage_pages(path: Path, pages: list[int], fill: bytes = b"\x5a") -> None:
    """Overwrite whole pages (numbered from 1, as SQLite does) with junk, as a bad disk would."""
    with path.open("r+b") as f:
        for page in pages:
            f.seek((page - 1) * PAGE)
            f.write(fill * PAGE)


def checkpoint(store: Store) -> None:
    """Everything in the main file, none of it left in the log beside it."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
