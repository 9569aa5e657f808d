"""Glimmers' own JSON export, streamed: every kind of record, read one record at a time, so
a file of any size is previewed and imported in flat memory and with progress.

The records are read and checked exactly as ``exchange.parse_json`` and ``check_batch`` do
(the same messages, naming the record and the field); the exchange writes them.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store.exchange import (
    FORMAT_NAME,
    Registry,
    check_version,
    no_entries,
    not_a_list,
    not_an_export,
)
from desktop.store.imports.jsonstream import NOT_AN_OBJECT, JsonError, walk
from desktop.store.imports.records import Progress, not_utf8, problem, text_stream
from desktop.store.kinds import RecordKind
from desktop.store.portable import Fields, RecordProblem
from desktop.texts import translate


@dataclass(frozen=True)
class OurRecord:
    """One record of our own export, its shape checked, with its name in messages."""

    kind: RecordKind[Any]
    record: Any
    named: str  # "Entry 3"


@dataclass
class _Header:
    """What the file says about itself, checked as it comes (it comes first in our exports)."""

    format: bool = False
    version: bool = False
    entries: bool = False


def read_ours(
    path: Path, registry: Registry, progress: Progress
) -> Generator[OurRecord, None, None]:
    """The records of a Glimmers JSON export in file order. Raises ImportProblem naming what is
    wrong and where; the file's own description of itself is checked by its end at the latest."""
    progress.total = path.stat().st_size
    kinds = {kind.key: kind for kind in registry}
    wheres = {kind.key: translate("Store", kind.portable.where) for kind in registry}
    header = _Header()
    with path.open("rb") as raw:
        text = text_stream(raw, progress)
        try:
            for member in walk(text, arrays=tuple(kinds)):
                kind = kinds.get(member.key)
                if kind is None:
                    if member.key == "format":
                        if member.value != FORMAT_NAME:
                            raise not_an_export()
                        header.format = True
                    elif member.key == "version":
                        check_version(member.value, registry)
                        header.version = True
                    continue  # what an export says about itself and nothing else
                if member.index is None:
                    if member.value is None and kind.key != "entries":
                        continue  # none of this kind, as an older file may say
                    if member.value != []:
                        raise not_a_list(kind.key)
                    header.entries |= kind.key == "entries"
                    continue
                header.entries |= kind.key == "entries"
                named = wheres[kind.key].format(number=member.index + 1)
                try:
                    record = kind.portable.from_data(Fields(member.value, named))
                except RecordProblem as e:
                    raise problem(str(e)) from None
                yield OurRecord(kind, record, named)
        except JsonError as e:
            if e.reason == NOT_AN_OBJECT:
                raise not_an_export() from None
            raise problem(
                translate(
                    "Imports",
                    "This file stops being valid JSON at line {line}, column {column} ({reason}).",
                ),
                line=e.line,
                column=e.column,
                reason=e.reason,
            ) from None
        except UnicodeDecodeError:
            raise not_utf8(path.name) from None
    if not header.format:
        raise not_an_export()
    if not header.version:
        check_version(None, registry)
    if not header.entries:
        raise no_entries()
