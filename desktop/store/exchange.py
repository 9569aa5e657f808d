"""Leaving with everything: export to JSON (complete, importable), Markdown and CSV; import JSON.

Every kind of record in the registry (``desktop/store/kinds.py``) goes into each export; none is
named here. The JSON document is::

    {"format": "glimmers-journal", "version": 2, "app_version": "...", "exported_at": "...",
     "entries": [...], "breath_sessions": [...], "breath_patterns": [...], "tracks": [...],
     "listening_checkins": [...], "track_taps": [...], "contacts": [...]}

one list per kind, under the kind's ``key``, each record with its stable ``id`` (its uid); a
record that points at another names it by that id (a check-in's ``track``). Version 1 files
hold only ``entries`` and still import; a kind's list may be missing (none of that kind).

Import is all or nothing: the whole file is read and every record checked (its shape, and the
same limits the store and the editors use) before anything is written; then every record the
journal does not have goes in, in one transaction. Records carry stable uids, so importing the
same file twice adds nothing.

For importers of other journals' files (``desktop/store/imports/``): build the records as the
kinds' own types (``journal.Entry`` and so on) and hand them to ``write_batch``. It checks them
with the store's own checks, skips what the journal has, and writes the rest all or nothing.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.store import limits
from desktop.store.connection import cipher_module
from desktop.store.database import Store
from desktop.store.kinds import KINDS, RecordKind
from desktop.store.portable import Fields, Links, RecordProblem
from desktop.texts import translate

FORMAT_NAME = "glimmers-journal"
# The highest version any kind was introduced in: a new kind raises it by itself, so an older
# Glimmers refuses a file holding records it does not know instead of dropping them.
FORMAT_VERSION = max(kind.since for kind in KINDS)
FORMATS = ("json", "markdown", "csv")
MAX_IMPORT_BYTES = 512 * 1024 * 1024
CSV_COMMON_COLUMNS = ("id", "kind", "day", "created_at", "updated_at")

# Records by kind: a kind's key -> its records, as that kind's own type, in order.
Batch = Mapping[str, Sequence[Any]]
Registry = Sequence[RecordKind[Any]]


class ImportProblem(ValueError):
    """The file cannot be imported; the message says why in plain words. Nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int
    added_by_kind: tuple[tuple[str, int], ...] = ()  # (kind's key, how many), registry order

    def describe_added(self, registry: Registry = KINDS) -> str:
        """ "2 journal entries, 1 contact" (only the kinds something was added of)."""
        counts = dict(self.added_by_kind)
        parts = [
            translate("Store", kind.count_text, None, counts[kind.key])
            for kind in registry
            if counts.get(kind.key)
        ]
        return ", ".join(parts) if parts else translate("Store", "nothing new")


# -- export -------------------------------------------------------------------------------------


@contextlib.contextmanager
def one_moment(store: Store) -> Iterator[None]:
    """Every read in the block sees the journal as it was at one moment, whatever the app or
    another connection writes meanwhile (an export beside the running app): otherwise a
    check-in written between the reading of the tracks and of the check-ins would be
    exported without its track, and the file would not import."""
    conn = store.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")  # deferred: a read transaction, from the first read on
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


def export_document(store: Store, registry: Registry = KINDS) -> dict[str, Any]:
    """Everything the journal keeps, trash included, as plain data (the JSON export)."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": max(kind.since for kind in registry),
        "app_version": __version__,
        "exported_at": store.wall.now().isoformat(timespec="seconds"),
    }
    with one_moment(store):
        for kind in registry:
            portable = kind.portable
            document[kind.key] = [portable.to_data(r) for r in portable.read(store.conn)]
    return document


def export_json(store: Store, registry: Registry = KINDS) -> str:
    return json.dumps(export_document(store, registry), ensure_ascii=False, indent=2) + "\n"


def _kept(store: Store, kind: RecordKind[Any]) -> list[Any]:
    return [r for r in kind.portable.read(store.conn) if kind.readable.kept(r)]


def _day_heading(day: str) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%A %d %B %Y")
    except ValueError:
        return day or translate("Export", "Undated")


def _moment_key(when: tuple[str, str]) -> tuple[str, float]:
    """Order by day, then by the moment itself (stamps of different kinds are written
    differently; a stamp without a zone is taken as the person's own time)."""
    day, stamp = when
    try:
        return (day, dt.datetime.fromisoformat(stamp).timestamp())
    except (ValueError, OverflowError, OSError):
        return (day, float("inf"))


def export_markdown(store: Store, registry: Registry = KINDS) -> str:
    """A diary a person can read: dated records day by day (oldest first), then a section for
    each kind without dates (patterns, music, contacts). The trash is left out."""
    diary: list[tuple[tuple[str, str], list[str]]] = []
    sections: list[str] = []
    with one_moment(store):
        kept = [(kind, _kept(store, kind)) for kind in registry]
    for kind, records in kept:
        readable = kind.readable
        if readable.when is None:
            if records:
                sections += [f"## {translate('Export', readable.section)}", ""]
                sections += [line for r in records for line in readable.markdown(r)]
                sections.append("")
        else:
            diary += [(readable.when(r), readable.markdown(r)) for r in records]
    diary.sort(key=lambda item: _moment_key(item[0]))  # stable: a tie keeps registry order
    title = translate("Export", "My Glimmers journal")
    lines = [f"# {title}", ""]
    day = None
    for (record_day, _), record_lines in diary:
        if record_day != day:
            day = record_day
            lines += [f"## {_day_heading(day)}", ""]
        lines += record_lines
    return "\n".join(lines + sections)


def csv_columns(registry: Registry = KINDS) -> list[str]:
    """One table for every kind: the common columns, then each kind's own, in registry order."""
    columns = list(CSV_COMMON_COLUMNS)
    for kind in registry:
        columns += [c for c in kind.readable.csv_columns if c not in columns]
    return columns


def export_csv(store: Store, registry: Registry = KINDS) -> str:
    """One row per record (the trash left out); ``kind`` says what each row is, and a column
    that is not about that kind stays empty."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(registry), lineterminator="\n")
    writer.writeheader()
    with one_moment(store):
        kept = [(kind, _kept(store, kind)) for kind in registry]
    for kind, records in kept:
        writer.writerows(kind.readable.csv_row(r) for r in records)
    return out.getvalue()


def export(store: Store, fmt: str) -> str:
    if fmt == "json":
        return export_json(store)
    if fmt == "markdown":
        return export_markdown(store)
    if fmt == "csv":
        return export_csv(store)
    raise ValueError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")


# -- import -------------------------------------------------------------------------------------


def records_from_data(kind: RecordKind[Any], raw_records: Iterable[object]) -> list[Any]:
    """One kind's records of a file, each one's shape checked; raise ImportProblem."""
    where = translate("Store", kind.portable.where)
    try:
        return [
            kind.portable.from_data(Fields(raw, where.format(number=number)))
            for number, raw in enumerate(raw_records, start=1)
        ]
    except RecordProblem as e:
        raise ImportProblem(str(e)) from None


def read_export(path: Path) -> bytes:
    """The bytes of a file to import, read no further than the largest export can be: a file
    of gigabytes chosen by mistake, or a device that never ends, is refused without filling
    the memory. Raises OSError when it cannot be read, ImportProblem when it is too large."""
    with path.open("rb") as f:
        data = f.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_large()
    return data


def _too_large() -> ImportProblem:
    return ImportProblem(translate("Store", "This file is too large to be a Glimmers export."))


def _document(data: bytes | str) -> dict[str, Any]:
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise _too_large()
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportProblem(
                translate("Store", "This file is not text; a Glimmers export is a JSON text file.")
            ) from None
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        raise ImportProblem(
            translate("Store", "This file is not valid JSON, so it is not a Glimmers export.")
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise not_an_export()
    return document


# What every reader of an export refuses, whether it reads the file whole or streams it
# (``desktop/store/imports/ours.py``).


def not_an_export() -> ImportProblem:
    return ImportProblem(translate("Store", "This JSON file is not a Glimmers journal export."))


def no_entries() -> ImportProblem:
    return ImportProblem(translate("Store", "This export has no list of entries."))


def not_a_list(key: str) -> ImportProblem:
    return ImportProblem(
        translate("Store", "In this export, \u201c{key}\u201d is not a list.").format(key=key)
    )


def check_version(version: object, registry: Registry = KINDS) -> None:
    """Refuse a file without a format version, or from a newer Glimmers."""
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem(translate("Store", "This export has no format version."))
    if version > max(kind.since for kind in registry):
        raise ImportProblem(
            translate(
                "Store",
                "This export was made by a newer version of Glimmers. "
                "Update Glimmers to import it.",
            )
        )


def parse_json(data: bytes | str, registry: Registry = KINDS) -> dict[str, list[Any]]:
    """Read a whole export file (version 1 or later) into a batch for ``write_batch``; raise
    ImportProblem on the first thing that is wrong."""
    document = _document(data)
    check_version(document.get("version"), registry)
    if not isinstance(document.get("entries"), list):
        raise no_entries()
    batch: dict[str, list[Any]] = {}
    for kind in registry:
        raw = document.get(kind.key)
        if raw is None:
            continue  # an older file, or none of this kind
        if not isinstance(raw, list):
            raise not_a_list(kind.key)
        batch[kind.key] = records_from_data(kind, raw)
    return batch


def _integrity_errors() -> tuple[type[Exception], ...]:
    cipher = cipher_module()
    return (sqlite3.IntegrityError,) + ((cipher.IntegrityError,) if cipher else ())


def _existing_uids(conn: sqlite3.Connection, table: str, uids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(
            row[0] for row in conn.execute(f"SELECT uid FROM {table} WHERE uid IN ({marks})", chunk)
        )
    return found


def check_batch(batch: Batch, registry: Registry = KINDS) -> None:
    """Every record of ``batch`` as the store would check it before a save; raise ImportProblem
    naming the first record that is wrong (or repeats an earlier one's id)."""
    known = {kind.key for kind in registry}
    unknown = sorted(set(batch) - known)
    if unknown:
        raise ValueError(f"Not kinds of record in the registry: {', '.join(unknown)}")
    for kind in registry:
        where = translate("Store", kind.portable.where)
        seen: set[str] = set()
        for number, record in enumerate(batch.get(kind.key, ()), start=1):
            check_record(kind, record, where.format(number=number), seen)


def check_record(kind: RecordKind[Any], record: Any, named: str, seen: set[str]) -> None:
    """One record as the store would check it before a save, and its id not one of ``seen``
    (the ids of that kind's records earlier in the file; this one's is added)."""
    uid = kind.portable.uid(record)
    if not uid.strip() or len(uid) > limits.UID:
        raise ImportProblem(translate("Store", "{where} has no usable id.").format(where=named))
    if uid in seen:
        raise ImportProblem(
            translate("Store", "{where} repeats the id of an earlier one.").format(where=named)
        )
    seen.add(uid)
    try:
        kind.portable.check(record)
    except ValueError as e:
        raise ImportProblem(f"{named}: {e}") from None


def write_record(
    conn: sqlite3.Connection, kind: RecordKind[Any], record: Any, links: Links, named: str
) -> bool:
    """Write one checked record the journal has no record of that uid for, inside the caller's
    transaction. False: it is here already under another uid. Raises ImportProblem."""
    try:
        return kind.portable.write(conn, record, links)
    except (RecordProblem, *_integrity_errors()) as e:  # type: ignore[misc]
        raise ImportProblem(f"{named}: {e}") from None


def write_new_records(
    conn: sqlite3.Connection, kind: RecordKind[Any], records: Sequence[Any], named: str
) -> int:
    """Many checked records of a kind with ``write_new`` at once, inside the caller's
    transaction (``named``: the first of them); how many were new. Raises ImportProblem."""
    assert kind.portable.write_new is not None
    try:
        return kind.portable.write_new(conn, records)
    except _integrity_errors() as e:
        raise ImportProblem(f"{named}: {e}") from None


def write_batch(store: Store, batch: Batch, registry: Registry = KINDS) -> ImportResult:
    """Add the records of ``batch`` this journal does not have yet: all of them, or none.

    ``batch`` maps a kind's key ("entries") to records of that kind's own type (``Entry``),
    already read from their file. Every record is checked first with the store's own checks
    (``check_batch``), so an importer of another journal's files gets the same limits and
    messages as the editor. Then, in one transaction and in the registry's order (a record's
    links resolve to records written before it), every record whose uid the journal lacks is
    written. A record the journal has (the same uid, or for some kinds the same thing under
    another uid) is left as it is and counted in ``already_there``, so writing the same batch
    twice adds nothing. Raises ImportProblem (nothing written) or WriteFailed (nothing written).
    """
    check_batch(batch, registry)
    kinds = [kind for kind in registry if batch.get(kind.key)]
    added: dict[str, int] = {}
    already = 0
    with store.transaction(*(kind.table for kind in kinds)) as conn:
        links = Links(conn)
        for kind in kinds:
            portable = kind.portable
            records = batch[kind.key]
            where = translate("Store", portable.where)
            existing = _existing_uids(conn, kind.table, [portable.uid(r) for r in records])
            fresh = [(n, r) for n, r in enumerate(records, 1) if portable.uid(r) not in existing]
            already += len(records) - len(fresh)
            if portable.write_new is not None:  # many at once
                for start in range(0, len(fresh), 500):
                    chunk = fresh[start : start + 500]
                    named = where.format(number=chunk[0][0])
                    wrote = write_new_records(conn, kind, [r for _, r in chunk], named)
                    added[kind.key] = added.get(kind.key, 0) + wrote
                    already += len(chunk) - wrote
                continue
            for number, record in fresh:
                if write_record(conn, kind, record, links, where.format(number=number)):
                    added[kind.key] = added.get(kind.key, 0) + 1
                else:
                    already += 1
    return ImportResult(
        added=sum(added.values()),
        already_there=already,
        added_by_kind=tuple((k.key, added[k.key]) for k in registry if k.key in added),
    )


def import_json(store: Store, data: bytes | str) -> ImportResult:
    return write_batch(store, parse_json(data))
