"""The journal's lock: one holder at a time, a lock left by a dead process taken over, and the
note of who holds it for the next one's message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.paths import LOCK_NAME
from desktop.store.journal_lock import JournalLock


def test_one_holder_at_a_time_and_the_next_one_is_told_who(tmp_path: Path) -> None:
    first, second = JournalLock(tmp_path), JournalLock(tmp_path, "import")
    assert first.acquire() and first.acquire()  # taking it twice is fine
    assert not second.acquire()
    holder = second.holder()
    assert holder is not None and holder.is_app
    first.release()
    assert second.holder() is None
    assert second.acquire()
    told = JournalLock(tmp_path).holder()
    assert told is not None and told.what == "import" and not told.is_app
    second.release()


def test_a_lock_file_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    # A process that took the lock and died without a word, as a kill or a crash leaves it.
    code = (
        "import os, sys; from pathlib import Path;"
        "from desktop.store.journal_lock import JournalLock;"
        "assert JournalLock(Path(sys.argv[1])).acquire(); os._exit(0)"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, cwd=root)
    left = json.loads((tmp_path / LOCK_NAME).read_text())
    assert left["what"] == "app"  # the dead holder's note is still there
    lock = JournalLock(tmp_path)
    assert lock.holder() is None
    assert lock.acquire()
    lock.release()


def test_a_damaged_lock_file_is_no_obstacle(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_bytes(b"\x00\xff not a note")
    lock = JournalLock(tmp_path)
    assert lock.acquire()
    assert json.loads((tmp_path / LOCK_NAME).read_text())["what"] == "app"
    lock.release()
