"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.store.keys import Argon2Cost

if TYPE_CHECKING:
    from PySide6.QtCore import QRunnable
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
    from pytestqt.qtbot import QtBot

W = TypeVar("W", bound="QWidget")

# Argon2id at its smallest, for tests: a real derivation in microseconds instead of the half
# second the app tunes itself to.
CHEAP_KEYS = Argon2Cost(memory_kib=8, passes=1, parallelism=1)

# The day every test lives in unless it says otherwise: never the machine's real date.
TEST_NOON = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc)  # a Saturday


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def set(self, now: float) -> None:
        """Show ``now`` from here on (a test may go back to look at an earlier moment)."""
        self._now = now

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


class FakeTones:
    """The Breathe tab's tones, heard by the test instead of a speaker."""

    def __init__(self) -> None:
        self.played: list[str] = []
        self.volume = 0.0

    def play(self, kind: str) -> None:
        self.played.append(kind)

    def set_volume(self, volume: float) -> None:
        self.volume = volume


class FakePicker:
    """The Listen tab's file chooser: gives what the test put in it."""

    def __init__(self) -> None:
        self.chosen_folder: Path | None = None
        self.chosen_files: list[Path] = []

    def files(self, parent: QWidget) -> list[Path]:
        return self.chosen_files

    def folder(self, parent: QWidget) -> Path | None:
        return self.chosen_folder


class FakeTray:
    """The desktop's notification area, as a test sees it: what it shows, and its click."""

    def __init__(self, clicked: Callable[[], None]) -> None:
        self.clicked = clicked
        self.messages: list[tuple[str, str]] = []
        self.visible = False

    def available(self) -> bool:
        return True

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def show_message(self, title: str, text: str) -> None:
        self.messages.append((title, text))


class FakeTrays:
    """Makes the app's trays (a TrayFactory) and keeps each one it made, oldest first."""

    def __init__(self) -> None:
        self.made: list[FakeTray] = []

    def __call__(self, clicked: Callable[[], None]) -> FakeTray:
        tray = FakeTray(clicked)
        self.made.append(tray)
        return tray


class InlineScans:
    """Starts the Listen tab's library scans on the test's own thread, at once, or holds them
    (``hold = True``) in ``pending`` until the test runs them."""

    def __init__(self) -> None:
        self.hold = False
        self.pending: list[QRunnable] = []

    def __call__(self, runnable: QRunnable) -> None:
        if self.hold:
            self.pending.append(runnable)
        else:
            runnable.run()


def shown(qtbot: QtBot, widget: W, width: int = 1100, height: int = 760) -> W:
    """``widget`` on screen as a window of its own, active, closed when the test ends."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def paste(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """``text`` pasted into ``widget`` from the clipboard, as a person would with Ctrl+V."""
    from PySide6.QtGui import QGuiApplication, QKeySequence

    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keySequence(widget, QKeySequence.StandardKey.Paste)


def near(colour: QColor, target: QColor, reach: int = 40) -> bool:
    """Whether two colours are within ``reach`` of each other (red, green and blue summed)."""
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
        < reach
    )


def let_go_of_here() -> None:
    """Everything let go of so far deleted now, on this (the GUI) thread: Python's cycles
    collected, and the objects Qt was asked to delete later deleted."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    gc.collect()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
