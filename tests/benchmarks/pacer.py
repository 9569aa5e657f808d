"""Pacer benchmark: the real pacer widget animating offscreen on the real clock.

Prints, as one JSON object on its last line:
  fps                      frames painted per second while animating
  frame_interval_p50_ms / frame_interval_p99_ms   time between painted frames
  phase_change_lag_max_ms  the largest gap between a phase change's scheduled time and the
                           paint that first shows it
  cpu_animating_pct        process CPU while animating, in % of one core
  cpu_idle_pct             process CPU while a session is paused (the pacer should not tick)
Targets: frame_interval_p99_ms < 20 (60 Hz), phase_change_lag_max_ms within one frame
(16.7 ms), cpu_idle_pct about 0, cpu_animating_pct < 10.

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

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import PacerWidget
from desktop.breathe.patterns import custom_pattern
from desktop.clock import MonotonicClock


class LoggedPacer(PacerWidget):
    """The real widget, noting when each frame is painted and which phase it shows.

    (An event filter would be called for every event, and cost more than the thing measured.)
    """

    frames: list[tuple[float, tuple[int, str] | None]]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        state = self._state
        self.frames.append((time.monotonic(), (state.cycle, state.phase) if state else None))


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
    app = QApplication([])
    clock = MonotonicClock()
    pacer = LoggedPacer()
    pacer.frames = []
    pacer.resize(700, 600)
    pacer.show()
    # Short phases, so a ten-second run has many phase changes to time.
    pattern = custom_pattern("bench", inhale=1.0, hold_in=0.5, exhale=1.5, hold_out=0.5)
    session = BreathSession(pattern, clock, minutes=10)
    session.start()
    started_at = clock.now()
    pacer.set_session(session)
    wall, cpu = _run_for(app, args.seconds)
    frames = list(pacer.frames)

    session.pause()
    pacer.refresh()
    idle_wall, idle_cpu = _run_for(app, 3.0)

    times = [t for t, _ in frames]
    intervals = sorted((b - a) * 1000 for a, b in itertools.pairwise(times))
    p99 = intervals[min(len(intervals) - 1, round(0.99 * (len(intervals) - 1)))]
    lags = []
    previous = None
    for painted_at, key in frames:
        if key is not None and key != previous and previous is not None:
            start_ms = session.schedule.locate((painted_at - started_at) * 1000)[2]
            lags.append((painted_at - (started_at + start_ms / 1000)) * 1000)
        previous = key
    pacer.set_session(None)
    print(f"{len(frames)} frames, {len(lags)} phase changes")
    print(
        json.dumps(
            {
                "fps": round(len(frames) / wall, 1),
                "frame_interval_p50_ms": round(statistics.median(intervals), 2),
                "frame_interval_p99_ms": round(p99, 2),
                "phase_change_lag_max_ms": round(max(lags), 2),
                "cpu_animating_pct": round(100 * cpu / wall, 1),
                "cpu_idle_pct": round(100 * idle_cpu / idle_wall, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
