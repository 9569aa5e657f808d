"""Shared test set-up: offscreen Qt, no network, a private temp data folder, a hang watchdog."""

from __future__ import annotations

import os

# Before anything imports Qt: no display here, and FFmpeg/multimedia logs are noise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

import faulthandler
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from tests.helpers import FakeClock, FakeWallClock

WATCHDOG_SECONDS = 120


@pytest.fixture(autouse=True)
def _hang_watchdog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A hung test dumps every thread's traceback and ends the run instead of stalling CI.

    pytest captures stderr, so the dump goes to a file: $GLIMMERS_HANG_LOG (CI prints it).
    """
    default = tmp_path_factory.getbasetemp() / "hang-tracebacks.log"
    log_path = Path(os.environ.get("GLIMMERS_HANG_LOG", default))
    with log_path.open("a") as log:
        faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True, file=log)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; the person's real one is never touched."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GLIMMERS_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # The machine's own desktop settings do not decide what a test sees.
    monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "0")
    return folder


@pytest.fixture
def wall() -> FakeWallClock:
    """The wall clock of the test's store and views: 2026-11-28 at noon, UTC, until moved."""
    return FakeWallClock()


@pytest.fixture
def store(data_dir: Path, wall: FakeWallClock) -> Iterator[Store]:
    """A freshly migrated database in the test's data folder, dated by ``wall``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    opened = open_store(data_dir / "glimmers.db", data_dir / "backups", wall)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def shared_player(qapp):  # type: ignore[no-untyped-def]
    """One music player for the whole run, as in the app: many short-lived ones can deadlock."""
    from desktop.listen.player import Player

    player = Player()
    yield player
    player.shutdown()


@pytest.fixture
def player(shared_player):  # type: ignore[no-untyped-def]
    """The shared player, stopped and emptied after each test."""
    yield shared_player
    shared_player.shutdown()


@pytest.fixture(autouse=True)
def _no_real_date(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Outside the whole-app system tests, nothing may read the machine's date: a test that
    did would pass only on some days. Each test hands its views and store a FakeWallClock."""
    if request.node.path.parent.name == "system":
        return

    def refuse(self: object) -> object:
        raise AssertionError("a test read the machine's date; give it the `wall` fixture")

    monkeypatch.setattr("desktop.clock.SystemWallClock.now", refuse)
