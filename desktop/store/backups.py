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
from desktop.paths import ensure_private_dir, kept_by_glimmers
from desktop.store.connection import BackupFailed, database_errors, open_read_only
from desktop.store.copies import create_private_file, fsync_file, fsync_folder, write_checked_copy
from desktop.store.database import Store
from desktop.store.inspection import HEADER_SIZE, check_plain_header, inspect_database
from desktop.store.limits import DEFAULT_KEEP
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

DUE_AFTER = dt.timedelta(days=1)
_NAME = re.compile(r"^glimmers-(\d{8}-\d{6})(?:-[\w-]+)?\.db$")
_PARTIAL = re.compile(r"^\.glimmers-[\w-]+\.db\.partial(?:-journal|-wal|-shm)?$")


@dataclass(frozen=True)
class BackupInfo:
    """A backup that opens and whose entries could be counted (only those are listed)."""

    path: Path
    created: dt.datetime
    size: int
    entries: int


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def _remove_leftovers(folder: Path) -> None:
    """Half-written copies from a backup that was cut short (a kill, a power cut)."""
    for path in folder.iterdir():
        if _PARTIAL.match(path.name):
            path.unlink(missing_ok=True)


def make_backup(store: Store, folder: Path, label: str = "") -> Path:
    """Copy the open database, consistently, even while it is in use; checked before it is
    given its name. Raises BackupFailed, leaving nothing half-made behind."""
    try:
        ensure_private_dir(folder)
        _remove_leftovers(folder)
    except OSError as e:
        raise BackupFailed.because(e) from e
    suffix = f"-{label}" if label else ""
    moment = _stamp(local_now(store.wall))
    target = folder / f"glimmers-{moment}{suffix}.db"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"glimmers-{moment}{suffix}-{number}.db"
    write_checked_copy(store.conn, target, store.key)
    return target


def backup_to(store: Store, target: Path) -> Path:
    """A backup at a place the person chose (``glimmers backup -o FILE``): never over one of
    the files the journal itself is kept in (a backup named like its key file would make the
    journal look protected, one named like its log would make it look damaged)."""
    target = target.expanduser().resolve()
    if kept_by_glimmers(target, store.path.parent):
        raise BackupFailed(
            translate(
                "Store",
                "No backup was made: {file} is one of the files Glimmers keeps your journal "
                "in. Choose another name or folder.",
            ).format(file=target)
        )
    if not target.parent.is_dir():
        raise BackupFailed(
            translate("Store", "No backup was made: there is no folder {folder}.").format(
                folder=target.parent
            )
        )
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose a new file name.")
    write_checked_copy(
        store.conn,
        target,
        store.key,
        unwritable=translate("Store", "the folder you chose cannot be written to"),
    )
    return target


def _entries_in(path: Path, key: bytes | None) -> int | None:
    """The entries of a backup, or None when it is not whole (cut short, empty, unreadable)."""
    try:
        size = path.stat().st_size
        if key is None:
            with path.open("rb") as f:
                check_plain_header(path, f.read(HEADER_SIZE), size)
        conn = open_read_only(path, key, at_rest=True)
        try:
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            if pages * page_size > size:
                return None
            return int(
                conn.execute("SELECT COUNT(*) FROM entries WHERE deleted_at IS NULL").fetchone()[0]
            )
        finally:
            conn.close()
    except (OSError, StoreProblem, *database_errors()):  # type: ignore[misc]
        return None


def list_backups(
    folder: Path, key: bytes | None = None, now: dt.datetime | None = None
) -> list[BackupInfo]:
    """The backups in the folder that open and can be counted, newest first. A file that is
    cut short, empty, or not readable with ``key`` is not a backup and is left out.

    Given ``now`` (local time), a backup dated after it comes after every other: it was made
    under a clock that was wrong then or is wrong now, and either way before the ones that
    are dated in the past, so it is not the newest (the person's writing since then is not
    in it)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        entries = _entries_in(path, key)
        if entries is None:
            continue
        created = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, created, path.stat().st_size, entries))
    return sorted(
        found,
        key=lambda b: (now is None or b.created <= now, b.created, b.path.name),
        reverse=True,
    )


def prune(
    folder: Path,
    keep: int = DEFAULT_KEEP,
    key: bytes | None = None,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Delete the backups beyond the newest ``keep`` (newest as of ``now``: see
    ``list_backups``); returns what was deleted.

    Besides the newest, the most recent backup holding more entries than the newest one is
    kept too, so a journal that was emptied can never push its last full backup out. Files
    that are not whole backups are not counted, and left alone.
    """
    backups = list_backups(folder, key, now)
    if not backups:
        return []
    kept = backups[: max(keep, 1)]
    fuller = next((b for b in backups if b.entries > backups[0].entries), None)
    if fuller is not None and fuller not in kept:
        kept.append(fuller)
    deleted = []
    for backup in (b for b in backups if b not in kept):
        try:
            backup.path.unlink(missing_ok=True)
        except OSError:  # one that cannot be removed stays; the backup just made still counts
            continue
        deleted.append(backup.path)
    return deleted


def backup_if_due(store: Store, folder: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """At start-up: a new backup when the newest is more than a day old (or there is none).

    A backup dated later than now (made while the clock was set ahead) is not today's.
    """
    now = local_now(store.wall)
    past = (b for b in list_backups(folder, store.key, now) if b.created <= now)
    newest = next(past, None)
    if newest is not None and now - newest.created < DUE_AFTER:
        return None
    made = make_backup(store, folder, label="daily")
    prune(folder, keep, store.key, now)
    return made


def newest_good_backup(
    folder: Path, key: bytes | None = None, now: dt.datetime | None = None
) -> BackupInfo | None:
    """The newest backup (as of ``now``: see ``list_backups``) that passes SQLite's check
    and this version can read."""
    for backup in list_backups(folder, key, now):
        try:
            inspect_database(backup.path, key, at_rest=True)
        except StoreProblem:
            continue
        return backup
    return None


def _keep_aside(database: Path, aside: Path) -> None:
    """Keep the current file (with its log) under ``aside``. The journal's own name stays on it
    until the restored copy is renamed over it: a kill in between leaves the journal as it was,
    never a folder without one (where the next start would begin an empty journal)."""
    if database.exists():
        try:
            os.link(database, aside)
        except OSError:  # a file system without hard links
            os.replace(database, aside)
    # The -wal and -shm files belong to their database: they move with it, or a later
    # open would replay one file's log into another file.
    for extra in ("-wal", "-shm"):
        companion = Path(f"{database}{extra}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{extra}"))


def restore(database: Path, backup: Path, aside: Path, key: bytes | None = None) -> Path:
    """Put ``backup`` in place of ``database``, first keeping the current file as ``aside``
    (never overwriting it). The store must be closed. Returns ``aside``.

    The backup is copied beside the journal before anything else changes; when that copy
    cannot be made (a full disk), nothing has changed.
    """
    inspect_database(backup, key, at_rest=True)  # refuse a damaged, foreign or too-new copy
    if aside.exists():
        raise FileExistsError(f"{aside} exists already")
    aside.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = database.with_name(database.name + ".restoring")
    try:
        temporary.unlink(missing_ok=True)  # left by a restore that was cut short
        create_private_file(temporary)
        shutil.copyfile(backup, temporary)
        fsync_file(temporary)
        _keep_aside(database, aside)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, database)
    fsync_folder(database.parent)
    fsync_folder(aside.parent)
    return aside


def aside_for_restore(folder: Path, wall: WallClock) -> Path:
    """Where a healthy current file goes before a backup replaces it: with the backups."""
    return folder / f"glimmers-{_stamp(local_now(wall))}-before-restore.db"


DAMAGED_COPIES = "glimmers-damaged-*.db"  # the names aside_for_damaged gives


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
        return CheckResult(False, StoreProblem(ProblemKind.MISSING, path).explanation())
    try:
        conn = open_read_only(path, key)
    except database_errors() as e:
        return CheckResult(False, StoreProblem(ProblemKind.UNREADABLE, path, str(e)).explanation())
    try:
        results = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        counts = count_records(conn)
    except database_errors() as e:
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
