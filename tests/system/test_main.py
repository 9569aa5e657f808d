"""main() opens the real window with its tabs. In a subprocess: main() runs the event loop to
its end, and a finished event loop winds QtMultimedia down for the rest of a process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop import APP_ID, APP_NAME

SCRIPT = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main, make_qapplication
from desktop.shell.main_window import MainWindow

qapp = make_qapplication([])
seen = {}

def look_and_quit(tries=100):
    if QApplication.windowIcon().isNull() and tries:  # given right after the first paint
        QTimer.singleShot(50, qapp, lambda: look_and_quit(tries - 1))
        return
    windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    tabs = windows[0].tabs
    seen["tabs"] = [tabs.tabText(i) for i in range(tabs.count())]
    seen["title"] = windows[0].windowTitle()
    seen["name"] = QApplication.applicationName()
    seen["desktop_file"] = QApplication.desktopFileName()
    seen["icon"] = not QApplication.windowIcon().isNull()
    windows[0].close()

QTimer.singleShot(200, qapp, look_and_quit)
code = main([])
print(json.dumps({"code": code, **seen}))
"""


def test_main_opens_the_window_with_its_tabs(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GLIMMERS_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {
        "code": 0,
        "tabs": ["Breathe", "Listen", "Journal", "Together", "Today", "Over time"],
        "title": APP_NAME,
        "name": APP_NAME,
        "desktop_file": APP_ID,
        "icon": True,
    }
    assert (tmp_path / "data" / "glimmers.db").exists()
