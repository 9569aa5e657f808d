"""Plain record types shared by the store and the floors above it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

INTENSITY_RANGE = (1, 2, 3)


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
