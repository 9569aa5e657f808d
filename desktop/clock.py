"""The app's two clocks, both injectable so tests drive time and never read the machine's.

- The monotonic clock times things (the pacer, a session's length, positions in a track):
  only differences between two readings mean anything.
- The wall clock dates things ("today", a record's day and time, a backup's name). Everything
  that asks what day or moment it is asks the one wall clock it was given.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import datetime as dt

# datetime is imported where a date is asked for: the first paint asks for none.


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale; only differences mean anything."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class WallClock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, time-zone aware."""
        ...


class SystemWallClock:
    def now(self) -> dt.datetime:
        import datetime as dt

        return dt.datetime.now(dt.timezone.utc)


def local_now(wall: WallClock) -> dt.datetime:
    """The wall clock's moment in the person's own time zone, without a zone attached
    (the form backup names and local displays use)."""
    return wall.now().astimezone().replace(tzinfo=None)


def today(wall: WallClock) -> dt.date:
    """The person's own calendar day."""
    return wall.now().astimezone().date()


def stamp(wall: WallClock) -> str:
    """The moment as stored in records: ISO 8601 in UTC, to the millisecond."""
    import datetime as dt

    return wall.now().astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")
