""" "Find my comfortable pace" as stored: each pace tried with its one-tap answer, and the pace
that felt most comfortable. Nothing here is a measurement; it is what the person said.
"""

from __future__ import annotations

import json
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
from desktop.store.readable import heading, number_cell, yes_no
from desktop.texts import QT_TRANSLATE_NOOP, translate

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
    if len(finding.steps) > limits.PACE_STEPS:
        raise ValueError(limits.too_many("steps", len(finding.steps), limits.PACE_STEPS))
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


def timeline_page(
    store: Store,
    after: Cursor | None,
    limit: int,
    shown: Sequence[str] = (KIND,),
    tag: str | None = None,
) -> list[TimelineItem]:
    """As timeline items, newest first, after the cursor (they have no tags)."""
    rows = newest_first(store.conn, TABLE, _COLUMNS, after, limit)
    return [_item(row[0], _finding(row[1:])) for row in rows]


search_findings = searched_by_text(
    TABLE, _COLUMNS, lambda row, terms: _item(row[0], _finding(row[1:]), terms)
)


# -- export and import (the registry's functions, desktop/store/kinds.py) ------------------------

FINDING_WHERE = QT_TRANSLATE_NOOP("Store", "Comfortable pace {number}")
FINDING_CSV_COLUMNS = ("paces", "comfortable_breaths_a_minute", "kept_as_pattern")


def read_findings(conn: sqlite3.Connection) -> list[PaceFinding]:
    """Every finding, trash included, oldest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM pace_findings ORDER BY id").fetchall()
    return [_finding(r) for r in rows]


def all_findings(store: Store) -> list[PaceFinding]:
    return read_findings(store.conn)


def check_finding(finding: PaceFinding) -> None:
    _check(finding)


def finding_uid(finding: PaceFinding) -> str:
    return finding.uid


def finding_to_data(finding: PaceFinding) -> dict[str, Any]:
    return {
        "id": finding.uid,
        "day": finding.day,
        "created_at": finding.created_at,
        "deleted_at": finding.deleted_at,
        "steps": [{"breaths_a_minute": r, "comfort": c} for r, c in finding.steps],
        "comfortable_breaths_a_minute": finding.chosen_rate,
        "kept_as_pattern": finding.kept,
    }


def finding_from_data(fields: Fields) -> PaceFinding:
    steps = tuple(
        (
            step.number("breaths_a_minute", LOWEST_RATE, HIGHEST_RATE),
            step.choice("comfort", COMFORTS),
        )
        for step in fields.records("steps", limits.PACE_STEPS)
    )
    return PaceFinding(
        uid=fields.uid(),
        day=fields.day(),
        created_at=fields.moment("created_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        steps=steps,
        chosen_rate=fields.optional_number(
            "comfortable_breaths_a_minute", LOWEST_RATE, HIGHEST_RATE
        ),
        kept=fields.flag("kept_as_pattern"),
    )


def add_finding(conn: sqlite3.Connection, finding: PaceFinding, links: Links) -> bool:
    write_finding(conn, finding)
    return True


def finding_kept(finding: PaceFinding) -> bool:
    return finding.deleted_at is None


def finding_when(finding: PaceFinding) -> tuple[str, str]:
    return (finding.day, finding.created_at)


def finding_markdown(finding: PaceFinding) -> list[str]:
    lines = [heading(translate("Export", "Comfortable pace"), finding.created_at), ""]
    lines += [finding.describe() + ".", ""]
    lines += [f"- {rate:g}: {comfort}" for rate, comfort in finding.steps]
    return [*lines, ""] if finding.steps else lines


def finding_csv(finding: PaceFinding) -> dict[str, str]:
    return {
        "id": finding.uid,
        "kind": KIND,
        "day": finding.day,
        "created_at": finding.created_at,
        "paces": "; ".join(f"{rate:g}:{comfort}" for rate, comfort in finding.steps),
        "comfortable_breaths_a_minute": number_cell(finding.chosen_rate),
        "kept_as_pattern": yes_no(finding.kept),
    }
