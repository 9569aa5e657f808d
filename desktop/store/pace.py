""" "Find my comfortable pace" as stored: each pace tried with its one-tap answer, and the pace
that felt most comfortable. Nothing here is a measurement; it is what the person said.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import fields
from desktop.store.database import Store, fts_ranked, newest_first
from desktop.store.journal import Query, TimelineItem, new_uid
from desktop.texts import translate

TABLE = "pace_findings"
KIND = "pace"
COMFORTS = ("easy", "fine", "effortful")
LOWEST_RATE, HIGHEST_RATE = 3.0, 10.0  # breaths a minute a stored step may have

Cursor = tuple[str, str, int]


@dataclass(frozen=True)
class PaceFinding:
    steps: tuple[tuple[float, str], ...]  # (breaths a minute, "easy" / "fine" / "effortful")
    chosen_rate: float | None  # the pace that felt most comfortable; None with no answers
    kept: bool = False  # kept as the person's own pattern
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""
    deleted_at: str | None = None

    def describe(self) -> str:
        if self.chosen_rate is None:
            return translate("Store", "Finding your comfortable pace")
        text = translate(
            "Store", "Your comfortable pace: {rate} breaths a minute felt most comfortable"
        ).format(rate=f"{self.chosen_rate:g}")
        if self.kept:
            text += translate("Store", ", kept as your own pattern")
        return text


def _check(finding: PaceFinding) -> PaceFinding:
    for rate, comfort in finding.steps:
        if comfort not in COMFORTS or not LOWEST_RATE <= rate <= HIGHEST_RATE:
            raise ValueError(
                translate("Store", "Each pace has a rate and an answer: easy, fine or effortful.")
            )
    if finding.chosen_rate is not None and finding.chosen_rate not in [r for r, _ in finding.steps]:
        raise ValueError(translate("Store", "The comfortable pace is one of the paces tried."))
    return finding


def save_finding(store: Store, finding: PaceFinding) -> PaceFinding:
    """Keep a finding, or update the one with the same id (when its pattern is kept later)."""
    kept = _check(
        PaceFinding(
            steps=finding.steps,
            chosen_rate=finding.chosen_rate,
            kept=finding.kept,
            uid=finding.uid,
            day=finding.day or today(store.wall).isoformat(),
            created_at=finding.created_at or stamp(store.wall),
        )
    )
    with store.transaction(TABLE) as conn:
        write_finding(conn, kept, replace=True)
    return kept


def write_finding(conn: sqlite3.Connection, finding: PaceFinding, replace: bool = False) -> None:
    conflict = (
        "ON CONFLICT (uid) DO UPDATE SET steps = excluded.steps, chosen_rate = "
        "excluded.chosen_rate, kept = excluded.kept, search_text = excluded.search_text"
        if replace
        else "ON CONFLICT (uid) DO NOTHING"
    )
    conn.execute(
        "INSERT INTO pace_findings (uid, day, created_at, deleted_at, steps, chosen_rate, kept, "
        f"search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) {conflict}",
        (
            finding.uid,
            finding.day,
            finding.created_at,
            finding.deleted_at,
            json.dumps([{"rate": r, "comfort": c} for r, c in finding.steps]),
            finding.chosen_rate,
            int(finding.kept),
            finding.describe(),
        ),
    )


_COLUMNS = "uid, day, created_at, deleted_at, steps, chosen_rate, kept"


def _finding(row: Sequence[Any]) -> PaceFinding:
    uid, day, created, deleted, steps, chosen, kept = row
    return PaceFinding(
        uid=uid,
        day=day,
        created_at=created,
        deleted_at=deleted,
        steps=tuple((float(s["rate"]), str(s["comfort"])) for s in json.loads(steps)),
        chosen_rate=chosen,
        kept=bool(kept),
    )


def latest_finding(store: Store) -> PaceFinding | None:
    rows = newest_first(store.conn, TABLE, _COLUMNS, None, 1)
    return _finding(rows[0][1:]) if rows else None


def _item(row_id: int, finding: PaceFinding, terms: tuple[str, ...] = ()) -> TimelineItem:
    return TimelineItem(
        kind=KIND,
        uid=finding.uid,
        day=finding.day,
        created_at=finding.created_at,
        row_id=row_id,
        texts=(finding.describe(),),
        search_terms=terms,
    )


def timeline_rows(conn: sqlite3.Connection, after: Cursor | None, limit: int) -> list[TimelineItem]:
    rows = newest_first(conn, TABLE, _COLUMNS, after, limit)
    return [_item(row[0], _finding(row[1:])) for row in rows]


def search_findings(
    store: Store, text: str | Query, limit: int = 50
) -> list[tuple[float, TimelineItem]]:
    query = Query.of(text)
    if query is None:
        return []
    rows = fts_ranked(store.conn, TABLE, _COLUMNS, query.fts, limit)
    return [(row[-1], _item(row[0], _finding(row[1:-1]), query.terms)) for row in rows]


# -- export and import ----------------------------------------------------------------------------


def all_findings(store: Store) -> list[PaceFinding]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM pace_findings ORDER BY id").fetchall()
    return [_finding(r) for r in rows]


def to_data(finding: PaceFinding) -> dict[str, Any]:
    return {
        "id": finding.uid,
        "day": finding.day,
        "created_at": finding.created_at,
        "deleted_at": finding.deleted_at,
        "steps": [{"breaths_a_minute": r, "comfort": c} for r, c in finding.steps],
        "comfortable_breaths_a_minute": finding.chosen_rate,
        "kept_as_pattern": finding.kept,
    }


def from_data(raw: Any, where: str) -> PaceFinding:
    data = fields.record(raw, where)
    created = fields.stamp(data, "created_at", where)
    assert created is not None
    raw_steps = data.get("steps") or []
    if not isinstance(raw_steps, list):
        raise fields.RecordProblem(
            translate("Store", "{where}: \u201csteps\u201d should be a list.").format(where=where)
        )
    steps = []
    for step in raw_steps:
        step_data = fields.record(step, where)
        rate = fields.number(step_data, "breaths_a_minute", where, LOWEST_RATE, HIGHEST_RATE)
        if rate is None:
            raise fields.RecordProblem(
                translate("Store", "{where}: each pace needs its breaths a minute.").format(
                    where=where
                )
            )
        steps.append((rate, fields.choice(step_data, "comfort", where, COMFORTS)))
    finding = PaceFinding(
        uid=fields.uid(data, where),
        day=fields.day(data, where),
        created_at=created,
        deleted_at=fields.stamp(data, "deleted_at", where, required=False),
        steps=tuple(steps),
        chosen_rate=fields.number(
            data, "comfortable_breaths_a_minute", where, LOWEST_RATE, HIGHEST_RATE
        ),
        kept=fields.flag(data, "kept_as_pattern", where),
    )
    try:
        return _check(finding)
    except ValueError as e:
        raise fields.RecordProblem(f"{where}: {e}") from None


def import_findings(conn: sqlite3.Connection, findings: Iterable[PaceFinding]) -> int:
    added = 0
    for finding in findings:
        before = conn.total_changes
        write_finding(conn, finding)
        added += conn.total_changes - before > 0
    return added
