"""Breathing sessions and the person's own patterns, as stored. No Qt, no pacer imports.

The breathe feature hands over plain values; the journal's timeline reads sessions from here
as their own kind of item.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, newest_first, search_text_page
from desktop.store.items import Query, SearchPage, TimelineItem, found_rows
from desktop.store.journal import new_uid
from desktop.store.portable import Fields, Links
from desktop.store.readable import feelings_cell, feelings_words, heading, number_cell, yes_no
from desktop.store.records import (
    SETTLED_WORDS,
    Feeling,
    feelings_from_json,
    feelings_to_data,
    feelings_to_json,
)
from desktop.texts import QT_TRANSLATE_NOOP, translate

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
    deleted_at: str | None = None


def check_session(session: StoredSession) -> None:
    """Refuse a session with values the store does not keep (``desktop/store/limits.py``)."""
    for value in (session.settled_before, session.settled_after):
        if value is not None and not 1 <= value <= 5:
            raise ValueError(translate("Store", "How settled you feel is a number from 1 to 5."))
    limits.check_length(
        translate("Store", "Pattern name"), session.pattern_name, limits.SESSION_NAME
    )
    label = translate("Store", "Feeling words")
    for feelings in (session.feelings_before, session.feelings_after):
        limits.check_count(label, len(feelings), limits.FEELINGS)
        for feeling in feelings:
            limits.check_length(label, feeling.word, limits.FEELING_WORD)


def save_session(store: Store, session: StoredSession) -> StoredSession:
    check_session(session)
    day = session.day or today(store.wall).isoformat()
    created = session.created_at or stamp(store.wall)
    saved = dataclasses.replace(session, day=day, created_at=created)
    with store.transaction(SESSIONS) as conn:
        write_session(conn, saved)
    return saved


def write_session(conn: sqlite3.Connection, session: StoredSession) -> None:
    """Insert one checked, dated session, inside the caller's transaction."""
    conn.execute(
        """
        INSERT INTO breath_sessions (uid, day, created_at, pattern, pattern_name,
            planned_seconds, planned_cycles, actual_seconds, cycles, ended_early,
            settled_before, settled_after, feelings_before, feelings_after, deleted_at,
            search_text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            session.uid,
            session.day,
            session.created_at,
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
            session.deleted_at,
            session_search_text(session),
        ),
    )


def session_search_text(session: StoredSession) -> str:
    """What search finds a session by: its pattern's name and the words chosen around it."""
    before = " ".join(f.word for f in session.feelings_before)
    after = " ".join(f.word for f in session.feelings_after)
    return f"{session.pattern_name} \n{before} \n{after}"


def _session_from_row(row: sqlite3.Row | Sequence[Any]) -> StoredSession:
    (uid, day, created, pattern, name, planned_s, planned_c, actual, cycles, early,
     before, after, f_before, f_after, *rest) = row  # fmt: skip
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
        deleted_at=rest[0] if rest else None,
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


def session_length(session: StoredSession) -> str:
    """How long a session was, as a person would say it: "5 minutes", "a few breaths"."""
    minutes = round(session.actual_seconds / 60)
    breaths = session.cycles  # a plain name: lupdate skips a count written as an attribute
    if minutes >= 1:
        return translate("Store", "%n minute(s)", None, minutes)
    if breaths >= 2:
        return translate("Store", "%n breath(s)", None, breaths)
    if breaths == 1:
        return translate("Store", "one breath")
    return translate("Store", "a moment")


def describe_session(session: StoredSession) -> str:
    text = translate("Store", "{pattern}, {length}").format(
        pattern=session.pattern_name, length=session_length(session)
    )
    if session.ended_early:
        text += translate("Store", ", ended when you chose")
    if session.settled_before is not None and session.settled_after is not None:
        text += translate("Store", "; {before} before, {after} after").format(
            before=translate("CheckIn", SETTLED_WORDS[session.settled_before]),
            after=translate("CheckIn", SETTLED_WORDS[session.settled_after]),
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


def search_sessions(
    store: Store,
    query: Query,
    before: int | None,
    limit: int,
    shown: Sequence[str] = ("breath",),
    tag: str | None = None,
) -> SearchPage:
    """The registry's search: sessions matching ``query`` below row id ``before``, newest first.
    A match among the words chosen before the session shows with them."""
    rows, resume = search_text_page(
        store.conn, SESSIONS, _SESSION_COLUMNS, query.fts, before, limit
    )
    terms = query.terms

    def make(row: Sequence[Any]) -> TimelineItem:
        session = _session_from_row(row[1:])
        before_words = feelings_words(session.feelings_before)
        texts: tuple[str, ...] = (describe_session(session),)
        if before_words:
            texts += (translate("Store", "before: {words}").format(words=before_words),)
        return TimelineItem(
            kind="breath",
            uid=session.uid,
            day=session.day,
            created_at=session.created_at,
            row_id=row[0],
            texts=texts,
            feelings_json=row[14],
            search_terms=terms,
        )

    return SearchPage(found_rows(rows, make), resume)


# -- the person's own patterns -------------------------------------------------------------------


@dataclass(frozen=True)
class StoredPattern:
    name: str
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float
    top_up: float = 0.0
    uid: str = ""  # "": a new pattern, given a uid when it is saved

    @property
    def timings(self) -> tuple[float, float, float, float, float]:
        return (self.inhale, self.hold_in, self.exhale, self.hold_out, self.top_up)


PHASES = ("inhale", "hold_in", "exhale", "hold_out", "top_up")


def check_pattern(pattern: StoredPattern) -> None:
    """Refuse a pattern the store does not keep: a name of 1 to 60 characters, phases of 0 to
    60 seconds (the same limits the Breathe tab's form checks as you type)."""
    if not pattern.name.strip():
        raise ValueError(translate("Store", "Give the pattern a name."))
    limits.check_length(translate("Store", "Pattern name"), pattern.name, limits.NAME)
    for value in pattern.timings:
        if not (isinstance(value, int | float) and 0 <= value <= limits.PHASE_SECONDS):
            raise ValueError(
                translate("Store", "Each part of a breath lasts from 0 to {most} seconds.").format(
                    most=f"{limits.PHASE_SECONDS:g}"
                )
            )


def save_pattern(store: Store, pattern: StoredPattern, old_name: str | None = None) -> None:
    """Add a pattern, or replace ``old_name`` with it (renaming is allowed; it keeps its uid)."""
    check_pattern(pattern)
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
        replaced = (
            old_name is not None
            and conn.execute(
                "UPDATE breath_patterns SET name = ?, inhale = ?, hold_in = ?, exhale = ?, "
                "hold_out = ?, top_up = ? WHERE name = ?",
                (pattern.name, *pattern.timings, old_name),
            ).rowcount
        )
        if not replaced:
            write_pattern(conn, pattern)


def write_pattern(conn: sqlite3.Connection, pattern: StoredPattern) -> int:
    """Insert one checked pattern inside the caller's transaction; returns its row id."""
    cursor = conn.execute(
        "INSERT INTO breath_patterns (uid, name, inhale, hold_in, exhale, hold_out, top_up) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (pattern.uid or new_uid(), pattern.name, *pattern.timings),
    )
    return int(cursor.lastrowid or 0)


_PATTERN_COLUMNS = "name, inhale, hold_in, exhale, hold_out, top_up, uid"


def list_patterns(store: Store) -> list[StoredPattern]:
    rows = store.conn.execute(
        f"SELECT {_PATTERN_COLUMNS} FROM breath_patterns ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [StoredPattern(*row) for row in rows]


def delete_pattern(store: Store, name: str) -> None:
    with store.transaction(PATTERNS) as conn:
        conn.execute("DELETE FROM breath_patterns WHERE name = ?", (name,))


# -- export and import: the registry's functions for sessions and patterns ----------------------

SESSION_WHERE = QT_TRANSLATE_NOOP("Store", "Breathing session {number}")
PATTERN_WHERE = QT_TRANSLATE_NOOP("Store", "Breathing pattern {number}")


def read_sessions(conn: sqlite3.Connection) -> list[StoredSession]:
    """Every session, trash included, oldest first."""
    rows = conn.execute(
        f"SELECT {_SESSION_COLUMNS}, deleted_at FROM breath_sessions ORDER BY id"
    ).fetchall()
    return [_session_from_row(r) for r in rows]


def session_to_data(session: StoredSession) -> dict[str, Any]:
    return {
        "id": session.uid,
        "day": session.day,
        "created_at": session.created_at,
        "deleted_at": session.deleted_at,
        "pattern_name": session.pattern_name,
        "pattern": session.pattern,
        "planned_seconds": session.planned_seconds,
        "planned_cycles": session.planned_cycles,
        "actual_seconds": session.actual_seconds,
        "cycles": session.cycles,
        "ended_early": session.ended_early,
        "settled_before": session.settled_before,
        "settled_after": session.settled_after,
        "feelings_before": feelings_to_data(session.feelings_before),
        "feelings_after": feelings_to_data(session.feelings_after),
    }


def _pattern_numbers(fields: Fields) -> dict[str, Any]:
    """The pattern as a session used it: a few named numbers (and its key), nothing bigger."""
    raw = fields.get("pattern")
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > 20:
        raise fields.problem(
            translate("Store", "\u201cpattern\u201d should be a few named numbers.")
        )
    for name, value in raw.items():
        plain = value is None or isinstance(value, bool | int | float)
        small_text = isinstance(value, str) and len(value) <= limits.SESSION_NAME
        if len(name) > 40 or not (plain or small_text):
            raise fields.problem(
                translate("Store", "\u201cpattern\u201d should be a few named numbers.")
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise fields.problem(
                translate("Store", "\u201cpattern\u201d should be a few named numbers.")
            )
    return dict(raw)


def session_from_data(fields: Fields) -> StoredSession:
    return StoredSession(
        uid=fields.uid(),
        day=fields.day(),
        created_at=fields.moment("created_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        pattern_name=fields.text("pattern_name", limits.SESSION_NAME),
        pattern=_pattern_numbers(fields),
        planned_seconds=fields.optional_number("planned_seconds", 0, limits.SESSION_SECONDS),
        planned_cycles=fields.optional_whole("planned_cycles", 0, limits.SESSION_CYCLES),
        actual_seconds=fields.number("actual_seconds", 0, limits.SESSION_SECONDS),
        cycles=fields.whole("cycles", 0, limits.SESSION_CYCLES),
        ended_early=fields.flag("ended_early"),
        settled_before=fields.optional_whole("settled_before", 1, 5),
        settled_after=fields.optional_whole("settled_after", 1, 5),
        feelings_before=fields.feelings("feelings_before"),
        feelings_after=fields.feelings("feelings_after"),
    )


def session_uid(session: StoredSession) -> str:
    return session.uid


def add_session(conn: sqlite3.Connection, session: StoredSession, links: Links) -> bool:
    write_session(conn, session)
    return True


def session_kept(session: StoredSession) -> bool:
    return session.deleted_at is None


def session_when(session: StoredSession) -> tuple[str, str]:
    return (session.day, session.created_at)


def session_markdown(session: StoredSession) -> list[str]:
    lines = [heading(translate("Export", "Breathing session"), session.created_at), ""]
    lines += [describe_session(session) + ".", ""]
    for label, feelings in (
        (translate("Export", "Before"), session.feelings_before),
        (translate("Export", "After"), session.feelings_after),
    ):
        if feelings:
            lines += [f"**{label}:** {feelings_words(feelings)}", ""]
    return lines


SESSION_CSV_COLUMNS = (
    "pattern",
    "seconds",
    "breaths",
    "planned_seconds",
    "planned_breaths",
    "ended_early",
    "settled_before",
    "settled_after",
    "feelings_before",
    "feelings_after",
)


def session_csv(session: StoredSession) -> dict[str, str]:
    return {
        "id": session.uid,
        "kind": "breath",
        "day": session.day,
        "created_at": session.created_at,
        "pattern": session.pattern_name,
        "seconds": number_cell(session.actual_seconds),
        "breaths": number_cell(session.cycles),
        "planned_seconds": number_cell(session.planned_seconds),
        "planned_breaths": number_cell(session.planned_cycles),
        "ended_early": yes_no(session.ended_early),
        "settled_before": number_cell(session.settled_before),
        "settled_after": number_cell(session.settled_after),
        "feelings_before": feelings_cell(session.feelings_before),
        "feelings_after": feelings_cell(session.feelings_after),
    }


def read_patterns(conn: sqlite3.Connection) -> list[StoredPattern]:
    rows = conn.execute(f"SELECT {_PATTERN_COLUMNS} FROM breath_patterns ORDER BY id").fetchall()
    return [StoredPattern(*row) for row in rows]


def pattern_to_data(pattern: StoredPattern) -> dict[str, Any]:
    return {
        "id": pattern.uid,
        "name": pattern.name,
        **dict(zip(PHASES, pattern.timings, strict=True)),
    }


def pattern_from_data(fields: Fields) -> StoredPattern:
    uid = fields.uid()
    name = fields.text("name", limits.NAME)
    inhale, hold_in, exhale, hold_out = (
        fields.number(phase, 0, limits.PHASE_SECONDS) for phase in PHASES[:4]
    )
    top_up = fields.optional_number("top_up", 0, limits.PHASE_SECONDS) or 0.0
    return StoredPattern(name, inhale, hold_in, exhale, hold_out, top_up, uid=uid)


def pattern_uid(pattern: StoredPattern) -> str:
    return pattern.uid


def pattern_held(conn: sqlite3.Connection, pattern: StoredPattern) -> bool:
    """Whether a pattern of the same name and timings is here already, under another uid."""
    row = conn.execute(
        "SELECT inhale, hold_in, exhale, hold_out, top_up FROM breath_patterns WHERE name = ?",
        (pattern.name,),
    ).fetchone()
    return row is not None and tuple(row) == pattern.timings


def add_pattern(conn: sqlite3.Connection, pattern: StoredPattern, links: Links) -> bool:
    """Write an imported pattern. One of the same name and timings is the same pattern (already
    there); one of the same name and other timings is kept beside it as "Name (2)"."""
    if pattern_held(conn, pattern):
        return False
    row = conn.execute("SELECT 1 FROM breath_patterns WHERE name = ?", (pattern.name,)).fetchone()
    name = pattern.name
    number = 1
    while row is not None:
        number += 1
        suffix = f" ({number})"
        name = pattern.name[: limits.NAME - len(suffix)].rstrip() + suffix
        row = conn.execute("SELECT 1 FROM breath_patterns WHERE name = ?", (name,)).fetchone()
    write_pattern(conn, dataclasses.replace(pattern, name=name))
    return True


def pattern_markdown(pattern: StoredPattern) -> list[str]:
    text = translate(
        "Export", "in {inhale} s, hold {hold_in} s, out {exhale} s, hold {hold_out} s"
    ).format(
        inhale=number_cell(pattern.inhale),
        hold_in=number_cell(pattern.hold_in),
        exhale=number_cell(pattern.exhale),
        hold_out=number_cell(pattern.hold_out),
    )
    if pattern.top_up:
        text += translate("Export", ", a little more in for {top_up} s").format(
            top_up=number_cell(pattern.top_up)
        )
    return [f"- **{pattern.name}**: {text}"]


PATTERN_CSV_COLUMNS = ("name", *PHASES)


def pattern_csv(pattern: StoredPattern) -> dict[str, str]:
    return {
        "id": pattern.uid,
        "kind": "pattern",
        "name": pattern.name,
        **{phase: number_cell(value) for phase, value in zip(PHASES, pattern.timings, strict=True)},
    }
