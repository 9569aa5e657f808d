"""Journal entries: saving, the trash, drafts, their timeline (keyset pages) and full-text
search, and the registry's functions for them. The row shape every kind shares, and how typing
becomes a search, are in desktop/store/items.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import math
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, fts_page
from desktop.store.items import Query, SearchPage, TimelineItem, found_rows
from desktop.store.portable import Fields, Links
from desktop.store.readable import feelings_cell, feelings_words, heading, yes_no
from desktop.store.records import (
    Feeling,
    feelings_from_json,
    feelings_to_data,
    feelings_to_json,
    pleasantness_words,
)
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "entries"
DRAFTS = "drafts"

SENSES: tuple[tuple[str, str], ...] = (
    ("touch", QT_TRANSLATE_NOOP("Senses", "Touch and temperature")),
    ("sound", QT_TRANSLATE_NOOP("Senses", "Sound")),
    ("sight", QT_TRANSLATE_NOOP("Senses", "Sight")),
    ("smell_taste", QT_TRANSLATE_NOOP("Senses", "Smell and taste")),
    ("breath_body", QT_TRANSLATE_NOOP("Senses", "Breath and body")),
)
SENSE_KEYS = tuple(key for key, _ in SENSES)
EntryKind = Literal["entry", "impressions"]  # a written entry, or three small impressions
KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
IMPRESSION_COUNT = limits.IMPRESSIONS
MAX_TAG_LENGTH = limits.TAG


def entry_kind(value: object) -> EntryKind | None:
    """``value`` as a kind of entry, or None when it is not one (from a file or a draft)."""
    return next((kind for kind in KINDS if kind == value), None)


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Entry:
    uid: str = field(default_factory=new_uid)
    day: str = ""  # YYYY-MM-DD: the day the entry is about, which may be earlier than today
    kind: EntryKind = "entry"
    touch: str = ""
    sound: str = ""
    sight: str = ""
    smell_taste: str = ""
    breath_body: str = ""
    feelings: tuple[Feeling, ...] = ()
    body: str = ""
    tags: tuple[str, ...] = ()
    sketch: str = ""  # JSON strokes from the sketch pad, or ""
    # How pleasant it felt, -1 to 1, when another app kept a mood (Daylio); None otherwise.
    pleasantness: float | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def impressions(self) -> tuple[str, ...]:
        """A "three impressions" entry keeps its notes one per line in ``body``."""
        return tuple(self.body.split("\n")) if self.kind == "impressions" else ()

    def is_blank(self) -> bool:
        if self.body.strip() or self.feelings or self.sketch or self.pleasantness is not None:
            return False
        return not any(getattr(self, key).strip() for key in SENSE_KEYS)


def impressions_entry(notes: Sequence[str], day: str, uid: str | None = None) -> Entry:
    """A "three impressions" entry: each note on one line, spaces tidied, padded to three."""
    if len(notes) > IMPRESSION_COUNT:
        raise ValueError(_too_many_impressions(len(notes)))
    cleaned = [" ".join(note.split()) for note in notes]
    cleaned += [""] * (IMPRESSION_COUNT - len(cleaned))
    return Entry(uid=uid or new_uid(), day=day, kind="impressions", body="\n".join(cleaned))


def _too_many_impressions(count: int) -> str:
    return translate(
        "Store", "A \u201cthree impressions\u201d entry holds {most} notes, and this has {count}."
    ).format(most=IMPRESSION_COUNT, count=count)


def clean_tags(text_or_tags: str | Sequence[str]) -> tuple[str, ...]:
    """Tags from "walk, morning light" or a list: trimmed, lower case, no duplicates, in order."""
    raw = text_or_tags.split(",") if isinstance(text_or_tags, str) else list(text_or_tags)
    tags: list[str] = []
    for item in raw:
        tag = " ".join(item.split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ValueError(_tag_too_long())
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


def check_entry(entry: Entry) -> None:
    """Refuse, with a message naming the field, an entry that holds more than the store keeps
    (``desktop/store/limits.py``). The editor asks the same before it opens an entry, and the
    importer before it writes one, so nothing is ever cut to fit."""
    if entry.kind not in KINDS:
        raise ValueError(
            translate("Store", "Unknown kind of entry: \u201c{kind}\u201d.").format(kind=entry.kind)
        )
    # Labels are translated only for a message: an import checks thousands of entries.
    for key, label in SENSES:
        if len(getattr(entry, key)) > limits.LINE:
            limits.check_length(translate("Senses", label), getattr(entry, key), limits.LINE)
    if entry.kind == "impressions":
        notes = entry.impressions
        if len(notes) > IMPRESSION_COUNT:
            raise ValueError(_too_many_impressions(len(notes)))
        for number, note in enumerate(notes, start=1):
            label = translate("Store", "Impression {number}").format(number=number)
            limits.check_length(label, note, limits.LINE)
    elif len(entry.body) > limits.TEXT:
        limits.check_length(translate("Store", "Anything else"), entry.body, limits.TEXT)
    if len(entry.tags) > limits.TAGS:
        limits.check_count(translate("Store", "Tags"), len(entry.tags), limits.TAGS)
    for tag in entry.tags:
        if len(tag) > MAX_TAG_LENGTH:
            raise ValueError(_tag_too_long())
    if entry.feelings:
        feelings_label = translate("Store", "Feeling words")
        limits.check_count(feelings_label, len(entry.feelings), limits.FEELINGS)
        for feeling in entry.feelings:
            limits.check_length(feelings_label, feeling.word, limits.FEELING_WORD)
    check_sketch(entry.sketch)


def check_sketch(text: str) -> None:
    """A sketch is strokes of points from 0 to 1, at most ``limits.SKETCH_POINTS`` of them."""
    if not text:
        return
    label = translate("Store", "Sketch")
    limits.check_length(label, text, limits.SKETCH_CHARS)
    unreadable = ValueError(translate("Store", "The sketch is not one Glimmers can draw."))
    try:
        strokes = json.loads(text)["strokes"]
    except (ValueError, TypeError, KeyError):
        raise unreadable from None
    if not isinstance(strokes, list):
        raise unreadable
    points = 0
    for stroke in strokes:
        if not isinstance(stroke, list):
            raise unreadable
        for point in stroke:
            if not (isinstance(point, list) and len(point) == 2 and all(map(_unit, point))):
                raise unreadable
        points += len(stroke)
    limits.check_count(label, points, limits.SKETCH_POINTS)


def _unit(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= 1
    )


def _tag_too_long() -> str:
    return translate("Store", "Keep each tag under {max_tag_length} characters.").format(
        max_tag_length=MAX_TAG_LENGTH
    )


def validate_day(day: str, today: dt.date) -> str:
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        raise ValueError(
            translate("Store", "The day should be a date such as 2026-11-28.")
        ) from None
    if parsed > today:
        raise ValueError(
            translate("Store", "An entry can be about today or an earlier day, not a later one.")
        )
    return parsed.isoformat()


_COLUMNS = (
    "id, uid, kind, day, created_at, updated_at, deleted_at, touch, sound, sight, smell_taste, "
    "breath_body, feelings, body, tags_text, sketch, pleasantness"
)


def _entry_from_row(row: Sequence[object]) -> Entry:
    (_, uid, kind, day, created, updated, deleted, touch, sound, sight, smell, breath, feelings,
     body, tags_text, sketch, pleasantness) = row  # fmt: skip
    return Entry(
        uid=str(uid),
        kind=entry_kind(kind) or "entry",
        day=str(day),
        created_at=str(created),
        updated_at=str(updated),
        deleted_at=None if deleted is None else str(deleted),
        touch=str(touch),
        sound=str(sound),
        sight=str(sight),
        smell_taste=str(smell),
        breath_body=str(breath),
        feelings=feelings_from_json(str(feelings)),
        body=str(body),
        tags=tuple(t for t in str(tags_text).split("\n") if t),
        sketch=str(sketch),
        pleasantness=None if pleasantness is None else float(str(pleasantness)),
    )


def save_entry(store: Store, entry: Entry, draft_key: str | None = None) -> Entry:
    """Insert a new entry or replace the one with the same uid. Durable when it returns.

    ``draft_key`` names the editor draft this save replaces; it goes in the same transaction.
    """
    if entry.is_blank():
        raise ValueError(
            translate(
                "Store",
                "There is nothing to save yet. Even \u201cnothing in particular\u201d counts: "
                "write it, choose it, or draw something.",
            )
        )
    moment = stamp(store.wall)
    day = today(store.wall)  # the person's own calendar day
    stored = store.conn.execute("SELECT day FROM entries WHERE uid = ?", (entry.uid,)).fetchone()
    if stored is not None and entry.day == stored[0]:
        chosen = entry.day  # unchanged: a clock set back since must not move it
    else:
        chosen = validate_day(entry.day or day.isoformat(), day)
    entry = dataclasses.replace(
        entry,
        day=chosen,
        tags=clean_tags(entry.tags),
        created_at=entry.created_at or moment,
        updated_at=moment,
    )
    check_entry(entry)
    with store.transaction(TABLE, DRAFTS) as conn:
        write_entry(conn, entry)
        if draft_key is not None:
            conn.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
    return entry


def write_entry(conn: sqlite3.Connection, entry: Entry) -> None:
    """Insert or replace one entry row and its tags, inside the caller's transaction."""
    values = {
        "uid": entry.uid,
        "kind": entry.kind,
        "day": entry.day,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "deleted_at": entry.deleted_at,
        **{key: getattr(entry, key) for key in SENSE_KEYS},
        "feelings": feelings_to_json(entry.feelings),
        "feelings_text": " ".join(f.word for f in entry.feelings),
        "body": entry.body,
        "tags_text": "\n".join(entry.tags),
        "sketch": entry.sketch,
        "pleasantness": entry.pleasantness,
    }
    names = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values if k not in ("uid", "created_at"))
    entry_id = conn.execute(
        f"INSERT INTO entries ({names}) VALUES ({marks}) "
        f"ON CONFLICT (uid) DO UPDATE SET {updates} RETURNING id",
        values,
    ).fetchall()[0][0]  # every row, so the statement is done before the next one
    conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
    if entry.tags:
        conn.executemany(
            "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)",
            [(entry_id, t) for t in entry.tags],
        )


_NEW_ENTRY_COLUMNS = (
    "uid", "kind", "day", "created_at", "updated_at", "deleted_at", *SENSE_KEYS, "feelings",
    "feelings_text", "body", "tags_text", "sketch", "pleasantness",
)  # fmt: skip
_INSERT_NEW_ENTRY = (
    f"INSERT INTO entries ({', '.join(_NEW_ENTRY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_NEW_ENTRY_COLUMNS))}) "
    "ON CONFLICT (uid) DO NOTHING RETURNING id"
)


_INSERT_TAG = "INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)"


def insert_new_entry(conn: sqlite3.Connection, entry: Entry) -> bool:
    """Add an entry whose uid this journal does not keep yet, with its tags, inside the
    caller's transaction: one statement (and one for its tags), for imports of thousands.
    False, and nothing written, when an entry with that uid is kept already."""
    rows = conn.execute(
        _INSERT_NEW_ENTRY,
        (
            entry.uid,
            entry.kind,
            entry.day,
            entry.created_at,
            entry.updated_at,
            entry.deleted_at,
            *[getattr(entry, key) for key in SENSE_KEYS],
            feelings_to_json(entry.feelings) if entry.feelings else "[]",
            " ".join(f.word for f in entry.feelings),
            entry.body,
            "\n".join(entry.tags),
            entry.sketch,
            entry.pleasantness,
        ),
    ).fetchall()  # every row, so the statement is done before the next one
    if not rows:
        return False
    if len(entry.tags) == 1:
        conn.execute(_INSERT_TAG, (rows[0][0], entry.tags[0]))
    elif entry.tags:
        conn.executemany(_INSERT_TAG, [(rows[0][0], t) for t in entry.tags])
    return True


_INSERT_ENTRY_WITH_ID = (
    f"INSERT INTO entries (id, {', '.join(_NEW_ENTRY_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' * len(_NEW_ENTRY_COLUMNS))})"
)


def insert_new_entries(conn: sqlite3.Connection, entries: Sequence[Entry]) -> dict[str, int]:
    """Add the entries whose uids this journal does not keep yet, with their tags, inside the
    caller's write transaction: a few statements for hundreds of entries, as imports need.
    Returns the row id of each entry added, by uid (an entry kept already is left as it is)."""
    fresh: dict[str, Entry] = {}
    for start in range(0, len(entries), 500):
        chunk = [e.uid for e in entries[start : start + 500]]
        kept = {
            row[0]
            for row in conn.execute(
                f"SELECT uid FROM entries WHERE uid IN ({', '.join('?' * len(chunk))})", chunk
            )
        }
        for entry in entries[start : start + 500]:
            if entry.uid not in kept:
                fresh.setdefault(entry.uid, entry)
    if not fresh:
        return {}
    # The write transaction keeps every other writer out, so the next ids are ours to give.
    first = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM entries").fetchone()[0])
    ids = {uid: first + number for number, uid in enumerate(fresh)}
    conn.executemany(
        _INSERT_ENTRY_WITH_ID,
        [
            (
                ids[e.uid],
                e.uid,
                e.kind,
                e.day,
                e.created_at,
                e.updated_at,
                e.deleted_at,
                *[getattr(e, key) for key in SENSE_KEYS],
                feelings_to_json(e.feelings) if e.feelings else "[]",
                " ".join(f.word for f in e.feelings),
                e.body,
                "\n".join(e.tags),
                e.sketch,
                e.pleasantness,
            )
            for e in fresh.values()
        ],
    )
    conn.executemany(_INSERT_TAG, [(ids[e.uid], t) for e in fresh.values() for t in e.tags])
    return ids


def get_entry(store: Store, uid: str) -> Entry | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM entries WHERE uid = ?", (uid,)).fetchone()
    return _entry_from_row(row) if row else None


def count_entries(store: Store, include_trash: bool = False) -> int:
    where = "" if include_trash else " WHERE deleted_at IS NULL"
    return int(store.conn.execute(f"SELECT COUNT(*) FROM entries{where}").fetchone()[0])


def all_entries(store: Store) -> list[Entry]:
    """Every entry, trash included, oldest first (for export)."""
    return read_entries(store.conn)


def read_entries(conn: sqlite3.Connection) -> list[Entry]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM entries ORDER BY id").fetchall()
    return [_entry_from_row(r) for r in rows]


# -- the trash ----------------------------------------------------------------------------------


def trash_entry(store: Store, uid: str) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("UPDATE entries SET deleted_at = ? WHERE uid = ?", (stamp(store.wall), uid))


def restore_entry(store: Store, uid: str) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("UPDATE entries SET deleted_at = NULL WHERE uid = ?", (uid,))


def trashed_entries(store: Store) -> list[Entry]:
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM entries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
    ).fetchall()
    return [_entry_from_row(r) for r in rows]


def empty_trash(store: Store) -> int:
    with store.transaction(TABLE) as conn:
        return conn.execute("DELETE FROM entries WHERE deleted_at IS NOT NULL").rowcount


# -- drafts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    key: str
    saved_at: str
    content: dict[str, object]


def save_draft(store: Store, key: str, content: dict[str, object]) -> None:
    with store.transaction(DRAFTS) as conn:
        conn.execute(
            "INSERT INTO drafts (key, saved_at, content) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET saved_at = excluded.saved_at, "
            "content = excluded.content",
            (key, store.wall.now().isoformat(timespec="seconds"), json.dumps(content)),
        )


def load_drafts(store: Store) -> list[Draft]:
    rows = store.conn.execute(
        "SELECT key, saved_at, content FROM drafts ORDER BY saved_at DESC"
    ).fetchall()
    drafts = []
    for key, saved_at, content in rows:
        try:
            parsed = json.loads(content)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            drafts.append(Draft(key, saved_at, parsed))
    return drafts


def discard_draft(store: Store, key: str) -> None:
    with store.transaction(DRAFTS) as conn:
        conn.execute("DELETE FROM drafts WHERE key = ?", (key,))


# -- the timeline ---------------------------------------------------------------------------------


_ITEM_COLUMNS = (
    "e.id, e.uid, e.kind, e.day, e.created_at, e.touch, e.sound, e.sight, e.smell_taste, "
    "e.breath_body, e.body, e.feelings, e.tags_text, e.sketch != '', e.pleasantness, "
    "EXISTS (SELECT 1 FROM entry_pictures p WHERE p.entry_id = e.id)"
)


def _item_from_row(row: Sequence[Any], terms: tuple[str, ...] = ()) -> TimelineItem:
    kind = row[2]
    if kind == "impressions":
        texts: tuple[str, ...] = tuple(row[10].split("\n"))
    else:
        texts = tuple(row[5:11])
    return TimelineItem(
        kind,
        row[1],
        row[3],
        row[4],
        row[0],
        texts,
        row[11],
        row[12],
        bool(row[13]),
        terms,
        pleasantness=row[14],
        has_pictures=bool(row[15]),
    )


def timeline_page(
    store: Store,
    after: tuple[str, str, int] | None = None,
    limit: int = 50,
    kinds: Sequence[str] | None = None,
    tag: str | None = None,
) -> list[TimelineItem]:
    """The next ``limit`` items older than ``after``, newest first (keyset paging)."""
    where = ["e.deleted_at IS NULL"]
    params: list[object] = []
    if after is not None:
        where.append("(e.day, e.created_at, e.id) < (?, ?, ?)")
        params += list(after)
    if kinds is not None:
        wanted = [k for k in kinds if k in KINDS]
        if not wanted:
            return []
        where.append(f"e.kind IN ({', '.join('?' * len(wanted))})")
        params += wanted
    if tag:
        where.append("e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)")
        params.append(tag)
    sql = (
        f"SELECT {_ITEM_COLUMNS} FROM entries e WHERE {' AND '.join(where)} "
        "ORDER BY e.day DESC, e.created_at DESC, e.id DESC LIMIT ?"
    )
    rows = store.conn.execute(sql, [*params, limit]).fetchall()
    return [_item_from_row(r) for r in rows]


def all_tags(store: Store) -> list[str]:
    """Tags on entries outside the trash, in order.

    Walks the distinct tags by index (one seek per tag, not one row per tagged entry), so it
    stays instant on a journal of 100,000 entries.
    """
    rows = store.conn.execute(
        """
        WITH RECURSIVE distinct_tags (tag) AS (
            SELECT MIN(tag) FROM entry_tags
            UNION ALL
            SELECT (SELECT MIN(tag) FROM entry_tags WHERE tag > d.tag)
            FROM distinct_tags d WHERE d.tag IS NOT NULL
        )
        SELECT d.tag FROM distinct_tags d
        WHERE d.tag IS NOT NULL AND EXISTS (
            SELECT 1 FROM entry_tags t JOIN entries e ON e.id = t.entry_id
            WHERE t.tag = d.tag AND e.deleted_at IS NULL
        )
        """
    ).fetchall()
    return [str(r[0]) for r in rows]


# -- search ---------------------------------------------------------------------------------------

_SEARCH_FETCH = f"SELECT {_ITEM_COLUMNS.replace('e.', 't.')} FROM entries t"


def search_page(
    store: Store,
    query: Query,
    before: int | None,
    limit: int,
    shown: Sequence[str] = KINDS,
    tag: str | None = None,
) -> SearchPage:
    """Entries matching ``query`` below row id ``before``, newest first, of the kinds asked for
    and, when a tag is given, with that tag only (the registry's search for entries)."""
    filters = ""
    params: list[object] = []
    wanted = [k for k in KINDS if k in shown]
    if not wanted:
        return SearchPage([], None)
    if len(wanted) < len(KINDS):
        filters += f" AND t.kind IN ({', '.join('?' * len(wanted))})"
        params += wanted
    if tag:
        filters += " AND t.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)"
        params.append(tag)
    rows, resume = fts_page(
        store.conn, "entries_fts", query.fts, before, limit, _SEARCH_FETCH, filters, params
    )
    make = functools.partial(_search_item, terms=query.terms)
    return SearchPage(found_rows(rows, make, day=3, created_at=4), resume)


def _search_item(row: Sequence[Any], terms: tuple[str, ...]) -> TimelineItem:
    return _item_from_row(row, terms)


def search(store: Store, text: str, limit: int = 50) -> list[TimelineItem]:
    """Entries matching ``text``, newest first; each highlights the matched words when shown."""
    query = Query.parse(text)
    found: list[TimelineItem] = []
    before: int | None = None
    while query is not None and len(found) < limit:
        page = search_page(store, query, before, limit - len(found))
        found += [match.make() for match in page.found]
        if page.resume is None:
            break
        before = page.resume
    return found


# -- export and import: the registry's functions for journal entries ----------------------------

ENTRY_WHERE = QT_TRANSLATE_NOOP("Store", "Entry {number}")


def entry_to_data(entry: Entry) -> dict[str, Any]:
    """An entry in the JSON export (the shape of format version 1, unchanged)."""
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
        "pleasantness": entry.pleasantness,
    }


def entry_from_data(fields: Fields) -> Entry:
    """One entry of an export (version 1 or later), its shape checked; ``check_entry`` follows."""
    uid = fields.uid()
    kind = entry_kind(fields.choice("kind", KINDS, default="entry")) or "entry"  # checked: a kind
    created = fields.moment("created_at")
    senses = fields.nested("senses")
    tags = fields.texts("tags", limits.LINE, 10 * limits.TAGS)  # tidied and counted below
    try:
        tags = list(clean_tags(tags))
    except ValueError as e:
        raise fields.check(e) from None
    if kind == "impressions":
        # One note a line: a line break inside a note would make it two notes.
        notes = fields.texts("impressions", limits.LINE, IMPRESSION_COUNT)
        body = "\n".join(" ".join(note.splitlines()) for note in notes)
    else:
        body = fields.text("text", limits.TEXT)
    sketch = fields.get("sketch")
    if sketch is None:
        sketch_text = ""
    elif isinstance(sketch, str):
        sketch_text = sketch
    else:
        sketch_text = json.dumps(sketch, separators=(",", ":"))
    return Entry(
        uid=uid,
        kind=kind,
        day=fields.day(),
        created_at=created,
        updated_at=fields.moment("updated_at", default=created),
        deleted_at=fields.optional_moment("deleted_at"),
        feelings=fields.feelings(),
        body=body,
        tags=tuple(tags),
        sketch=sketch_text,
        pleasantness=fields.optional_number("pleasantness", -1.0, 1.0),
        **{key: senses.text(key, limits.LINE) for key in SENSE_KEYS},
    )


def entry_uid(entry: Entry) -> str:
    return entry.uid


def add_entry(conn: sqlite3.Connection, entry: Entry, links: Links) -> bool:
    """Write a checked entry the journal does not have yet (inside the caller's transaction)."""
    return insert_new_entry(conn, entry)


def add_new_entries(conn: sqlite3.Connection, entries: Sequence[Entry]) -> int:
    """Write the checked entries the journal does not have yet, many at once (an import)."""
    return len(insert_new_entries(conn, entries))


def entry_kept(entry: Entry) -> bool:
    return entry.deleted_at is None


def entry_when(entry: Entry) -> tuple[str, str]:
    return (entry.day, entry.created_at)


def entry_markdown(entry: Entry) -> list[str]:
    impressions = entry.kind == "impressions"
    title = (
        translate("Export", "Three impressions")
        if impressions
        else translate("Export", "What I noticed")
    )
    lines = [heading(title, entry.created_at), ""]
    if impressions:
        lines += [f"- {note}" for note in entry.impressions if note.strip()]
        lines.append("")
    for key, label in SENSES:
        value = getattr(entry, key)
        if value.strip():
            lines += [f"**{translate('Senses', label)}:** {value}", ""]
    if entry.feelings:
        label = translate("Export", "Feelings")
        lines += [f"**{label}:** {feelings_words(entry.feelings)}", ""]
    if not impressions and entry.body.strip():
        lines += [entry.body, ""]
    if entry.pleasantness is not None:
        felt = pleasantness_words(entry.pleasantness)
        lines += [translate("Export", "**Felt:** {words}").format(words=felt), ""]
    if entry.sketch:
        lines += [translate("Export", "*(a sketch is kept with this entry)*"), ""]
    if entry.tags:
        lines += [translate("Export", "Tags: {tags}").format(tags=", ".join(entry.tags)), ""]
    return lines


ENTRY_CSV_COLUMNS = (
    *SENSE_KEYS,
    "feelings",
    "text",
    "impressions",
    "tags",
    "has_sketch",
    "felt",
)


def entry_csv(entry: Entry) -> dict[str, str]:
    return {
        "id": entry.uid,
        "kind": entry.kind,
        "day": entry.day,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        **{key: getattr(entry, key) for key in SENSE_KEYS},
        "feelings": feelings_cell(entry.feelings),
        "text": entry.body if entry.kind == "entry" else "",
        "impressions": " | ".join(entry.impressions),
        "tags": "; ".join(entry.tags),
        "has_sketch": yes_no(bool(entry.sketch)),
        "felt": "" if entry.pleasantness is None else pleasantness_words(entry.pleasantness),
    }
