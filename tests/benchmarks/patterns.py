"""Over-time pictures on a large generated journal (default 100,000 mixed records).

Builds a journal of entries, breathing sessions, listening check-ins, before/after taps, glimmers
and practices together spread over several years, then prints, as one JSON object on its last line:
  calendar_ms, bodymap_ms, words_ms, helps_ms
                    the median of the store's query plus the first paint of that picture (the
                    widget's data set and the widget drawn into a pixmap at 1100x760's size)
  calendar_floor_ms, bodymap_floor_ms, words_floor_ms, helps_floor_ms
                    the same SQL statements run raw on a plain sqlite3 connection to the same
                    file in the same run, rows fetched and nothing else: the floor
  patterns_ratio_max  the worst ratio of a picture to its floor
  open_block_ms     the longest the GUI thread went without its event loop while the Over time
                    tab is first opened in the running app (its modules imported, the tab built),
                    shown and filled from its worker, every picture in turn: the median of
                    three fresh processes (open_block_runs)
  open_block_cpu_ms the GUI thread's own CPU time in its longest stretch between two beats
                    (the part of open_block that is ours, whatever else the machine runs)
  heat_kernels_ms   making the body map's blurred regions, once per view, in its worker
Targets: each picture at most 150 ms, patterns_ratio_max at most 2, open_block_ms at most 50.

    python tests/benchmarks/patterns.py --records 100000 [--keep DIR]
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.clock import SystemWallClock
from desktop.store import open_store
from desktop.store.journal import Entry, write_entry
from desktop.store.records import Feeling, feelings_to_json

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.listen.player import Player
    from desktop.over_time.loader import Executor
    from desktop.over_time.opening import OpeningTab
    from desktop.over_time.tab import OverTimeTab
    from desktop.store import Store
    from desktop.store_signals import StoreSignals

END = dt.date(2026, 11, 28)
YEARS = 5
FEELINGS = [
    "calm",
    "at ease",
    "settled",
    "soft",
    "warm",
    "tender",
    "curious",
    "hopeful",
    "sad",
    "tired",
    "heavy",
    "anxious",
    "restless",
    "numb",
    "flat",
    "fizzy",  # words of the person's own
    "foggy",
    "like a held breath",
]
REGIONS = [
    "head",
    "face_jaw",
    "throat",
    "shoulders",
    "chest",
    "upper_back",
    "belly",
    "arms",
    "hands",
    "hips",
    "legs",
    "feet",
]
QUALITIES = ["warm", "cool", "tight", "open", "heavy", "light", "tingling", "fluttery", "still"]
STRENGTHS = ["faint", "clear", "strong"]
RUNS = 9
OPEN_RUNS = 3  # fresh processes opening the tab; the median is reported


def _feelings(rng: random.Random) -> str:
    count = rng.choice([0, 1, 1, 2, 3])
    words = rng.sample(FEELINGS, count)
    return feelings_to_json(Feeling(w, rng.randint(1, 3)) for w in words)


def _marks(rng: random.Random) -> str:
    return json.dumps(
        [
            {
                "region": region,
                "qualities": rng.sample(QUALITIES, rng.randint(0, 2)),
                "strength": rng.choice(STRENGTHS),
            }
            for region in rng.sample(REGIONS, rng.randint(1, 3))
        ]
    )


def generate(path: Path, records: int) -> None:
    """Entries 40%, sessions 20%, check-ins 30%, before/after taps 5%, glimmers 4% and
    practices together 1%, over five years."""
    rng = random.Random(17)
    store = open_store(path, path.parent / "backups")
    span = YEARS * 365
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO tracks (path, title, duration, added_at) VALUES (?, ?, ?, ?)",
            [(f"/music/{i}.ogg", f"Track {i}", 240.0, "2021-01-01T00:00:00") for i in range(200)],
        )
        for i in range(records):
            day = (END - dt.timedelta(days=int(span * (1 - i / records)))).isoformat()
            created = f"{day}T{8 + i % 12:02d}:{i % 60:02d}:00.000+00:00"
            roll = i % 100
            if roll < 40:
                write_entry(
                    conn,
                    Entry(
                        uid=f"e{i:08d}",
                        day=day,
                        created_at=created,
                        updated_at=created,
                        touch="warm mug",
                        body="a quiet evening with the window open",
                        feelings=tuple(
                            Feeling(d["word"], d["intensity"]) for d in json.loads(_feelings(rng))
                        ),
                    ),
                )
            elif roll < 60:
                before = rng.choice([None, 1, 2, 2, 3, 3, 4])
                after = None if before is None else min(5, max(1, before + rng.randint(-1, 2)))
                conn.execute(
                    "INSERT INTO breath_sessions (uid, day, created_at, pattern, pattern_name, "
                    "actual_seconds, cycles, ended_early, settled_before, settled_after, "
                    "feelings_before, feelings_after) VALUES (?, ?, ?, '{}', 'Resonance', 300, "
                    "30, 0, ?, ?, ?, ?)",
                    (f"s{i:08d}", day, created, before, after, _feelings(rng), _feelings(rng)),
                )
            elif roll < 90:
                nothing = rng.random() < 0.1
                conn.execute(
                    "INSERT INTO body_checkins (uid, day, created_at, track_id, track_title, "
                    "position_ms, nothing_concrete, regions, feelings, note, search_text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
                    (
                        f"c{i:08d}",
                        day,
                        created,
                        1 + i % 200,
                        f"Track {i % 200}",
                        rng.randint(0, 240_000),
                        int(nothing),
                        "[]" if nothing else _marks(rng),
                        "[]" if nothing else _feelings(rng),
                    ),
                )
            elif roll < 95:
                conn.execute(
                    "INSERT INTO track_moods (track_id, moment, pleasantness, energy, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (1 + i % 200, rng.choice(["before", "after"]), 0.25, -0.25, created),
                )
            elif roll < 99:
                conn.execute(
                    "INSERT INTO glimmers (uid, day, created_at, updated_at, text, search_text) "
                    "VALUES (?, ?, ?, ?, 'warm mug in cold hands', 'warm mug in cold hands')",
                    (f"g{i:08d}", day, created, created),
                )
            else:
                conn.execute(
                    "INSERT INTO together_sessions (uid, kind, day, created_at, seconds, rounds, "
                    "people) VALUES (?, ?, ?, ?, 600, 2, 2)",
                    (f"t{i:08d}", rng.choice(["listening_pair", "touch"]), day, created),
                )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _time_ms(fn: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        fn()
        return (time.perf_counter() - started) * 1000
    finally:
        gc.enable()


PICTURES = ("days", "body", "words", "helps")
NAMES = {"days": "calendar", "body": "bodymap", "words": "words", "helps": "helps"}
HEARTBEAT_MS = 5


def floor_runs(path: Path) -> dict[str, Callable[[], object]]:
    """Each picture's SQL, run raw on one warm sqlite3 connection: nothing but the rows."""
    from desktop.store import patterns

    raw = sqlite3.connect(path, check_same_thread=False)
    raw.execute("PRAGMA cache_size = -32768")  # as the app's connections have it
    statements: dict[str, list[tuple[str, list[object]]]] = {
        "days": [(s, []) for s in patterns.calendar_statements(raw)],
        "body": [
            *patterns.body_statements(patterns.BodyFilter()),
            *patterns.OPTIONS_STATEMENTS,
        ],
        "words": patterns.words_statements(raw),
        "helps": patterns.helps_statements(raw),
    }

    def run(sql: list[tuple[str, list[object]]]) -> Callable[[], object]:
        return lambda: [raw.execute(s, p).fetchall() for s, p in sql]

    return {key: run(sql) for key, sql in statements.items()}


def make_tab(store: Store, executor: Executor) -> tuple[OpeningTab, OverTimeTab, StoreSignals]:
    """Over time as the main window builds it (desktop/shell/pages.py), its code imported at
    once and its pictures read by ``executor``, with no fades."""
    from desktop.clock import MonotonicClock
    from desktop.over_time import opening
    from desktop.settings import MemoryBackend, Settings
    from desktop.shell.pages import Tabs
    from desktop.store_signals import StoreSignals

    def no_player() -> Player:
        raise AssertionError("Over time plays nothing")

    os.environ["GLIMMERS_REDUCED_MOTION"] = "1"
    signals = StoreSignals(store)
    tabs = Tabs(
        store,
        signals,
        Settings(MemoryBackend()),
        MonotonicClock(),
        store.wall,
        no_player,
        pictures_read=executor,
        pictures_opened=opening.inline,
    )
    opened = tabs.over_time()
    assert opened.tab is not None
    opened.resize(1100, 760)
    return opened, opened.tab, signals


def measure(store: Store, path: Path) -> tuple[dict[str, float], dict[str, float], float]:
    """Each picture's query plus its first paint, as the tab does them (inline here), and its
    floor, run by turns so that a busy moment of the machine falls on both alike."""
    from desktop.over_time.body_view import make_kernels
    from desktop.over_time.loader import inline
    from desktop.resources import read_text

    floors = floor_runs(path)
    opened, tab, signals = make_tab(store, inline)
    opened.show()
    ours: dict[str, float] = {}
    floor: dict[str, float] = {}
    for key in PICTURES:
        tab.show_picture(key)

        def draw(key: str = key) -> None:
            tab.load(key)
            tab.steps.finish()  # the steps that fill it, run at once
            tab.frame().grab()

        draw()  # once to warm the file's pages, as the floor is warmed
        floors[key]()
        mine, raw = [], []
        for _ in range(RUNS):
            raw.append(_time_ms(floors[key]))
            mine.append(_time_ms(draw))
        ours[key], floor[key] = statistics.median(mine), statistics.median(raw)
    svg = read_text("body.svg")
    kernels = statistics.median(_time_ms(lambda: make_kernels(svg)) for _ in range(3))
    opened.prepare_to_close()
    opened.close()
    signals.detach()
    return ours, floor, kernels


def open_block(app: QApplication, folder: Path, wall: SystemWallClock) -> tuple[float, float]:
    """The longest the GUI thread went without its event loop from the moment the Over time
    tab is asked for in the running app (its first tab shown, as a person has it; Over time's
    modules not loaded yet) until every picture in turn has been built, shown and filled by
    the tab's own worker thread; and the most time the GUI thread itself ran (its own CPU time)
    between two beats, which a busy machine does not stretch."""
    from PySide6.QtCore import QTimer

    from desktop.app import Lifecycle
    from desktop.settings import OVER_TIME_PICTURE, WINDOW_PAGE
    from desktop.shell.backup_actions import DAILY_BACKUP_DELAY_MS

    glimmers = Lifecycle(folder, wall=wall, offer_protection=False)
    glimmers.settings.set(WINDOW_PAGE, "journal")  # not the tab a kept folder last showed
    glimmers.settings.set(OVER_TIME_PICTURE, "days")  # nor the picture
    glimmers.start()
    window = glimmers.window
    assert window is not None, "the journal did not open"
    window.resize(1100, 760)
    # The first tab painted and start-up's own work done (today's backup among it).
    settle = time.perf_counter() + DAILY_BACKUP_DELAY_MS / 1000 + 1.5
    while time.perf_counter() < settle:
        app.processEvents()
    assert "desktop.over_time.tab" not in sys.modules, "Over time was loaded at start-up"
    gaps: list[float] = []
    ran: list[float] = []
    last = [time.perf_counter(), time.thread_time()]

    def beat() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append((now - last[0]) * 1000)
        ran.append((cpu - last[1]) * 1000)
        last[:] = [now, cpu]

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    last[:] = [time.perf_counter(), time.thread_time()]
    opening = window.show_page("over_time")  # what Ctrl+6 does
    from desktop.over_time.opening import OpeningTab  # loaded by now: this costs nothing

    assert isinstance(opening, OpeningTab)
    while opening.tab is None:  # its code comes on a thread of its own
        app.processEvents()
    tab = opening.tab
    for key in PICTURES:
        tab.show_picture(key)
        while not tab.ready():
            app.processEvents()
    heartbeat.stop()
    beat()
    glimmers.shutdown()
    return max(gaps) - HEARTBEAT_MS, max(ran)


class Fixed(SystemWallClock):
    def now(self) -> dt.datetime:  # the journal ends on END: "today" is its last day
        return dt.datetime(END.year, END.month, END.day, 12, tzinfo=dt.timezone.utc)


def open_block_child(folder: Path) -> None:
    """In a fresh process, so that nothing of Over time is loaded before it is opened."""
    from desktop.app import make_qapplication

    app = make_qapplication([])  # as the app makes it (its GIL switch interval included)
    blocked, ran = open_block(app, folder, Fixed())
    print(f"OPEN_BLOCK {blocked:.3f} {ran:.3f}", flush=True)


def open_blocks(folder: Path, runs: int) -> list[tuple[float, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--open-block-child", str(folder)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=300,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("OPEN_BLOCK"))
        _, blocked, ran = line.split()
        found.append((float(blocked), float(ran)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="use (and keep) this folder for the file")
    parser.add_argument("--open-runs", type=int, default=OPEN_RUNS)
    parser.add_argument("--open-block-child", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_block_child:
        open_block_child(Path(args.open_block_child))
        return
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="glimmers-patterns-"))
    folder.mkdir(parents=True, exist_ok=True)
    # An installed Glimmers has its bytecode compiled (as startup.py says): a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile the tab's modules while it opens.
    compileall.compile_dir(str(Path(__file__).resolve().parents[2] / "desktop"), quiet=1)
    path = folder / "glimmers.db"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.records)
        print(f"generated {args.records} records in {time.perf_counter() - started:.1f} s")
    print(f"file: {path.stat().st_size / 1e6:.0f} MB")

    # First, as a person meets it: the tab's modules are not loaded yet, so importing them
    # is part of opening the view. Each run is a fresh process; the median is reported.
    opened = open_blocks(folder, max(1, args.open_runs))
    blocked, ran = [b for b, _ in opened], [r for _, r in opened]
    print(f"open_block runs: {[round(b, 1) for b in blocked]} ms (GUI thread ran {ran} ms)")

    from desktop.app import make_qapplication

    app = make_qapplication([])  # as the app makes it (its GIL switch interval included)
    store = open_store(path, folder / "backups", Fixed())
    ours, floor, kernels_ms = measure(store, path)
    store.close()
    del app
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    results: dict[str, object] = {"records": args.records}
    for key in PICTURES:
        name = NAMES[key]
        results[f"{name}_ms"] = round(ours[key], 1)
        results[f"{name}_floor_ms"] = round(floor[key], 1)
        print(f"{name:9s} ours {ours[key]:7.1f} ms   floor {floor[key]:7.1f} ms")
    results["patterns_ratio_max"] = round(max(ours[k] / floor[k] for k in PICTURES), 3)
    results["heat_kernels_ms"] = round(kernels_ms, 1)
    results["open_block_ms"] = round(statistics.median(blocked), 1)
    results["open_block_cpu_ms"] = round(statistics.median(ran), 1)
    results["open_block_runs"] = len(blocked)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
