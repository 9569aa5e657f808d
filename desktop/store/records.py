"""Plain record types shared by the store and the floors above it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.texts import QT_TRANSLATE_NOOP, translate

INTENSITY_RANGE = (1, 2, 3)

# Where in the body something is felt: the body map's regions, and where a glimmer was noticed.
REGION_LABELS = {
    "head": QT_TRANSLATE_NOOP("Body", "Head"),
    "face_jaw": QT_TRANSLATE_NOOP("Body", "Face and jaw"),
    "throat": QT_TRANSLATE_NOOP("Body", "Throat"),
    "shoulders": QT_TRANSLATE_NOOP("Body", "Shoulders"),
    "chest": QT_TRANSLATE_NOOP("Body", "Chest"),
    "upper_back": QT_TRANSLATE_NOOP("Body", "Upper back"),
    "belly": QT_TRANSLATE_NOOP("Body", "Belly"),
    "arms": QT_TRANSLATE_NOOP("Body", "Arms"),
    "hands": QT_TRANSLATE_NOOP("Body", "Hands"),
    "hips": QT_TRANSLATE_NOOP("Body", "Hips"),
    "legs": QT_TRANSLATE_NOOP("Body", "Legs"),
    "feet": QT_TRANSLATE_NOOP("Body", "Feet"),
}


# How settled the body feels, 1 to 5, in words: what each mark of a check-in says to a screen
# reader, and how a kept session is described (words, never "settled 2": not a score).
SETTLED_WORDS = {
    1: QT_TRANSLATE_NOOP("CheckIn", "not at all settled"),
    2: QT_TRANSLATE_NOOP("CheckIn", "a little settled"),
    3: QT_TRANSLATE_NOOP("CheckIn", "somewhat settled"),
    4: QT_TRANSLATE_NOOP("CheckIn", "quite settled"),
    5: QT_TRANSLATE_NOOP("CheckIn", "very settled"),
}


@dataclass(frozen=True)
class Feeling:
    """One chosen feeling word and how strong it is (1 a little, 2 some, 3 a lot)."""

    word: str
    intensity: int = 2

    def __post_init__(self) -> None:
        if self.intensity not in INTENSITY_RANGE:
            raise ValueError(f"intensity must be 1, 2 or 3, not {self.intensity!r}")


def feelings_to_data(feelings: Iterable[Feeling]) -> list[dict[str, object]]:
    """Feelings as plain data, the shape they have in the database and in exports."""
    return [{"word": f.word, "intensity": f.intensity} for f in feelings]


def feelings_to_json(feelings: Iterable[Feeling]) -> str:
    return json.dumps(feelings_to_data(feelings))


def feelings_from_json(text: str) -> tuple[Feeling, ...]:
    return tuple(Feeling(str(d["word"]), int(d["intensity"])) for d in json.loads(text or "[]"))


def pleasantness_words(value: float) -> str:
    """How pleasant, -1 to 1, in words: never shown as a number, a score or a colour."""
    if value >= 0.75:
        return translate("Pleasantness", "very pleasant")
    if value >= 0.25:
        return translate("Pleasantness", "pleasant")
    if value > -0.25:
        return translate("Pleasantness", "neither pleasant nor unpleasant")
    if value > -0.75:
        return translate("Pleasantness", "unpleasant")
    return translate("Pleasantness", "very unpleasant")
