"""One Glimmers per journal, with real processes: a second start says so and changes nothing,
commands that write wait their turn while export and check work beside the app, a lock left by
a killed app is taken over, and on a desktop with D-Bus the first window is brought forward."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.backups import backup_if_due
from desktop.store.journal import Entry, save_entry
from desktop.store.journal_lock import JournalLock
from tests.system.helpers import run_glimmers

ROOT = Path(__file__).resolve().parents[2]
WORDS = "words kept beside the app"

# Starts Glimmers as a person would (main()), looks at what it shows, closes it.
SECOND_START = r"""
import json, sys
from PySide6.QtCore import QTimer
from desktop.app import main, make_qapplication
from desktop.shell.already_open import AlreadyOpenWindow

qapp = make_qapplication([])
seen = {}

def look_and_close():
    shown = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    seen["windows"] = sorted(type(w).__name__ for w in shown)
    for widget in shown:
        if isinstance(widget, AlreadyOpenWindow):
            seen["text"] = widget.message.text()
        widget.close()

QTimer.singleShot(400, qapp, look_and_close)
code = main(["--data-dir", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""

# The first Glimmers, saying when it can be reached over D-Bus and when it was knocked on.
FIRST_ON_THE_BUS = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop.app import Lifecycle, make_qapplication

qapp = make_qapplication([])
glimmers = Lifecycle(Path(sys.argv[1]), offer_protection=False)
glimmers.start()

def announce():
    if glimmers.single.on_the_bus:
        print("on the bus", flush=True)
    else:
        QTimer.singleShot(20, qapp, announce)

def knocked():
    print("brought forward", flush=True)
    QTimer.singleShot(0, qapp, qapp.quit)

glimmers.single.door.knocked.connect(knocked)
QTimer.singleShot(0, qapp, announce)
QTimer.singleShot(60_000, qapp, qapp.quit)
qapp.exec()
glimmers.shutdown()
"""

# Under its own session bus: the first Glimmers, then a second start on the same journal.
BOTH_ON_ONE_BUS = r"""
import json, subprocess, sys
first_script, second_script, folder = sys.argv[1:4]
first = subprocess.Popen([sys.executable, first_script, folder], stdout=subprocess.PIPE, text=True)
ready = first.stdout.readline().strip()
second = subprocess.run(
    [sys.executable, second_script, folder], capture_output=True, text=True, timeout=90
)
knocked = first.stdout.readline().strip()
first.wait(timeout=30)
print(json.dumps({"ready": ready, "knocked": knocked, "second": second.stdout.strip()}))
"""


def environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def prepared(folder: Path) -> Path:
    """A journal with one entry and today's backup made, so an app opening it writes nothing."""
    folder.mkdir(parents=True)
    store = open_store(folder / "glimmers.db", folder / "backups")
    save_entry(store, Entry(body=WORDS))
    backup_if_due(store, folder / "backups")
    store.close()
    return folder


def wait_until_held(folder: Path, app: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while JournalLock(folder).holder() is None:
        assert app.poll() is None, "the first Glimmers ended early"
        assert time.monotonic() < deadline, "the first Glimmers never took the journal"
        time.sleep(0.05)


@pytest.fixture
def first_app(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    folder = prepared(tmp_path / "data")
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(folder)],
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_held(folder, app)
        yield folder, app
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGKILL)
        app.communicate()


def second_start(folder: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", SECOND_START, str(folder)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def snapshot(folder: Path) -> dict[str, bytes]:
    files = [folder / "glimmers.db", *sorted((folder / "backups").iterdir())]
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


@pytest.mark.slow
def test_a_second_start_says_so_and_changes_nothing(
    first_app: tuple[Path, subprocess.Popen[str]],
) -> None:
    folder, app = first_app
    before = snapshot(folder)
    seen = second_start(folder)
    assert seen["windows"] == ["AlreadyOpenWindow"]
    assert "already open with this journal" in str(seen["text"])
    assert "Nothing was changed" in str(seen["text"])
    assert snapshot(folder) == before
    assert app.poll() is None  # the first one goes on as it was


@pytest.mark.slow
def test_commands_that_write_wait_while_export_and_check_work_beside_the_app(
    first_app: tuple[Path, subprocess.Popen[str]], tmp_path: Path
) -> None:
    folder, app = first_app
    exported = run_glimmers("--data-dir", str(folder), "export", "-o", str(tmp_path / "out.json"))
    assert exported.returncode == 0, exported.stderr
    assert WORDS in (tmp_path / "out.json").read_text()
    checked = run_glimmers("--data-dir", str(folder), "check")
    assert checked.returncode == 0 and "1 journal entry" in checked.stdout
    before = snapshot(folder)
    for command in (["import", str(tmp_path / "out.json")], ["backup"]):
        refused = run_glimmers("--data-dir", str(folder), *command)
        assert refused.returncode == 3, refused.stderr
        assert "Glimmers is open with this journal" in refused.stderr
        assert "Nothing was changed" in refused.stderr
    assert snapshot(folder) == before
    assert app.poll() is None
    # Once the app is gone (even killed), they work again.
    app.send_signal(signal.SIGKILL)
    app.wait()
    made = run_glimmers("--data-dir", str(folder), "backup")
    assert made.returncode == 0, made.stderr


@pytest.mark.slow
def test_a_lock_left_by_a_killed_app_is_taken_over(
    first_app: tuple[Path, subprocess.Popen[str]],
) -> None:
    folder, app = first_app
    app.send_signal(signal.SIGKILL)
    app.wait()
    assert (folder / "glimmers.lock").exists()  # left behind, and stale
    seen = second_start(folder)
    assert seen["windows"] == ["MainWindow"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="needs dbus-run-session")
def test_on_a_desktop_with_d_bus_the_first_window_is_brought_forward(tmp_path: Path) -> None:
    folder = prepared(tmp_path / "data")
    scripts = {}
    for name, text in (("first", FIRST_ON_THE_BUS), ("second", SECOND_START)):
        scripts[name] = tmp_path / f"{name}.py"
        scripts[name].write_text(text)
    env = environment()
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", BOTH_ON_ONE_BUS,
         str(scripts["first"]), str(scripts["second"]), str(folder)],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["ready"] == "on the bus"
    assert outcome["knocked"] == "brought forward"
    second = json.loads(outcome["second"].splitlines()[-1])
    assert second["windows"] == ["AlreadyOpenWindow"]
    assert "Its window is in front now" in second["text"]


@pytest.mark.parametrize("command", ["glimmer", "check"])
def test_a_lock_file_that_is_a_folder_is_explained_without_a_traceback(
    tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    if command == "check":
        open_store(folder / "glimmers.db", folder / "backups").close()
    (folder / "glimmers.lock").mkdir()
    args = ["glimmer", "warm", "tea"] if command == "glimmer" else [command]
    result = run_glimmers("--data-dir", str(folder), *args)
    assert "Traceback" not in result.stderr
    if command == "check":  # reading changes nothing: it needs no lock
        assert result.returncode == 0 and "looks healthy" in result.stdout
    else:
        assert result.returncode == 2 and "glimmers.lock" in result.stderr
        assert not (folder / "glimmers.db").exists()
