"""The pacer's clock over simulated sessions: exact boundaries, pause, rate changes, endings."""

from __future__ import annotations

import itertools
import math

import pytest

from desktop.breathe.pacer import HELD, BreathSession, ease, fullness
from desktop.breathe.patterns import (
    BOX,
    CYCLIC_SIGH,
    FOUR_SEVEN_EIGHT,
    Pattern,
    PatternProblem,
    custom_pattern,
    longer_out,
    presets,
    resonance,
)
from tests.helpers import FakeClock

STEP = 0.001  # one millisecond


def phase_changes(
    session: BreathSession, clock: FakeClock, seconds: float, step: float = 0.01
) -> list[tuple[float, int, str]]:
    """Walk the session in small steps and report (time, cycle, phase) at each phase change."""
    changes: list[tuple[float, int, str]] = []
    last = None
    t = 0.0
    while t <= seconds:
        clock.set(1000.0 + t)
        state = session.state()
        key = (state.cycle, state.phase)
        if key != last and not state.finished:
            changes.append((round(session.elapsed_ms()), state.cycle, state.phase))
            last = key
        t = round(t + step, 6)
    return changes


@pytest.mark.parametrize("rate", [4.5, 5.5, 6.0, 7.0])
def test_thirty_minutes_of_resonance_every_boundary_within_a_millisecond(rate: float) -> None:
    clock = FakeClock(start=1000.0)
    session = BreathSession(resonance(rate), clock, minutes=30)
    session.start()
    cycle_ms = 60_000 / rate
    previous = ("out", -1)
    for cycle in range(int(30 * rate)):
        for phase, offset in (("in", 0.0), ("out", cycle_ms / 2)):
            ideal_ms = cycle * cycle_ms + offset  # the ideal schedule, from the start
            clock.set(1000.0 + (ideal_ms - 1) / 1000)
            before = session.state()
            assert (before.phase, before.cycle) == previous or ideal_ms < 1
            clock.set(1000.0 + (ideal_ms + 1) / 1000)
            after = session.state()
            assert (after.phase, after.cycle) == (phase, cycle)
            previous = (phase, cycle)


def test_boundaries_within_a_millisecond_of_the_ideal_schedule_over_thirty_minutes() -> None:
    clock = FakeClock(start=1000.0)
    session = BreathSession(BOX, clock, minutes=30)
    session.start()
    for t_ms in range(0, 30 * 60_000, 4000):
        clock.set(1000.0 + (t_ms + 1) / 1000)
        state = session.state()
        expected_cycle, expected_phase = divmod(t_ms // 4000, 4)
        assert state.cycle == expected_cycle
        assert state.phase == ["in", "hold_in", "out", "hold_out"][expected_phase]
        assert state.progress == pytest.approx(1 / 4000, abs=1e-6)


def test_pause_and_resume_leave_the_schedule_intact() -> None:
    clock = FakeClock(start=50.0)
    session = BreathSession(resonance(6), clock, minutes=5)
    session.start()
    clock.advance(3.0)
    session.pause()
    frozen = session.state()
    clock.advance(120.0)  # a long pause
    assert session.state() == frozen
    session.resume()
    clock.advance(2.0)
    state = session.state()
    assert (state.cycle, state.phase, state.progress) == (0, "out", 0.0)
    assert state.elapsed == pytest.approx(5.0)


def test_rate_change_is_phase_continuous() -> None:
    clock = FakeClock()
    session = BreathSession(resonance(6), clock, minutes=10)
    session.start()
    clock.advance(7.5)  # halfway through the first out-breath
    before = session.state()
    session.change_pattern(resonance(4.5))
    after = session.state()
    assert (after.cycle, after.phase) == (before.cycle, before.phase)
    assert after.fullness == pytest.approx(before.fullness)
    assert after.progress == pytest.approx(before.progress)
    # The rest of the out-breath now takes half of 6.667 s; the next in-breath starts then.
    clock.advance(30 / 4.5 / 2 - 0.002)
    assert session.state().phase == "out"
    clock.advance(0.004)
    state = session.state()
    assert (state.cycle, state.phase) == (1, "in")
    # And the shape changed smoothly all the way through the switch.
    clock2 = FakeClock()
    smooth = BreathSession(resonance(7), clock2, minutes=10)
    smooth.start()
    previous = smooth.state().fullness
    for step in range(1, 4000):
        clock2.advance(0.005)
        if step == 1500:
            smooth.change_pattern(resonance(4.5))
        current = smooth.state().fullness
        assert abs(current - previous) < 0.01
        previous = current


def test_minutes_session_ends_after_a_completed_out_breath() -> None:
    clock = FakeClock()
    session = BreathSession(BOX, clock, minutes=1.1)  # 66 s: mid-cycle
    session.start()
    clock.advance(66.0)
    assert not session.finished
    clock.advance(10.0)  # 72 s would be the end of an out-breath... of cycle 4 (64 + 12 = 76 s)
    assert session.finished
    record = session.record()
    assert record.actual_seconds == pytest.approx(76.0)
    assert record.cycles == 5
    assert not record.ended_early
    assert session.end_ms % 16_000 == 12_000  # out-breath just finished, before the rest


def test_cycles_session_ends_after_the_last_out_breath() -> None:
    clock = FakeClock()
    session = BreathSession(FOUR_SEVEN_EIGHT, clock, cycles=3)
    session.start()
    clock.advance(3 * 19 - 0.01)
    assert not session.finished
    assert session.remaining_text() == "1 breath left"
    clock.advance(0.02)
    assert session.finished
    assert session.record().cycles == 3


def test_enough_for_now_ends_gently_after_the_out_breath() -> None:
    clock = FakeClock()
    session = BreathSession(resonance(6), clock, minutes=5)
    session.start()
    clock.advance(2.0)  # breathing in
    session.finish_gently()
    assert not session.finished
    clock.advance(7.9)
    assert session.state().phase == "out"
    clock.advance(0.2)
    assert session.finished
    record = session.record()
    assert record.ended_early and record.cycles == 1
    assert record.actual_seconds == pytest.approx(10.0)


def test_escape_stops_at_once() -> None:
    clock = FakeClock()
    session = BreathSession(resonance(6), clock, minutes=5)
    session.start()
    clock.advance(3.3)
    session.stop()
    clock.advance(100)
    assert session.finished
    assert session.record().actual_seconds == pytest.approx(3.3)
    assert session.record().cycles == 0


def test_gradual_longer_out_breath_grows_toward_eight() -> None:
    clock = FakeClock()
    pattern = longer_out(gradual=True)
    assert [pattern.exhale_for(c) for c in (0, 2, 3, 6, 9, 12, 30)] == [6, 6, 6.5, 7, 7.5, 8, 8]
    session = BreathSession(pattern, clock, cycles=14)
    session.start()
    changes = phase_changes(session, clock, seconds=200, step=0.05)
    starts = [t for t, _, phase in changes if phase == "in"]
    lengths = [b - a for a, b in itertools.pairwise(starts)]
    assert lengths[:3] == [10_000, 10_000, 10_000]
    assert lengths[3] == 10_500 and lengths[-1] == 12_000


def test_cyclic_sigh_has_a_top_up_and_a_long_out_breath() -> None:
    phases = CYCLIC_SIGH.phases()
    assert [k for k, _ in phases] == ["in", "top_up", "out"]
    assert dict(phases)["out"] >= 1.8 * dict(phases)["in"]
    assert fullness("in", 1.0, has_top_up=True) == pytest.approx(0.8)
    assert fullness("top_up", 1.0, has_top_up=True) == pytest.approx(1.0)


def test_presets_and_their_safety_marks() -> None:
    by_key = {p.key: p for p in presets()}
    assert list(by_key) == ["resonance", "longer_out", "box", "478", "cyclic_sigh"]
    assert by_key["resonance"].cycle_seconds() == pytest.approx(10.0)
    assert by_key["box"].optional and by_key["478"].optional
    assert not by_key["resonance"].optional and not by_key["resonance"].has_holds
    with pytest.raises(ValueError):
        resonance(8)


def test_easing_is_smooth_at_the_ends() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.01) < 0.001


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (("", 4, 0, 4, 0), "name", "name"),
        (("x", -1, 0, 4, 0), "inhale", "negative"),
        (("x", 0, 0, 4, 0), "inhale", "more than 0"),
        (("x", 4, 0, 0, 0), "exhale", "more than 0"),
        (("x", 0.5, 0, 1, 0), "inhale", "at least 2 seconds"),
        (("x", 4, 61, 4, 0), "hold_in", "at most 60"),
        (("x", 4, 0, 4, math.nan), "hold_out", "negative"),
    ],
)
def test_custom_patterns_refuse_bad_values(
    values: tuple[str, float, float, float, float], field: str, message: str
) -> None:
    with pytest.raises(PatternProblem, match=message) as info:
        custom_pattern(*values)
    assert info.value.field == field


def test_custom_pattern_is_made_from_good_values() -> None:
    pattern = custom_pattern("  Evening   wind-down ", 4, 0, 7, 1)
    assert pattern.name == "Evening wind-down"
    assert pattern.optional  # it has a hold
    assert pattern.describe() == "Your own pattern: in 4 s, out 7 s, rest 1 s."


def shown(session: BreathSession) -> tuple[object, ...]:
    """What the pacer's words show at the session's time."""
    state = session.state()
    return (state.cycle, state.phase, state.countdown, session.remaining_text())


@pytest.mark.parametrize(
    ("pattern", "minutes", "cycles"),
    [
        (BOX, 5, None),
        (FOUR_SEVEN_EIGHT, None, 4),
        # Holds and an end that fall between whole seconds of the session.
        (custom_pattern("odd", inhale=1.3, hold_in=2.65, exhale=1.7, hold_out=1.45), 1, None),
    ],
)
def test_the_next_change_of_the_words_is_when_they_change(
    pattern: Pattern, minutes: float | None, cycles: int | None
) -> None:
    """While the breath is held the pacer sleeps until ``next_change_ms``: by then what it
    shows has changed, and a moment before, nothing had."""
    clock = FakeClock()
    session = BreathSession(pattern, clock, minutes=minutes, cycles=cycles)
    session.start()
    start = clock.now()
    t = 0.0
    checked = 0
    while t < 60.0:
        clock.set(start + t)
        state = session.state()
        if state.phase in HELD:
            now = shown(session)
            wait = session.next_change_ms(state) / 1000
            clock.set(start + t + wait - 0.0005)
            assert shown(session) == now, f"changed before the wake at {t:.3f} s"
            clock.set(start + t + wait + 0.0005)
            assert shown(session) != now, f"nothing changed at the wake, {t:.3f} s"
            checked += 1
        t = round(t + 0.037, 6)
    assert checked > 100
