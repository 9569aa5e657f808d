"""Files Glimmers writes beside the journal: private from the start, flushed to disk, and a copy
of the live database (a backup) only ever renamed into place once it has passed SQLite's
check."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from desktop.paths import ensure_private_dir
from desktop.store.connection import DATABASE_ERRORS, BackupFailed, connect, open_read_only
from desktop.texts import translate


def create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system lets a folder be synced)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def partial_name(target: Path) -> Path:
    """Where a copy is written before it is checked: hidden, and never taken for a backup."""
    return target.with_name(f".{target.name}.partial")


def remove_with_companions(path: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def check_copy(path: Path, key: bytes | None = None) -> int:
    """Open a copy Glimmers has just written, run the full integrity check and count its
    entries. Raises BackupFailed when the copy is not sound."""
    try:
        conn = open_read_only(path, key, at_rest=True)
        try:
            results = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            has_entries = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'"
            ).fetchone()
            entries = (
                int(
                    conn.execute(
                        "SELECT COUNT(*) FROM entries WHERE deleted_at IS NULL"
                    ).fetchone()[0]
                )
                if has_entries
                else 0
            )
        finally:
            conn.close()
    except DATABASE_ERRORS as e:
        raise BackupFailed.because(e) from e
    if results != ["ok"]:
        raise BackupFailed(
            translate(
                "Store", "No backup was made: the copy did not pass SQLite's check ({problems})."
            ).format(problems="; ".join(results[:3]))
        )
    return entries


def write_checked_copy(
    source: sqlite3.Connection,
    target: Path,
    key: bytes | None = None,
    unwritable: str | None = None,
) -> int:
    """Copy a live database (SQLite's online backup API) into ``target``, which must not exist.

    The copy is written under a hidden temporary name, flushed to disk, checked (it opens,
    passes the integrity check, its entries are counted), and only then renamed into place;
    it is readable by its owner only, and encrypted with ``key`` like its source. Returns the
    number of entries. Raises BackupFailed, leaving nothing behind, when any step fails.
    """
    temporary = partial_name(target)
    try:
        remove_with_companions(temporary)
        create_private_file(temporary)
        dest = connect(temporary, key)
        try:
            source.backup(dest)
            # A backup is a file at rest: no log beside it to lose when it is copied.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        fsync_file(temporary)
        entries = check_copy(temporary, key)
        if target.exists():
            raise FileExistsError(
                errno.EEXIST, translate("Store", "that file exists already"), str(target)
            )
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except BackupFailed:
        remove_with_companions(temporary)
        raise
    except (OSError, *DATABASE_ERRORS) as e:  # type: ignore[misc]
        remove_with_companions(temporary)
        raise BackupFailed.because(e, unwritable) from e
    return entries


def backup_before_migration(
    path: Path, backups: Path, version: int, now: dt.datetime, key: bytes | None = None
) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups / f"glimmers-{stamp}-before-v{version + 1}.db"
    try:
        ensure_private_dir(backups)
        source = open_read_only(path, key)
    except (OSError, *DATABASE_ERRORS) as e:  # type: ignore[misc]
        raise BackupFailed.because(e) from e
    try:
        write_checked_copy(source, target, key)
    finally:
        source.close()
    return target


def why_read_only(path: Path) -> str | None:
    """Why the journal at ``path`` (which exists) cannot be written, or None if it can."""
    try:
        with path.open("r+b"):
            pass
    except OSError as e:
        if e.errno == errno.EROFS:
            return translate("Store", "the journal is on a disk that can only be read")
        if e.errno == errno.EPERM:
            return translate("Store", "the journal file is marked so that nothing may change it")
        if e.errno == errno.EACCES:
            return translate("Store", "you have permission only to read the journal file")
        return e.strerror or str(e)
    if not os.access(path.parent, os.W_OK):
        return translate("Store", "the data folder cannot be written to")
    return None
