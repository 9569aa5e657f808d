""" "Remember this?": now and then, one glimmer from the past is offered again. Pure.

What is offered and when is decided by the wall clock's day and a random source, both handed in,
so a test with a seeded random source sees the same choice every run.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

MIN_AGE = dt.timedelta(days=7)  # "the past": not this week's, which are still in view
EVERY = dt.timedelta(days=3)  # now and then, not every time the page opens


@dataclass(frozen=True)
class Offered:
    """What was last offered: on which day, which glimmer ("" when it was put away)."""

    day: dt.date
    uid: str


def oldest_day_offered(today: dt.date) -> dt.date:
    """Glimmers from before this day are the past that can be offered."""
    return today - MIN_AGE + dt.timedelta(days=1)


def choose(today: dt.date, last: Offered | None, past_count: int, rng: random.Random) -> int | None:
    """Which of the ``past_count`` glimmers from the past to offer today (0 the oldest), or
    None: nothing new today. The day's own offer, if there was one, is kept by the caller."""
    if past_count <= 0:
        return None
    if last is not None and today - last.day < EVERY:
        return None
    return rng.randrange(past_count)


def offered_to_text(offered: Offered) -> str:
    return f"{offered.day.isoformat()} {offered.uid}".strip()


def offered_from_text(text: object) -> Offered | None:
    if not isinstance(text, str):
        return None
    day, _, uid = text.strip().partition(" ")
    try:
        return Offered(dt.date.fromisoformat(day), uid.strip())
    except ValueError:
        return None
