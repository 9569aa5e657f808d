"""The listening pair's turns: arrive, speak, mirror, switch, close. Pure: one injected clock.

Two people at one screen, person 0 on the left half and person 1 on the right. Each press
names who pressed it; a press that is not that person's to make changes nothing, so nobody can
answer for the other. Nothing is timed out hard: a soft time only says its length has come.
"""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.clock import Clock
from desktop.store.together import PAIR, TogetherRecord, WordsOrNone
from desktop.texts import translate
from desktop.together.soft_time import SharedPause, SoftTime, Stopwatch

LEFT, RIGHT = 0, 1
PEOPLE = (LEFT, RIGHT)
ARRIVE_SECONDS = 60.0  # about a minute of shared breathing (six slow breaths)
ADD_SECONDS = 30.0  # "Mostly, let me add" and "Not quite": a little more time
SPEAK_CHOICES = (60, 90, 120)
ROUND_CHOICES = (1, 2, 3)
DEFAULT_SPEAK = 90
DEFAULT_ROUNDS = 2
MAX_LOOPS = 2  # after two more mirrors, "Good enough for today"
SETTLED_RANGE = range(1, 6)
MAX_NAME = 40
MAX_WORD = 40


class Step(str, enum.Enum):
    ARRIVE = "arrive"  # shared breathing, an optional check-in on each half
    CHOOSE = "choose"  # who speaks first
    PROMPT = "prompt"  # the speaker picks something to speak about
    SPEAK = "speak"  # the speaker speaks; the listener listens
    MIRROR = "mirror"  # the listener says back what they heard; the speaker answers
    ADD = "add"  # the speaker adds or says again what mattered (30 s)
    CLOSE = "close"  # one word each, an after check-in, "Keep this"
    DONE = "done"


class Answer(str, enum.Enum):
    YES = "yes"  # "Yes, that's it"
    ADD = "add"  # "Mostly, let me add"
    NOT_QUITE = "not_quite"  # "Not quite"
    GOOD_ENOUGH = "good_enough"  # "Good enough for today", after two loops


def clean_name(text: str) -> str:
    name = " ".join(text.split())
    if len(name) > MAX_NAME:
        raise ValueError(
            translate("TogetherPair", "Keep a name under {count} characters.").format(
                count=MAX_NAME
            )
        )
    return name


@dataclass(frozen=True)
class PairSettings:
    rounds: int = DEFAULT_ROUNDS  # turns each
    speak_seconds: int = DEFAULT_SPEAK
    names: tuple[str, str] = ("", "")

    def __post_init__(self) -> None:
        if self.rounds not in ROUND_CHOICES:
            raise ValueError(translate("TogetherPair", "Choose 1, 2 or 3 rounds each."))
        if self.speak_seconds not in SPEAK_CHOICES:
            raise ValueError(
                translate("TogetherPair", "Speaking time is one, one and a half or two minutes.")
            )
        object.__setattr__(self, "names", tuple(clean_name(n) for n in self.names))


@dataclass
class Half:
    """What one person has chosen; kept only if both tick "Keep this"."""

    before: int | None = None
    after: int | None = None
    word: str = ""
    keep: bool = False
    done: bool = False
    topics: list[str] = field(default_factory=list)


class ListeningPair:
    """One listening practice, from the shared breath to the last word."""

    def __init__(
        self,
        clock: Clock,
        settings: PairSettings | None = None,
        prompts: Sequence[str] = (),
        rng: random.Random | None = None,
    ) -> None:
        self._clock = clock
        self.settings = settings or PairSettings()
        self._rng = rng or random.Random()
        self._prompts = list(prompts)
        self._rng.shuffle(self._prompts)
        self._next_prompt = 0
        self.halves = (Half(), Half())
        self.length = Stopwatch(clock)
        self.step = Step.ARRIVE
        self.timer: SoftTime | None = SoftTime(clock, ARRIVE_SECONDS)
        self.pause: SharedPause | None = None
        self.order: list[int] = []  # who speaks in each turn
        self.turn = 0
        self.turns_done = 0
        self.loops = 0  # extra mirrors in this turn
        self.adding: Answer | None = None  # why the speaker has more time: ADD or NOT_QUITE
        self.prompt: str | None = None  # None: the speaker's own topic
        self.crossings = 0  # the talking piece crossed this many times
        self.ended_kindly = False

    # -- who is who ---------------------------------------------------------------------------

    @property
    def speaker(self) -> int | None:
        if self.step in (Step.PROMPT, Step.SPEAK, Step.MIRROR, Step.ADD):
            return self.order[self.turn]
        return None

    @property
    def listener(self) -> int | None:
        speaker = self.speaker
        return None if speaker is None else 1 - speaker

    @property
    def paused(self) -> bool:
        return self.pause is not None

    @property
    def round_number(self) -> int:
        """1-based: which round of turns this is."""
        return self.turn // 2 + 1

    # -- time ---------------------------------------------------------------------------------

    def tick(self) -> list[str]:
        """Read the clock; return what happened since the last tick:
        "arrived" (the shared breath is over), "time_up" (a soft time has come),
        "pause_ready" (the shared minute is over)."""
        events: list[str] = []
        if self.pause is not None:
            if self.pause.ready and not self.pause.breath.told:
                self.pause.breath.told = True
                events.append("pause_ready")
            return events
        timer = self.timer
        if timer is None:
            return events
        if self.step is Step.ARRIVE and timer.over:
            self.step = Step.CHOOSE
            self.timer = None
            events.append("arrived")
        elif self.step in (Step.SPEAK, Step.ADD) and timer.newly_over():
            events.append("time_up")
        return events

    def progress(self) -> float:
        """How far the current soft time has gone, 0 to 1 (0 where nothing is timed)."""
        return self.timer.progress() if self.timer is not None else 0.0

    @property
    def time_is_up(self) -> bool:
        return self.timer is not None and self.timer.over

    # -- arrive -------------------------------------------------------------------------------

    def check_in_before(self, person: int, settled: int | None) -> bool:
        if self.step not in (Step.ARRIVE, Step.CHOOSE) or self.paused:
            return False
        if settled is not None and settled not in SETTLED_RANGE:
            return False
        self.halves[person].before = settled
        return True

    # -- who speaks first ---------------------------------------------------------------------

    def choose_first(self, person: int) -> bool:
        if self.step is not Step.CHOOSE or self.paused or person not in PEOPLE:
            return False
        self.order = [person, 1 - person] * self.settings.rounds
        self.turn = 0
        self._begin_turn()
        return True

    def choose_at_random(self) -> int | None:
        """Chance chooses who speaks first; returns who (None when it is not the time)."""
        if self.step is not Step.CHOOSE or self.paused:
            return None
        person = self._rng.choice(PEOPLE)
        self.choose_first(person)
        return person

    def _begin_turn(self) -> None:
        self.step = Step.PROMPT
        self.timer = None
        self.loops = 0
        self.adding = None
        self.prompt = self._take_prompt()

    def _take_prompt(self) -> str | None:
        if not self._prompts:
            return None
        prompt = self._prompts[self._next_prompt % len(self._prompts)]
        self._next_prompt += 1
        return prompt

    # -- speaking -----------------------------------------------------------------------------

    def _is_speaker(self, person: int) -> bool:
        return not self.paused and self.speaker == person

    def another_prompt(self, person: int) -> bool:
        if self.step is not Step.PROMPT or not self._is_speaker(person):
            return False
        self.prompt = self._take_prompt()
        return True

    def start_speaking(self, person: int, own_topic: bool = False) -> bool:
        """The speaker begins, with the prompt shown or with something of their own."""
        if self.step is not Step.PROMPT or not self._is_speaker(person):
            return False
        if own_topic:
            self.prompt = None
        self.halves[person].topics.append(self.prompt or "")
        self.step = Step.SPEAK
        self.timer = SoftTime(self._clock, self.settings.speak_seconds)
        return True

    def finished_speaking(self, person: int) -> bool:
        """The speaker has said it (before or after the soft time: never cut off)."""
        if self.step not in (Step.SPEAK, Step.ADD) or not self._is_speaker(person):
            return False
        self.step = Step.MIRROR
        self.timer = None
        return True

    # -- mirroring ----------------------------------------------------------------------------

    def answers(self) -> tuple[Answer, ...]:
        """What the speaker can say to the mirror now."""
        if self.step is not Step.MIRROR:
            return ()
        if self.loops >= MAX_LOOPS:
            return (Answer.YES, Answer.GOOD_ENOUGH)
        return (Answer.YES, Answer.ADD, Answer.NOT_QUITE)

    def answer(self, person: int, answer: Answer) -> bool:
        if not self._is_speaker(person) or answer not in self.answers():
            return False
        if answer in (Answer.YES, Answer.GOOD_ENOUGH):
            self._end_turn()
            return True
        self.loops += 1
        self.adding = answer
        self.step = Step.ADD
        self.timer = SoftTime(self._clock, ADD_SECONDS)
        return True

    def _end_turn(self) -> None:
        self.turns_done += 1
        self.turn += 1
        if self.turn < len(self.order):
            self.crossings += 1  # the talking piece goes to the other half
            self._begin_turn()
        else:
            self._close()

    # -- the shared pause ---------------------------------------------------------------------

    def pause_for_both(self, person: int) -> bool:
        """Either person, at any moment before the close; no reason asked."""
        if self.paused or self.step in (Step.CLOSE, Step.DONE) or person not in PEOPLE:
            return False
        self.pause = SharedPause(self._clock, person)
        if self.timer is not None:
            self.timer.pause()
        return True

    def carry_on(self, person: int) -> bool:
        if self.pause is None or not self.pause.ready or person not in PEOPLE:
            return False
        self.pause = None
        if self.timer is not None:
            self.timer.resume()
        return True

    def end_kindly(self, person: int) -> bool:
        if self.pause is None or not self.pause.ready or person not in PEOPLE:
            return False
        self.pause = None
        self.ended_kindly = True
        self._close()
        return True

    # -- closing ------------------------------------------------------------------------------

    def _close(self) -> None:
        self.step = Step.CLOSE
        self.timer = None

    def close_word(self, person: int, word: str) -> bool:
        if self.step is not Step.CLOSE or self.halves[person].done:
            return False
        word = " ".join(word.split())
        if len(word) > MAX_WORD:
            raise ValueError(
                translate("TogetherPair", "One word, or a few: under {count} characters.").format(
                    count=MAX_WORD
                )
            )
        self.halves[person].word = word
        return True

    def check_in_after(self, person: int, settled: int | None) -> bool:
        if self.step is not Step.CLOSE or self.halves[person].done:
            return False
        if settled is not None and settled not in SETTLED_RANGE:
            return False
        self.halves[person].after = settled
        return True

    def set_keep(self, person: int, keep: bool) -> bool:
        if self.step is not Step.CLOSE or self.halves[person].done:
            return False
        self.halves[person].keep = keep
        return True

    def done(self, person: int) -> bool:
        """This person has closed; when both have, the practice is over."""
        if self.step is not Step.CLOSE or self.halves[person].done:
            return False
        self.halves[person].done = True
        if all(h.done for h in self.halves):
            self.step = Step.DONE
            self.length.stop()
        return True

    @property
    def rounds_done(self) -> int:
        return math.ceil(self.turns_done / 2)

    @property
    def keep_words(self) -> bool:
        """Only when both ticked "Keep this": one tick keeps nothing."""
        return all(h.keep for h in self.halves)

    def record(self) -> TogetherRecord:
        words: WordsOrNone = None
        if self.keep_words:
            words = {
                "names": list(self.settings.names),
                "words": [h.word for h in self.halves],
                "topics": [t for h in self.halves for t in h.topics if t],
                "before": [h.before for h in self.halves],
                "after": [h.after for h in self.halves],
            }
        return TogetherRecord(
            kind=PAIR,
            seconds=round(self.length.seconds(), 1),
            rounds=self.rounds_done,
            people=2,
            words=words,
        )
