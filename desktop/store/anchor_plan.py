"""The person's daily anchors as they chose and named them: kept in the journal, so they go into
its backups and its export and come back with an import, like everything else they wrote.

The store keeps the anchors as one plan, a JSON list, and does not read it: what an anchor may
hold is ``desktop/rhythm/anchors.py``'s to say, and it reads an odd plan back as best it can.
No row at all means the person has not chosen yet, and the offered anchors are shown; a plan
with no anchors in it is a choice too, and is kept.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.clock import stamp
from desktop.store import limits
from desktop.store.database import Store
from desktop.store.portable import Fields, Links
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "anchor_plans"
UID = "daily-anchors"  # one plan per journal: an import never puts a second one beside it


@dataclass(frozen=True)
class AnchorPlan:
    uid: str
    anchors: str  # the JSON list, as desktop/rhythm/anchors.py writes it
    updated_at: str = ""


def read_plan(store: Store) -> str | None:
    """The person's anchors as kept (a JSON list), or None when they have not chosen yet."""
    row = store.conn.execute(f"SELECT anchors FROM {TABLE} WHERE uid = ?", (UID,)).fetchone()
    return str(row[0]) if row is not None else None


def keep_plan(store: Store, anchors: str) -> None:
    """Keep ``anchors`` (a JSON list) in place of the plan before; WriteFailed when the disk
    refuses it, ValueError when it is longer than a journal keeps."""
    plan = AnchorPlan(UID, anchors, stamp(store.wall))
    check_plan(plan)
    with store.transaction(TABLE) as conn:
        conn.execute(
            f"INSERT INTO {TABLE} (uid, anchors, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (uid) DO UPDATE SET anchors = excluded.anchors, "
            "updated_at = excluded.updated_at",
            (plan.uid, plan.anchors, plan.updated_at),
        )


def check_plan(plan: AnchorPlan) -> None:
    limits.check_length(translate("Store", "Your anchors"), plan.anchors, limits.ANCHOR_PLAN)
    try:
        value = json.loads(plan.anchors)
    except ValueError:
        value = None
    if not isinstance(value, list):
        raise ValueError(translate("Store", "The anchors are not a list of anchors."))


# -- export and import: the registry's functions for the plan ----------------------------------

PLAN_WHERE = QT_TRANSLATE_NOOP("Store", "Daily anchors {number}")


def read_plans(conn: sqlite3.Connection) -> list[AnchorPlan]:
    rows = conn.execute(f"SELECT uid, anchors, updated_at FROM {TABLE} ORDER BY id").fetchall()
    return [AnchorPlan(r[0], r[1], r[2]) for r in rows]


def plan_uid(plan: AnchorPlan) -> str:
    return plan.uid


def plan_to_data(plan: AnchorPlan) -> dict[str, Any]:
    return {"id": plan.uid, "anchors": json.loads(plan.anchors), "updated_at": plan.updated_at}


def plan_from_data(fields: Fields) -> AnchorPlan:
    anchors = fields.get("anchors")
    if not isinstance(anchors, list):
        raise fields.problem(translate("Store", "its anchors are not a list."))
    return AnchorPlan(
        uid=fields.uid(),
        anchors=json.dumps(anchors, ensure_ascii=False),
        updated_at=fields.moment("updated_at"),
    )


def add_plan(conn: sqlite3.Connection, plan: AnchorPlan, links: Links) -> bool:
    """The file's plan, for a journal that has none (one that has its own keeps it)."""
    conn.execute(
        f"INSERT INTO {TABLE} (uid, anchors, updated_at) VALUES (?, ?, ?)",
        (plan.uid, plan.anchors, plan.updated_at),
    )
    return True


def _anchors(plan: AnchorPlan) -> list[dict[str, Any]]:
    value = json.loads(plan.anchors)
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _line(anchor: dict[str, Any]) -> str:
    """ "- **Move a little** (10:00): Stand up and stretch. Smaller: Roll your shoulders." """

    def text(key: str) -> str:
        value = anchor.get(key)
        return value if isinstance(value, str) else ""

    line = f"- **{text('name')}**" + (f" ({text('time')})" if text("time") else "")
    if text("cue"):
        line += f": {text('cue')}"
    if text("smaller"):
        line += " " + translate("Export", "Smaller: {smaller}").format(smaller=text("smaller"))
    return line


def plan_markdown(plan: AnchorPlan) -> list[str]:
    lines = [_line(anchor) for anchor in _anchors(plan)]
    return lines or [translate("Export", "No anchors: you chose to keep none for now.")]


PLAN_CSV_COLUMNS = ("anchors",)


def plan_csv(plan: AnchorPlan) -> dict[str, str]:
    names = "; ".join(str(a.get("name") or "") for a in _anchors(plan))
    return {"id": plan.uid, "kind": "anchors", "anchors": names}
