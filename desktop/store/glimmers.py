"""Glimmers as stored: small moments kept in a few words, with a sense and a place in the body
if the person gave them. Their own kind of record: in the timeline, search, export and import.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, newest_first
from desktop.store.items import TimelineItem, searched_by_text
from desktop.store.journal import SENSE_KEYS, SENSES, new_uid
from desktop.store.portable import Fields, Links
from desktop.store.readable import heading
from desktop.store.records import REGION_LABELS
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "glimmers"
KIND = "glimmer"
MAX_TEXT_LENGTH = limits.GLIMMER
SENSE_LABELS = dict(SENSES)

Cursor = tuple[str, str, int]


@dataclass(frozen=True)
class Glimmer:
    text: str
    sense: str = ""  # one of the journal's senses (SENSE_KEYS), or ""
    region: str = ""  # a region of the body map (REGION_LABELS), or ""
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    def where(self) -> str:
        """ "Touch and temperature · Hands": the sense and the place, in the person's language."""
        parts = []
        if self.sense in SENSE_LABELS:
            parts.append(translate("Senses", SENSE_LABELS[self.sense]))
        if self.region in REGION_LABELS:
            parts.append(translate("Body", REGION_LABELS[self.region]))
        return " · ".join(parts)


def clean_text(text: str) -> str:
    """The words as kept: spaces tidied; refused when empty or longer than a few words."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError(
            translate("Store", "A few words are enough, even one: what was the small thing?")
        )
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise ValueError(
            translate(
                "Store",
                "A glimmer is a few words, up to {length} characters. "
                "A longer note fits the journal.",
            ).format(length=MAX_TEXT_LENGTH)
        )
    return cleaned


def _check(glimmer: Glimmer) -> Glimmer:
    if glimmer.sense and glimmer.sense not in SENSE_LABELS:
        raise ValueError(
            translate("Store", "\u201c{sense}\u201d is not one of the senses.").format(
                sense=glimmer.sense
            )
        )
    if glimmer.region and glimmer.region not in REGION_LABELS:
        raise ValueError(
            translate("Store", "\u201c{region}\u201d is not a place on the body map.").format(
                region=glimmer.region
            )
        )
    return dataclasses.replace(glimmer, text=clean_text(glimmer.text))


def _search_text(glimmer: Glimmer) -> str:
    # The words, and the sense and the place in English and in the person's language.
    english = [SENSE_LABELS.get(glimmer.sense, ""), REGION_LABELS.get(glimmer.region, "")]
    return " ".join(p for p in (glimmer.text, glimmer.where(), *english) if p)


def keep_glimmer(store: Store, text: str, sense: str = "", region: str = "") -> Glimmer:
    """Keep a glimmer now, dated today. Durable when it returns; raises ValueError on bad input."""
    moment = stamp(store.wall)
    glimmer = _check(
        Glimmer(
            text=text,
            sense=sense,
            region=region,
            day=today(store.wall).isoformat(),
            created_at=moment,
            updated_at=moment,
        )
    )
    with store.transaction(TABLE) as conn:
        write_glimmer(conn, glimmer)
    return glimmer


def write_glimmer(conn: sqlite3.Connection, glimmer: Glimmer) -> None:
    """Insert one glimmer inside the caller's transaction."""
    conn.execute(
        "INSERT INTO glimmers (uid, day, created_at, updated_at, deleted_at, text, sense, region, "
        "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            glimmer.uid,
            glimmer.day,
            glimmer.created_at,
            glimmer.updated_at or glimmer.created_at,
            glimmer.deleted_at,
            glimmer.text,
            glimmer.sense,
            glimmer.region,
            _search_text(glimmer),
        ),
    )


_COLUMNS = "uid, day, created_at, updated_at, deleted_at, text, sense, region"


def _glimmer(row: Sequence[Any]) -> Glimmer:
    uid, day, created, updated, deleted, text, sense, region = row
    return Glimmer(
        uid=uid,
        day=day,
        created_at=created,
        updated_at=updated,
        deleted_at=deleted,
        text=text,
        sense=sense,
        region=region,
    )


def get_glimmer(store: Store, uid: str) -> Glimmer | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM glimmers WHERE uid = ?", (uid,)).fetchone()
    return _glimmer(row) if row else None


@dataclass(frozen=True)
class Page:
    glimmers: list[Glimmer]
    cursor: Cursor | None  # where the next page starts; None when there is no more


def glimmers_page(store: Store, after: Cursor | None = None, limit: int = 50) -> Page:
    """The collection newest first, ``limit`` at a time (keyset paging)."""
    rows = newest_first(store.conn, TABLE, _COLUMNS, after, limit)
    found = [_glimmer(row[1:]) for row in rows]
    cursor = (found[-1].day, found[-1].created_at, rows[-1][0]) if len(rows) == limit else None
    return Page(found, cursor)


def count_before(store: Store, day: str) -> int:
    """How many glimmers there are from before ``day`` (for offering one from the past)."""
    return int(
        store.conn.execute(
            "SELECT COUNT(*) FROM glimmers WHERE deleted_at IS NULL AND day < ?", (day,)
        ).fetchone()[0]
    )


def nth_before(store: Store, day: str, index: int) -> Glimmer | None:
    """The ``index``-th glimmer (0 the oldest) from before ``day``."""
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM glimmers WHERE deleted_at IS NULL AND day < ? "
        "ORDER BY day, created_at, id LIMIT 1 OFFSET ?",
        (day, index),
    ).fetchone()
    return _glimmer(row) if row else None


def trash_glimmer(store: Store, uid: str) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("UPDATE glimmers SET deleted_at = ? WHERE uid = ?", (stamp(store.wall), uid))


def restore_glimmer(store: Store, uid: str) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("UPDATE glimmers SET deleted_at = NULL WHERE uid = ?", (uid,))


# -- the timeline and search ----------------------------------------------------------------------


def _item(row_id: int, glimmer: Glimmer, terms: tuple[str, ...] = ()) -> TimelineItem:
    return TimelineItem(
        kind=KIND,
        uid=glimmer.uid,
        day=glimmer.day,
        created_at=glimmer.created_at,
        row_id=row_id,
        texts=(glimmer.text, glimmer.where()),
        search_terms=terms,
    )


def timeline_page(
    store: Store,
    after: Cursor | None,
    limit: int,
    shown: Sequence[str] = (KIND,),
    tag: str | None = None,
) -> list[TimelineItem]:
    """As timeline items, newest first, after the cursor (they have no tags)."""
    rows = newest_first(store.conn, TABLE, _COLUMNS, after, limit)
    return [_item(row[0], _glimmer(row[1:])) for row in rows]


search_glimmers = searched_by_text(
    TABLE, _COLUMNS, lambda row, terms: _item(row[0], _glimmer(row[1:]), terms)
)


# -- export and import (the registry's functions, desktop/store/kinds.py) ------------------------

GLIMMER_WHERE = QT_TRANSLATE_NOOP("Store", "Glimmer {number}")
GLIMMER_CSV_COLUMNS = ("text", "sense", "body_region")


def read_glimmers(conn: sqlite3.Connection) -> list[Glimmer]:
    """Every glimmer, trash included, oldest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM glimmers ORDER BY id").fetchall()
    return [_glimmer(r) for r in rows]


def all_glimmers(store: Store) -> list[Glimmer]:
    return read_glimmers(store.conn)


def check_glimmer(glimmer: Glimmer) -> None:
    """Refuse a glimmer the store does not keep (ValueError, in words a person can act on)."""
    _check(glimmer)


def glimmer_uid(glimmer: Glimmer) -> str:
    return glimmer.uid


def glimmer_to_data(glimmer: Glimmer) -> dict[str, Any]:
    return {
        "id": glimmer.uid,
        "day": glimmer.day,
        "created_at": glimmer.created_at,
        "updated_at": glimmer.updated_at,
        "deleted_at": glimmer.deleted_at,
        "text": glimmer.text,
        "sense": glimmer.sense or None,
        "body_region": glimmer.region or None,
    }


def _optional_choice(fields: Fields, name: str, choices: tuple[str, ...]) -> str:
    return "" if fields.get(name) in (None, "") else fields.choice(name, choices)


def glimmer_from_data(fields: Fields) -> Glimmer:
    created = fields.moment("created_at")
    return Glimmer(
        uid=fields.uid(),
        day=fields.day(),
        created_at=created,
        updated_at=fields.moment("updated_at", default=created),
        deleted_at=fields.optional_moment("deleted_at"),
        text=fields.text("text", limits.GLIMMER),
        sense=_optional_choice(fields, "sense", SENSE_KEYS),
        region=_optional_choice(fields, "body_region", tuple(REGION_LABELS)),
    )


def add_glimmer(conn: sqlite3.Connection, glimmer: Glimmer, links: Links) -> bool:
    write_glimmer(conn, glimmer)
    return True


def glimmer_kept(glimmer: Glimmer) -> bool:
    return glimmer.deleted_at is None


def glimmer_when(glimmer: Glimmer) -> tuple[str, str]:
    return (glimmer.day, glimmer.created_at)


def glimmer_markdown(glimmer: Glimmer) -> list[str]:
    lines = [heading(translate("Export", "Glimmer"), glimmer.created_at), "", glimmer.text, ""]
    where = glimmer.where()
    if where:
        lines += [f"*{where}*", ""]
    return lines


def glimmer_csv(glimmer: Glimmer) -> dict[str, str]:
    return {
        "id": glimmer.uid,
        "kind": KIND,
        "day": glimmer.day,
        "created_at": glimmer.created_at,
        "updated_at": glimmer.updated_at,
        "text": glimmer.text,
        "sense": glimmer.sense,
        "body_region": glimmer.region,
    }
