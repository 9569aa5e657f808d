"""Bringing another journal's file in: a preview first, then all of it in one transaction.

Both steps stream the file through its reader, so memory stays flat whatever its size. The
preview checks every entry the import would write; the import checks them again as it writes
and, on the first problem (or when cancelled), writes nothing at all. Entries keep stable ids,
so a second import of the same file adds nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from desktop.clock import stamp
from desktop.store import limits
from desktop.store.database import Store
from desktop.store.exchange import (
    ImportResult,
    Registry,
    check_record,
    parse_json,
    write_batch,
    write_new_records,
    write_record,
)
from desktop.store.imports.detect import FORMAT_NAMES, reader_for
from desktop.store.imports.ours import OurRecord, read_ours
from desktop.store.imports.records import (
    Findings,
    Imported,
    ImportProblem,
    PictureFile,
    Progress,
    ReadOptions,
    check_source,
    problem,
)
from desktop.store.journal import (
    TABLE,
    Entry,
    StagedEntries,
    check_entry,
    stage_new_entries,
    write_staged_entries,
    write_staged_tags,
)
from desktop.store.kinds import KINDS, RecordKind
from desktop.store.pictures import TABLE as PICTURES
from desktop.store.pictures import (
    Picture,
    check_picture,
    sniff_media_type,
    too_large,
    write_pictures,
)
from desktop.store.portable import Links
from desktop.texts import QT_TRANSLATE_NOOP, translate

REPORT_EVERY = 200
# Records written many at once wait for their turn at most this many, or this much of the file.
WAITING = 256
WAITING_BYTES = 4 << 20
ProgressCallback = Callable[[int, int], None]  # bytes read so far, bytes in all
IsCancelled = Callable[[], bool]
T = TypeVar("T")


class ImportCancelled(Exception):
    """The person stopped the import; nothing was written."""


MONTHS = (
    QT_TRANSLATE_NOOP("Imports", "January"),
    QT_TRANSLATE_NOOP("Imports", "February"),
    QT_TRANSLATE_NOOP("Imports", "March"),
    QT_TRANSLATE_NOOP("Imports", "April"),
    QT_TRANSLATE_NOOP("Imports", "May"),
    QT_TRANSLATE_NOOP("Imports", "June"),
    QT_TRANSLATE_NOOP("Imports", "July"),
    QT_TRANSLATE_NOOP("Imports", "August"),
    QT_TRANSLATE_NOOP("Imports", "September"),
    QT_TRANSLATE_NOOP("Imports", "October"),
    QT_TRANSLATE_NOOP("Imports", "November"),
    QT_TRANSLATE_NOOP("Imports", "December"),
)


def month_and_year(day: dt.date) -> str:
    return translate("Imports", "{month} {year}").format(
        month=translate("Imports", MONTHS[day.month - 1]), year=day.year
    )


def plain_number(n: int) -> str:
    return f"{n:,}"


@dataclass(frozen=True)
class Preview:
    """What importing a file would do, worked out without writing anything."""

    format: str
    entries: int  # the entries it holds that Glimmers would keep (empty ones left out)
    already: int  # of those, how many this journal has already
    first_day: dt.date | None
    last_day: dt.date | None
    findings: Findings
    # Our own export holds every kind of record: how many of each, by the kind's key.
    kinds: tuple[tuple[str, int], ...] = ()
    new_pictures: int = 0  # the pictures of the entries this journal does not have yet

    @property
    def app_name(self) -> str:
        return FORMAT_NAMES.get(self.format, self.format)

    def summary(
        self,
        number: Callable[[int], str] = plain_number,
        month: Callable[[dt.date], str] = month_and_year,
    ) -> str:
        """ "This file has 1,234 entries from March 2019 to June 2025; 12 are already in your
        journal." Numbers and months come in the person's own way of writing them."""
        n, already = self.entries, self.already
        text = self._contents(number, month)
        if n == 0 or text is None:
            return translate("Imports", "This file has no entries Glimmers can import.")
        if already == 0:
            return text + "."
        if already == n:
            return text + translate(
                "Imports", "; all of them are in your journal already, so nothing would change."
            )
        return text + translate(
            "Imports", "; {already} (is|are) already in your journal.", None, already
        ).format(already=number(already))

    def _contents(
        self, number: Callable[[int], str], month: Callable[[dt.date], str]
    ) -> str | None:
        """ "This file has 12 entries from March 2019 to June 2025" (without a full stop), or
        None when it holds nothing Glimmers would import."""
        n = self.entries
        if self.kinds:  # "12 journal entries, 3 breathing sessions"
            records = ImportResult(0, 0, self.kinds).describe_added()
            if self.first_day is None or self.last_day is None:  # patterns, tracks, people
                return translate("Imports", "This file has {records}").format(records=records)
            first, last = month(self.first_day), month(self.last_day)
            if first == last:
                return translate("Imports", "This file has {records} from {first}").format(
                    records=records, first=first
                )
            return translate("Imports", "This file has {records} from {first} to {last}").format(
                records=records, first=first, last=last
            )
        if n == 0 or self.first_day is None or self.last_day is None:
            return None
        first, last = month(self.first_day), month(self.last_day)
        if first == last:
            return translate(
                "Imports", "This file has {count} entr(y|ies) from {first}", None, n
            ).format(count=number(n), first=first)
        return translate(
            "Imports", "This file has {count} entr(y|ies) from {first} to {last}", None, n
        ).format(count=number(n), first=first, last=last)

    def notes(self, options: ReadOptions, number: Callable[[int], str] = plain_number) -> list[str]:
        """The other things worth knowing before importing, one sentence each."""
        found = self.findings
        notes: list[str] = []
        for n, counted in (
            (
                self.new_pictures,
                QT_TRANSLATE_NOOP(
                    "Imports", "Glimmers will keep {count} picture(s), each with its entry."
                ),
            ),
            (
                found.missing_pictures,
                QT_TRANSLATE_NOOP(
                    "Imports",
                    "{count} picture(s) named in the file (is|are) not in it, so some entries "
                    "come without them.",
                ),
            ),
            (
                found.other_media,
                QT_TRANSLATE_NOOP(
                    "Imports",
                    "{count} video(s), recording(s) or PDF(s) cannot be kept here and will be "
                    "left out.",
                ),
            ),
        ):
            if n:
                notes.append(translate("Imports", counted, None, n).format(count=number(n)))
        for count, kept, text in (
            (
                found.with_location,
                options.keep_location,
                QT_TRANSLATE_NOOP("Imports", "{count} entr(y|ies) (notes|note) where you were"),
            ),
            (
                found.with_weather,
                options.keep_weather,
                QT_TRANSLATE_NOOP("Imports", "{count} entr(y|ies) (notes|note) the weather"),
            ),
        ):
            if count:
                said = translate("Imports", text, None, count).format(count=number(count))
                notes.append(
                    said
                    + (
                        translate("Imports", "; you chose to keep this.")
                        if kept
                        else translate(
                            "Imports", "; this is left out unless you choose to keep it."
                        )
                    )
                )
        if found.starred:
            notes.append(
                translate("Imports", "Starred entries get the tag \u201c{tag}\u201d.").format(
                    tag=options.starred_tag
                )
            )
        if found.unknown_moods:
            notes.append(
                translate(
                    "Imports",
                    "Entries with these moods of your own are kept, without a guess at how "
                    "pleasant they felt: {moods}.",
                ).format(moods=", ".join(sorted(found.unknown_moods)))
            )
        if found.empty:
            n = found.empty
            notes.append(
                translate("Imports", "{count} empty entr(y|ies) will be left out.", None, n).format(
                    count=number(n)
                )
            )
        if found.has_pin:
            notes.append(pin_warning())
        return notes


def pin_warning() -> str:
    return translate(
        "Imports",
        "Your Daylio backup holds your Daylio PIN in plain text. Glimmers does not keep it, "
        "but anyone who can open the backup file can read it: keep the file somewhere "
        "private, or delete it once you no longer need it.",
    )


_KEPT_ALREADY = "SELECT 1 FROM entries WHERE uid = ?"
# The same moment (to the minute) and words as an entry kept before this import began: how an
# entry imported from one of an app's files is known in another (Daylio's CSV export and its
# backup name the same entry differently).
_KEPT_AS_WRITTEN = (
    "SELECT 1 FROM entries WHERE day = ? AND substr(created_at, 1, 16) = ? AND body = ? "
    "AND id <= ? LIMIT 1"
)
MATCHED_BY_CONTENT = ("daylio",)  # formats whose files give one entry different ids


class _Kept:
    """Whether the journal has an entry already: by its uid, and for the formats that need it
    by its moment and words among the entries kept before the import began (never among
    those it adds: two entries alike in one file are both kept)."""

    def __init__(self, conn: sqlite3.Connection, fmt: str) -> None:
        self.conn = conn
        self.by_content = fmt in MATCHED_BY_CONTENT
        self.before = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM entries").fetchone()[0])

    def by_uid(self, entry: Entry) -> bool:
        return self.conn.execute(_KEPT_ALREADY, (entry.uid,)).fetchone() is not None

    def as_written(self, entry: Entry) -> bool:
        if not self.by_content or not self.before:
            return False
        minute = _utc_minute(entry.created_at)
        row = self.conn.execute(_KEPT_AS_WRITTEN, (entry.day, minute, entry.body, self.before))
        return row.fetchone() is not None


def _utc_minute(created_at: str) -> str:
    """ "2025-06-01T07:30": the minute of a stored moment, as stored (in UTC)."""
    moment = dt.datetime.fromisoformat(created_at).astimezone(dt.timezone.utc)
    return moment.isoformat(timespec="minutes")[:16]


def _paced(
    records: Iterable[T],
    progress: Progress,
    report: ProgressCallback | None,
    cancelled: IsCancelled | None,
) -> Iterator[T]:
    """The records one at a time, as the reader makes them (a record's pictures are read
    while the reader is still on it), saying how far it is and listening for a cancel."""
    for count, record in enumerate(records, start=1):
        if count % REPORT_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if report is not None:
                report(progress.done, progress.total)
        yield record
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if report is not None:
        report(progress.total, progress.total)


def _check(record: Imported, seen: set[str]) -> None:
    """The store's own checks (its limits), and no entry twice. A picture's size is checked
    here when the file tells it without reading it, so the preview refuses it already."""
    if record.entry.uid in seen:
        raise problem(
            translate("Imports", "{place} repeats an entry that came earlier in the file."),
            place=record.place,
        )
    seen.add(record.entry.uid)
    try:
        check_entry(record.entry)
    except ValueError as e:
        raise ImportProblem(f"{record.place}: {e}") from None
    for picture in record.pictures:
        if picture.size is not None and picture.size > limits.PICTURE_BYTES:
            raise ImportProblem(f"{record.place}: {picture.name}: {too_large()}")


def _records(
    path: Path, fmt: str, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    try:
        yield from reader_for(path, fmt)(path, options, findings, progress)
    except OSError as e:
        raise problem(
            translate("Imports", "Glimmers could not read {file}: {reason}."),
            file=path.name,
            reason=e.strerror or e,
        ) from None


def preview_file(
    store: Store,
    path: Path,
    fmt: str,
    options: ReadOptions,
    report: ProgressCallback | None = None,
    cancelled: IsCancelled | None = None,
) -> Preview:
    """Read the whole file and say what importing it would do. Raises ImportProblem naming
    what is wrong and where, or ImportCancelled. Writes nothing."""
    check_source(path)
    if fmt == "glimmers":
        return _preview_ours(store, path, report, cancelled)
    findings, progress = Findings(), Progress()
    entries = already = new_pictures = 0
    first: str | None = None
    last: str | None = None
    seen: set[str] = set()
    records = _records(path, fmt, options, findings, progress)
    kept = _Kept(store.conn, fmt)
    for record in _paced(records, progress, report, cancelled):
        _check(record, seen)
        entries += 1
        if kept.by_uid(record.entry) or kept.as_written(record.entry):
            already += 1
        else:
            new_pictures += len(record.pictures)
        day = record.entry.day
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
    return Preview(
        format=fmt,
        entries=entries,
        already=already,
        first_day=dt.date.fromisoformat(first) if first else None,
        last_day=dt.date.fromisoformat(last) if last else None,
        findings=findings,
        new_pictures=new_pictures,
    )


def _picture(file: PictureFile, added_at: str, place: str) -> Picture:
    data = file.read()
    picture = Picture(
        uid=file.uid,
        # Bytes that are no picture Glimmers knows are kept as they are, named as such: a
        # file's "jpeg" over them would have the journal try to show them as one.
        media_type=sniff_media_type(data) or "application/octet-stream",
        data=data,
        position=file.position,
        is_sketch=file.is_sketch,
        width=file.width,
        height=file.height,
        added_at=added_at,
    )
    try:
        check_picture(picture)
    except ValueError as e:
        raise ImportProblem(f"{place}: {file.name}: {e}") from None
    return picture


def import_file(
    store: Store,
    path: Path,
    fmt: str,
    options: ReadOptions,
    report: ProgressCallback | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Add every entry of the file this journal does not have yet, with its pictures, in one
    transaction: on any problem, or if cancelled, nothing is written."""
    check_source(path)
    if fmt == "glimmers":
        return _import_ours(store, path, report, cancelled)
    findings, progress = Findings(), Progress()
    seen: set[str] = set()
    with (
        ThreadPoolExecutor(1, thread_name_prefix="glimmers-import") as writer,
        store.transaction(TABLE, PICTURES) as conn,
    ):
        batch = _Batch(conn, stamp(store.wall), writer)
        kept = _Kept(conn, fmt)
        try:
            records = _records(path, fmt, options, findings, progress)
            for record in _paced(records, progress, report, cancelled):
                _check(record, seen)
                if kept.as_written(record.entry):
                    batch.already += 1  # here already, from another of the app's files
                    continue
                batch.add(record)
            batch.write()
            batch.finish()
        except BaseException:
            batch.abandon()
            raise
    counts = (("entries", batch.added), ("entry_pictures", batch.pictures))
    return ImportResult(
        added=batch.added + batch.pictures,
        already_there=batch.already,
        added_by_kind=tuple((key, n) for key, n in counts if n),
    )


class _Batch:
    """Checked entries waiting to be written a few hundred at a time (a few statements for
    all of them). An entry with pictures is written at once: its pictures are read while the
    reader is still on it, one at a time, and never wait in memory.

    Most of the writing is SQLite's own work in one statement (the search index of every
    entry), which lets go of Python's lock: it runs on a thread of its own while the reader
    goes on with the next entries, and the two take turns at the connection, never both at
    once. A batch is done (its tags written, its counts known) before the next one starts.
    """

    ENTRIES = WAITING
    CHARACTERS = 4_000_000

    def __init__(self, conn: sqlite3.Connection, added_at: str, writer: Executor) -> None:
        self.conn = conn
        self.added_at = added_at
        self.writer = writer
        self.waiting: list[Imported] = []
        self.characters = 0
        self.added = self.already = self.pictures = 0
        self._writing: tuple[int, StagedEntries, Future[None]] | None = None

    def add(self, record: Imported) -> None:
        self.waiting.append(record)
        self.characters += len(record.entry.body)
        if (
            record.pictures
            or len(self.waiting) >= self.ENTRIES
            or self.characters >= self.CHARACTERS
        ):
            self.write()

    def write(self) -> None:
        """Start writing the waiting entries (and write the pictures of those that have
        some, once their entries are in)."""
        if not self.waiting:
            return
        self.finish()
        records, self.waiting, self.characters = self.waiting, [], 0
        staged = stage_new_entries(self.conn, [r.entry for r in records])
        if staged is None:
            self.already += len(records)
            return
        self._writing = (
            len(records),
            staged,
            self.writer.submit(write_staged_entries, self.conn),
        )
        if not any(record.pictures for record in records):
            return
        self.finish()
        for record in records:
            if record.pictures and record.entry.uid in staged.ids:
                kept = [_picture(p, self.added_at, record.place) for p in record.pictures]
                write_pictures(self.conn, record.entry.uid, kept)
                self.pictures += len(kept)

    def finish(self) -> None:
        """Wait for the entries being written, then write their tags. Raises what stopped
        the writing."""
        if self._writing is None:
            return
        count, staged, writing = self._writing
        self._writing = None
        writing.result()
        write_staged_tags(self.conn, staged)
        self.added += len(staged.ids)
        self.already += count - len(staged.ids)

    def abandon(self) -> None:
        """Something else went wrong: wait until the connection is free again (so the
        transaction can be rolled back), whatever became of the entries being written."""
        if self._writing is not None:
            wait([self._writing[2]])
            self._writing = None


# -- our own export: every kind of record, streamed, checked and written by the exchange -------


class _OutOfOrder(Exception):
    """A kind of record comes before a kind it links to: the file is read whole instead."""


def _ours(
    path: Path,
    registry: Registry,
    report: ProgressCallback | None,
    cancelled: IsCancelled | None,
    progress: Progress | None = None,
) -> Iterator[OurRecord]:
    progress = Progress() if progress is None else progress
    try:
        yield from _paced(read_ours(path, registry, progress), progress, report, cancelled)
    except OSError as e:
        raise problem(
            translate("Imports", "Glimmers could not read {file}: {reason}."),
            file=path.name,
            reason=e.strerror or e,
        ) from None


def _is_kept(conn: sqlite3.Connection, kind: RecordKind[Any], record: object) -> bool:
    """Whether the import would find ``record`` here already: by its uid, or as the same thing
    under another (that day's answer to an anchor, the same music file)."""
    row = conn.execute(f"SELECT 1 FROM {kind.table} WHERE uid = ?", (kind.portable.uid(record),))
    if row.fetchone() is not None:
        return True
    held = kind.portable.held
    return held is not None and held(conn, record)


def _preview_ours(
    store: Store,
    path: Path,
    report: ProgressCallback | None,
    cancelled: IsCancelled | None,
    registry: Registry = KINDS,
) -> Preview:
    counts: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    already = 0
    first: str | None = None
    last: str | None = None
    for item in _ours(path, registry, report, cancelled):
        kind, record = item.kind, item.record
        check_record(kind, record, item.named, seen.setdefault(kind.key, set()))
        counts[kind.key] = counts.get(kind.key, 0) + 1
        already += _is_kept(store.conn, kind, record)
        if kind.readable.when is not None:
            day = kind.readable.when(record)[0]
            if day:
                first = day if first is None or day < first else first
                last = day if last is None or day > last else last
    return Preview(
        format="glimmers",
        entries=sum(counts.values()),
        already=already,
        first_day=dt.date.fromisoformat(first) if first else None,
        last_day=dt.date.fromisoformat(last) if last else None,
        findings=Findings(),
        kinds=tuple((kind.key, counts[kind.key]) for kind in registry if kind.key in counts),
    )


def _import_ours(
    store: Store,
    path: Path,
    report: ProgressCallback | None,
    cancelled: IsCancelled | None,
    registry: Registry = KINDS,
) -> ImportResult:
    """Every record the journal lacks, in one transaction, as the file is read. Our exports
    list the kinds in the registry's order, so a record's links are written before it; a file
    in another order is read whole and written by ``write_batch`` instead."""
    order = {kind.key: number for number, kind in enumerate(registry)}
    added: dict[str, int] = {}
    seen: dict[str, set[str]] = {}
    already = 0
    progress = Progress()
    waiting: list[OurRecord] = []  # records of a kind written many at once
    waiting_since = 0  # progress.done when the first of them came

    def write_waiting(conn: sqlite3.Connection) -> None:
        nonlocal already
        if not waiting:
            return
        kind = waiting[0].kind
        records = [item.record for item in waiting]
        wrote = write_new_records(conn, kind, records, waiting[0].named)
        added[kind.key] = added.get(kind.key, 0) + wrote
        already += len(waiting) - wrote
        waiting.clear()

    try:
        with store.transaction(*(kind.table for kind in registry)) as conn:
            links = Links(conn)
            latest = 0
            for item in _ours(path, registry, report, cancelled, progress):
                kind, record = item.kind, item.record
                if order[kind.key] < latest:
                    raise _OutOfOrder()
                latest = order[kind.key]
                check_record(kind, record, item.named, seen.setdefault(kind.key, set()))
                if kind.portable.write_new is not None:
                    if waiting and waiting[0].kind is not kind:
                        write_waiting(conn)
                    if not waiting:
                        waiting_since = progress.done
                    waiting.append(item)
                    if len(waiting) >= WAITING or progress.done - waiting_since > WAITING_BYTES:
                        write_waiting(conn)
                    continue
                write_waiting(conn)
                if _is_kept(conn, kind, record):
                    already += 1
                elif write_record(conn, kind, record, links, item.named):
                    added[kind.key] = added.get(kind.key, 0) + 1
                else:
                    already += 1
            write_waiting(conn)
    except _OutOfOrder:
        return _import_ours_whole(store, path, report, registry)
    return ImportResult(
        added=sum(added.values()),
        already_there=already,
        added_by_kind=tuple((k.key, added[k.key]) for k in registry if k.key in added),
    )


def _import_ours_whole(
    store: Store, path: Path, report: ProgressCallback | None, registry: Registry
) -> ImportResult:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise problem(
            translate("Imports", "Glimmers could not read {file}: {reason}."),
            file=path.name,
            reason=e.strerror or e,
        ) from None
    result = write_batch(store, parse_json(data, registry), registry)
    if report is not None:
        report(1, 1)
    return result


__all__ = [
    "ImportCancelled",
    "ImportProblem",
    "Preview",
    "import_file",
    "preview_file",
]
