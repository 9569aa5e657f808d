"""The listening pair's turns, driven by a fake clock: no Qt."""

from __future__ import annotations

import random

import pytest

from desktop.together.pair import (
    ADD_SECONDS,
    ARRIVE_SECONDS,
    LEFT,
    RIGHT,
    Answer,
    ListeningPair,
    PairSettings,
    Step,
)
from desktop.together.soft_time import PAUSE_SECONDS, SoftTime
from tests.helpers import FakeClock

PROMPTS = ("a taste", "a sound", "a texture")


def make(clock: FakeClock, **settings: object) -> ListeningPair:
    return ListeningPair(clock, PairSettings(**settings), PROMPTS, random.Random(7))  # type: ignore[arg-type]


def arrive(pair: ListeningPair, clock: FakeClock) -> None:
    clock.advance(ARRIVE_SECONDS)
    assert pair.tick() == ["arrived"]
    assert pair.step is Step.CHOOSE


def test_arrive_is_a_minute_of_shared_breath_then_who_speaks_first(clock: FakeClock) -> None:
    pair = make(clock)
    assert pair.step is Step.ARRIVE
    clock.advance(ARRIVE_SECONDS - 1)
    assert pair.tick() == []
    assert pair.check_in_before(LEFT, 4)
    assert pair.check_in_before(RIGHT, None)  # skipping is an answer too
    assert not pair.check_in_before(RIGHT, 9)
    clock.advance(1)
    assert pair.tick() == ["arrived"]
    assert pair.choose_first(RIGHT)
    assert pair.step is Step.PROMPT
    assert pair.speaker == RIGHT and pair.listener == LEFT
    assert pair.order == [RIGHT, LEFT, RIGHT, LEFT]


def test_chance_chooses_from_the_injected_random(clock: FakeClock) -> None:
    pair = make(clock)
    assert pair.choose_at_random() is None  # not before the breath is over
    arrive(pair, clock)
    chosen = pair.choose_at_random()
    assert chosen in (LEFT, RIGHT)
    assert pair.speaker == chosen


def test_only_the_speaker_can_speak_or_answer(clock: FakeClock) -> None:
    pair = make(clock)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    assert not pair.start_speaking(RIGHT)
    assert not pair.another_prompt(RIGHT)
    assert pair.start_speaking(LEFT)
    assert not pair.finished_speaking(RIGHT)
    assert pair.finished_speaking(LEFT)
    assert not pair.answer(RIGHT, Answer.YES)
    assert pair.step is Step.MIRROR


def test_prompts_offer_another_or_their_own(clock: FakeClock) -> None:
    pair = make(clock)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    first = pair.prompt
    assert first in PROMPTS
    pair.another_prompt(LEFT)
    assert pair.prompt in PROMPTS and pair.prompt != first
    pair.start_speaking(LEFT, own_topic=True)
    assert pair.prompt is None
    assert pair.halves[LEFT].topics == [""]


def test_the_soft_time_is_told_once_and_never_cuts_anyone_off(clock: FakeClock) -> None:
    pair = make(clock, speak_seconds=60)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    pair.start_speaking(LEFT)
    clock.advance(30)
    assert pair.tick() == []
    assert pair.progress() == pytest.approx(0.5)
    clock.advance(30)
    assert pair.tick() == ["time_up"]
    assert pair.time_is_up
    clock.advance(45)  # still finishing the sentence: nothing ends by itself
    assert pair.tick() == []
    assert pair.step is Step.SPEAK
    assert pair.progress() == 1.0
    assert pair.finished_speaking(LEFT)


def test_let_me_add_gives_thirty_seconds_and_another_mirror_then_good_enough(
    clock: FakeClock,
) -> None:
    pair = make(clock)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    pair.start_speaking(LEFT)
    pair.finished_speaking(LEFT)
    assert pair.answers() == (Answer.YES, Answer.ADD, Answer.NOT_QUITE)
    assert pair.answer(LEFT, Answer.ADD)
    assert pair.step is Step.ADD and pair.adding is Answer.ADD
    assert pair.timer is not None and pair.timer.seconds == ADD_SECONDS
    clock.advance(ADD_SECONDS)
    assert pair.tick() == ["time_up"]
    pair.finished_speaking(LEFT)
    assert pair.answer(LEFT, Answer.NOT_QUITE)  # the second loop
    assert pair.adding is Answer.NOT_QUITE
    pair.finished_speaking(LEFT)
    assert pair.answers() == (Answer.YES, Answer.GOOD_ENOUGH)  # after two loops
    assert not pair.answer(LEFT, Answer.ADD)
    assert pair.answer(LEFT, Answer.GOOD_ENOUGH)
    assert pair.speaker == RIGHT and pair.step is Step.PROMPT  # the piece has crossed
    assert pair.crossings == 1 and pair.loops == 0


def test_rounds_each_then_the_close(clock: FakeClock) -> None:
    pair = make(clock, rounds=1)
    arrive(pair, clock)
    pair.choose_first(RIGHT)
    for person in (RIGHT, LEFT):
        assert pair.speaker == person
        pair.start_speaking(person)
        pair.finished_speaking(person)
        pair.answer(person, Answer.YES)
    assert pair.step is Step.CLOSE
    assert pair.rounds_done == 1


def test_either_person_pauses_both_and_the_turn_keeps_its_time(clock: FakeClock) -> None:
    pair = make(clock, speak_seconds=60)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    pair.start_speaking(LEFT)
    clock.advance(20)
    assert pair.pause_for_both(RIGHT)  # the listener may pause too
    assert not pair.pause_for_both(LEFT)  # once is enough
    assert not pair.finished_speaking(LEFT)  # nothing moves while paused
    assert not pair.carry_on(LEFT)  # first the shared minute
    clock.advance(PAUSE_SECONDS)
    assert pair.tick() == ["pause_ready"]
    assert pair.tick() == []
    assert pair.carry_on(LEFT)
    assert pair.progress() == pytest.approx(20 / 60)
    assert pair.step is Step.SPEAK


def test_end_kindly_goes_to_the_close_with_what_was_shared(clock: FakeClock) -> None:
    pair = make(clock)
    assert pair.pause_for_both(LEFT)  # even while arriving
    clock.advance(PAUSE_SECONDS)
    pair.tick()
    assert pair.end_kindly(RIGHT)
    assert pair.step is Step.CLOSE and pair.ended_kindly
    assert pair.rounds_done == 0
    assert not pair.pause_for_both(LEFT)  # the close is not paused


def close_both(pair: ListeningPair, keep: tuple[bool, bool]) -> None:
    pair.close_word(LEFT, " warm ")
    pair.close_word(RIGHT, "seen")
    pair.check_in_after(LEFT, 5)
    for person in (LEFT, RIGHT):
        pair.set_keep(person, keep[person])
        pair.done(person)


def test_one_tick_of_keep_keeps_nothing(clock: FakeClock) -> None:
    pair = make(clock, names=("Sam", "Ana"))
    pair.pause_for_both(LEFT)
    clock.advance(PAUSE_SECONDS)
    pair.tick()
    pair.end_kindly(LEFT)
    close_both(pair, (True, False))
    assert pair.step is Step.DONE
    record = pair.record()
    assert record.words is None
    assert record.kind == "listening_pair" and record.people == 2
    assert record.seconds == pytest.approx(PAUSE_SECONDS)


def test_both_ticks_keep_the_words(clock: FakeClock) -> None:
    pair = make(clock, names=("Sam", "Ana"), rounds=1)
    pair.check_in_before(RIGHT, 2)
    arrive(pair, clock)
    pair.choose_first(LEFT)
    prompt = pair.prompt
    for person in (LEFT, RIGHT):
        pair.start_speaking(person)
        pair.finished_speaking(person)
        pair.answer(person, Answer.YES)
    close_both(pair, (True, True))
    record = pair.record()
    assert record.words is not None
    assert record.words["names"] == ["Sam", "Ana"]
    assert record.words["words"] == ["warm", "seen"]
    assert record.words["before"] == [None, 2]
    assert record.words["after"] == [5, None]
    assert prompt in record.words["topics"]  # type: ignore[operator]


def test_a_person_who_is_done_cannot_be_changed(clock: FakeClock) -> None:
    pair = make(clock)
    pair.pause_for_both(LEFT)
    clock.advance(PAUSE_SECONDS)
    pair.tick()
    pair.end_kindly(LEFT)
    pair.done(LEFT)
    assert not pair.set_keep(LEFT, True)
    assert not pair.close_word(LEFT, "late")
    with pytest.raises(ValueError, match="under 40"):
        pair.close_word(RIGHT, "x" * 41)


@pytest.mark.parametrize(
    "settings", [{"rounds": 4}, {"rounds": 0}, {"speak_seconds": 45}, {"names": ("x" * 41, "")}]
)
def test_settings_out_of_range_are_refused_plainly(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PairSettings(**settings)  # type: ignore[arg-type]


def test_a_soft_time_paused_and_resumed(clock: FakeClock) -> None:
    soft = SoftTime(clock, 10)
    clock.advance(4)
    soft.pause()
    clock.advance(100)
    assert soft.elapsed() == 4
    soft.resume()
    clock.advance(6)
    assert soft.newly_over() and not soft.newly_over()
    with pytest.raises(ValueError):
        SoftTime(clock, 0)
