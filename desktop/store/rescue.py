"""Rescue what can still be read from a damaged journal. No Qt.

Every row still readable from the damaged file is read table by table, rowid range by range,
skipping the ranges SQLite cannot read; a file whose first bytes were destroyed is read through
a copy with a new header. The rows go into a new journal, merged with the newest good backup
without duplicates (every kind of record has a stable uid), and the new journal takes the
damaged file's place; the damaged file stays beside it under a name that says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.clock import WallClock, local_now
from desktop.store.backups import BackupInfo, aside_for_damaged, newest_good_backup
from desktop.store.connection import connect, database_errors, failure_reason, open_read_only
from desktop.store.copies import fsync_file, fsync_folder, remove_with_companions
from desktop.store.database import build_journal
from desktop.store.inspection import (
    HEADER_SIZE,
    MAX_PAGE_SIZE,
    MIN_PAGE_SIZE,
    SQLITE_HEADER,
    guess_page_size,
)
from desktop.store.migrations import APPLICATION_ID
from desktop.texts import translate

# Every table a kind of record lives in (``desktop/store/kinds.py``; a test checks that none is
# missing), with the tables that belong to them: parents before children, so references can
# be carried over to the rows' new ids.
TABLES = (
    "tracks",
    "entries",
    "entry_tags",
    "entry_pictures",
    "breath_patterns",
    "breath_sessions",
    "body_checkins",
    "track_moods",
    "contacts",
    "glimmers",
    "rhythm_answers",
    "anchor_plans",
    "invitations",
    "pace_findings",
    "together_sessions",
    "drafts",
)
# Columns that must stay unique in a journal: a row that matches one is the same record.
_UNIQUE: dict[str, tuple[tuple[str, ...], ...]] = {
    "tracks": (("path",),),
    "breath_patterns": (("name",),),
    "entry_tags": (("entry_id", "tag"),),
    "rhythm_answers": (("day", "anchor_key"),),
    "drafts": (("key",),),
}
# What makes two rows from before stable uids (journals older than version 5) the same record.
_WITHOUT_UID: dict[str, tuple[tuple[str, ...], ...]] = {
    "contacts": (("name", "how_to_reach"),),
    "track_moods": (("moment", "created_at"),),
}
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "entry_tags": (("entry_id", "entries"),),
    "entry_pictures": (("entry_id", "entries"),),
    "body_checkins": (("track_id", "tracks"),),
    "track_moods": (("track_id", "tracks"),),
}
PROBES_PER_TABLE = 200_000  # enough for heavy damage to a large journal; the rest is skipped


class RescueFailed(ValueError):
    """The rescue could not be made; the damaged file was left as it was. Says why."""


@dataclass
class TableRows:
    """The rows read from one table: rowid -> values, in the order of ``columns``."""

    columns: list[str]
    rows: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    complete: bool = True  # False when some range could not be read


@dataclass(frozen=True)
class RescueResult:
    journal: Path  # the new journal, where the damaged one was
    damaged: Path  # the damaged file, kept beside it
    rescued: dict[str, int]  # records per table taken from the damaged file
    from_backup: dict[str, int]  # records per table added from the backup
    backup: BackupInfo | None
    newest_day: str | None  # the newest day among the entries rescued from the damaged file
    oldest_day: str | None

    @property
    def entries_rescued(self) -> int:
        return self.rescued.get("entries", 0)

    @property
    def entries_from_backup(self) -> int:
        return self.from_backup.get("entries", 0)

    def summary(
        self, backup_when: str | None = None, day: Callable[[str], str] | None = None
    ) -> str:
        """What was rescued and from when, in plain words.

        ``backup_when`` is the backup's moment as the person's locale writes it; ``day`` turns
        a stored day ("2026-11-28") into the locale's words (both default to ISO dates).
        """
        show_day = day or (lambda iso: iso)
        # (lupdate skips a call whose arguments read an attribute: counts go through names)
        rescued, added = self.entries_rescued, self.entries_from_backup
        lines = [
            translate("Rescue", "Rescued %n entr(y|ies) from the damaged file.", None, rescued)
        ]
        if self.newest_day and self.oldest_day and self.newest_day != self.oldest_day:
            lines.append(
                translate("Rescue", "The rescued entries are from {oldest} to {newest}.").format(
                    oldest=show_day(self.oldest_day), newest=show_day(self.newest_day)
                )
            )
        elif self.newest_day:
            lines.append(
                translate("Rescue", "The rescued entries are from {day}.").format(
                    day=show_day(self.newest_day)
                )
            )
        if self.backup is not None:
            when = backup_when or self.backup.created.strftime("%Y-%m-%d %H:%M")
            lines.append(
                translate("Rescue", "%n more came from the backup of {when}.", None, added).format(
                    when=when
                )
            )
        from desktop.store.kinds import KINDS  # the words each kind of record is counted in

        others = []
        for kind in KINDS:
            total = self.rescued.get(kind.table, 0) + self.from_backup.get(kind.table, 0)
            if kind.table != "entries" and total:
                others.append(translate("Store", kind.count_text, None, total))
        if others:
            lines.append(
                translate("Rescue", "Also kept: {others}.").format(others=", ".join(others))
            )
        lines.append(
            translate("Rescue", "The damaged file is kept beside it as {file}.").format(
                file=self.damaged.name
            )
        )
        return " ".join(lines)


# -- reading what can be read ---------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged file can raise. Junk where a cell should be can make SQLite ask
    for a huge allocation: that is damage too."""
    return (*database_errors(), MemoryError)


Opener = Callable[[], sqlite3.Connection]


class Reader:
    """A connection to a damaged file that is opened afresh after every failure: SQLCipher
    refuses everything on a connection once one page has failed its check."""

    def __init__(self, opener: Opener) -> None:
        self._opener = opener
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._opener()
        return self._conn

    def failed(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(*read_errors()):
                self._conn.close()
        self._conn = None

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row, None when there is none; raises on damage (after reopening)."""
        try:
            row: tuple[Any, ...] | None = self.conn.execute(sql, params).fetchone()
        except read_errors():
            self.failed()
            raise
        return row

    def close(self) -> None:
        self.failed()


def _edge(reader: Reader, table: str, which: str) -> int | None:
    try:
        row = reader.one(f"SELECT {which}(rowid) FROM {_quote(table)}")
    except read_errors():
        return None
    return None if row is None or row[0] is None else int(row[0])


def _highest_readable(reader: Reader, table: str) -> int | None:
    """A rowid above every readable row, when the table's last page cannot be read: probe
    downwards until a seek lands on a page that can."""
    bound = 2**62
    while bound >= 1:
        try:
            row = reader.one(
                f"SELECT rowid FROM {_quote(table)} WHERE rowid <= ? ORDER BY rowid DESC LIMIT 1",
                (bound,),
            )
        except read_errors():
            bound //= 2
            continue
        return 2 * bound if row is not None else None
    return None


def read_table(reader: Reader, table: str) -> TableRows:
    """Every row of ``table`` that can still be read: a range is read until it fails, and the
    rest of it is split in two and tried again, down to single rows, which are skipped."""
    try:
        columns = [r[1] for r in reader.conn.execute(f"PRAGMA table_info({_quote(table)})")]
    except read_errors():
        reader.failed()
        return TableRows([], complete=False)
    found = TableRows(columns)
    if not columns:
        return found
    listed = ", ".join(_quote(c) for c in columns)
    sql = f"SELECT rowid, {listed} FROM {_quote(table)} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    low = _edge(reader, table, "min")
    high = _edge(reader, table, "max")
    if low is None or high is None:
        found.complete = False
        low = 1 if low is None else low  # Glimmers' rows are numbered from 1
        high = _highest_readable(reader, table) if high is None else high
        if high is None:
            return found
    after = (
        f"SELECT rowid, {listed} FROM {_quote(table)} "
        "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT 1"
    )
    pending = [(low, high)]
    probes = 0
    while pending:
        if probes >= PROBES_PER_TABLE:
            found.complete = False
            break
        start, end = pending.pop()
        probes += 2
        last = start - 1
        try:
            for row in reader.conn.execute(sql, (start, end)):
                rowid = int(row[0])
                if start <= rowid <= end:
                    found.rows[rowid] = tuple(row[1:])
                    last = max(last, rowid)
            continue
        except read_errors():
            reader.failed()
            found.complete = False
        # sqlite3 reads one row ahead, so the row after the last one returned may have been
        # read and lost with the error: ask for it alone, which reads nothing beyond it.
        try:
            row = reader.one(after, (last, end))
        except read_errors():
            row = None
            unknown = last + 1  # the damage starts right after ``last``
        else:
            if row is None:
                continue  # nothing more in this range
            rowid = int(row[0])
            found.rows[rowid] = tuple(row[1:])
            if rowid < end:
                pending.append((rowid + 1, end))
            continue
        if unknown >= end:
            continue  # one row that cannot be read: skipped
        middle = unknown + (end - unknown) // 2
        pending.append((middle + 1, end))
        pending.append((unknown, middle))
    return found


def _tables(reader: Reader) -> list[str]:
    try:
        rows = reader.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        names = {r[0] for r in rows}
    except read_errors():
        reader.failed()
        return []
    return [t for t in TABLES if t in names]


def read_journal(opener: Opener) -> dict[str, TableRows]:
    """Every readable row of every table Glimmers keeps records in."""
    reader = Reader(opener)
    try:
        return {table: read_table(reader, table) for table in _tables(reader)}
    except read_errors():  # the file could not even be opened
        return {}
    finally:
        reader.close()


def _new_header(page_size: int, pages: int, wal: bool) -> bytes:
    """A plain SQLite header for a file whose own first bytes were destroyed."""
    fields = bytearray(HEADER_SIZE)
    fields[0:16] = SQLITE_HEADER
    fields[16:18] = (1 if page_size == MAX_PAGE_SIZE else page_size).to_bytes(2, "big")
    fields[18] = fields[19] = 2 if wal else 1
    fields[21:24] = bytes((64, 32, 32))
    fields[24:28] = (1).to_bytes(4, "big")  # change counter
    fields[28:32] = pages.to_bytes(4, "big")
    fields[40:44] = (1).to_bytes(4, "big")  # schema cookie
    fields[44:48] = (4).to_bytes(4, "big")  # schema format
    fields[56:60] = (1).to_bytes(4, "big")  # UTF-8
    fields[68:72] = APPLICATION_ID.to_bytes(4, "big")
    fields[92:96] = (1).to_bytes(4, "big")  # the page count is valid for this change
    fields[96:100] = (3040001).to_bytes(4, "big")
    return bytes(fields)


def _needs_header(path: Path) -> int | None:
    """The page size to write a new header with, when the file's own header is unusable."""
    with path.open("rb") as f:
        head = f.read(HEADER_SIZE)
    size = path.stat().st_size
    if head.startswith(SQLITE_HEADER):
        page_size = int.from_bytes(head[16:18], "big")
        page_size = MAX_PAGE_SIZE if page_size == 1 else page_size
        if MIN_PAGE_SIZE <= page_size <= MAX_PAGE_SIZE and not page_size & (page_size - 1):
            return None
    guessed = guess_page_size(path)
    if guessed is None:
        guessed = 4096 if size % 4096 == 0 else None
    return guessed


def _working_copy(damaged: Path, folder: Path, key: bytes | None) -> Path:
    """A copy of the damaged file (and its log) to read from, so that reading it never changes
    it; with a new header where its own was destroyed (plain journals only: a protected one
    keeps its key's salt there)."""
    copy = folder / "damaged.db"
    shutil.copyfile(damaged, copy)
    wal = Path(f"{damaged}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        shutil.copyfile(wal, Path(f"{copy}-wal"))
    if key is None:
        page_size = _needs_header(copy)
        if page_size is not None:
            size = copy.stat().st_size
            with copy.open("r+b") as f:
                f.write(_new_header(page_size, size // page_size, Path(f"{copy}-wal").exists()))
    return copy


# -- writing the new journal ----------------------------------------------------------------


def _identity(
    conn: sqlite3.Connection, table: str, values: dict[str, Any], columns: set[str]
) -> int | None:
    """The rowid of the record already in the new journal that ``values`` is, if any."""
    keys: list[tuple[str, ...]] = list(_UNIQUE.get(table, ()))
    if "uid" in columns and values.get("uid"):
        keys.append(("uid",))
    else:
        keys += _WITHOUT_UID.get(table, ())
    keys = [k for k in keys if all(values.get(c) is not None for c in k)]
    for key in keys:
        where = " AND ".join(f"{_quote(c)} = ?" for c in key)
        row = conn.execute(
            f"SELECT rowid FROM {_quote(table)} WHERE {where}", [values[c] for c in key]
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def _merge(
    conn: sqlite3.Connection, source: dict[str, TableRows], counts: dict[str, int]
) -> list[str]:
    """Add the records of ``source`` the new journal does not hold yet; returns the entries'
    days that were added."""
    new_ids: dict[str, dict[int, int]] = {}
    days: list[str] = []
    for table in TABLES:
        found = source.get(table)
        if found is None:
            continue
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({_quote(table)})")}
        ids = new_ids.setdefault(table, {})
        for rowid, row in sorted(found.rows.items()):
            values = dict(zip(found.columns, row, strict=True))
            old_id = values.pop("id", rowid)
            missing_parent = False
            for column, parent in _REFERENCES.get(table, ()):
                if values.get(column) is not None:
                    values[column] = new_ids.get(parent, {}).get(values[column])
                    missing_parent = values[column] is None
            if table in ("entry_tags", "entry_pictures") and missing_parent:
                continue  # a tag or picture of an entry that could not be rescued
            values = {c: v for c, v in values.items() if c in columns}
            existing = _identity(conn, table, values, columns)
            if existing is not None:
                ids[old_id] = existing
                continue
            names = ", ".join(_quote(c) for c in values)
            marks = ", ".join("?" * len(values))
            try:
                cursor = conn.execute(
                    f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", list(values.values())
                )
            except database_errors():
                continue  # a row whose values were damaged past using
            if cursor.lastrowid is not None:
                ids[old_id] = cursor.lastrowid
            counts[table] = counts.get(table, 0) + 1
            if table == "entries" and isinstance(values.get("day"), str):
                days.append(values["day"])
    return days


def _free_name(path: Path) -> Path:
    number = 1
    chosen = path
    while chosen.exists():
        number += 1
        chosen = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return chosen


def _move_damaged_aside(database: Path, aside: Path) -> None:
    """The damaged file takes its new name with its log; the journal's own name is then free
    for the new journal, and no log of the old file is left to be replayed into the new."""
    if database.exists():
        try:
            os.link(database, aside)
        except OSError:
            shutil.copyfile(database, aside)
    for extra in ("-wal", "-shm", "-journal"):  # a rollback log too: it would be replayed
        companion = Path(f"{database}{extra}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{extra}"))
    fsync_folder(database.parent)


def rescue(
    database: Path, backups: Path, wall: WallClock, key: bytes | None = None
) -> RescueResult:
    """Rescue what can still be read from the damaged ``database`` into a new journal in its
    place, merged with the newest good backup. The store must be closed.

    Raises RescueFailed, with nothing changed, when nothing could be read and there is no
    backup, or when the new journal cannot be written.
    """
    folder = database.parent
    work = folder / ".glimmers-rescue"
    made = folder / f".{database.name}.rescued"
    try:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(mode=0o700)
        damaged_rows: dict[str, TableRows] = {}
        if database.exists() and database.stat().st_size > 0:
            copy = _working_copy(database, work, key)
            damaged_rows = read_journal(lambda: connect(copy, key, isolation_level=None))
        backup = newest_good_backup(backups, key, local_now(wall))
        backup_rows: dict[str, TableRows] = {}
        if backup is not None:
            good = backup.path
            backup_rows = read_journal(lambda: open_read_only(good, key, at_rest=True))
        if not any(t.rows for t in damaged_rows.values()) and backup is None:
            raise RescueFailed(
                translate(
                    "Rescue",
                    "Nothing in the damaged file could be read, and there is no backup to "
                    "add. The file was left as it was.",
                )
            )
        rescued: dict[str, int] = {}
        from_backup: dict[str, int] = {}
        conn = build_journal(made, key)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN IMMEDIATE")
            days = _merge(conn, damaged_rows, rescued)
            _merge(conn, backup_rows, from_backup)
            conn.execute("COMMIT")
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        if problems != ["ok"]:
            raise RescueFailed("; ".join(problems[:3]))
        fsync_file(made)
        aside = _free_name(aside_for_damaged(database, wall))
        # Cut short between these two, the damaged file is still in place (its log beside the
        # copy that is kept), and the rescue can simply be made again.
        _move_damaged_aside(database, aside)
        os.replace(made, database)
        fsync_folder(folder)
    except RescueFailed:
        remove_with_companions(made)
        raise
    except (OSError, *database_errors()) as e:  # type: ignore[misc]
        remove_with_companions(made)
        raise RescueFailed(
            translate("Rescue", "The rescue could not be finished: {reason}.").format(
                reason=failure_reason(e)
            )
        ) from e
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RescueResult(
        database,
        aside,
        rescued,
        from_backup,
        backup,
        max(days) if days else None,
        min(days) if days else None,
    )


def rescuable(database: Path) -> bool:
    """Whether there is anything in the damaged file to try to read."""
    try:
        return database.stat().st_size >= MIN_PAGE_SIZE
    except OSError:
        return False
