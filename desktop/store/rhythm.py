"""The daily rhythm's answers as stored: one per anchor and day, done, made smaller or let go.

A day without an answer has no row at all, so nothing can ever be counted as missed. The
anchors themselves are the person's settings; each answer keeps the anchor's name as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, newest_first
from desktop.store.items import TimelineItem, searched_by_text
from desktop.store.journal import new_uid
from desktop.store.portable import Fields, Links
from desktop.store.readable import heading
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "rhythm_answers"
KIND = "rhythm"
ANSWERS = ("done", "smaller", "let_go")
# How an answer reads in the timeline: every one of them is a full answer.
DESCRIPTIONS = {
    "done": QT_TRANSLATE_NOOP("Store", "{anchor}: done"),
    "smaller": QT_TRANSLATE_NOOP("Store", "{anchor}: a smaller version"),
    "let_go": QT_TRANSLATE_NOOP("Store", "{anchor}: let go for today"),
}

Cursor = tuple[str, str, int]


@dataclass(frozen=True)
class Answer:
    anchor_key: str
    anchor_name: str
    answer: str  # "done", "smaller" or "let_go"
    day: str = ""
    uid: str = field(default_factory=new_uid)
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    def describe(self) -> str:
        return translate("Store", DESCRIPTIONS[self.answer]).format(anchor=self.anchor_name)


def _check(answer: Answer) -> Answer:
    if answer.answer not in ANSWERS:
        raise ValueError(
            translate(
                "Store", "An anchor is done, made smaller, or let go, not \u201c{answer}\u201d."
            ).format(answer=answer.answer)
        )
    name = " ".join(answer.anchor_name.split())
    if not answer.anchor_key or len(answer.anchor_key) > limits.KEY:
        raise ValueError(translate("Store", "An answer needs the key of its anchor."))
    if not name or len(name) > limits.ANCHOR_NAME:
        raise ValueError(translate("Store", "An anchor needs a short name."))
    return Answer(
        anchor_key=answer.anchor_key,
        anchor_name=name,
        answer=answer.answer,
        day=answer.day,
        uid=answer.uid,
        created_at=answer.created_at,
        updated_at=answer.updated_at,
        deleted_at=answer.deleted_at,
    )


def answer_anchor(store: Store, anchor_key: str, anchor_name: str, answer: str) -> Answer:
    """Today's answer for an anchor; a second answer the same day takes the first one's place."""
    moment = stamp(store.wall)
    kept = _check(
        Answer(
            anchor_key=anchor_key,
            anchor_name=anchor_name,
            answer=answer,
            day=today(store.wall).isoformat(),
            created_at=moment,
            updated_at=moment,
        )
    )
    with store.transaction(TABLE) as conn:
        conn.execute(
            "INSERT INTO rhythm_answers (uid, day, created_at, updated_at, anchor_key, "
            "anchor_name, answer, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (day, anchor_key) DO UPDATE SET updated_at = excluded.updated_at, "
            "anchor_name = excluded.anchor_name, answer = excluded.answer, "
            "search_text = excluded.search_text, deleted_at = NULL",
            (
                kept.uid,
                kept.day,
                kept.created_at,
                kept.updated_at,
                kept.anchor_key,
                kept.anchor_name,
                kept.answer,
                kept.describe(),
            ),
        )
    found = answers_on(store, dt.date.fromisoformat(kept.day)).get(anchor_key)
    assert found is not None
    return found


_COLUMNS = "uid, day, created_at, updated_at, deleted_at, anchor_key, anchor_name, answer"


def _answer(row: Sequence[Any]) -> Answer:
    uid, day, created, updated, deleted, key, name, answer = row
    return Answer(
        uid=uid,
        day=day,
        created_at=created,
        updated_at=updated,
        deleted_at=deleted,
        anchor_key=key,
        anchor_name=name,
        answer=answer,
    )


def answers_on(store: Store, day: dt.date) -> dict[str, Answer]:
    """The day's answers by anchor key."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM rhythm_answers WHERE day = ? AND deleted_at IS NULL",
        (day.isoformat(),),
    ).fetchall()
    return {row[5]: _answer(row) for row in rows}


def days_came_back(store: Store, until: dt.date, limit: int = 7) -> list[dt.date]:
    """The latest days, up to ``until``, on which the person answered any anchor, newest first.

    Only days that have answers exist here: the rhythm shows the times the person came back,
    never the days in between.
    """
    rows = store.conn.execute(
        "SELECT DISTINCT day FROM rhythm_answers WHERE deleted_at IS NULL AND day <= ? "
        "ORDER BY day DESC LIMIT ?",
        (until.isoformat(), limit),
    ).fetchall()
    return [dt.date.fromisoformat(r[0]) for r in rows]


# -- the timeline and search ----------------------------------------------------------------------


def _item(row_id: int, answer: Answer, terms: tuple[str, ...] = ()) -> TimelineItem:
    return TimelineItem(
        kind=KIND,
        uid=answer.uid,
        day=answer.day,
        created_at=answer.created_at,
        row_id=row_id,
        texts=(answer.describe(),),
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
    return [_item(row[0], _answer(row[1:])) for row in rows]


search_answers = searched_by_text(
    TABLE, _COLUMNS, lambda row, terms: _item(row[0], _answer(row[1:]), terms)
)


# -- export and import (the registry's functions, desktop/store/kinds.py) ------------------------

ANSWER_WHERE = QT_TRANSLATE_NOOP("Store", "Rhythm answer {number}")
ANSWER_CSV_COLUMNS = ("anchor", "anchor_name", "answer")


def read_answers(conn: sqlite3.Connection) -> list[Answer]:
    """Every answer, trash included, oldest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM rhythm_answers ORDER BY id").fetchall()
    return [_answer(r) for r in rows]


def all_answers(store: Store) -> list[Answer]:
    return read_answers(store.conn)


def check_answer(answer: Answer) -> None:
    _check(answer)


def answer_uid(answer: Answer) -> str:
    return answer.uid


def answer_to_data(answer: Answer) -> dict[str, Any]:
    return {
        "id": answer.uid,
        "day": answer.day,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "deleted_at": answer.deleted_at,
        "anchor": answer.anchor_key,
        "anchor_name": answer.anchor_name,
        "answer": answer.answer,
    }


def answer_from_data(fields: Fields) -> Answer:
    created = fields.moment("created_at")
    return Answer(
        uid=fields.uid(),
        day=fields.day(),
        created_at=created,
        updated_at=fields.moment("updated_at", default=created),
        deleted_at=fields.optional_moment("deleted_at"),
        anchor_key=fields.text("anchor", limits.KEY),
        anchor_name=fields.text("anchor_name", limits.ANCHOR_NAME),
        answer=fields.choice("answer", ANSWERS),
    )


def add_answer(conn: sqlite3.Connection, answer: Answer, links: Links) -> bool:
    """Write an imported answer; False when that day's anchor has an answer here already
    (the person's own answer of that day stays as it is)."""
    cursor = conn.execute(
        "INSERT INTO rhythm_answers (uid, day, created_at, updated_at, deleted_at, "
        "anchor_key, anchor_name, answer, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (
            answer.uid,
            answer.day,
            answer.created_at,
            answer.updated_at or answer.created_at,
            answer.deleted_at,
            answer.anchor_key,
            " ".join(answer.anchor_name.split()),
            answer.answer,
            answer.describe(),
        ),
    )
    return cursor.rowcount > 0


def answer_held(conn: sqlite3.Connection, answer: Answer) -> bool:
    """Whether that day's anchor has an answer here already, which ``add_answer`` keeps."""
    row = conn.execute(
        "SELECT 1 FROM rhythm_answers WHERE day = ? AND anchor_key = ?",
        (answer.day, answer.anchor_key),
    )
    return row.fetchone() is not None


def answer_kept(answer: Answer) -> bool:
    return answer.deleted_at is None


def answer_when(answer: Answer) -> tuple[str, str]:
    return (answer.day, answer.created_at)


def answer_markdown(answer: Answer) -> list[str]:
    return [heading(translate("Export", "Your day"), answer.created_at), "", answer.describe(), ""]


def answer_csv(answer: Answer) -> dict[str, str]:
    return {
        "id": answer.uid,
        "kind": KIND,
        "day": answer.day,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "anchor": answer.anchor_key,
        "anchor_name": answer.anchor_name,
        "answer": answer.answer,
    }
