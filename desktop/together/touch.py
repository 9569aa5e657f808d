"""Touch with consent, for two people who already trust each other. Pure: one injected clock.

First each person says, on their own half, what contact they are happy with today ("none of
these" is a full answer). Only what both chose is offered; nobody is shown who declined what.
A round has Pause, Softer and Stop for both at every moment: a pause goes on only when both
are ready, and Stop ends it at once. Afterwards each says whether it was something they
wanted, were willing to do, or would rather not today. When touch is not right, other anchors.
"""

from __future__ import annotations

import enum

from desktop.clock import Clock
from desktop.store.together import TOUCH, TogetherRecord, WordsOrNone
from desktop.together.pair import PEOPLE
from desktop.together.prompts import AFTER_ANSWERS, ANCHORS, CONTACTS, shown
from desktop.together.soft_time import SoftTime, Stopwatch

MINUTE_CHOICES = (1, 2, 3)
DEFAULT_MINUTES = 2
SOFTER_SHOWN_SECONDS = 8.0  # how long "Softer, please" stays on both halves


class Step(str, enum.Enum):
    ASK = "ask"  # each half: what contact are you happy with today?
    AGREED = "agreed"  # what both chose: which to begin with
    ANCHORS = "anchors"  # touch is not right today: other anchors
    ROUND = "round"  # 1 to 3 minutes, Pause, Softer, Stop
    PRESENCE = "presence"  # quiet presence with the pacer instead
    AFTER = "after"  # wanted, willing, or would rather not today; "Keep this"
    DONE = "done"
    ELSEWHERE = "elsewhere"  # another anchor away from this page (a meal, the pair)


class TouchPractice:
    def __init__(self, clock: Clock, minutes: int = DEFAULT_MINUTES) -> None:
        if minutes not in MINUTE_CHOICES:
            raise ValueError("a round is 1, 2 or 3 minutes")
        self._clock = clock
        self.minutes = minutes
        self.step = Step.ASK
        self.choices: tuple[set[str], set[str]] = (set(), set())
        self.asked: list[bool] = [False, False]  # each has answered the question
        self.agreed: tuple[str, ...] = ()
        self.contact = ""  # the contact of the round, once begun
        self.anchor = ""  # or the other anchor chosen
        self.timer: SoftTime | None = None
        self.length: Stopwatch | None = None  # from the round's (or presence's) start
        self.paused_by: set[int] = set()  # while paused: who is not ready to go on yet
        self.ready: set[int] = set()
        self.softer_at: float | None = None
        self.stopped = False
        self.after: list[str | None] = [None, None]
        self.keep = [False, False]
        self.closed = [False, False]

    # -- asking -------------------------------------------------------------------------------

    def toggle(self, person: int, contact: str) -> bool:
        """This person is (or is no longer) happy with ``contact`` today."""
        if self.step is not Step.ASK or self.asked[person] or contact not in CONTACTS:
            return False
        chosen = self.choices[person]
        if contact in chosen:
            chosen.remove(contact)
        else:
            chosen.add(contact)
        return True

    def none_today(self, person: int) -> bool:
        """None of these today: a full answer, never questioned."""
        if self.step is not Step.ASK or self.asked[person]:
            return False
        self.choices[person].clear()
        return self.answered(person)

    def answered(self, person: int) -> bool:
        if self.step is not Step.ASK or self.asked[person]:
            return False
        self.asked[person] = True
        if all(self.asked):
            both = self.choices[0] & self.choices[1]
            self.agreed = tuple(c for c in CONTACTS if c in both)
            self.step = Step.AGREED if self.agreed else Step.ANCHORS
        return True

    def change_my_answer(self, person: int) -> bool:
        """Anyone can change their mind. While the other is still answering, only this person
        goes back to the question; once both have answered, both do (nobody is singled out)."""
        if self.step is Step.ASK:
            if not self.asked[person]:
                return False
            self.asked[person] = False
            return True
        if self.step not in (Step.AGREED, Step.ANCHORS):
            return False
        self.step = Step.ASK
        self.asked = [False, False]
        self.agreed = ()
        return True

    # -- the round ----------------------------------------------------------------------------

    def begin(self, contact: str) -> bool:
        if self.step is not Step.AGREED or contact not in self.agreed:
            return False
        self.contact = contact
        self.step = Step.ROUND
        self.timer = SoftTime(self._clock, self.minutes * 60)
        self.length = Stopwatch(self._clock)
        return True

    @property
    def paused(self) -> bool:
        return bool(self.paused_by) or (self.timer is not None and self.timer.paused)

    def pause(self, person: int) -> bool:
        """Either person, at any moment. It goes on only when both say they are ready."""
        if self.step not in (Step.ROUND, Step.PRESENCE) or person not in PEOPLE:
            return False
        assert self.timer is not None
        self.timer.pause()
        self.ready = set()
        self.paused_by.add(person)
        return True

    def ready_to_go_on(self, person: int) -> bool:
        if self.step not in (Step.ROUND, Step.PRESENCE) or not self.paused:
            return False
        self.ready.add(person)
        if self.ready >= set(PEOPLE):
            assert self.timer is not None
            self.paused_by = set()
            self.ready = set()
            self.timer.resume()
        return True

    def softer(self, person: int) -> bool:
        """ "Softer, please": shown on both halves for a few seconds; never counted."""
        if self.step is not Step.ROUND or person not in PEOPLE:
            return False
        self.softer_at = self._clock.now()
        return True

    @property
    def asking_softer(self) -> bool:
        return (
            self.step is Step.ROUND
            and self.softer_at is not None
            and self._clock.now() - self.softer_at < SOFTER_SHOWN_SECONDS
        )

    def stop(self, person: int) -> bool:
        """Stop, at once, for both."""
        if self.step not in (Step.ROUND, Step.PRESENCE) or person not in PEOPLE:
            return False
        self.stopped = True
        self._to_after()
        return True

    def _to_after(self) -> None:
        self.timer = None
        self.paused_by = set()
        self.ready = set()
        if self.length is not None:
            self.length.stop()
        self.step = Step.AFTER

    def tick(self) -> list[str]:
        """ "time_up" when the round's time has come (it eases to an end, then the question)."""
        timed = self.step in (Step.ROUND, Step.PRESENCE) and self.timer is not None
        if timed and not self.paused and self.timer is not None and self.timer.over:
            self._to_after()
            return ["time_up"]
        return []

    def progress(self) -> float:
        return self.timer.progress() if self.timer is not None else 0.0

    # -- other anchors ------------------------------------------------------------------------

    def choose_anchor(self, anchor: str) -> bool:
        """Touch is not right today: quiet presence here, or a meal or the pair elsewhere."""
        if self.step not in (Step.ANCHORS, Step.AGREED) or anchor not in ANCHORS:
            return False
        self.anchor = anchor
        if anchor == "presence":
            self.step = Step.PRESENCE
            self.timer = SoftTime(self._clock, self.minutes * 60)
            self.length = Stopwatch(self._clock)
        else:
            self.step = Step.ELSEWHERE
        return True

    # -- afterwards ---------------------------------------------------------------------------

    def answer_after(self, person: int, answer: str) -> bool:
        if self.step is not Step.AFTER or self.closed[person] or answer not in AFTER_ANSWERS:
            return False
        self.after[person] = answer
        return True

    def set_keep(self, person: int, keep: bool) -> bool:
        if self.step is not Step.AFTER or self.closed[person]:
            return False
        self.keep[person] = keep
        return True

    def done(self, person: int) -> bool:
        if self.step is not Step.AFTER or self.closed[person]:
            return False
        self.closed[person] = True
        if all(self.closed):
            self.step = Step.DONE
        return True

    @property
    def keep_words(self) -> bool:
        return all(self.keep)

    def seconds(self) -> float:
        return self.length.seconds() if self.length is not None else 0.0

    def record(self) -> TogetherRecord | None:
        """What is kept, or None when nothing happened here (the meal and the pair happen
        elsewhere; the pair keeps its own record)."""
        if self.length is None:
            return None
        words: WordsOrNone = None
        if self.keep_words:
            # Kept as words a person reads, in the language of the day they were said.
            words = {
                "contact": shown(CONTACTS[self.contact]) if self.contact else "",
                "anchor": shown(ANCHORS[self.anchor][0]) if self.anchor else "",
                "answers": [shown(AFTER_ANSWERS[a]) if a else "" for a in self.after],
            }
        return TogetherRecord(
            kind=TOUCH,
            seconds=round(self.seconds(), 1),
            rounds=1,
            people=2,
            words=words,
        )
