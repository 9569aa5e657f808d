"""A small circle's turns: a talking piece goes round; passing is always fine. Pure.

Each round starts with the next person, and the group can turn the direction between rounds.
The circle ends after the chosen rounds, or when a whole round passes in silence.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from desktop.clock import Clock
from desktop.store.together import CIRCLE, TogetherRecord, WordsOrNone
from desktop.texts import translate
from desktop.together.pair import clean_name
from desktop.together.soft_time import SharedPause, SoftTime, Stopwatch

MIN_PEOPLE, MAX_PEOPLE = 3, 8
TURN_CHOICES = (60, 120, 180)
ROUND_CHOICES = (1, 2, 3, 4)
DEFAULT_PEOPLE = 4
DEFAULT_TURN = 120
DEFAULT_ROUNDS = 2
MAX_WORDS = 300


class Step(str, enum.Enum):
    GUIDELINES = "guidelines"  # read together before the piece starts going round
    TURN = "turn"  # the one holding the piece speaks, or passes
    BETWEEN = "between"  # a breath between rounds: who begins, which way
    CLOSE = "close"  # keep the words, or only "Circle, 5 people, 3 rounds"
    DONE = "done"


def names_from_text(text: str) -> tuple[str, ...]:
    """ "Sam, Ana, Lee" as names; empty parts are left out."""
    return tuple(clean_name(part) for part in text.split(",") if part.strip())


class CircleSettings:
    def __init__(
        self,
        people: int = DEFAULT_PEOPLE,
        turn_seconds: int = DEFAULT_TURN,
        rounds: int = DEFAULT_ROUNDS,
        names: Sequence[str] = (),
    ) -> None:
        names = tuple(clean_name(n) for n in names)
        if len(names) > MAX_PEOPLE:
            raise ValueError(
                translate("TogetherCircle", "A circle here is {low} to {high} people.").format(
                    low=MIN_PEOPLE, high=MAX_PEOPLE
                )
            )
        if names and len(names) > people:
            people = len(names)  # every name has a seat
        if not MIN_PEOPLE <= people <= MAX_PEOPLE:
            raise ValueError(
                translate("TogetherCircle", "A circle here is {low} to {high} people.").format(
                    low=MIN_PEOPLE, high=MAX_PEOPLE
                )
            )
        if turn_seconds not in TURN_CHOICES:
            raise ValueError(translate("TogetherCircle", "A turn is one, two or three minutes."))
        if rounds not in ROUND_CHOICES:
            raise ValueError(translate("TogetherCircle", "Choose 1 to 4 rounds."))
        self.people = people
        self.turn_seconds = turn_seconds
        self.rounds = rounds
        self.names = names + ("",) * (people - len(names))


class Circle:
    def __init__(self, clock: Clock, settings: CircleSettings | None = None) -> None:
        self._clock = clock
        self.settings = settings or CircleSettings()
        self.length = Stopwatch(clock)
        self.step = Step.GUIDELINES
        self.direction = 1  # +1: round the seats in order; -1: the other way
        self.round = 0  # 0-based
        self.start = 0  # who begins this round
        self.position = 0  # how many turns of this round are over
        self.spoke_this_round = 0
        self.rounds_done = 0
        self.timer: SoftTime | None = None
        self.pause: SharedPause | None = None
        self.ended_in_silence = False
        self.keep = False
        self.words = ""

    @property
    def people(self) -> int:
        return self.settings.people

    @property
    def holder(self) -> int | None:
        """Who holds the talking piece now (a seat number from 0)."""
        if self.step is not Step.TURN:
            return None
        return (self.start + self.direction * self.position) % self.people

    def seat_after(self, seat: int) -> int:
        return (seat + self.direction) % self.people

    @property
    def paused(self) -> bool:
        return self.pause is not None

    def tick(self) -> list[str]:
        """ "time_up" once a turn's soft time has come; "pause_ready" after the shared minute."""
        if self.pause is not None:
            if self.pause.ready and not self.pause.breath.told:
                self.pause.breath.told = True
                return ["pause_ready"]
            return []
        if self.step is Step.TURN and self.timer is not None and self.timer.newly_over():
            return ["time_up"]
        return []

    def progress(self) -> float:
        return self.timer.progress() if self.timer is not None else 0.0

    @property
    def time_is_up(self) -> bool:
        return self.timer is not None and self.timer.over

    # -- the piece going round ----------------------------------------------------------------

    def begin(self) -> bool:
        """From the guidelines, or between rounds: the round begins with ``start``."""
        if self.paused or self.step not in (Step.GUIDELINES, Step.BETWEEN):
            return False
        self.step = Step.TURN
        self.position = 0
        self.spoke_this_round = 0
        self._new_turn()
        return True

    def _new_turn(self) -> None:
        self.timer = SoftTime(self._clock, self.settings.turn_seconds)

    def finished(self) -> bool:
        """The one holding the piece has spoken and passes it on."""
        if self.paused or self.step is not Step.TURN:
            return False
        self.spoke_this_round += 1
        self._next()
        return True

    def pass_turn(self) -> bool:
        """Passing is always there and always fine."""
        if self.paused or self.step is not Step.TURN:
            return False
        self._next()
        return True

    def _next(self) -> None:
        self.position += 1
        if self.position < self.people:
            self._new_turn()
            return
        self.timer = None
        self.rounds_done += 1
        if self.spoke_this_round == 0:
            self.ended_in_silence = True  # the piece went round and nobody spoke
            self.step = Step.CLOSE
        elif self.rounds_done >= self.settings.rounds:
            self.step = Step.CLOSE
        else:
            self.round += 1
            self.start = self.seat_after(self.start)  # the next person begins
            self.step = Step.BETWEEN

    def change_direction(self) -> bool:
        """Between rounds: the next round goes the other way, still starting with someone new."""
        if self.paused or self.step is not Step.BETWEEN:
            return False
        previous = (self.start - self.direction) % self.people  # who began the last round
        self.direction = -self.direction
        self.start = self.seat_after(previous)
        return True

    def end_here(self) -> bool:
        """Between rounds the group may rest here."""
        if self.paused or self.step is not Step.BETWEEN:
            return False
        self.step = Step.CLOSE
        return True

    # -- the shared pause ---------------------------------------------------------------------

    def pause_for_everyone(self, by: int = -1) -> bool:
        if self.paused or self.step in (Step.CLOSE, Step.DONE):
            return False
        self.pause = SharedPause(self._clock, by)
        if self.timer is not None:
            self.timer.pause()
        return True

    def carry_on(self) -> bool:
        if self.pause is None or not self.pause.ready:
            return False
        self.pause = None
        if self.timer is not None:
            self.timer.resume()
        return True

    def end_kindly(self) -> bool:
        if self.pause is None or not self.pause.ready:
            return False
        self.pause = None
        if self.step is Step.TURN and self.position > 0:
            self.rounds_done += 1  # the round they were in counts as one they shared
        self.timer = None
        self.step = Step.CLOSE
        return True

    # -- closing ------------------------------------------------------------------------------

    def close(self, keep: bool, words: str = "") -> bool:
        """The group keeps the names and a few words, or only the circle's shape."""
        if self.step is not Step.CLOSE:
            return False
        words = " ".join(words.split())
        if len(words) > MAX_WORDS:
            message = translate("TogetherCircle", "A few words: under {count} characters.")
            raise ValueError(message.format(count=MAX_WORDS))
        self.keep = keep
        self.words = words
        self.step = Step.DONE
        self.length.stop()
        return True

    def record(self) -> TogetherRecord:
        words: WordsOrNone = None
        if self.keep:
            words = {"names": [n for n in self.settings.names if n], "words": self.words}
        return TogetherRecord(
            kind=CIRCLE,
            seconds=round(self.length.seconds(), 1),
            rounds=self.rounds_done,
            people=self.people,
            words=words,
        )
