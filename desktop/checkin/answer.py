"""What a short check-in answers: how settled the body feels (1 to 5), and feeling words if
the person added any. Pure: the panels that ask for it draw; this is what they hand over."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.records import Feeling
from desktop.texts import QT_TRANSLATE_NOOP

SETTLED_RANGE = range(1, 6)  # 1: not at all .. 5: very settled (the store keeps the same)
# The two ends of the row of marks, and what each mark says to a screen reader.
SETTLED_WORDS = {
    1: QT_TRANSLATE_NOOP("CheckIn", "not at all settled"),
    2: QT_TRANSLATE_NOOP("CheckIn", "a little settled"),
    3: QT_TRANSLATE_NOOP("CheckIn", "somewhat settled"),
    4: QT_TRANSLATE_NOOP("CheckIn", "quite settled"),
    5: QT_TRANSLATE_NOOP("CheckIn", "very settled"),
}


@dataclass(frozen=True)
class CheckInAnswer:
    settled: int | None  # None when skipped or left unanswered
    feelings: tuple[Feeling, ...] = ()

    def __post_init__(self) -> None:
        if self.settled is not None and self.settled not in SETTLED_RANGE:
            raise ValueError(f"settled is 1 to 5, not {self.settled}")


SKIPPED = CheckInAnswer(None)
