"""Shared test set-up: offscreen Qt, no network, a private temp data folder, a hang watchdog,
and the building every test shares: the store, the whole app, and each tab the app's way."""

from __future__ import annotations

import os

# Before anything imports Qt: no display here, and FFmpeg/multimedia logs are noise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

import faulthandler
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

from desktop.settings import MemoryBackend, Settings
from desktop.store import Store, open_store
from tests.helpers import (
    CHEAP_KEYS,
    FakeClock,
    FakeDialogs,
    FakePicker,
    FakeTones,
    FakeTrays,
    FakeWallClock,
    InlineScans,
    shown,
)

if TYPE_CHECKING:
    # Qt is imported by the fixtures that need it: the unit tests run without it.
    from pytestqt.qtbot import QtBot

    from desktop.app import Lifecycle
    from desktop.breathe.tab import BreatheTab
    from desktop.journal.tab import JournalTab
    from desktop.listen.player import Player
    from desktop.listen.tab import ListenTab
    from desktop.rhythm.reminder_service import TrayFactory
    from desktop.shell.pages import Tabs
    from desktop.store_signals import StoreSignals

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
def shared_player(qapp: object) -> Iterator[Player]:
    """One music player for the whole run, as in the app: many short-lived ones can deadlock."""
    from desktop.listen.player import Player

    player = Player()
    yield player
    player.shutdown()


@pytest.fixture
def player(shared_player: Player) -> Iterator[Player]:
    """The shared player, stopped and emptied after each test."""
    yield shared_player
    shared_player.shutdown()


@pytest.fixture
def dialogs() -> FakeDialogs:
    """The answers to the app's questions (files, folders, yes or no), set by the test."""
    return FakeDialogs()


@pytest.fixture
def trays() -> FakeTrays:
    """The desktop's notification area for an app that asks for it: each tray it made."""
    return FakeTrays()


class StartApp(Protocol):
    def __call__(
        self,
        *,
        start: bool = True,
        offer_protection: bool = False,
        data_dir: Path | None = None,
        tray: TrayFactory | None = None,
        rng: random.Random | None = None,
        key: bytes | None = None,
    ) -> Lifecycle: ...


@pytest.fixture
def start_app(
    qtbot: QtBot,
    data_dir: Path,
    clock: FakeClock,
    wall: FakeWallClock,
    dialogs: FakeDialogs,
    player: Player,
) -> Iterator[StartApp]:
    """Makes the whole app on the test's data folder, clocks, dialogs and the shared player, and
    starts it (``start=False``: the test calls start() and gets what is shown). Each app made
    is shut down at the end; starting another in the same test is a restart, or a second
    Glimmers on the same journal while the first is still open.

    ``data_dir``: another folder than the test's; ``tray``: the notification area (None: the
    desktop's own); ``rng``: which glimmer from the past comes back; ``key``: the protected
    journal's key, as if the person had just unlocked it.
    """
    from desktop.app import Lifecycle

    made: list[Lifecycle] = []
    test_folder = data_dir

    def start_one(
        *,
        start: bool = True,
        offer_protection: bool = False,
        data_dir: Path | None = None,
        tray: TrayFactory | None = None,
        rng: random.Random | None = None,
        key: bytes | None = None,
    ) -> Lifecycle:
        app = Lifecycle(
            data_dir or test_folder,
            clock=clock,
            dialogs=dialogs,
            player=player,
            wall=wall,
            offer_protection=offer_protection,
            tray=tray,
            rng=rng or random.Random(0),  # chances (a prompt, who goes first) the same each run
            key_cost=CHEAP_KEYS,  # a real passphrase costs half a second per try
        )
        app.key = key
        made.append(app)
        if start:
            qtbot.addWidget(app.start())
        return app

    yield start_one
    for app in reversed(made):
        app.shutdown()


@pytest.fixture
def app(start_app: StartApp) -> Lifecycle:
    """The whole app, started: app.window is its main window."""
    return start_app()


@pytest.fixture
def signals(store: Store) -> Iterator[StoreSignals]:
    from desktop.store_signals import StoreSignals

    made = StoreSignals(store)
    yield made
    made.detach()


@pytest.fixture
def settings() -> Settings:
    """The tabs' settings, kept in memory: every test starts from the defaults."""
    return Settings(MemoryBackend())


@pytest.fixture
def tones() -> FakeTones:
    return FakeTones()


@pytest.fixture
def picker() -> FakePicker:
    return FakePicker()


@pytest.fixture
def scans() -> InlineScans:
    return InlineScans()


class TabsOn(Protocol):
    def __call__(self, store: Store, signals: StoreSignals | None = None) -> Tabs: ...


@pytest.fixture
def tabs_on(
    request: pytest.FixtureRequest,
    settings: Settings,
    clock: FakeClock,
    wall: FakeWallClock,
    tones: FakeTones,
    picker: FakePicker,
    scans: InlineScans,
) -> Iterator[TabsOn]:
    """Builds tabs as the main window does (desktop/shell/pages.py) on ``store``, with the
    test's fakes: tones, the file picker, scans on the test's thread, and autosave after a
    minute. Without ``signals``, the store's own are made and detached when the test ends."""
    from desktop.shell.pages import Tabs
    from desktop.store_signals import StoreSignals

    made: list[StoreSignals] = []

    def player() -> Player:
        the_player: Player = request.getfixturevalue("player")
        return the_player

    def build(store: Store, signals: StoreSignals | None = None) -> Tabs:
        if signals is None:
            signals = StoreSignals(store)
            made.append(signals)
        return Tabs(
            store,
            signals,
            settings,
            clock,
            wall,
            player,
            tones=lambda: tones,
            picker=picker,
            start_scan=scans,
            autosave_ms=60_000,
        )

    yield build
    for signals in made:
        signals.detach()


@pytest.fixture
def tabs(store: Store, signals: StoreSignals, tabs_on: TabsOn) -> Tabs:
    """Tabs on the test's store, as the main window builds them (see ``tabs_on``)."""
    return tabs_on(store, signals)


@pytest.fixture
def breathe_tab(qtbot: QtBot, tabs: Tabs) -> BreatheTab:
    return shown(qtbot, tabs.breathe(), 1000, 700)


@pytest.fixture
def listen_tab(qtbot: QtBot, tabs: Tabs) -> Iterator[ListenTab]:
    tab = shown(qtbot, tabs.listen(), 1200, 800)
    yield tab
    tab.prepare_to_close()


@pytest.fixture
def journal_tab(qtbot: QtBot, tabs: Tabs) -> JournalTab:
    return shown(qtbot, tabs.journal())


@pytest.fixture(autouse=True)
def _no_real_date(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Outside the whole-app system tests, nothing may read the machine's date: a test that
    did would pass only on some days. Each test hands its views and store a FakeWallClock."""
    if request.node.path.parent.name == "system":
        return

    def refuse(self: object) -> object:
        raise AssertionError("a test read the machine's date; give it the `wall` fixture")

    monkeypatch.setattr("desktop.clock.SystemWallClock.now", refuse)
