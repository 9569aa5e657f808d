"""Nothing acknowledged is lost: a writer killed with SIGKILL at random moments, twenty times."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.journal import get_entry

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from pathlib import Path
from desktop.store import open_store
from desktop.store.journal import Entry, save_entry

folder = Path(sys.argv[1])
store = open_store(folder / "glimmers.db", folder / "backups")
print("ready", flush=True)
n = 0
while True:
    entry = save_entry(store, Entry(body=f"note {sys.argv[2]}-{n} " + "x" * (n % 900)))
    print(entry.uid, flush=True)  # acknowledged: save_entry has returned
    n += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_every_acknowledged_save_survives_a_kill(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    acknowledged: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_number in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(round_number)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.02, 0.4)
        lines = []
        while time.monotonic() < deadline:
            lines.append(writer.stdout.readline().strip())
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        lines += rest.splitlines()  # acknowledged before the kill, still in the pipe
        acknowledged += [line for line in lines if len(line) == 32]

        check = sqlite3.connect(tmp_path / "glimmers.db")
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
        store = open_store(tmp_path / "glimmers.db", tmp_path / "backups")
        missing = [uid for uid in acknowledged if get_entry(store, uid) is None]
        store.close()
        assert missing == [], f"round {round_number}: {len(missing)} acknowledged saves lost"
    assert len(acknowledged) > 20


BACKER = r"""
import sys
from pathlib import Path
from desktop.store import open_store
from desktop.store.backups import make_backup

folder = Path(sys.argv[1])
store = open_store(folder / "glimmers.db", folder / "backups")
print("ready", flush=True)
while True:
    print("copying", flush=True)
    make_backup(store, folder / "backups", label="by-hand")
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_backup_killed_halfway_never_passes_for_a_backup(tmp_path: Path) -> None:
    from desktop.store.backups import backup_if_due, list_backups
    from desktop.store.journal import Entry, save_entry
    from tests.helpers import FakeWallClock

    store = open_store(tmp_path / "glimmers.db", tmp_path / "backups")
    for i in range(400):
        save_entry(store, Entry(body=f"entry {i} " + "words " * 500))
    store.close()
    rng = random.Random(20261201)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(12):
        backer = subprocess.Popen(
            [sys.executable, "-c", BACKER, str(tmp_path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert backer.stdout is not None
        assert backer.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.15)  # a random moment of a copy
        while time.monotonic() < deadline:
            backer.stdout.readline()
        backer.send_signal(signal.SIGKILL)
        backer.communicate()
    named = sorted((tmp_path / "backups").glob("glimmers-*.db"))
    assert named, "no backup was ever finished"
    whole = {b.path for b in list_backups(tmp_path / "backups")}
    assert set(named) == whole  # every file with a backup's name is a whole, checked backup
    for path in named:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 400
        conn.close()
    # The next backup clears what the kills left half-written.
    store = open_store(tmp_path / "glimmers.db", tmp_path / "backups", FakeWallClock())
    backup_if_due(store, tmp_path / "backups", keep=100)
    store.close()
    leftovers = [p.name for p in (tmp_path / "backups").iterdir() if p.name.startswith(".")]
    assert leftovers == []
