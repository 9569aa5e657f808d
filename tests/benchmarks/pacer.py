"""Pacer benchmark: the real pacer animating offscreen on the real clock, on the Breathe tab's
full stage in a 1100x760 window (the tab's 1100x700 below the menus and the tabs), breathing.

Prints, as one JSON object on its last line:
  fps                      frames painted per second while the shape moves
  frame_interval_p50_ms / frame_interval_p99_ms   time between painted frames while it moves
  still_fps                frames painted per second while the breath is held (the shape is
                           still and only the countdown changes: about one a second)
  phase_change_lag_max_ms  the largest gap between a phase change's scheduled time and the
                           paint that first shows it
  cpu_animating_pct        process CPU while breathing (moving and held), in % of one core
  cpu_idle_pct             process CPU while a session is paused (the pacer should not tick)
  cpu_floor_pct            the floor, measured in the same run: a bare widget of the pacer's
                           size asking for the same square at the same tick, painting nothing
  cpu_animating_ratio      cpu_animating_pct / cpu_floor_pct
  frame_interval_floor_p99_ms   the floor's own p99 between frames: how late this machine's
                           timer wakes a widget that does nothing (the pacer cannot beat it)
Targets: fps >= 58, frame_interval_p99_ms < 20 (60 Hz), phase_change_lag_max_ms within one
frame (16.7 ms), cpu_idle_pct about 0, cpu_animating_pct <= 5.

    python tests/benchmarks/pacer.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import itertools
import tempfile

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.breathe.cues import Cues
from desktop.breathe.pacer import HELD
from desktop.breathe.pacer_widget import PacerWidget, frame_period_ms, next_tick
from desktop.breathe.patterns import custom_pattern
from desktop.breathe.tab import BreatheTab
from desktop.checkin.vocabularies import load_feelings
from desktop.clock import MonotonicClock, SystemWallClock
from desktop.resources import read_text
from desktop.settings import MemoryBackend, Settings
from desktop.shell.theme import Theme
from desktop.store import open_store
from desktop.store_signals import StoreSignals

STAGE = (1100, 700)  # the tab in a 1100x760 window: below the menu bar and the tabs


class LoggedPacer(PacerWidget):
    """The real widget, noting when each frame is painted and which phase it shows.

    (An event filter would be called for every event, and cost more than the thing measured.)
    """

    frames: list[tuple[float, tuple[int, str] | None]]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        state = self._state
        self.frames.append((time.monotonic(), (state.cycle, state.phase) if state else None))


class _NoTones:
    def play(self, kind: str) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass


def _no_tones() -> _NoTones:
    return _NoTones()


class _Bare(QWidget):
    """What any animation costs here before it draws: a tick that asks for a square to be
    painted again, and a paint event that opens a painter and draws nothing."""

    def __init__(self, square: QRect) -> None:
        super().__init__()
        self.painted: list[float] = []
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.square = square
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        self.period_ms = 0.0
        self.due_ms = 0.0

    def start(self, period_ms: float) -> None:
        """Tick at the pacer's pace, waited for the way the pacer waits (next_tick)."""
        self.period_ms = period_ms
        self.due_ms = time.monotonic() * 1000 + period_ms
        self.timer.start(round(period_ms))

    def tick(self) -> None:
        wait, self.due_ms = next_tick(time.monotonic() * 1000, self.due_ms, self.period_ms)
        self.timer.start(wait)
        self.update(self.square)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).end()
        self.painted.append(time.monotonic())


def _floor(
    app: QApplication, size: tuple[int, int], period_ms: float, seconds: float
) -> tuple[float, float]:
    """(CPU % of one core, p99 ms between frames) for the bare widget at the pacer's size and
    tick."""
    side = round(min(size) * 0.72)
    bare = _Bare(QRect((size[0] - side) // 2, (size[1] - side) // 2, side, side))
    bare.resize(*size)
    bare.show()
    app.processEvents()
    bare.start(period_ms)
    wall, cpu = _run_for(app, seconds)
    bare.timer.stop()
    bare.close()
    return 100 * cpu / wall, _p99(_intervals(bare.painted))


def _intervals(times: list[float]) -> list[float]:
    """Milliseconds between consecutive frames, shortest first."""
    return sorted((b - a) * 1000 for a, b in itertools.pairwise(times))


def _p99(intervals: list[float]) -> float:
    return intervals[min(len(intervals) - 1, round(0.99 * (len(intervals) - 1)))]


def _run_for(app: QApplication, seconds: float) -> tuple[float, float]:
    """Run the event loop; return (wall seconds, CPU seconds) spent."""
    wall, cpu = time.monotonic(), time.process_time()
    QTimer.singleShot(round(seconds * 1000), app.quit)
    app.exec()
    return time.monotonic() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    app = QApplication(["pacer", "-style", "Fusion"])
    theme = Theme(app, "light", system_was_dark=False)  # the app's own style and palette
    folder = tempfile.TemporaryDirectory()
    store = open_store(Path(folder.name) / "bench.db", Path(folder.name) / "backups")
    signals = StoreSignals(store)
    clock = MonotonicClock()
    pacer = LoggedPacer(Cues.parse(read_text("cues.txt")))
    pacer.frames = []
    tab = BreatheTab(
        store,
        signals,
        Settings(MemoryBackend({"breathe/checkin": "false"})),
        clock,
        SystemWallClock(),
        load_feelings(),
        Cues.parse(read_text("cues.txt")),
        lambda: _no_tones(),
        pacer=pacer,
    )
    tab.resize(*STAGE)
    tab.show()
    app.processEvents()
    # Short phases, so a ten-second run has many phase changes to time.
    pattern = custom_pattern("bench", inhale=1.0, hold_in=0.5, exhale=1.5, hold_out=0.5)
    session = tab.controller.breathe(pattern, minutes=10)
    started_at = session.started_at or clock.now()
    print(f"stage {tab.width()}x{tab.height()}, pacer {pacer.width()}x{pacer.height()}")
    wall, cpu = _run_for(app, args.seconds)
    frames = list(pacer.frames)

    session.pause()
    pacer.refresh()
    screen = pacer.screen()
    screen_rate = screen.refreshRate() if screen else None
    idle_wall, idle_cpu = _run_for(app, 3.0)
    floor_pct, floor_p99 = _floor(
        app, (pacer.width(), pacer.height()), frame_period_ms(screen_rate), args.seconds
    )

    # Between two frames of a moving shape; a held breath is painted when it starts and when
    # its countdown changes, and the time across it is not a frame's.
    intervals = sorted(
        (b - a) * 1000
        for (a, first), (b, second) in itertools.pairwise(frames)
        if first is not None and second is not None and not {first[1], second[1]} & HELD
    )
    p99 = _p99(intervals)
    still = sum(1 for _, key in frames if key is not None and key[1] in HELD)
    still_seconds = wall * (pattern.hold_in + pattern.hold_out) / pattern.cycle_seconds()
    lags = []
    previous = None
    for painted_at, key in frames:
        if key is not None and key != previous and previous is not None:
            start_ms = session.schedule.locate((painted_at - started_at) * 1000)[2]
            lags.append((painted_at - (started_at + start_ms / 1000)) * 1000)
        previous = key
    tab.prepare_to_close()
    signals.detach()
    store.close()
    theme.detach()
    folder.cleanup()
    print(f"{len(frames)} frames, {len(lags)} phase changes")
    print(
        json.dumps(
            {
                "fps": round(1000 * len(intervals) / sum(intervals), 1),
                "still_fps": round(still / still_seconds, 1),
                "frame_interval_p50_ms": round(statistics.median(intervals), 2),
                "frame_interval_p99_ms": round(p99, 2),
                "phase_change_lag_max_ms": round(max(lags), 2),
                "cpu_animating_pct": round(100 * cpu / wall, 1),
                "cpu_idle_pct": round(100 * idle_cpu / idle_wall, 2),
                "cpu_floor_pct": round(floor_pct, 2),
                "cpu_animating_ratio": round(100 * cpu / wall / floor_pct, 2),
                "frame_interval_floor_p99_ms": round(floor_p99, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
