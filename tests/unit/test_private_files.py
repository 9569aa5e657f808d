"""Files Glimmers writes for the person (an export, a recovery key): all or nothing, and never
a plain file put in the place of a pipe or a device."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from desktop.paths import write_private_file


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    write_private_file(target, '{"entries": []}')
    assert target.read_text() == '{"entries": []}'
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]  # no temp file left


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    """``glimmers export -o /dev/stdout`` or ``-o some.fifo``: the export goes down the pipe;
    renaming a temp file over it replaced the pipe (and, as root, a device in /dev)."""
    pipe = tmp_path / "journal.fifo"
    os.mkfifo(pipe)
    received: list[str] = []

    def read() -> None:
        with open(pipe, encoding="utf-8") as stream:  # waits for the writer to open it
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)  # never left waiting past the test
    reader.start()
    write_private_file(pipe, '{"entries": []}')
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert received == ['{"entries": []}']
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["journal.fifo"]
