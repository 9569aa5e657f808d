""" "Find my comfortable pace": the paces tried, their patterns, and which pace to offer. Pure.

Five paces from 6.5 down to 4.5 breaths a minute, about two minutes each, the out-breath a
little longer than the in-breath. After each the person answers with one tap: easy, fine or
effortful. The pace that felt most comfortable (the faster one on a tie, so nobody is left
short of air) is offered as their own pattern. Nothing is measured, and nothing says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.breathe.patterns import Pattern
from desktop.store.pace import COMFORTS
from desktop.texts import QT_TRANSLATE_NOOP, translate

PACE_RATES = (6.5, 6.0, 5.5, 5.0, 4.5)  # breaths a minute, one step each
STEP_MINUTES = 2.0
IN_SHARE = 0.45  # of each breath: the out-breath is a little longer than the in-breath
COMFORT_RANK = {"easy": 2, "fine": 1, "effortful": 0}
COMFORT_WORDS = {
    "easy": QT_TRANSLATE_NOOP("Pace", "Easy"),
    "fine": QT_TRANSLATE_NOOP("Pace", "Fine"),
    "effortful": QT_TRANSLATE_NOOP("Pace", "Effortful"),
}
OWN_PATTERN_NAME = QT_TRANSLATE_NOOP("Pace", "My comfortable pace")


def breath_lengths(rate: float) -> tuple[float, float]:
    """(in, out) seconds for ``rate`` breaths a minute, to a tenth of a second."""
    cycle = 60.0 / rate
    inhale = round(cycle * IN_SHARE, 1)
    return inhale, round(cycle - inhale, 1)


def step_pattern(rate: float) -> Pattern:
    """The pattern breathed during one step."""
    inhale, exhale = breath_lengths(rate)
    return Pattern(
        key=f"pace:{rate:g}",
        name=QT_TRANSLATE_NOOP("Pace", "Finding your pace"),
        description="",
        inhale=inhale,
        exhale=exhale,
    )


def choose_pace(answers: Sequence[tuple[float, str]]) -> float | None:
    """The pace that felt most comfortable; on a tie the faster one. None with no answers."""
    if not answers:
        return None
    return max(answers, key=lambda answer: (COMFORT_RANK[answer[1]], answer[0]))[0]


def comfort_words(comfort: str) -> str:
    return translate("Pace", COMFORT_WORDS[comfort])


def own_pattern_name() -> str:
    return translate("Pace", OWN_PATTERN_NAME)


@dataclass
class PaceFinder:
    """Where a finding is: which step, and the answers so far."""

    rates: tuple[float, ...] = PACE_RATES
    answers: list[tuple[float, str]] = field(default_factory=list)
    stopped: bool = False

    @property
    def step(self) -> int:
        """The 0-based step being breathed or answered now."""
        return len(self.answers)

    @property
    def finished(self) -> bool:
        return self.stopped or len(self.answers) == len(self.rates)

    @property
    def rate(self) -> float:
        """The pace of the current step."""
        return self.rates[min(self.step, len(self.rates) - 1)]

    def answer(self, comfort: str) -> None:
        if comfort not in COMFORTS:
            raise ValueError(f"a comfort answer is easy, fine or effortful, not {comfort!r}")
        if not self.finished:
            self.answers.append((self.rate, comfort))

    def stop(self) -> None:
        """ "That's enough for now": no more steps; the answers so far still count."""
        self.stopped = True

    def chosen(self) -> float | None:
        return choose_pace(self.answers)
