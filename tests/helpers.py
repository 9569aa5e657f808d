"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The day every test lives in unless it says otherwise: never the machine's real date.
TEST_NOON = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc)  # a Saturday


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        self._now += seconds


class FakeWallClock:
    """A wall clock that shows the moment a test sets, and moves only when told."""

    def __init__(self, start: dt.datetime = TEST_NOON) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def set(self, moment: dt.datetime) -> None:
        assert moment.tzinfo is not None, "the wall clock's moments carry their time zone"
        self._now = moment

    def advance(self, seconds: float) -> None:
        self._now += dt.timedelta(seconds=seconds)


class FakeDialogs:
    """Answers the app's questions the way a test says, and remembers what it was told."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.save: tuple[Path, str] | None = None
        self.open: Path | None = None
        self.confirm_answer = True
        self.confirmed: list[str] = []
        self.told: list[tuple[str, str, bool]] = []

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        return self.folder

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None:
        return self.save

    def open_path(self, parent: QWidget | None, title: str, filters: list[str]) -> Path | None:
        return self.open

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        self.confirmed.append(text)
        return self.confirm_answer

    def tell(self, parent: QWidget | None, title: str, text: str, problem: bool = False) -> None:
        self.told.append((title, text, problem))
