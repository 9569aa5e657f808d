"""Backups a person can see and restore: copies of the database made with SQLite's online
backup API, kept in the data folder's backups/, newest first. No Qt.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.clock import WallClock, local_now
from desktop.store.database import (
    DATABASE_ERRORS,
    Store,
    connect,
    copy_database,
    create_private_file,
    inspect_database,
    read_only_uri,
)
from desktop.store.problems import StoreProblem
from desktop.texts import translate

DEFAULT_KEEP = 14
DUE_AFTER = dt.timedelta(days=1)
_NAME = re.compile(r"^glimmers-(\d{8}-\d{6})(?:-[\w-]+)?\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    size: int
    entries: int | None  # None when the copy cannot be read

    @property
    def readable(self) -> bool:
        return self.entries is not None


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def make_backup(store: Store, folder: Path, label: str = "") -> Path:
    """Copy the open database, consistently, even while it is in use."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    suffix = f"-{label}" if label else ""
    moment = _stamp(local_now(store.wall))
    target = folder / f"glimmers-{moment}{suffix}.db"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"glimmers-{moment}{suffix}-{number}.db"
    copy_database(store.conn, target, store.key)
    return target


def backup_to(store: Store, target: Path) -> Path:
    """A backup at a place the person chose (``glimmers backup -o FILE``)."""
    target = target.expanduser().resolve()
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose a new file name.")
    copy_database(store.conn, target, store.key)
    return target


def _entries_in(path: Path, key: bytes | None) -> int | None:
    try:
        conn = connect(read_only_uri(path), key, uri=True)
        try:
            return int(
                conn.execute("SELECT COUNT(*) FROM entries WHERE deleted_at IS NULL").fetchone()[0]
            )
        finally:
            conn.close()
    except DATABASE_ERRORS:
        return None


def list_backups(folder: Path, key: bytes | None = None) -> list[BackupInfo]:
    """Backups in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        created = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, created, path.stat().st_size, _entries_in(path, key)))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def prune(folder: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    old = list_backups(folder)[max(keep, 1) :]
    for backup in old:
        backup.path.unlink(missing_ok=True)
    return [b.path for b in old]


def backup_if_due(store: Store, folder: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """At start-up: a new backup when the newest is more than a day old (or there is none)."""
    newest = next(iter(list_backups(folder)), None)
    if newest is not None and local_now(store.wall) - newest.created < DUE_AFTER:
        return None
    made = make_backup(store, folder, label="daily")
    prune(folder, keep)
    return made


def newest_good_backup(folder: Path, key: bytes | None = None) -> BackupInfo | None:
    """The newest backup that passes SQLite's check and this version can read."""
    for backup in list_backups(folder, key):
        try:
            inspect_database(backup.path, key)
        except StoreProblem:
            continue
        return backup
    return None


def _move_with_companions(database: Path, aside: Path) -> None:
    # The -wal and -shm files belong to their database: they move with it, or a later
    # open would replay one file's log into another file.
    if database.exists():
        os.replace(database, aside)
    for extra in ("-wal", "-shm"):
        companion = Path(f"{database}{extra}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{extra}"))


def restore(database: Path, backup: Path, aside: Path, key: bytes | None = None) -> Path:
    """Put ``backup`` in place of ``database``, first moving the current file to ``aside``
    (never overwriting it). The store must be closed. Returns ``aside``.
    """
    inspect_database(backup, key)  # refuse to restore a damaged or too-new copy
    if aside.exists():
        raise FileExistsError(f"{aside} exists already")
    aside.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _move_with_companions(database, aside)
    temporary = database.with_name(database.name + ".restoring")
    create_private_file(temporary)
    shutil.copyfile(backup, temporary)
    os.replace(temporary, database)
    return aside


def aside_for_restore(folder: Path, wall: WallClock) -> Path:
    """Where a healthy current file goes before a backup replaces it: with the backups."""
    return folder / f"glimmers-{_stamp(local_now(wall))}-before-restore.db"


def aside_for_damaged(database: Path, wall: WallClock) -> Path:
    """Where a damaged file goes: beside it, under a name that says what it is."""
    return database.with_name(f"glimmers-damaged-{_stamp(local_now(wall))}.db")


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str


def check(path: Path, key: bytes | None = None) -> CheckResult:
    """Run SQLite's full integrity check and say what it found, in plain words."""
    from desktop.store.kinds import count_records, describe_counts  # every kind of record

    try:
        version = inspect_database(path, key)
    except StoreProblem as problem:
        return CheckResult(False, problem.explanation())
    if version == 0:
        return CheckResult(
            True, translate("Store", "There is no data yet at {file}.").format(file=path)
        )
    conn = connect(read_only_uri(path), key, uri=True)
    try:
        results = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        counts = count_records(conn)
    except DATABASE_ERRORS as e:
        return CheckResult(
            False,
            translate(
                "Store", "The check could not finish: {reason}. {file} was not changed."
            ).format(reason=e, file=path),
        )
    finally:
        conn.close()
    if results != ["ok"]:
        listed = "\n".join(f"  {line}" for line in results[:10])
        return CheckResult(
            False,
            translate(
                "Store", "SQLite found problems in {file}:\n{problems}\nThe file was not changed."
            ).format(file=path, problems=listed),
        )
    return CheckResult(
        True,
        translate("Store", "Your data looks healthy: {counts}. ({file})").format(
            counts=describe_counts(counts), file=path
        ),
    )
