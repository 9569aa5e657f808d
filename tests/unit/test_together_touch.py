"""Touch with consent: what both chose, a round with Pause, Softer and Stop, the answers after."""

from __future__ import annotations

import pytest

from desktop.together.pair import LEFT, RIGHT
from desktop.together.touch import SOFTER_SHOWN_SECONDS, Step, TouchPractice
from tests.helpers import FakeClock


def agreed(clock: FakeClock, minutes: int = 2) -> TouchPractice:
    touch = TouchPractice(clock, minutes)
    touch.toggle(LEFT, "hands")
    touch.toggle(LEFT, "mug")
    touch.toggle(RIGHT, "mug")
    touch.toggle(RIGHT, "shoulder")
    touch.answered(LEFT)
    touch.answered(RIGHT)
    return touch


def test_only_what_both_chose_is_offered(clock: FakeClock) -> None:
    touch = agreed(clock)
    assert touch.step is Step.AGREED
    assert touch.agreed == ("mug",)
    assert not touch.begin("hands")  # one of them did not choose it
    assert touch.begin("mug")
    assert touch.step is Step.ROUND


def test_none_today_from_either_offers_other_anchors(clock: FakeClock) -> None:
    touch = TouchPractice(clock)
    touch.toggle(LEFT, "hands")
    touch.answered(LEFT)
    assert not touch.toggle(LEFT, "back")  # answered: waiting for the other
    assert touch.none_today(RIGHT)
    assert touch.step is Step.ANCHORS
    assert touch.agreed == ()
    assert touch.choose_anchor("presence")
    assert touch.step is Step.PRESENCE
    clock.advance(120)
    assert touch.tick() == ["time_up"]
    assert touch.step is Step.AFTER


def test_anyone_can_change_their_mind_before_the_round(clock: FakeClock) -> None:
    touch = agreed(clock)
    assert touch.change_my_answer(RIGHT)
    assert touch.step is Step.ASK and touch.asked == [False, False]
    touch.answered(LEFT)
    assert not touch.change_my_answer(RIGHT)  # nothing to change yet
    assert touch.change_my_answer(LEFT)
    assert touch.asked == [False, False]


@pytest.mark.parametrize("who", [LEFT, RIGHT])
def test_stop_by_either_person_ends_the_round_at_once(clock: FakeClock, who: int) -> None:
    touch = agreed(clock, minutes=3)
    touch.begin("mug")
    clock.advance(40)
    assert touch.stop(who)
    assert touch.step is Step.AFTER and touch.stopped
    clock.advance(100)
    assert touch.seconds() == pytest.approx(40)
    assert not touch.stop(who)


def test_a_pause_goes_on_only_when_both_are_ready(clock: FakeClock) -> None:
    touch = agreed(clock, minutes=1)
    touch.begin("mug")
    clock.advance(20)
    assert touch.pause(LEFT)
    clock.advance(300)
    assert touch.tick() == []  # paused: time stands still
    assert touch.ready_to_go_on(RIGHT)
    assert touch.paused
    assert touch.ready_to_go_on(LEFT)
    assert not touch.paused
    assert touch.progress() == pytest.approx(20 / 60)
    clock.advance(40)
    assert touch.tick() == ["time_up"]


def test_softer_is_shown_a_while_and_never_counted(clock: FakeClock) -> None:
    touch = agreed(clock)
    touch.begin("mug")
    assert touch.softer(RIGHT)
    assert touch.asking_softer
    clock.advance(SOFTER_SHOWN_SECONDS)
    assert not touch.asking_softer


def test_after_answers_are_kept_only_when_both_keep(clock: FakeClock) -> None:
    touch = agreed(clock)
    touch.begin("mug")
    clock.advance(120)
    touch.tick()
    touch.answer_after(LEFT, "wanted")
    touch.answer_after(RIGHT, "rather_not")
    touch.set_keep(LEFT, True)
    touch.done(LEFT)
    touch.done(RIGHT)
    record = touch.record()
    assert record is not None and record.words is None
    assert (record.kind, record.people, record.rounds) == ("touch", 2, 1)
    assert record.seconds == pytest.approx(120)


def test_kept_answers_are_words_a_person_reads(clock: FakeClock) -> None:
    touch = agreed(clock)
    touch.begin("mug")
    touch.stop(LEFT)
    touch.answer_after(LEFT, "willing")
    for person in (LEFT, RIGHT):
        touch.set_keep(person, True)
        touch.done(person)
    record = touch.record()
    assert record is not None and record.words is not None
    assert record.words["contact"] == "Holding one warm mug together"
    assert record.words["answers"] == ["Something I was willing to do", ""]


def test_a_meal_elsewhere_keeps_no_record_here(clock: FakeClock) -> None:
    touch = TouchPractice(clock)
    touch.none_today(LEFT)
    touch.none_today(RIGHT)
    assert touch.choose_anchor("meal")
    assert touch.step is Step.ELSEWHERE
    assert touch.record() is None
