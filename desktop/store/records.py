"""Plain record types shared by the store and the floors above it."""

from __future__ import annotations

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
