"""When a reminder is due, and what it says. Pure.

Reminders are off unless the person turns them on. Each anchor's reminder is shown once on a
day, at its time (or soon after, if the app was opened a little later), never repeated, and
never for an anchor that already has an answer. Nothing here says "missed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from desktop.rhythm.anchors import Anchor
from desktop.texts import translate

# A reminder that comes more than this late would be about another part of the day.
LATE_ENOUGH = dt.timedelta(minutes=30)


def due(
    anchors: Sequence[Anchor],
    now: dt.datetime,
    answered: Collection[str],
    shown: Collection[str],
) -> list[Anchor]:
    """The anchors to remind of at ``now`` (the person's local time, without a zone)."""
    found = []
    for anchor in anchors:
        if anchor.time is None or anchor.key in answered or anchor.key in shown:
            continue
        at = dt.datetime.combine(now.date(), anchor.time)
        if at <= now < at + LATE_ENOUGH:
            found.append(anchor)
    return found


def message(anchor: Anchor) -> tuple[str, str]:
    """(title, text) of the notification: the anchor, its cue, and the smaller version."""
    parts = [anchor.cue] if anchor.cue else []
    if anchor.smaller:
        parts.append(
            translate("Rhythm", "A smaller version is fine: {smaller}").format(
                smaller=anchor.smaller
            )
        )
    return anchor.name, " ".join(parts) or translate("Rhythm", "Whenever it suits you.")


def shown_to_text(day: dt.date, keys: Collection[str]) -> str:
    """Which reminders were shown today, as the settings keep it: "2026-11-28 move eat"."""
    return " ".join([day.isoformat(), *sorted(keys)])


def shown_from_text(text: object, day: dt.date) -> set[str]:
    """The reminders already shown on ``day``; an earlier day's, or an unreadable value, is none."""
    if not isinstance(text, str):
        return set()
    first, *keys = text.split() or [""]
    return set(keys) if first == day.isoformat() else set()
