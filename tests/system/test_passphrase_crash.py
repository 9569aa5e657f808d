"""Setting, changing and removing the passphrase, each killed with SIGKILL at random moments
twenty times in a real process: after the next start one passphrase, the old or the new, opens
every file, and no plain copy is left behind."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.backups import make_backup
from desktop.store.connection import encryption_available
from desktop.store.journal import Entry, save_entry
from desktop.store.protection import protect, settle
from tests.helpers import CHEAP_KEYS, FakeWallClock
from tests.journal_state import PLAIN, opened_by

ROOT = Path(__file__).resolve().parents[2]
OLD, NEW = "the old calm passphrase", "the new calm passphrase"
ENTRIES = 300
ROUNDS = 20

STEPPER = r"""
import sys
from pathlib import Path
from desktop.store.keys import Argon2Cost
from desktop.store.protection import change_passphrase, protect, unlock, unprotect

operation, folder = sys.argv[1], Path(sys.argv[2])
cheap = Argon2Cost(memory_kib=8, passes=1, parallelism=1)
key = None if operation == "protect" else unlock(folder, sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
if operation == "protect":
    protect(folder, folder / "backups", sys.argv[4], cheap)
elif operation == "change":
    change_passphrase(folder, folder / "backups", key, sys.argv[4], cheap)
else:
    unprotect(folder, folder / "backups", key)
print("done", flush=True)
"""

OPERATIONS = {"protect": (None, NEW), "change": (OLD, NEW), "remove": (OLD, PLAIN)}


def template(folder: Path, passphrase: str | None) -> Path:
    folder.mkdir(parents=True)
    wall = FakeWallClock()
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    for i in range(ENTRIES):
        save_entry(store, Entry(body=f"entry {i} with some words to make pages " * 20))
    for _ in range(3):
        make_backup(store, folder / "backups", label="by-hand")
        wall.advance(3600)
    store.close()
    if passphrase is not None:
        protect(folder, folder / "backups", passphrase, CHEAP_KEYS)
    return folder


def start_step(operation: str, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stepper = subprocess.Popen(
        [sys.executable, "-c", STEPPER, operation, str(folder), OLD, NEW],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert stepper.stdout is not None
    assert stepper.stdout.readline().strip() == "ready"
    return stepper


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_kill_at_any_moment_never_splits_the_journal(tmp_path: Path, operation: str) -> None:
    before, after = OPERATIONS[operation]
    original = template(tmp_path / "template", before)
    rng = random.Random(f"{operation}-20261128")

    # How long the whole step takes here, so the kills fall inside it.
    timing = shutil.copytree(original, tmp_path / "timing")
    stepper = start_step(operation, timing)
    assert stepper.stdin is not None and stepper.stdout is not None
    began = time.monotonic()
    stepper.stdin.write("go\n")
    stepper.stdin.flush()
    assert stepper.stdout.readline().strip() == "done"
    took = time.monotonic() - began
    stepper.communicate(timeout=60)
    assert opened_by(timing, [OLD, NEW], ENTRIES) == after

    cut_short, outcomes = 0, []
    for round_number in range(ROUNDS):
        folder = shutil.copytree(original, tmp_path / f"round-{round_number:02d}")
        stepper = start_step(operation, folder)
        assert stepper.stdin is not None
        stepper.stdin.write("go\n")
        stepper.stdin.flush()
        time.sleep(rng.uniform(0.0, took))
        stepper.send_signal(signal.SIGKILL)
        out, _ = stepper.communicate()
        cut_short += "done" not in out
        settle(folder)  # what the next start does first
        outcome = opened_by(folder, [OLD, NEW], ENTRIES)
        assert outcome in (before or PLAIN, after), f"round {round_number}: {outcome}"
        outcomes.append(outcome)
    assert cut_short >= ROUNDS // 2, f"only {cut_short} kills fell inside the step"
