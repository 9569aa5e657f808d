"""Run the real app in a subprocess, as a person or a script would."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path


def run_glimmers(
    *args: str, env: dict[str, str] | None = None, timeout: float = 90, typed: str = ""
) -> subprocess.CompletedProcess[str]:
    """``glimmers ARGS`` in a child process; ``typed`` is all its standard input holds."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=typed,
        capture_output=True,
        start_new_session=True,  # no terminal: a passphrase is read from ``typed``
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
