"""What a short check-in answers: how settled the body feels (1 to 5), and feeling words if
the person added any. Pure: the panels that ask for it draw; this is what they hand over."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.records import Feeling

SETTLED_RANGE = range(1, 6)  # 1: not at all .. 5: very settled (the store keeps the same)


@dataclass(frozen=True)
class CheckInAnswer:
    settled: int | None  # None when skipped or left unanswered
    feelings: tuple[Feeling, ...] = ()

    def __post_init__(self) -> None:
        if self.settled is not None and self.settled not in SETTLED_RANGE:
            raise ValueError(f"settled is 1 to 5, not {self.settled}")


SKIPPED = CheckInAnswer(None)
