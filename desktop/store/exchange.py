"""Leaving with your data: export to JSON (complete, importable), Markdown and CSV; import JSON.

Import is all or nothing: every entry is checked first, then all new ones go in one transaction.
Entries carry stable ids, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop import __version__
from desktop.store.database import Store
from desktop.store.journal import (
    SENSE_KEYS,
    SENSES,
    TABLE,
    Entry,
    all_entries,
    clean_tags,
    entry_kind,
    write_entry,
)
from desktop.store.records import INTENSITY_RANGE, Feeling, feelings_to_data
from desktop.texts import translate

FORMAT_NAME = "glimmers-journal"
FORMAT_VERSION = 1
FORMATS = ("json", "markdown", "csv")
INTENSITY_WORDS = {1: "a little", 2: "some", 3: "a lot"}
MAX_IMPORT_BYTES = 512 * 1024 * 1024


class ImportProblem(ValueError):
    """The file cannot be imported; the message says why in plain words. Nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    already_there: int


# -- export -------------------------------------------------------------------------------------


def _entry_to_dict(entry: Entry) -> dict[str, Any]:
    sketch: Any = None
    if entry.sketch:
        try:
            sketch = json.loads(entry.sketch)
        except ValueError:
            sketch = entry.sketch
    return {
        "id": entry.uid,
        "kind": entry.kind,
        "day": entry.day,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "deleted_at": entry.deleted_at,
        "senses": {key: getattr(entry, key) for key in SENSE_KEYS},
        "feelings": feelings_to_data(entry.feelings),
        "text": entry.body if entry.kind == "entry" else "",
        "impressions": list(entry.impressions),
        "tags": list(entry.tags),
        "sketch": sketch,
    }


def export_json(entries: Iterable[Entry], now: dt.datetime) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "entries": [_entry_to_dict(e) for e in entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _feelings_words(feelings: Iterable[Feeling]) -> str:
    return ", ".join(f"{f.word} ({INTENSITY_WORDS[f.intensity]})" for f in feelings)


def export_markdown(entries: Iterable[Entry]) -> str:
    kept = sorted((e for e in entries if e.deleted_at is None), key=lambda e: (e.day, e.created_at))
    lines = ["# My Glimmers journal", ""]
    day = None
    for entry in kept:
        if entry.day != day:
            day = entry.day
            lines += [f"## {dt.date.fromisoformat(day).strftime('%A %d %B %Y')}", ""]
        title = "Three impressions" if entry.kind == "impressions" else "What I noticed"
        time_of_day = entry.created_at[11:16]
        lines += [f"### {title}" + (f" ({time_of_day})" if time_of_day else ""), ""]
        if entry.kind == "impressions":
            lines += [f"- {note}" for note in entry.impressions if note.strip()]
            lines.append("")
        for key, label in SENSES:
            value = getattr(entry, key)
            if value.strip():
                lines += [f"**{label}:** {value}", ""]
        if entry.feelings:
            lines += [f"**Feelings:** {_feelings_words(entry.feelings)}", ""]
        if entry.kind == "entry" and entry.body.strip():
            lines += [entry.body, ""]
        if entry.sketch:
            lines += ["*(a sketch is kept with this entry)*", ""]
        if entry.tags:
            lines += ["Tags: " + ", ".join(entry.tags), ""]
    return "\n".join(lines)


CSV_FIELDS = [
    "id",
    "kind",
    "day",
    "created_at",
    "updated_at",
    *SENSE_KEYS,
    "feelings",
    "text",
    "impressions",
    "tags",
    "has_sketch",
]


def export_csv(entries: Iterable[Entry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        if entry.deleted_at is not None:
            continue
        row = {
            "id": entry.uid,
            "kind": entry.kind,
            "day": entry.day,
            "created_at": entry.created_at,
            "updated_at": entry.updated_at,
            **{key: getattr(entry, key) for key in SENSE_KEYS},
            "feelings": "; ".join(f"{f.word}:{f.intensity}" for f in entry.feelings),
            "text": entry.body if entry.kind == "entry" else "",
            "impressions": " | ".join(entry.impressions),
            "tags": "; ".join(entry.tags),
            "has_sketch": "yes" if entry.sketch else "no",
        }
        writer.writerow(row)
    return out.getvalue()


def export(store: Store, fmt: str) -> str:
    entries = all_entries(store)
    if fmt == "json":
        return export_json(entries, store.wall.now())
    if fmt == "markdown":
        return export_markdown(entries)
    if fmt == "csv":
        return export_csv(entries)
    raise ValueError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")


# -- import -------------------------------------------------------------------------------------


def _text(value: Any, where: str, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportProblem(
            translate("Store", "{where}: \u201c{field}\u201d should be text.").format(
                where=where, field=field
            )
        )
    return value


def _parse_entry(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise ImportProblem(translate("Store", "{where} is not an entry.").format(where=where))
    uid = _text(raw.get("id"), where, "id")
    if not uid or len(uid) > 100:
        raise ImportProblem(translate("Store", "{where} has no usable id.").format(where=where))
    named = _text(raw.get("kind", "entry"), where, "kind")
    kind = entry_kind(named)
    if kind is None:
        raise ImportProblem(
            translate("Store", "{where}: unknown kind \u201c{kind}\u201d.").format(
                where=where, kind=named
            )
        )
    day = _text(raw.get("day"), where, "day")
    try:
        day = dt.date.fromisoformat(day).isoformat()
    except ValueError:
        raise ImportProblem(
            translate("Store", "{where}: \u201cday\u201d should be a date like 2026-11-28.").format(
                where=where
            )
        ) from None
    created = _text(raw.get("created_at"), where, "created_at")
    updated = _text(raw.get("updated_at"), where, "updated_at") or created
    for field, stamp in (("created_at", created), ("updated_at", updated)):
        try:
            dt.datetime.fromisoformat(stamp)
        except ValueError:
            raise ImportProblem(
                translate(
                    "Store", "{where}: \u201c{field}\u201d should be a date and time."
                ).format(where=where, field=field)
            ) from None
    deleted = raw.get("deleted_at")
    if deleted is not None:
        deleted = _text(deleted, where, "deleted_at")
    senses = raw.get("senses") or {}
    if not isinstance(senses, dict):
        raise ImportProblem(
            translate(
                "Store", "{where}: \u201csenses\u201d should be a set of named fields."
            ).format(where=where)
        )
    sense_values = {key: _text(senses.get(key), where, f"senses.{key}") for key in SENSE_KEYS}
    feelings_raw = raw.get("feelings") or []
    if not isinstance(feelings_raw, list):
        raise ImportProblem(
            translate("Store", "{where}: \u201cfeelings\u201d should be a list.").format(
                where=where
            )
        )
    feelings = []
    for item in feelings_raw:
        if not isinstance(item, dict):
            raise ImportProblem(
                translate("Store", "{where}: each feeling needs a word and an intensity.").format(
                    where=where
                )
            )
        word = _text(item.get("word"), where, "feelings.word").strip()
        intensity = item.get("intensity")
        if not word or isinstance(intensity, bool) or intensity not in INTENSITY_RANGE:
            raise ImportProblem(
                translate(
                    "Store", "{where}: each feeling needs a word and an intensity of 1 to 3."
                ).format(where=where)
            )
        feelings.append(Feeling(word, int(intensity)))
    tags_raw = raw.get("tags") or []
    if not isinstance(tags_raw, list) or not all(isinstance(t, str) for t in tags_raw):
        raise ImportProblem(
            translate("Store", "{where}: \u201ctags\u201d should be a list of words.").format(
                where=where
            )
        )
    try:
        tags = clean_tags(tags_raw)
    except ValueError as e:
        raise ImportProblem(f"{where}: {e}") from None
    if kind == "impressions":
        notes = raw.get("impressions") or []
        if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            raise ImportProblem(
                translate(
                    "Store", "{where}: \u201cimpressions\u201d should be a list of notes."
                ).format(where=where)
            )
        body = "\n".join(notes)
    else:
        body = _text(raw.get("text"), where, "text")
    sketch = raw.get("sketch")
    sketch_text = (
        "" if sketch is None else json.dumps(sketch) if not isinstance(sketch, str) else sketch
    )
    return Entry(
        uid=uid,
        kind=kind,
        day=day,
        created_at=created,
        updated_at=updated,
        deleted_at=deleted,
        feelings=tuple(feelings),
        body=body,
        tags=tags,
        sketch=sketch_text,
        **sense_values,
    )


def parse_json(data: bytes | str) -> list[Entry]:
    """Check a whole export file; raise ImportProblem on the first thing that is wrong."""
    if isinstance(data, bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise ImportProblem(
                translate("Store", "This file is too large to be a Glimmers export.")
            )
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
        raise ImportProblem(translate("Store", "This JSON file is not a Glimmers journal export."))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem(translate("Store", "This export has no format version."))
    if version > FORMAT_VERSION:
        raise ImportProblem(
            translate(
                "Store",
                "This export was made by a newer version of Glimmers. "
                "Update Glimmers to import it.",
            )
        )
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, list):
        raise ImportProblem(translate("Store", "This export has no list of entries."))
    entries = [
        _parse_entry(raw, translate("Store", "Entry {number}").format(number=n))
        for n, raw in enumerate(raw_entries, start=1)
    ]
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if entry.uid in seen:
            raise ImportProblem(
                translate("Store", "Entry {number} repeats the id of an earlier entry.").format(
                    number=number
                )
            )
        seen.add(entry.uid)
    return entries


def import_entries(store: Store, entries: list[Entry]) -> ImportResult:
    """Add the entries this journal does not have yet, all in one transaction."""
    with store.transaction(TABLE) as conn:
        existing = {
            row[0]
            for chunk_start in range(0, len(entries), 500)
            for row in conn.execute(
                "SELECT uid FROM entries WHERE uid IN "
                f"({', '.join('?' * len(entries[chunk_start : chunk_start + 500]))})",
                [e.uid for e in entries[chunk_start : chunk_start + 500]],
            )
        }
        added = 0
        for entry in entries:
            if entry.uid in existing:
                continue
            write_entry(conn, entry)
            added += 1
    return ImportResult(added=added, already_there=len(entries) - added)


def import_json(store: Store, data: bytes | str) -> ImportResult:
    return import_entries(store, parse_json(data))
