"""What is kept of a breathing session (desktop/breathe/sessions.py): pure, no Qt."""

from __future__ import annotations

from desktop.breathe.pacer import SessionRecord
from desktop.breathe.patterns import custom_pattern
from desktop.breathe.sessions import stored_session, worth_keeping
from desktop.checkin.answer import SKIPPED, CheckInAnswer
from desktop.store.records import Feeling


def _record(cycles: int, seconds: float = 50.0, ended_early: bool = False) -> SessionRecord:
    return SessionRecord(
        pattern=custom_pattern("Evening", inhale=4, hold_in=0, exhale=6, hold_out=0, top_up=1),
        planned_seconds=300,
        planned_cycles=None,
        actual_seconds=seconds,
        cycles=cycles,
        ended_early=ended_early,
    )


def test_less_than_one_whole_breath_is_not_a_session() -> None:
    assert not worth_keeping(_record(cycles=0, seconds=9.5))
    assert worth_keeping(_record(cycles=1, seconds=11.0))


def test_the_session_is_kept_as_breathed_with_both_check_ins() -> None:
    before = CheckInAnswer(2, (Feeling("numb", 2),))
    after = CheckInAnswer(4)
    kept = stored_session(_record(cycles=5, ended_early=True), before, after)
    assert kept.pattern_name == "Evening"  # a pattern of your own keeps its own name
    assert kept.pattern["inhale"] == 4 and kept.pattern["top_up"] == 1
    assert kept.pattern["exhale"] == 6 and kept.pattern["hold_in"] == 0
    assert (kept.planned_seconds, kept.planned_cycles) == (300, None)
    assert (kept.actual_seconds, kept.cycles, kept.ended_early) == (50.0, 5, True)
    assert (kept.settled_before, kept.settled_after) == (2, 4)
    assert kept.feelings_before == (Feeling("numb", 2),) and kept.feelings_after == ()


def test_skipped_check_ins_keep_no_answer() -> None:
    kept = stored_session(_record(cycles=3), SKIPPED, SKIPPED)
    assert kept.settled_before is None and kept.settled_after is None
