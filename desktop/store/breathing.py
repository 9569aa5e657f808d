"""Breathing sessions and the person's own patterns, as stored. No Qt, no pacer imports.

The breathe feature hands over plain values; the journal's timeline reads sessions from here
as their own kind of item.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store.database import Store, newest_first
from desktop.store.journal import TimelineItem, new_uid
from desktop.store.records import Feeling, feelings_from_json, feelings_to_json
from desktop.texts import translate

SESSIONS = "breath_sessions"
PATTERNS = "breath_patterns"


@dataclass(frozen=True)
class StoredSession:
    pattern_name: str
    pattern: dict[str, Any]  # the pattern's numbers as used: inhale, hold_in, exhale, ...
    actual_seconds: float
    cycles: int
    ended_early: bool
    planned_seconds: float | None = None
    planned_cycles: int | None = None
    settled_before: int | None = None  # 1 (not at all) .. 5 (very), or None when skipped
    settled_after: int | None = None
    feelings_before: tuple[Feeling, ...] = ()
    feelings_after: tuple[Feeling, ...] = ()
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""


def save_session(store: Store, session: StoredSession) -> StoredSession:
    for value in (session.settled_before, session.settled_after):
        if value is not None and not 1 <= value <= 5:
            raise ValueError(translate("Store", "How settled you feel is a number from 1 to 5."))
    day = session.day or today(store.wall).isoformat()
    created = session.created_at or stamp(store.wall)
    with store.transaction(SESSIONS) as conn:
        conn.execute(
            """
            INSERT INTO breath_sessions (uid, day, created_at, pattern, pattern_name,
                planned_seconds, planned_cycles, actual_seconds, cycles, ended_early,
                settled_before, settled_after, feelings_before, feelings_after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                session.uid,
                day,
                created,
                json.dumps(session.pattern),
                session.pattern_name,
                session.planned_seconds,
                session.planned_cycles,
                session.actual_seconds,
                session.cycles,
                int(session.ended_early),
                session.settled_before,
                session.settled_after,
                feelings_to_json(session.feelings_before),
                feelings_to_json(session.feelings_after),
            ),
        )
    return StoredSession(**{**session.__dict__, "day": day, "created_at": created})


def _session_from_row(row: sqlite3.Row | Sequence[Any]) -> StoredSession:
    (uid, day, created, pattern, name, planned_s, planned_c, actual, cycles, early,
     before, after, f_before, f_after) = row  # fmt: skip
    return StoredSession(
        uid=uid,
        day=day,
        created_at=created,
        pattern=json.loads(pattern),
        pattern_name=name,
        planned_seconds=planned_s,
        planned_cycles=planned_c,
        actual_seconds=actual,
        cycles=cycles,
        ended_early=bool(early),
        settled_before=before,
        settled_after=after,
        feelings_before=feelings_from_json(f_before),
        feelings_after=feelings_from_json(f_after),
    )


_SESSION_COLUMNS = (
    "uid, day, created_at, pattern, pattern_name, planned_seconds, planned_cycles, "
    "actual_seconds, cycles, ended_early, settled_before, settled_after, feelings_before, "
    "feelings_after"
)


def recent_sessions(store: Store, limit: int = 10) -> list[StoredSession]:
    rows = store.conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM breath_sessions WHERE deleted_at IS NULL "
        "ORDER BY day DESC, created_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [_session_from_row(r) for r in rows]


def minutes_in_week(store: Store, today: dt.date) -> float:
    """Minutes breathed from this week's Monday to today; no goals, no streaks."""
    monday = today - dt.timedelta(days=today.weekday())
    total = store.conn.execute(
        "SELECT COALESCE(SUM(actual_seconds), 0) FROM breath_sessions "
        "WHERE deleted_at IS NULL AND day BETWEEN ? AND ?",
        (monday.isoformat(), today.isoformat()),
    ).fetchone()[0]
    return float(total) / 60


def describe_session(session: StoredSession) -> str:
    minutes = session.actual_seconds / 60
    length = (
        translate("Store", "{minutes} min").format(minutes=f"{minutes:.0f}")
        if minutes >= 1
        else translate("Store", "{seconds} s").format(seconds=f"{session.actual_seconds:.0f}")
    )
    cycles = session.cycles
    breaths = translate("Store", "%n breath(s)", None, cycles)
    text = translate("Store", "{pattern}, {length}, {breaths}").format(
        pattern=session.pattern_name, length=length, breaths=breaths
    )
    if session.ended_early:
        text += translate("Store", ", ended when you chose")
    if session.settled_before is not None and session.settled_after is not None:
        text += translate("Store", "; settled {before} before, {after} after").format(
            before=session.settled_before, after=session.settled_after
        )
    return text


def timeline_rows(
    conn: sqlite3.Connection, after: tuple[str, str, int] | None, limit: int
) -> list[TimelineItem]:
    """Breathing sessions as timeline items, newest first, after the given cursor."""
    rows = newest_first(conn, "breath_sessions", _SESSION_COLUMNS, after, limit)
    items = []
    for row in rows:
        session = _session_from_row(row[1:])
        items.append(
            TimelineItem(
                kind="breath",
                uid=session.uid,
                day=session.day,
                created_at=session.created_at,
                row_id=row[0],
                texts=(describe_session(session),),
                feelings_json=row[14],
            )
        )
    return items


def timeline_page(
    store: Store,
    after: tuple[str, str, int] | None,
    limit: int,
    shown: Sequence[str] = ("breath",),
    tag: str | None = None,
) -> list[TimelineItem]:
    """The registry's timeline source (sessions have no tags; the pager never asks with one)."""
    return timeline_rows(store.conn, after, limit)


# -- the person's own patterns -------------------------------------------------------------------


@dataclass(frozen=True)
class StoredPattern:
    name: str
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float
    top_up: float = 0.0


def save_pattern(store: Store, pattern: StoredPattern, old_name: str | None = None) -> None:
    """Add a pattern, or replace ``old_name`` with it (renaming is allowed)."""
    with store.transaction(PATTERNS) as conn:
        clash = conn.execute(
            "SELECT 1 FROM breath_patterns WHERE name = ? AND name IS NOT ?",
            (pattern.name, old_name),
        ).fetchone()
        if clash:
            raise ValueError(
                translate("Store", "You already have a pattern called \u201c{name}\u201d.").format(
                    name=pattern.name
                )
            )
        if old_name is not None:
            conn.execute("DELETE FROM breath_patterns WHERE name = ?", (old_name,))
        conn.execute(
            "INSERT INTO breath_patterns (name, inhale, hold_in, exhale, hold_out, top_up) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                pattern.name,
                pattern.inhale,
                pattern.hold_in,
                pattern.exhale,
                pattern.hold_out,
                pattern.top_up,
            ),
        )


def list_patterns(store: Store) -> list[StoredPattern]:
    rows = store.conn.execute(
        "SELECT name, inhale, hold_in, exhale, hold_out, top_up FROM breath_patterns "
        "ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [StoredPattern(*row) for row in rows]


def delete_pattern(store: Store, name: str) -> None:
    with store.transaction(PATTERNS) as conn:
        conn.execute("DELETE FROM breath_patterns WHERE name = ?", (name,))
