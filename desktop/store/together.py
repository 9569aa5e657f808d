"""Practices done together, as stored: a listening pair, a circle, touch with consent. No Qt.

What people say or choose together belongs to them: a record keeps only its kind, its length,
its rounds and how many took part, unless everyone chose to keep the words as well. The
timeline, search and the JSON export read these rows as their own kind of item.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, fts_page
from desktop.store.items import Query, SearchPage, TimelineItem, found_rows
from desktop.store.journal import new_uid
from desktop.store.portable import Fields, Links
from desktop.store.readable import heading, number_cell
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "together_sessions"
PAIR, CIRCLE, TOUCH = "listening_pair", "circle", "touch"
KINDS = (PAIR, CIRCLE, TOUCH)
PEOPLE = {PAIR: (2, 2), CIRCLE: (3, 8), TOUCH: (2, 2)}
MAX_ROUNDS = limits.TOGETHER_ROUNDS
MAX_SECONDS = limits.TOGETHER_SECONDS
MAX_WORD_LENGTH = limits.TOGETHER_WORD
MIN_SECONDS_KEPT = 10.0  # a practice left within a few seconds was not a practice yet

# A kept record's words: names, one word each, the prompts spoken about, answers. Plain values
# only, so an export file can never smuggle anything else in.
Value = str | int | None
Words = Mapping[str, "Value | Sequence[Value]"]
WordsOrNone = Mapping[str, "Value | Sequence[Value]"] | None


@dataclass(frozen=True)
class TogetherRecord:
    kind: str
    seconds: float
    rounds: int
    people: int
    words: Words | None = None  # only where everyone chose "Keep this"
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""
    deleted_at: str | None = None

    @property
    def kept(self) -> bool:
        return self.words is not None


def check_words(raw: object) -> dict[str, Value | list[Value]]:
    """The words of a record as plain data, or ValueError saying what is wrong with them."""
    if not isinstance(raw, Mapping):
        raise ValueError(translate("Store", "The kept words should be a set of named values."))
    clean: dict[str, Value | list[Value]] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not key or len(key) > 40:
            raise ValueError(translate("Store", "Each kept value needs a short name."))
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            ok = item is None or (isinstance(item, (str, int)) and not isinstance(item, bool))
            if not ok:
                message = translate("Store", "\u201c{key}\u201d should be words or small numbers.")
                raise ValueError(message.format(key=key))
            if isinstance(item, str) and len(item) > MAX_WORD_LENGTH:
                raise ValueError(
                    translate("Store", "\u201c{key}\u201d is longer than Glimmers keeps.").format(
                        key=key
                    )
                )
            if isinstance(item, int) and abs(item) > 1000:
                raise ValueError(
                    translate("Store", "\u201c{key}\u201d has a number out of range.").format(
                        key=key
                    )
                )
        if len(items) > limits.TOGETHER_VALUES:
            raise ValueError(
                translate("Store", "\u201c{key}\u201d has more values than Glimmers keeps.").format(
                    key=key
                )
            )
        clean[key] = list(items) if isinstance(value, (list, tuple)) else value
    return clean


def check_record(record: TogetherRecord) -> TogetherRecord:
    """The record if it can be kept, else ValueError with a plain reason."""
    if record.kind not in KINDS:
        raise ValueError(
            translate("Store", "Unknown kind of practice together: {kind}.").format(
                kind=record.kind
            )
        )
    if not (math.isfinite(record.seconds) and 0 <= record.seconds <= MAX_SECONDS):
        raise ValueError(translate("Store", "The length of a practice is a number of seconds."))
    if not 0 <= record.rounds <= MAX_ROUNDS:
        raise ValueError(translate("Store", "The rounds of a practice are a small number."))
    low, high = PEOPLE[record.kind]
    if not low <= record.people <= high:
        raise ValueError(
            translate("Store", "This practice is for {low} to {high} people.").format(
                low=low, high=high
            )
        )
    words = None if record.words is None else check_words(record.words)
    return replace(record, words=words)


# -- what the timeline says ------------------------------------------------------------------


def _length(seconds: float) -> str:
    if seconds >= 60:
        minutes = round(seconds / 60)  # a plain name: lupdate skips a count that is a call
        return translate("Store", "%n min", None, minutes)
    return translate("Store", "{seconds} s").format(seconds=f"{seconds:.0f}")


def describe(record: TogetherRecord) -> str:
    """The line every record has, kept words or not: "Circle, 5 people, 3 rounds"."""
    count = record.rounds
    rounds = translate("Store", "%n round(s)", None, count)
    if record.kind == PAIR:
        if record.rounds:
            return translate("Store", "You practised listening together, {rounds}").format(
                rounds=rounds
            )
        return translate("Store", "You practised listening together")
    if record.kind == CIRCLE:
        number = record.people
        people = translate("Store", "%n (person|people)", None, number)
        if record.rounds:
            return translate("Store", "Circle, {people}, {rounds}").format(
                people=people, rounds=rounds
            )
        return translate("Store", "Circle, {people}").format(people=people)
    return translate("Store", "Time together with consent, {length}").format(
        length=_length(record.seconds)
    )


def _texts(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(item).strip() for item in items if isinstance(item, str) and item.strip()]


def describe_words(record: TogetherRecord) -> str:
    """What was kept, in a line: names with their words, the prompts, the answers."""
    words = record.words
    if not words:
        return ""
    parts: list[str] = []
    names = words.get("names")
    names_list = names if isinstance(names, list) else []
    said = words.get("words")
    if isinstance(said, list):
        for number, word in enumerate(said):
            if not isinstance(word, str) or not word.strip():
                continue
            name = names_list[number] if number < len(names_list) else None
            if isinstance(name, str) and name.strip():
                parts.append(
                    translate("Store", "{name}: {word}").format(name=name.strip(), word=word)
                )
            else:
                parts.append(word.strip())
    else:
        parts += _texts(said)
        if record.kind == CIRCLE and _texts(names):
            parts.append(", ".join(_texts(names)))
    for key in ("contact", "anchor", "topics", "answers"):
        parts += _texts(words.get(key))
    if record.kind != CIRCLE and not isinstance(said, list) and _texts(names):
        parts.append(", ".join(_texts(names)))
    return " \u00b7 ".join(parts)


def _search_text(record: TogetherRecord) -> str:
    return " \n".join(t for t in (describe(record), describe_words(record)) if t)


# -- writing and reading -----------------------------------------------------------------------

_COLUMNS = "uid, kind, day, created_at, seconds, rounds, people, kept, words, deleted_at"


def write_record(conn: sqlite3.Connection, record: TogetherRecord) -> None:
    """Insert one checked, dated record inside the caller's transaction."""
    conn.execute(
        f"INSERT INTO together_sessions ({_COLUMNS}, search_text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.uid,
            record.kind,
            record.day,
            record.created_at,
            record.seconds,
            record.rounds,
            record.people,
            int(record.kept),
            json.dumps(record.words if record.words is not None else {}, ensure_ascii=False),
            record.deleted_at,
            _search_text(record),
        ),
    )


def save_record(store: Store, record: TogetherRecord) -> TogetherRecord:
    """Keep a finished practice. Durable when it returns."""
    record = check_record(record)
    record = replace(
        record,
        day=record.day or today(store.wall).isoformat(),
        created_at=record.created_at or stamp(store.wall),
    )
    with store.transaction(TABLE) as conn:
        write_record(conn, record)
    return record


def _record_from_row(row: Sequence[Any]) -> TogetherRecord:
    uid, kind, day, created, seconds, rounds, people, kept, words, deleted = row
    parsed: Words | None = None
    if kept:
        try:
            parsed = check_words(json.loads(words or "{}"))
        except ValueError:
            parsed = {}
    return TogetherRecord(
        uid=str(uid),
        kind=str(kind),
        day=str(day),
        created_at=str(created),
        seconds=float(seconds),
        rounds=int(rounds),
        people=int(people),
        words=parsed,
        deleted_at=None if deleted is None else str(deleted),
    )


def get_record(store: Store, uid: str) -> TogetherRecord | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM together_sessions WHERE uid = ?", (uid,)
    ).fetchone()
    return _record_from_row(row) if row else None


def recent_records(store: Store, limit: int = 10) -> list[TogetherRecord]:
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM together_sessions WHERE deleted_at IS NULL "
        "ORDER BY day DESC, created_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [_record_from_row(r) for r in rows]


def all_records(store: Store) -> list[TogetherRecord]:
    """Every record, trash included, oldest first (for export)."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM together_sessions ORDER BY id").fetchall()
    return [_record_from_row(r) for r in rows]


def count_records(store: Store) -> int:
    return int(
        store.conn.execute(
            "SELECT COUNT(*) FROM together_sessions WHERE deleted_at IS NULL"
        ).fetchone()[0]
    )


# -- the timeline and search -------------------------------------------------------------------


def _item(row_id: int, record: TogetherRecord, terms: tuple[str, ...] = ()) -> TimelineItem:
    return TimelineItem(
        kind=record.kind,
        uid=record.uid,
        day=record.day,
        created_at=record.created_at,
        row_id=row_id,
        texts=(describe(record), describe_words(record)),
        search_terms=terms,
    )


def timeline_rows(
    conn: sqlite3.Connection,
    after: tuple[str, str, int] | None,
    limit: int,
    kinds: Sequence[str] = KINDS,
) -> list[TimelineItem]:
    """Practices together as timeline items, newest first, after the given cursor."""
    wanted = [k for k in kinds if k in KINDS]
    if not wanted:
        return []
    where = f"deleted_at IS NULL AND kind IN ({', '.join('?' * len(wanted))})"
    params: list[Any] = list(wanted)
    if after is not None:
        where += " AND (day, created_at, id) < (?, ?, ?)"
        params += list(after)
    rows = conn.execute(
        f"SELECT id, {_COLUMNS} FROM {TABLE} WHERE {where} "
        "ORDER BY day DESC, created_at DESC, id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [_item(row[0], _record_from_row(row[1:])) for row in rows]


def timeline_page(
    store: Store,
    after: tuple[str, str, int] | None,
    limit: int,
    shown: Sequence[str] = KINDS,
    tag: str | None = None,
) -> list[TimelineItem]:
    """The registry's timeline source (no tags here: the pager never asks with one)."""
    return timeline_rows(store.conn, after, limit, shown)


_SEARCH_FETCH = (
    f"SELECT t.id, {', '.join('t.' + c.strip() for c in _COLUMNS.split(','))} FROM {TABLE} t"
)


def search_records(
    store: Store,
    query: Query,
    before: int | None,
    limit: int,
    shown: Sequence[str] = KINDS,
    tag: str | None = None,
) -> SearchPage:
    """The registry's search: practices together that match, below row id ``before``, newest
    first, of the kinds asked for."""
    wanted = [k for k in KINDS if k in shown]
    if not wanted:
        return SearchPage([], None)
    filters, params = "", list[object]()
    if len(wanted) < len(KINDS):
        filters = f" AND t.kind IN ({', '.join('?' * len(wanted))})"
        params += wanted
    rows, resume = fts_page(
        store.conn, f"{TABLE}_fts", query.fts, before, limit, _SEARCH_FETCH, filters, params
    )
    terms = query.terms
    found = found_rows(rows, lambda row: _item(row[0], _record_from_row(row[1:]), terms), 3, 4)
    return SearchPage(found, resume)


# -- export and import: the registry's functions (desktop/store/kinds.py) -------------------

WHERE = QT_TRANSLATE_NOOP("Store", "Practice together {number}")
CSV_COLUMNS = ("practice", "seconds", "rounds", "people", "words")


def read_records(conn: sqlite3.Connection) -> list[TogetherRecord]:
    """Every record, trash included, oldest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY id").fetchall()
    return [_record_from_row(r) for r in rows]


def record_uid(record: TogetherRecord) -> str:
    return record.uid


def record_to_data(record: TogetherRecord) -> dict[str, Any]:
    """A record in the shape it has in a JSON export: the words only where they were kept."""
    return {
        "id": record.uid,
        "kind": record.kind,
        "day": record.day,
        "created_at": record.created_at,
        "deleted_at": record.deleted_at,
        "seconds": record.seconds,
        "rounds": record.rounds,
        "people": record.people,
        "words": None if record.words is None else dict(record.words),
    }


def record_from_data(fields: Fields) -> TogetherRecord:
    """One record of an export file, every field and limit checked (RecordProblem)."""
    raw_words = fields.get("words")
    try:
        words = None if raw_words is None else check_words(raw_words)
    except ValueError as e:
        raise fields.check(e) from None
    record = TogetherRecord(
        uid=fields.uid(),
        kind=fields.choice("kind", KINDS),
        day=fields.day(),
        created_at=fields.moment("created_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        seconds=float(fields.number("seconds", 0, MAX_SECONDS)),
        rounds=fields.whole("rounds", 0, MAX_ROUNDS),
        people=fields.whole("people", 2, 8),
        words=words,
    )
    try:
        return check_record(record)
    except ValueError as e:
        raise fields.check(e) from None


def check_for_store(record: TogetherRecord) -> None:
    """The store's own check, as the registry asks it (ValueError with a plain reason)."""
    check_record(record)


def add_record(conn: sqlite3.Connection, record: TogetherRecord, links: Links) -> bool:
    write_record(conn, check_record(record))
    return True


def record_kept(record: TogetherRecord) -> bool:
    return record.deleted_at is None


def record_when(record: TogetherRecord) -> tuple[str, str]:
    return (record.day, record.created_at)


def record_markdown(record: TogetherRecord) -> list[str]:
    lines = [heading(translate("Export", "Together"), record.created_at), ""]
    lines += [describe(record) + ".", ""]
    words = describe_words(record)
    if words:
        lines += [words, ""]
    return lines


def record_csv(record: TogetherRecord) -> dict[str, str]:
    return {
        "id": record.uid,
        "kind": record.kind,
        "day": record.day,
        "created_at": record.created_at,
        "practice": describe(record),
        "seconds": number_cell(record.seconds),
        "rounds": number_cell(record.rounds),
        "people": number_cell(record.people),
        "words": describe_words(record),
    }


def trash_record(store: Store, uid: str) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute(
            "UPDATE together_sessions SET deleted_at = ? WHERE uid = ?", (stamp(store.wall), uid)
        )
