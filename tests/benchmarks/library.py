"""Library benchmark: scan 2,000 generated files of mixed formats, as the Listen tab does.

Prints, as one JSON object on its last line:
  files                   how many files were scanned
  mutagen_files_per_s     mutagen alone reading the same tags (the floor), same files, same run
  scan_files_per_s        the app's scan: a worker thread reads tags and stores them in batches
  scan_ratio_to_mutagen   scan rate / mutagen rate (target: at least 0.8)
  gui_block_max_ms        the longest the GUI thread went without running its event loop
                          during the scan (target: at most 50)
  rss_playing_mb          resident memory with the library stored and a track playing

    python tests/benchmarks/library.py [--files 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import mutagen
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import make_qapplication
from desktop.listen.library import find_audio_files
from desktop.listen.player import Player
from desktop.listen.scanner import ScanJob
from desktop.store import Store, open_store
from desktop.store.listening import count_tracks
from tests.audio import convert, have_sox, make_wav, tag
from tests.benchmarks.measure import rss_mb


def generate(folder: Path, count: int) -> None:
    """A few real files per format, copied and each given its own tags."""
    base = folder / "_base"
    base.mkdir(parents=True)
    wav = make_wav(base / "tone.wav", seconds=1.0)
    formats = [wav]
    if have_sox():
        formats += [convert(wav, base / f"tone.{ext}") for ext in ("ogg", "flac", "mp3")]
    for n in range(count):
        source = formats[n % len(formats)]
        target = folder / f"album{n // 100:02d}" / f"track{n:05d}{source.suffix}"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, target)
        if source.suffix != ".wav":
            tag(target, f"Track {n}", f"Artist {n % 37}", f"Album {n // 100}")
    shutil.rmtree(base)


def mutagen_only(files: list[Path]) -> float:
    """The floor: mutagen reading the same fields the app keeps, nothing else."""
    started = time.perf_counter()
    for path in files:
        audio = mutagen.File(path, easy=True)
        if audio is not None:
            tags = audio.tags or {}
            _ = [tags.get(key) for key in ("title", "artist", "albumartist", "album")]
            _ = audio.info.length
    return len(files) / (time.perf_counter() - started)


RUNS = 3
HEARTBEAT_MS = 10  # fine enough for a 50 ms target, light enough not to slow the scan itself


def timed_scan(app: QApplication, music: Path, store: Store) -> tuple[float, list[float]]:
    """Seconds for the app's scan of ``music``, and the gaps between GUI heartbeats meanwhile."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    job = ScanJob([music], store)
    done: list[float] = []

    def finished(*_: object) -> None:
        done.append(time.perf_counter())
        app.quit()

    job.finished.connect(finished)
    heartbeat.start()
    started = time.perf_counter()
    last[0] = started
    job.start()
    app.exec()
    heartbeat.stop()
    return done[0] - started, gaps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    app = make_qapplication([])  # as the app makes it (its GIL switch interval included)
    work = Path(tempfile.mkdtemp(prefix="glimmers-library-"))
    try:
        music = work / "music"
        generate(music, args.files)
        files = find_audio_files(music)
        mutagen_only(files)  # warm the disk cache so every run reads from memory
        floors, rates, gaps = [], [], []
        for run in range(RUNS):  # alternating, medians: this machine is shared and noisy
            floors.append(mutagen_only(files))
            store = open_store(work / f"run{run}.db", work / "backups")
            rate, run_gaps = timed_scan(app, music, store)
            assert count_tracks(store) == len(files)
            store.close()
            rates.append(len(files) / rate)
            gaps += run_gaps
        floor, scan_rate = statistics.median(floors), statistics.median(rates)

        player = Player()
        player.load(files[0])
        player.play()
        QTimer.singleShot(1500, app.quit)
        app.exec()
        rss = rss_mb()
        player.shutdown()
        blocked = max(gaps) - HEARTBEAT_MS if gaps else 0.0
        print(
            json.dumps(
                {
                    "files": len(files),
                    "mutagen_files_per_s": round(floor, 1),
                    "scan_files_per_s": round(scan_rate, 1),
                    "scan_ratio_to_mutagen": round(scan_rate / floor, 3),
                    "gui_block_max_ms": round(max(blocked, 0.0), 1),
                    "rss_playing_mb": round(rss, 1),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
