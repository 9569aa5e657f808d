"""Soft times: how far a turn has gone, never a hard cut. Pure: read from one injected clock.

A soft time only says when its length has come; what happens then (a tone, "finish your
sentence") is for the practice to decide. Pausing freezes it, so a shared pause takes nothing
from anyone's turn.
"""

from __future__ import annotations

from desktop.clock import Clock

PAUSE_SECONDS = 60.0  # "Pause for both of us": a shared minute of breathing


class SoftTime:
    def __init__(self, clock: Clock, seconds: float) -> None:
        if seconds <= 0:
            raise ValueError("a soft time lasts a while")
        self._clock = clock
        self.seconds = float(seconds)
        self._started = clock.now()
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self.told = False  # the practice has said the time has come (once per soft time)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock.now() - self._paused_at
            self._paused_at = None

    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else self._clock.now()
        return max(0.0, now - self._started - self._paused_total)

    def progress(self) -> float:
        """0 at the start, 1 once the soft length has come (it stays 1 after that)."""
        return min(1.0, self.elapsed() / self.seconds)

    @property
    def over(self) -> bool:
        return self.elapsed() >= self.seconds

    def newly_over(self) -> bool:
        """True once, the first time this is asked after the length has come."""
        if self.over and not self.told:
            self.told = True
            return True
        return False


class SharedPause:
    """Anyone can pause everyone, no reason asked: a shared minute of breathing, after which
    the group carries on or ends kindly."""

    def __init__(self, clock: Clock, by: int, seconds: float = PAUSE_SECONDS) -> None:
        self.by = by  # who pressed it (never stored, never shown as blame)
        self.breath = SoftTime(clock, seconds)

    @property
    def ready(self) -> bool:
        """The minute is over: "Carry on" and "End kindly" are offered."""
        return self.breath.over


class Stopwatch:
    """How long a practice lasted, pauses included: they were part of it."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._started = clock.now()
        self._stopped: float | None = None

    def stop(self) -> None:
        if self._stopped is None:
            self._stopped = self._clock.now()

    def seconds(self) -> float:
        end = self._stopped if self._stopped is not None else self._clock.now()
        return max(0.0, end - self._started)
