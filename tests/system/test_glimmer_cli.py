"""`glimmers glimmer "warm mug in cold hands"`: a glimmer kept from the command line, then
found by search and in an export."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.store import open_store
from desktop.store.timeline import search_everything
from tests.system.helpers import run_glimmers


def test_a_glimmer_from_the_command_line_is_kept_found_and_exported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    kept = run_glimmers(
        "--data-dir", str(data), "glimmer", "warm mug in cold hands", "--sense", "touch"
    )
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.strip() == "Kept. Small things count."
    unquoted = run_glimmers("--data-dir", str(data), "glimmer", "birdsong", "at", "dawn")
    assert unquoted.returncode == 0, unquoted.stderr

    store = open_store(data / "glimmers.db", data / "backups")
    try:
        found = search_everything(store, "mug")
        assert [(item.kind, item.summary) for item in found] == [
            ("glimmer", "warm mug in cold hands · Touch and temperature")
        ]
    finally:
        store.close()
    exported = run_glimmers("--data-dir", str(data), "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    glimmers = json.loads(exported.stdout)["glimmers"]
    assert [(g["text"], g["sense"]) for g in glimmers] == [
        ("warm mug in cold hands", "touch"),
        ("birdsong at dawn", None),
    ]


def test_a_glimmer_that_cannot_be_kept_is_explained(tmp_path: Path) -> None:
    data = tmp_path / "data"
    empty = run_glimmers("--data-dir", str(data), "glimmer", "   ")
    assert empty.returncode == 1
    assert "nothing was kept" in empty.stderr and "A few words are enough" in empty.stderr
    long = run_glimmers("--data-dir", str(data), "glimmer", "word " * 60)
    assert long.returncode == 1 and "up to 200 characters" in long.stderr
    place = run_glimmers("--data-dir", str(data), "glimmer", "warmth", "--where", "elbow")
    assert place.returncode == 2 and "--where" in place.stderr
    helped = run_glimmers("glimmer", "--help")
    assert helped.returncode == 0 and "--sense" in helped.stdout and "hands" in helped.stdout
    listed = run_glimmers("--help")
    assert "glimmer" in listed.stdout and "today" in listed.stdout  # the subcommand, the tab


def test_words_that_are_not_utf8_are_kept_with_a_mark_for_what_could_not_be_read(
    tmp_path: Path,
) -> None:
    """A terminal set to another encoding hands over bytes that are not UTF-8: the glimmer is
    kept, the unreadable byte shown as U+FFFD, not an encoder's traceback."""
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    kept = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "glimmer", b"caf\xe9 warmth"],
        capture_output=True,
        env=env,
        timeout=90,
        check=False,
    )
    assert kept.returncode == 0, kept.stderr.decode(errors="replace")
    assert kept.stdout.decode().strip() == "Kept. Small things count."
    exported = run_glimmers("--data-dir", str(data), "export", "--format", "json")
    assert [g["text"] for g in json.loads(exported.stdout)["glimmers"]] == ["caf\ufffd warmth"]


def test_a_screenshot_of_the_today_tab(tmp_path: Path) -> None:
    shot = tmp_path / "today.png"
    result = run_glimmers(
        "--data-dir", str(tmp_path / "d"), "--screenshot", str(shot), "--tab", "today"
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 1000
