"""Nothing sent: the real app, traced with strace, never tries an internet connection."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is installed by .ci/run")
def test_the_running_app_attempts_no_inet_connection(tmp_path: Path) -> None:
    trace = tmp_path / "connect.trace"
    (tmp_path / "audio").mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.multimedia.*=false",
    }
    result = subprocess.run(
        [
            "strace",
            "-f",
            "-e",
            "trace=connect",
            "-o",
            str(trace),
            sys.executable,
            str(HERE / "drive_app.py"),
            str(tmp_path / "data"),
            str(tmp_path / "audio"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=100,  # below the hang watchdog, so a stuck run fails with its own message
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'played': True" in result.stdout and "'saved': True" in result.stdout
    calls = trace.read_text().splitlines()
    inet = [line for line in calls if re.search(r"AF_INET6?\b", line)]
    assert inet == [], "network connections were attempted:\n" + "\n".join(inet[:10])
    # The trace did see the app's sockets: local ones, for the audio server (and D-Bus).
    assert any("connect(" in line and "AF_UNIX" in line for line in calls)
