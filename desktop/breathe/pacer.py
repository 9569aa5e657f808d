"""The pacer's timing: where in the breath a session is, from one monotonic clock. Pure.

Phase boundaries are computed from the session's start (cycle number times length), never from
"now", so they cannot drift. Pausing stops the session's own time, so the schedule is intact
on resume. Changing the pattern mid-session starts a new segment placed so that the current
phase and how far through it the breath is stay the same: the shape never jumps.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import NamedTuple

from desktop.breathe.patterns import Pattern, Phase
from desktop.clock import Clock
from desktop.texts import translate


class PacerState(NamedTuple):
    """Where the breath is now (a tuple: made at every frame, so it is cheap to make)."""

    cycle: int  # 0-based: which breath
    phase: Phase
    progress: float  # 0..1 through the phase
    seconds_left: float  # in this phase
    elapsed: float  # seconds of breathing so far (pauses not counted)
    fullness: float  # 0 (empty) .. 1 (full): what the shape shows, eased
    finished: bool = False

    @property
    def countdown(self) -> int:
        """Whole seconds left in the phase, as shown: 3, 2, 1."""
        return max(1, math.ceil(self.seconds_left - 1e-9))


def ease(progress: float) -> float:
    """Soft start and soft finish, never a jump."""
    return 0.5 - 0.5 * math.cos(math.pi * min(max(progress, 0.0), 1.0))


HELD: frozenset[Phase] = frozenset(("hold_in", "hold_out"))  # the shape stays as it is

TOP_UP_LEVEL = 0.8  # with a top-up breath, the first in-breath fills the shape to here


def fullness(phase: Phase, progress: float, has_top_up: bool) -> float:
    eased = ease(progress)
    if phase == "in":
        return eased * (TOP_UP_LEVEL if has_top_up else 1.0)
    if phase == "top_up":
        return TOP_UP_LEVEL + (1 - TOP_UP_LEVEL) * eased
    if phase == "hold_in":
        return 1.0
    if phase == "out":
        return 1.0 - eased
    return 0.0


@dataclass
class _Segment:
    start_ms: float  # session time at which this segment's first cycle would begin
    first_cycle: int
    pattern: Pattern
    cycle_starts: list[float]  # offsets from start_ms of each cycle, grown on demand

    def __post_init__(self) -> None:
        # Worked out once: the pacer locates itself at every frame.
        self._steady = not self.pattern.varies
        self._phases = self.pattern.phases()
        self._cycle_ms = sum(ms for _, ms in self._phases)

    def phases(self, cycle: int) -> list[tuple[Phase, float]]:
        return self._phases if self._steady else self.pattern.phases(cycle)

    def cycle_offset(self, index: int) -> float:
        """Offset of the segment's ``index``-th cycle: a product, so errors never add up."""
        if self._steady:
            return index * self._cycle_ms
        while len(self.cycle_starts) <= index:
            last = len(self.cycle_starts) - 1
            length = sum(ms for _, ms in self.pattern.phases(self.first_cycle + last))
            self.cycle_starts.append(self.cycle_starts[-1] + length)
        return self.cycle_starts[index]

    def locate(self, t_ms: float) -> tuple[int, int, float, float]:
        """(cycle, phase index, phase start, phase length) at session time ``t_ms``."""
        local = max(0.0, t_ms - self.start_ms)
        if self._steady:
            index = int(local // self._cycle_ms)
        else:
            while self.cycle_starts[-1] <= local:
                self.cycle_offset(len(self.cycle_starts))
            index = bisect.bisect_right(self.cycle_starts, local) - 1
        cycle = self.first_cycle + index
        phase_start = self.start_ms + self.cycle_offset(index)
        for number, (_, length) in enumerate(self.phases(cycle)):
            if t_ms < phase_start + length:
                return cycle, number, phase_start, length
            phase_start += length
        # Rounding at the very end of a cycle: it belongs to the next one.
        return self.locate_next(cycle)

    def locate_next(self, cycle: int) -> tuple[int, int, float, float]:
        index = cycle - self.first_cycle + 1
        start = self.start_ms + self.cycle_offset(index)
        return cycle + 1, 0, start, self.phases(cycle + 1)[0][1]

    def out_end(self, cycle: int) -> float:
        """Session time at which the out-breath of ``cycle`` ends."""
        start = self.start_ms + self.cycle_offset(cycle - self.first_cycle)
        for kind, length in self.phases(cycle):
            start += length
            if kind == "out":
                return start
        raise AssertionError("every pattern has an out-breath")


class Schedule:
    """Where each breath falls, in session milliseconds, across pattern changes."""

    def __init__(self, pattern: Pattern) -> None:
        # (session time from which it applies, segment), oldest first
        self._segments: list[tuple[float, _Segment]] = [(0.0, _Segment(0.0, 0, pattern, [0.0]))]

    @property
    def pattern(self) -> Pattern:
        return self._segments[-1][1].pattern

    def _segment(self, t_ms: float) -> _Segment:
        current = self._segments[0][1]
        for from_ms, segment in self._segments:
            if t_ms < from_ms:
                break
            current = segment
        return current

    def locate(self, t_ms: float) -> tuple[int, Phase, float, float, Pattern]:
        """(cycle, phase kind, phase start ms, phase length ms, pattern) at session time t_ms."""
        segment = self._segment(t_ms)
        cycle, index, start, length = segment.locate(t_ms)
        return cycle, segment.phases(cycle)[index][0], start, length, segment.pattern

    def change(self, t_ms: float, pattern: Pattern) -> None:
        """From session time ``t_ms`` on, breathe ``pattern``, continuing the current phase."""
        cycle, kind, start, length, _ = self.locate(t_ms)
        progress = (t_ms - start) / length if length else 0.0
        kinds = [k for k, _ in pattern.phases(cycle)]
        if kind not in kinds:
            # The new pattern has no such phase (no holds, say): go on to its next phase.
            kind, progress = ("out", 0.0) if kind in ("hold_in", "top_up") else ("in", 0.0)
            if kind == "in":
                cycle += 1
        offset = 0.0
        for k, ms in pattern.phases(cycle):
            if k == kind:
                offset += progress * ms
                break
            offset += ms
        self._segments.append((t_ms, _Segment(t_ms - offset, cycle, pattern, [0.0])))

    def out_end(self, cycle: int) -> float:
        """Session time at which ``cycle``'s out-breath ends (for now and later cycles)."""
        return self._segments[-1][1].out_end(cycle)


@dataclass(frozen=True)
class SessionRecord:
    """What is kept of a finished session."""

    pattern: Pattern
    planned_seconds: float | None
    planned_cycles: int | None
    actual_seconds: float
    cycles: int
    ended_early: bool


class BreathSession:
    """One practice, from start to its end after a completed out-breath.

    Length is either minutes or a number of breaths. Time is the session's own: the clock's
    time since start, less the time spent paused.
    """

    def __init__(
        self,
        pattern: Pattern,
        clock: Clock,
        minutes: float | None = None,
        cycles: int | None = None,
    ) -> None:
        if (minutes is None) == (cycles is None):
            raise ValueError(
                translate("Pacer", "A session has a length in minutes or in breaths, not both.")
            )
        if minutes is not None and not 0 < minutes <= 60:
            raise ValueError(translate("Pacer", "A session can be up to 60 minutes."))
        if cycles is not None and not 0 < cycles <= 1000:
            raise ValueError(translate("Pacer", "A session can be up to 1000 breaths."))
        self.schedule = Schedule(pattern)
        self._clock = clock
        self.planned_minutes = minutes
        self.planned_cycles = cycles
        self._started_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._stopped_at_ms: float | None = None
        self._remaining: tuple[int, str] | None = None  # (breaths or seconds left, the words)
        self._end_ms = self._planned_end()
        self.ended_early = False
        self._finishing = False  # "That's enough for now" was asked for

    # -- control ------------------------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def started_at(self) -> float | None:
        """The clock's reading when the session started; None before it has."""
        return self._started_at

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def running(self) -> bool:
        return self.started and not self.paused and not self.finished

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock.now()

    def pause(self) -> None:
        if self.running:
            self._paused_at = self._clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock.now() - self._paused_at
            self._paused_at = None

    def toggle(self) -> None:
        if not self.started:
            self.start()
        elif self.paused:
            self.resume()
        else:
            self.pause()

    def stop(self) -> None:
        """Stop now (Esc)."""
        if not self.finished:
            self._stopped_at_ms = self.elapsed_ms()
            self.ended_early = True

    def finish_gently(self) -> None:
        """ "That's enough for now": end once the current out-breath is complete."""
        if self.finished:
            return
        now = self.elapsed_ms()
        cycle, kind, _, _, _ = self.schedule.locate(now)
        end = self.schedule.out_end(cycle)
        if kind == "hold_out" or end < now:
            end = now
        if end < self._end_ms:
            self._end_ms = end
            self.ended_early = True
        self._finishing = True
        self.resume()

    @property
    def finishing(self) -> bool:
        """Ending gently: breathing the last out-breath after "That's enough for now"."""
        return self._finishing and not self.finished

    def change_pattern(self, pattern: Pattern) -> None:
        """Switch pattern (a new rate, say) without a jump in the shape."""
        self.schedule.change(self.elapsed_ms(), pattern)
        if self.planned_minutes is not None or self.planned_cycles is not None:
            self._end_ms = max(self._planned_end(), self.elapsed_ms())

    # -- reading ------------------------------------------------------------------------------

    def elapsed_ms(self) -> float:
        if self._started_at is None:
            return 0.0
        if self._stopped_at_ms is not None:
            return self._stopped_at_ms
        now = self._paused_at if self._paused_at is not None else self._clock.now()
        return min((now - self._started_at - self._paused_total) * 1000, self._end_ms)

    @property
    def finished(self) -> bool:
        if self._stopped_at_ms is not None:
            return True
        return self.started and self.elapsed_ms() >= self._end_ms

    @property
    def end_ms(self) -> float:
        return self._end_ms

    def _planned_end(self) -> float:
        if self.planned_cycles is not None:
            return self.schedule.out_end(self.planned_cycles - 1)
        assert self.planned_minutes is not None
        target = self.planned_minutes * 60_000
        cycle, _, _, _, _ = self.schedule.locate(target)
        # The first out-breath that completes at or after the planned length.
        cycle = max(cycle - 1, 0)
        while self.schedule.out_end(cycle) < target:
            cycle += 1
        return self.schedule.out_end(cycle)

    def state(self) -> PacerState:
        # Asked at every frame: the clock is read once (``finished`` would read it again).
        t = self.elapsed_ms()
        finished = self._stopped_at_ms is not None or (
            self._started_at is not None and t >= self._end_ms
        )
        cycle, kind, start, length, pattern = self.schedule.locate(
            t - 1e-6 if finished and t > 0 else t
        )
        progress = min(max((t - start) / length, 0.0), 1.0) if length else 1.0
        return PacerState(
            cycle=cycle,
            phase=kind,
            progress=progress,
            seconds_left=max(0.0, (start + length - t) / 1000),
            elapsed=t / 1000,
            fullness=0.0 if finished else fullness(kind, progress, pattern.top_up > 0),
            finished=finished,
        )

    def completed_cycles(self) -> int:
        """Out-breaths fully breathed."""
        t = self.elapsed_ms()
        cycle, *_ = self.schedule.locate(max(t - 1e-6, 0))
        done = cycle
        if self.schedule.out_end(cycle) <= t + 1e-6:
            done += 1
        return done

    def remaining_text(self) -> str:
        # Asked at every frame; worded again only when the number changes (about once a second).
        if self.planned_cycles is not None:
            left = max(0, self.planned_cycles - self.completed_cycles())
        else:
            left = max(0, math.ceil((self._end_ms - self.elapsed_ms()) / 1000))
        if self._remaining is None or self._remaining[0] != left:
            self._remaining = (left, self._word_remaining(left))
        return self._remaining[1]

    def next_change_ms(self, state: PacerState) -> float:
        """Session milliseconds from ``state`` until the words shown with it next change: the
        countdown's next whole second, the time left's (for a session counted in minutes), or
        the phase's end, whichever comes first. While the breath is held nothing else moves."""
        left = state.seconds_left * 1000
        waits = [left]
        if state.countdown > 1:  # 3 becomes 2 once 2 seconds are left
            waits.append(left - (state.countdown - 1) * 1000)
        if self.planned_cycles is None:  # the time left shows whole seconds, rounded up
            to_end = self._end_ms - state.elapsed * 1000
            waits.append(to_end - (math.ceil(to_end / 1000 - 1e-9) - 1) * 1000)
        return max(min(waits), 0.0)

    def _word_remaining(self, left: int) -> str:
        """``left`` breaths, or seconds, as the session counts."""
        if self.planned_cycles is not None:
            return translate("Pacer", "%n breath(s) left", None, left)
        return translate("Pacer", "{time} left").format(time=f"{left // 60}:{left % 60:02d}")

    def record(self) -> SessionRecord:
        return SessionRecord(
            pattern=self.schedule.pattern,
            planned_seconds=None if self.planned_minutes is None else self.planned_minutes * 60,
            planned_cycles=self.planned_cycles,
            actual_seconds=round(self.elapsed_ms() / 1000, 3),
            cycles=self.completed_cycles(),
            ended_early=self.ended_early,
        )
