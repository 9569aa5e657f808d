"""Drives the real app for the no-network trace: every tab, a played file, a saved entry.

Run as a script (under strace) by test_no_network.py; it exits 0 when all of it happened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer

from desktop.app import Lifecycle, make_qapplication
from desktop.journal.tab import JournalTab
from desktop.listen.tab import ListenTab
from desktop.shell.main_window import MainWindow
from desktop.store.journal import count_entries
from tests.audio import make_wav


def main() -> None:
    data_dir, audio_dir = Path(sys.argv[1]), Path(sys.argv[2])
    make_wav(audio_dir / "trace tone.wav", seconds=3)
    app = make_qapplication([])
    glimmers = Lifecycle(data_dir)
    window = glimmers.start(frame_first=True)  # as a start from the desktop: the journal opens
    assert isinstance(window, MainWindow)  # into this window after its first paint
    done: dict[str, bool] = {}

    def step_listen() -> None:
        if glimmers.window is not window:  # not open yet
            QTimer.singleShot(50, step_listen)
            return
        listen = window.show_page("listen")
        assert isinstance(listen, ListenTab)
        listen.start_scan([audio_dir])

        def play_when_scanned() -> None:
            if listen.scan is not None or listen.model.rowCount() == 0:
                QTimer.singleShot(50, play_when_scanned)
                return
            track = listen.model.track(0)
            assert track is not None
            listen.play_track(track)
            QTimer.singleShot(1500, check_playing)

        def check_playing() -> None:
            done["played"] = listen.player.position() > 300
            step_journal()

        play_when_scanned()

    def step_journal() -> None:
        journal = window.show_page("journal")
        assert isinstance(journal, JournalTab)
        journal.editor.sense_edits["sound"].setText("a tone, traced")
        journal.editor.request_save()
        assert glimmers.store is not None
        done["saved"] = count_entries(glimmers.store) == 1
        together = window.show_page("together")
        together.pair.begin()  # type: ignore[attr-defined]  # breathing together, with the pacer
        window.show_page("breathe")
        app.quit()

    QTimer.singleShot(100, step_listen)
    QTimer.singleShot(
        60_000, app.quit
    )  # never wait for ever: the test then reports what is missing
    app.exec()
    if glimmers.store is not None:
        glimmers.store.close()
    print(done, flush=True)
    # Leave without tearing down the media player: the trace is about what the app does while
    # in use, and FFmpeg's threads can be slow to wind down under strace.
    os._exit(0 if done == {"played": True, "saved": True} else 1)


if __name__ == "__main__":
    main()
