"""Invitations the person took up (a mindful walk, something warm to hold, a song...) and what
they ended in. "Not today" is a full answer and leaves nothing behind to count.
"""

from __future__ import annotations

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
from desktop.store.readable import heading, number_cell
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "invitations"
KIND = "invitation"
ENDINGS = ("", "impressions", "glimmer")

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
    if (
        not taken.invitation
        or len(taken.invitation) > limits.KEY
        or not taken.title.strip()
        or len(taken.title) > limits.INVITATION_TITLE
    ):
        raise ValueError(translate("Store", "An invitation needs its name."))
    if taken.ended_in not in ENDINGS:
        raise ValueError(
            translate("Store", "An invitation ends in three impressions or a glimmer.")
        )
    if taken.minutes is not None and not 0 <= taken.minutes <= limits.INVITATION_MINUTES:
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


def timeline_page(
    store: Store,
    after: Cursor | None,
    limit: int,
    shown: Sequence[str] = (KIND,),
    tag: str | None = None,
) -> list[TimelineItem]:
    """As timeline items, newest first, after the cursor (they have no tags)."""
    rows = newest_first(store.conn, TABLE, _COLUMNS, after, limit)
    return [_item(row[0], _taken(row[1:])) for row in rows]


search_invitations = searched_by_text(
    TABLE, _COLUMNS, lambda row, terms: _item(row[0], _taken(row[1:]), terms)
)


# -- export and import (the registry's functions, desktop/store/kinds.py) ------------------------

INVITATION_WHERE = QT_TRANSLATE_NOOP("Store", "Invitation {number}")
INVITATION_CSV_COLUMNS = ("invitation", "title", "minutes", "ended_in", "ending_id")


def read_invitations(conn: sqlite3.Connection) -> list[TakenInvitation]:
    """Every invitation taken, trash included, oldest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM invitations ORDER BY id").fetchall()
    return [_taken(r) for r in rows]


def all_invitations(store: Store) -> list[TakenInvitation]:
    return read_invitations(store.conn)


def check_invitation(taken: TakenInvitation) -> None:
    _check(taken)


def invitation_uid(taken: TakenInvitation) -> str:
    return taken.uid


def invitation_to_data(taken: TakenInvitation) -> dict[str, Any]:
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


def invitation_from_data(fields: Fields) -> TakenInvitation:
    return TakenInvitation(
        uid=fields.uid(),
        day=fields.day(),
        created_at=fields.moment("created_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        invitation=fields.text("invitation", limits.KEY),
        title=fields.text("title", limits.INVITATION_TITLE),
        minutes=fields.optional_number("minutes", 0, limits.INVITATION_MINUTES),
        ended_in="" if fields.get("ended_in") is None else fields.choice("ended_in", ENDINGS),
        ending_uid=fields.optional_text("ending_id", limits.UID),
    )


def add_invitation(conn: sqlite3.Connection, taken: TakenInvitation, links: Links) -> bool:
    write_invitation(conn, taken)
    return True


def invitation_kept(taken: TakenInvitation) -> bool:
    return taken.deleted_at is None


def invitation_when(taken: TakenInvitation) -> tuple[str, str]:
    return (taken.day, taken.created_at)


def invitation_markdown(taken: TakenInvitation) -> list[str]:
    return [heading(translate("Export", "Invitation"), taken.created_at), "", taken.describe(), ""]


def invitation_csv(taken: TakenInvitation) -> dict[str, str]:
    return {
        "id": taken.uid,
        "kind": KIND,
        "day": taken.day,
        "created_at": taken.created_at,
        "invitation": taken.invitation,
        "title": taken.title,
        "minutes": number_cell(taken.minutes),
        "ended_in": taken.ended_in,
        "ending_id": taken.ending_uid or "",
    }
