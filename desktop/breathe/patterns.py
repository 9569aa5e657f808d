"""Breathing patterns: the presets, custom ones, and checking what a person typed. Pure."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

PHASE_KINDS = ("in", "top_up", "hold_in", "out", "hold_out")
PHASE_WORDS = {
    "in": "Breathe in",
    "top_up": "A little more in",
    "hold_in": "Hold gently",
    "out": "Breathe out",
    "hold_out": "Rest",
}
RESONANCE_RATES = (4.5, 5.0, 5.5, 6.0, 6.5, 7.0)
DEFAULT_RATE = 6.0
MAX_PHASE_SECONDS = 60.0
MIN_CYCLE_SECONDS = 2.0
LIGHT_HEADED_NOTE = (
    "Holds can make some people light-headed. If that happens, stop, breathe normally "
    "and choose a pattern without holds."
)


@dataclass(frozen=True)
class Pattern:
    key: str
    name: str
    description: str
    inhale: float
    exhale: float
    hold_in: float = 0.0
    hold_out: float = 0.0
    top_up: float = 0.0
    lengthen_to: float | None = None  # the out-breath grows gradually toward this many seconds
    optional: bool = False  # holds and fast patterns are opt-in, shown with a note
    custom: bool = False

    def phases(self, cycle: int = 0) -> list[tuple[str, float]]:
        """The cycle's phases as (kind, milliseconds), zero-length ones left out."""
        exhale = self.exhale_for(cycle)
        lengths = {
            "in": self.inhale,
            "top_up": self.top_up,
            "hold_in": self.hold_in,
            "out": exhale,
            "hold_out": self.hold_out,
        }
        return [(k, lengths[k] * 1000) for k in PHASE_KINDS if lengths[k] > 0]

    def exhale_for(self, cycle: int) -> float:
        if self.lengthen_to is None or self.lengthen_to <= self.exhale:
            return self.exhale
        # Half a second longer every third cycle, until the goal is reached.
        return min(self.lengthen_to, self.exhale + 0.5 * (cycle // 3))

    @property
    def varies(self) -> bool:
        return self.lengthen_to is not None and self.lengthen_to > self.exhale

    def cycle_seconds(self, cycle: int = 0) -> float:
        return sum(ms for _, ms in self.phases(cycle)) / 1000

    @property
    def has_holds(self) -> bool:
        return self.hold_in > 0 or self.hold_out > 0

    def summary(self) -> str:
        parts = [f"in {_s(self.inhale)}"]
        if self.top_up:
            parts.append(f"top up {_s(self.top_up)}")
        if self.hold_in:
            parts.append(f"hold {_s(self.hold_in)}")
        parts.append(f"out {_s(self.exhale)}")
        if self.hold_out:
            parts.append(f"rest {_s(self.hold_out)}")
        return ", ".join(parts)


def _s(seconds: float) -> str:
    return f"{seconds:g} s"


def resonance(rate: float = DEFAULT_RATE) -> Pattern:
    if not RESONANCE_RATES[0] <= rate <= RESONANCE_RATES[-1]:
        raise ValueError("Choose between 4.5 and 7 breaths a minute.")
    half = 30.0 / rate
    return Pattern(
        key="resonance",
        name="Resonance",
        description=(
            f"Slow, even breathing at {rate:g} breaths a minute, in and out for the same time, "
            "with no holds."
        ),
        inhale=half,
        exhale=half,
    )


def longer_out(gradual: bool = False) -> Pattern:
    return Pattern(
        key="longer_out",
        name="Longer out-breath",
        description="In for 4, out for 6. A longer out-breath can help the body settle."
        + (" The out-breath grows slowly toward 8." if gradual else ""),
        inhale=4,
        exhale=6,
        lengthen_to=8 if gradual else None,
    )


BOX = Pattern(
    key="box",
    name="Box",
    description="In, hold, out, hold: four counts each. Optional, with holds.",
    inhale=4,
    hold_in=4,
    exhale=4,
    hold_out=4,
    optional=True,
)
FOUR_SEVEN_EIGHT = Pattern(
    key="478",
    name="4-7-8",
    description="In for 4, hold for 7, out for 8. Optional, with a long hold.",
    inhale=4,
    hold_in=7,
    exhale=8,
    optional=True,
)
CYCLIC_SIGH = Pattern(
    key="cyclic_sigh",
    name="Cyclic sigh",
    description=(
        "A full breath in through the nose, a short second sip of air on top, then a long, "
        "slow breath out. Five minutes is the amount that has been studied."
    ),
    inhale=3,
    top_up=1,
    exhale=6,
)


def presets(rate: float = DEFAULT_RATE, gradual: bool = False) -> list[Pattern]:
    return [resonance(rate), longer_out(gradual), BOX, FOUR_SEVEN_EIGHT, CYCLIC_SIGH]


PRESET_MINUTES = {"cyclic_sigh": 5.0}


class PatternProblem(ValueError):
    """A custom pattern that cannot be saved; ``field`` names the value to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def custom_pattern(
    name: str,
    inhale: float,
    hold_in: float,
    exhale: float,
    hold_out: float,
    top_up: float = 0.0,
) -> Pattern:
    """Check the values a person typed and make a pattern, or raise PatternProblem."""
    clean_name = " ".join(name.split())
    if not clean_name:
        raise PatternProblem("name", "Give the pattern a name.")
    if len(clean_name) > 60:
        raise PatternProblem("name", "Keep the name under 60 characters.")
    values = {
        "inhale": inhale,
        "hold_in": hold_in,
        "exhale": exhale,
        "hold_out": hold_out,
        "top_up": top_up,
    }
    labels = {
        "inhale": "The in-breath",
        "hold_in": "The hold after breathing in",
        "exhale": "The out-breath",
        "hold_out": "The rest after breathing out",
        "top_up": "The top-up",
    }
    for field, value in values.items():
        if value != value or value < 0:  # NaN or negative
            raise PatternProblem(field, f"{labels[field]} cannot be negative.")
        if value > MAX_PHASE_SECONDS:
            raise PatternProblem(field, f"{labels[field]} can be at most 60 seconds.")
    for field in ("inhale", "exhale"):
        if values[field] == 0:
            raise PatternProblem(field, f"{labels[field]} needs some time, more than 0 seconds.")
    if sum(values.values()) < MIN_CYCLE_SECONDS:
        raise PatternProblem("inhale", "A whole breath needs at least 2 seconds.")
    pattern = Pattern(
        key=f"custom:{clean_name}",
        name=clean_name,
        description="",
        inhale=inhale,
        exhale=exhale,
        hold_in=hold_in,
        hold_out=hold_out,
        top_up=top_up,
        optional=hold_in > 0 or hold_out > 0,
        custom=True,
    )
    return dataclasses.replace(pattern, description=f"Your own pattern: {pattern.summary()}.")


def with_rate(pattern: Pattern, rate: float) -> Pattern:
    """The resonance pattern at another rate, keeping everything else."""
    return dataclasses.replace(resonance(rate), key=pattern.key)
