"""The circle's talking piece, rounds, passes and direction, with a fake clock: no Qt."""

from __future__ import annotations

import pytest

from desktop.together.circle import Circle, CircleSettings, Step, names_from_text
from desktop.together.soft_time import PAUSE_SECONDS
from tests.helpers import FakeClock


def test_each_round_starts_with_the_next_person(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=4, rounds=3))
    assert circle.step is Step.GUIDELINES
    assert circle.begin()
    holders = []
    for _ in range(4):
        holders.append(circle.holder)
        circle.finished()
    assert holders == [0, 1, 2, 3]
    assert circle.step is Step.BETWEEN and circle.start == 1
    circle.begin()
    second = []
    for _ in range(4):
        second.append(circle.holder)
        circle.pass_turn() if circle.holder == 2 else circle.finished()
    assert second == [1, 2, 3, 0]
    assert circle.start == 2


def test_the_direction_can_change_between_rounds(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=5, rounds=3))
    circle.begin()
    for _ in range(5):
        circle.finished()
    assert circle.start == 1
    assert circle.change_direction()
    assert circle.direction == -1
    assert circle.start == 4  # the next one the other way from who began before (0)
    circle.begin()
    order = []
    for _ in range(5):
        order.append(circle.holder)
        circle.finished()
    assert order == [4, 3, 2, 1, 0]
    assert circle.start == 3


def test_a_round_in_silence_ends_the_circle(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=3, rounds=4))
    circle.begin()
    circle.finished()
    circle.pass_turn()
    circle.pass_turn()
    assert circle.step is Step.BETWEEN  # someone spoke: the circle goes on
    circle.begin()
    for _ in range(3):
        circle.pass_turn()
    assert circle.step is Step.CLOSE
    assert circle.ended_in_silence
    assert circle.rounds_done == 2


def test_it_ends_after_the_chosen_rounds_and_keeps_only_the_shape(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=5, rounds=1, names=("Sam", "Ana")))
    circle.begin()
    for _ in range(5):
        clock.advance(30)
        circle.finished()
    assert circle.step is Step.CLOSE and not circle.ended_in_silence
    assert circle.close(keep=False, words="we laughed")
    record = circle.record()
    assert (record.kind, record.people, record.rounds, record.words) == ("circle", 5, 1, None)
    assert record.seconds == pytest.approx(150)


def test_the_group_can_keep_its_words(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(names=names_from_text("Sam, Ana ,, Lee")))
    assert circle.people == 4  # the default seats, the names in the first three
    circle.begin()
    circle.pause_for_everyone()
    clock.advance(PAUSE_SECONDS)
    assert circle.tick() == ["pause_ready"]
    assert circle.end_kindly()
    circle.close(keep=True, words="  quiet   and warm ")
    assert circle.record().words == {"names": ["Sam", "Ana", "Lee"], "words": "quiet and warm"}


def test_the_soft_turn_time_and_the_pause(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(turn_seconds=60))
    circle.begin()
    clock.advance(40)
    assert circle.pause_for_everyone()
    assert not circle.finished() and not circle.pass_turn()
    clock.advance(PAUSE_SECONDS)
    circle.tick()
    assert circle.carry_on()
    clock.advance(20)
    assert circle.tick() == ["time_up"]
    assert circle.tick() == []
    assert circle.holder == 0  # still theirs: a soft time never takes the piece away
    assert circle.pass_turn()
    assert circle.holder == 1 and circle.progress() == 0


def test_a_pause_at_the_end_of_a_round_counts_the_round(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=3, rounds=2))
    circle.begin()
    circle.finished()
    circle.pause_for_everyone()
    clock.advance(PAUSE_SECONDS)
    circle.tick()
    circle.end_kindly()
    assert circle.rounds_done == 1


def test_between_rounds_the_group_may_rest(clock: FakeClock) -> None:
    circle = Circle(clock, CircleSettings(people=3, rounds=3))
    circle.begin()
    for _ in range(3):
        circle.finished()
    assert circle.end_here()
    assert circle.step is Step.CLOSE and circle.rounds_done == 1


@pytest.mark.parametrize(
    "settings",
    [
        {"people": 2},
        {"people": 9},
        {"names": tuple("abcdefghi")},
        {"turn_seconds": 30},
        {"rounds": 5},
    ],
)
def test_settings_out_of_range_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        CircleSettings(**settings)  # type: ignore[arg-type]


def test_more_names_than_seats_give_everyone_a_seat() -> None:
    assert CircleSettings(people=3, names=tuple("abcde")).people == 5
