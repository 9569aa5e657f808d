"""Invitations the person took up (a mindful walk, something warm to hold, a song...) and what
they ended in. "Not today" is a full answer and leaves nothing behind to count.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import fields
from desktop.store.database import Store, fts_ranked, newest_first
from desktop.store.journal import Query, TimelineItem, new_uid
from desktop.texts import translate

TABLE = "invitations"
KIND = "invitation"
ENDINGS = ("", "impressions", "glimmer")
MAX_MINUTES = 120.0

Cursor = tuple[str, str, int]


@dataclass(frozen=True)
class TakenInvitation:
    invitation: str  # the card's key, such as "walk"
    title: str  # the card's title as it was shown
    minutes: float | None = None  # how long a timer ran, if one did
    ended_in: str = ""  # "", "impressions" or "glimmer"
    ending_uid: str | None = None  # the impressions entry or the glimmer it ended in
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""
    deleted_at: str | None = None

    def describe(self) -> str:
        text = self.title
        if self.minutes:
            minutes = round(self.minutes)  # outside the call: lupdate skips nested calls
            text = translate("Store", "{title}, %n minute(s)", None, minutes).format(title=text)
        if self.ended_in == "impressions":
            text = translate("Store", "{text}, ending in three impressions").format(text=text)
        elif self.ended_in == "glimmer":
            text = translate("Store", "{text}, ending in a glimmer").format(text=text)
        return text


def _check(taken: TakenInvitation) -> TakenInvitation:
    if not taken.invitation or not taken.title.strip():
        raise ValueError(translate("Store", "An invitation needs its name."))
    if taken.ended_in not in ENDINGS:
        raise ValueError(
            translate("Store", "An invitation ends in three impressions or a glimmer.")
        )
    if taken.minutes is not None and not 0 <= taken.minutes <= MAX_MINUTES:
        raise ValueError(translate("Store", "An invitation's timer runs up to 120 minutes."))
    return taken


def keep_invitation(store: Store, taken: TakenInvitation) -> TakenInvitation:
    kept = _check(
        TakenInvitation(
            invitation=taken.invitation,
            title=taken.title,
            minutes=taken.minutes,
            ended_in=taken.ended_in,
            ending_uid=taken.ending_uid,
            uid=taken.uid,
            day=taken.day or today(store.wall).isoformat(),
            created_at=taken.created_at or stamp(store.wall),
        )
    )
    with store.transaction(TABLE) as conn:
        write_invitation(conn, kept)
    return kept


def write_invitation(conn: sqlite3.Connection, taken: TakenInvitation) -> None:
    conn.execute(
        "INSERT INTO invitations (uid, day, created_at, deleted_at, invitation, title, minutes, "
        "ended_in, ending_uid, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            taken.uid,
            taken.day,
            taken.created_at,
            taken.deleted_at,
            taken.invitation,
            taken.title,
            taken.minutes,
            taken.ended_in,
            taken.ending_uid,
            taken.describe(),
        ),
    )


_COLUMNS = "uid, day, created_at, deleted_at, invitation, title, minutes, ended_in, ending_uid"


def _taken(row: Sequence[Any]) -> TakenInvitation:
    uid, day, created, deleted, invitation, title, minutes, ended_in, ending_uid = row
    return TakenInvitation(
        uid=uid,
        day=day,
        created_at=created,
        deleted_at=deleted,
        invitation=invitation,
        title=title,
        minutes=minutes,
        ended_in=ended_in,
        ending_uid=ending_uid,
    )


def recent_invitations(store: Store, limit: int = 20) -> list[TakenInvitation]:
    rows = newest_first(store.conn, TABLE, _COLUMNS, None, limit)
    return [_taken(row[1:]) for row in rows]


def _item(row_id: int, taken: TakenInvitation, terms: tuple[str, ...] = ()) -> TimelineItem:
    return TimelineItem(
        kind=KIND,
        uid=taken.uid,
        day=taken.day,
        created_at=taken.created_at,
        row_id=row_id,
        texts=(taken.describe(),),
        search_terms=terms,
    )


def timeline_rows(conn: sqlite3.Connection, after: Cursor | None, limit: int) -> list[TimelineItem]:
    rows = newest_first(conn, TABLE, _COLUMNS, after, limit)
    return [_item(row[0], _taken(row[1:])) for row in rows]


def search_invitations(
    store: Store, text: str | Query, limit: int = 50
) -> list[tuple[float, TimelineItem]]:
    query = Query.of(text)
    if query is None:
        return []
    rows = fts_ranked(store.conn, TABLE, _COLUMNS, query.fts, limit)
    return [(row[-1], _item(row[0], _taken(row[1:-1]), query.terms)) for row in rows]


# -- export and import ----------------------------------------------------------------------------


def all_invitations(store: Store) -> list[TakenInvitation]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM invitations ORDER BY id").fetchall()
    return [_taken(r) for r in rows]


def to_data(taken: TakenInvitation) -> dict[str, Any]:
    return {
        "id": taken.uid,
        "day": taken.day,
        "created_at": taken.created_at,
        "deleted_at": taken.deleted_at,
        "invitation": taken.invitation,
        "title": taken.title,
        "minutes": taken.minutes,
        "ended_in": taken.ended_in or None,
        "ending_id": taken.ending_uid,
    }


def from_data(raw: Any, where: str) -> TakenInvitation:
    data = fields.record(raw, where)
    created = fields.stamp(data, "created_at", where)
    assert created is not None
    taken = TakenInvitation(
        uid=fields.uid(data, where),
        day=fields.day(data, where),
        created_at=created,
        deleted_at=fields.stamp(data, "deleted_at", where, required=False),
        invitation=fields.text(data, "invitation", where, max_length=100),
        title=fields.text(data, "title", where, max_length=200),
        minutes=fields.number(data, "minutes", where, 0, MAX_MINUTES),
        ended_in=fields.choice(data, "ended_in", where, ENDINGS),
        ending_uid=fields.text(data, "ending_id", where, max_length=fields.MAX_UID_LENGTH) or None,
    )
    try:
        return _check(taken)
    except ValueError as e:
        raise fields.RecordProblem(f"{where}: {e}") from None


def import_invitations(conn: sqlite3.Connection, records: Iterable[TakenInvitation]) -> int:
    added = 0
    for taken in records:
        if conn.execute("SELECT 1 FROM invitations WHERE uid = ?", (taken.uid,)).fetchone():
            continue
        write_invitation(conn, taken)
        added += 1
    return added
