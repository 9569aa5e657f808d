"""Breathing patterns: the presets, custom ones, and checking what a person typed. Pure."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, get_args

from desktop.store import limits
from desktop.texts import QT_TRANSLATE_NOOP, translate

Phase = Literal["in", "top_up", "hold_in", "out", "hold_out"]  # the parts of a breath, in order
PHASE_KINDS: tuple[Phase, ...] = get_args(Phase)
PHASE_WORDS: dict[Phase, str] = {
    "in": QT_TRANSLATE_NOOP("Patterns", "Breathe in"),
    "top_up": QT_TRANSLATE_NOOP("Patterns", "A small sip more"),
    "hold_in": QT_TRANSLATE_NOOP("Patterns", "Hold gently"),
    "out": QT_TRANSLATE_NOOP("Patterns", "Breathe out"),
    "hold_out": QT_TRANSLATE_NOOP("Patterns", "Rest"),
}
RESONANCE_RATES = (4.5, 5.0, 5.5, 6.0, 6.5, 7.0)
DEFAULT_RATE = 6.0
MAX_PHASE_SECONDS = limits.PHASE_SECONDS  # the store keeps the same
MIN_CYCLE_SECONDS = 2.0
LIGHT_HEADED_NOTE = QT_TRANSLATE_NOOP(
    "Patterns",
    "Holds can make some people light-headed. If that happens, stop, breathe normally "
    "and choose a pattern without holds.",
)


def phase_words(kind: Phase) -> str:
    """What the pacer says during a phase, in the person's language."""
    return translate("Patterns", PHASE_WORDS[kind])


PatternField = Literal["inhale", "top_up", "hold_in", "exhale", "hold_out"]
# Each part of a breath in everyday words, as a pattern of your own asks for it: what it is,
# and a line on what it does. In the order they are breathed.
FIELD_WORDS: dict[PatternField, tuple[str, str]] = {
    "inhale": (
        QT_TRANSLATE_NOOP("Patterns", "Breathing in"),
        QT_TRANSLATE_NOOP("Patterns", "How long each breath in takes"),
    ),
    "top_up": (
        QT_TRANSLATE_NOOP("Patterns", "A second small sip of air on top"),
        QT_TRANSLATE_NOOP("Patterns", "A short extra breath in, as in the cyclic sigh; 0 for none"),
    ),
    "hold_in": (
        QT_TRANSLATE_NOOP("Patterns", "Holding, with your lungs full"),
        QT_TRANSLATE_NOOP("Patterns", "A pause before breathing out; 0 for none"),
    ),
    "exhale": (
        QT_TRANSLATE_NOOP("Patterns", "Breathing out"),
        QT_TRANSLATE_NOOP("Patterns", "How long each breath out takes"),
    ),
    "hold_out": (
        QT_TRANSLATE_NOOP("Patterns", "Resting, before the next breath"),
        QT_TRANSLATE_NOOP("Patterns", "A pause with your lungs empty; 0 for none"),
    ),
}
PATTERN_FIELDS: tuple[PatternField, ...] = get_args(PatternField)


@dataclass(frozen=True)
class Pattern:
    key: str
    name: str  # a preset's name as written here (shown translated) or the person's own
    description: str  # as written here; shown through describe()
    inhale: float
    exhale: float
    hold_in: float = 0.0
    hold_out: float = 0.0
    top_up: float = 0.0
    lengthen_to: float | None = None  # the out-breath grows gradually toward this many seconds
    optional: bool = False  # holds and fast patterns are opt-in, shown with a note
    custom: bool = False
    brief: str = ""  # one line, as written here; shown through one_line()

    def phases(self, cycle: int = 0) -> list[tuple[Phase, float]]:
        """The cycle's phases as (kind, milliseconds), zero-length ones left out."""
        exhale = self.exhale_for(cycle)
        lengths: dict[Phase, float] = {
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
        parts = [translate("Patterns", "in {seconds} s").format(seconds=f"{self.inhale:g}")]
        if self.top_up:
            parts.append(
                translate("Patterns", "a sip more {seconds} s").format(seconds=f"{self.top_up:g}")
            )
        if self.hold_in:
            parts.append(
                translate("Patterns", "hold {seconds} s").format(seconds=f"{self.hold_in:g}")
            )
        parts.append(translate("Patterns", "out {seconds} s").format(seconds=f"{self.exhale:g}"))
        if self.hold_out:
            parts.append(
                translate("Patterns", "rest {seconds} s").format(seconds=f"{self.hold_out:g}")
            )
        return translate("Patterns", ", ").join(parts)

    def shown_name(self) -> str:
        """The name in the person's language: presets are translated, own patterns are not."""
        return self.name if self.custom else translate("Patterns", self.name)

    def one_line(self) -> str:
        """What the chooser says under the name: one short line."""
        if self.custom:
            summary = self.summary()
            return summary[:1].upper() + summary[1:]
        if self.key == "resonance":
            return translate("Patterns", "Slow and even, {rate} breaths a minute").format(
                rate=f"{30.0 / self.inhale:g}"
            )
        if self.key == "longer_out" and self.varies:
            return translate("Patterns", "In for 4, out for 6, growing slowly toward 8")
        return translate("Patterns", self.brief)

    def describe(self) -> str:
        if self.custom:
            return translate("Patterns", "Your own pattern: {summary}.").format(
                summary=self.summary()
            )
        if self.key == "resonance":
            return translate(
                "Patterns",
                "Slow, even breathing at {rate} breaths a minute, in and out for the same "
                "time, with no holds.",
            ).format(rate=f"{30.0 / self.inhale:g}")
        text = translate("Patterns", self.description)
        if self.varies:
            text += " " + translate("Patterns", "The out-breath grows slowly toward 8.")
        return text


def resonance(rate: float = DEFAULT_RATE) -> Pattern:
    if not RESONANCE_RATES[0] <= rate <= RESONANCE_RATES[-1]:
        raise ValueError(translate("Patterns", "Choose between 4.5 and 7 breaths a minute."))
    half = 30.0 / rate
    return Pattern(
        key="resonance",
        name=QT_TRANSLATE_NOOP("Patterns", "Resonance"),
        description="",  # describe() says it with the rate
        inhale=half,
        exhale=half,
    )  # its line says the rate: one_line()


def longer_out(gradual: bool = False) -> Pattern:
    return Pattern(
        key="longer_out",
        name=QT_TRANSLATE_NOOP("Patterns", "Longer out-breath"),
        description=QT_TRANSLATE_NOOP(
            "Patterns", "In for 4, out for 6. A longer out-breath can help the body settle."
        ),
        brief=QT_TRANSLATE_NOOP("Patterns", "In for 4, out for 6, to help the body settle"),
        inhale=4,
        exhale=6,
        lengthen_to=8 if gradual else None,
    )


BOX = Pattern(
    key="box",
    name=QT_TRANSLATE_NOOP("Patterns", "Box"),
    description=QT_TRANSLATE_NOOP(
        "Patterns", "In, hold, out, hold: four counts each. Optional, with holds."
    ),
    brief=QT_TRANSLATE_NOOP("Patterns", "In, hold, out, hold, four each (with holds)"),
    inhale=4,
    hold_in=4,
    exhale=4,
    hold_out=4,
    optional=True,
)
FOUR_SEVEN_EIGHT = Pattern(
    key="478",
    name=QT_TRANSLATE_NOOP("Patterns", "4-7-8"),
    description=QT_TRANSLATE_NOOP(
        "Patterns", "In for 4, hold for 7, out for 8. Optional, with a long hold."
    ),
    brief=QT_TRANSLATE_NOOP("Patterns", "In 4, hold 7, out 8 (a long hold)"),
    inhale=4,
    hold_in=7,
    exhale=8,
    optional=True,
)
CYCLIC_SIGH = Pattern(
    key="cyclic_sigh",
    name=QT_TRANSLATE_NOOP("Patterns", "Cyclic sigh"),
    description=QT_TRANSLATE_NOOP(
        "Patterns",
        "A full breath in through the nose, a short second sip of air on top, then a long, "
        "slow breath out. Five minutes is the amount that has been studied.",
    ),
    brief=QT_TRANSLATE_NOOP("Patterns", "In, a small sip more, then a long sigh out"),
    inhale=3,
    top_up=1,
    exhale=6,
)


def presets(rate: float = DEFAULT_RATE, gradual: bool = False) -> list[Pattern]:
    return [resonance(rate), longer_out(gradual), BOX, FOUR_SEVEN_EIGHT, CYCLIC_SIGH]


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
        raise PatternProblem("name", translate("Patterns", "Give the pattern a name."))
    if len(clean_name) > limits.NAME:
        raise PatternProblem(
            "name",
            translate("Patterns", "Keep the name under {most} characters.").format(
                most=limits.NAME
            ),
        )
    values = {
        "inhale": inhale,
        "hold_in": hold_in,
        "exhale": exhale,
        "hold_out": hold_out,
        "top_up": top_up,
    }
    # Whole sentences per field, so each language can build them its own way.
    negative = {
        "inhale": QT_TRANSLATE_NOOP("Patterns", "The in-breath cannot be negative."),
        "hold_in": QT_TRANSLATE_NOOP("Patterns", "The hold after breathing in cannot be negative."),
        "exhale": QT_TRANSLATE_NOOP("Patterns", "The out-breath cannot be negative."),
        "hold_out": QT_TRANSLATE_NOOP(
            "Patterns", "The rest after breathing out cannot be negative."
        ),
        "top_up": QT_TRANSLATE_NOOP("Patterns", "The small sip on top cannot be negative."),
    }
    too_long = {
        "inhale": QT_TRANSLATE_NOOP("Patterns", "The in-breath can be at most 60 seconds."),
        "hold_in": QT_TRANSLATE_NOOP(
            "Patterns", "The hold after breathing in can be at most 60 seconds."
        ),
        "exhale": QT_TRANSLATE_NOOP("Patterns", "The out-breath can be at most 60 seconds."),
        "hold_out": QT_TRANSLATE_NOOP(
            "Patterns", "The rest after breathing out can be at most 60 seconds."
        ),
        "top_up": QT_TRANSLATE_NOOP("Patterns", "The small sip on top can be at most 60 seconds."),
    }
    no_time = {
        "inhale": QT_TRANSLATE_NOOP(
            "Patterns", "The in-breath needs some time, more than 0 seconds."
        ),
        "exhale": QT_TRANSLATE_NOOP(
            "Patterns", "The out-breath needs some time, more than 0 seconds."
        ),
    }
    for field, value in values.items():
        if value != value or value < 0:  # NaN or negative
            raise PatternProblem(field, translate("Patterns", negative[field]))
        if value > MAX_PHASE_SECONDS:
            raise PatternProblem(field, translate("Patterns", too_long[field]))
    for field in ("inhale", "exhale"):
        if values[field] == 0:
            raise PatternProblem(field, translate("Patterns", no_time[field]))
    if sum(values.values()) < MIN_CYCLE_SECONDS:
        raise PatternProblem(
            "inhale", translate("Patterns", "A whole breath needs at least 2 seconds.")
        )
    return Pattern(
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


def with_rate(pattern: Pattern, rate: float) -> Pattern:
    """The resonance pattern at another rate, keeping everything else."""
    return dataclasses.replace(resonance(rate), key=pattern.key)
