"""A library scan's worker and the Listen tab: the job is let go of on the GUI thread, and
closing waits for a worker still reading."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt
from pytestqt.qtbot import QtBot

from desktop.listen.tab import ListenTab
from desktop.store import Store
from desktop.store.listening import count_tracks
from tests.audio import make_wav
from tests.helpers import FakePicker, InlineScans, let_go_of_here


@pytest.fixture
def music(tmp_path: Path, picker: FakePicker) -> Path:
    """Two tracks in a folder, the one the person chooses."""
    folder = tmp_path / "music"
    folder.mkdir()
    make_wav(folder / "morning_rain.wav", seconds=1)
    make_wav(folder / "low_light.wav", seconds=1)
    picker.chosen_folder = folder
    return folder


def held_scan(scans: InlineScans) -> QRunnable:
    """The scan the tab just started, taken from the test's starter to run on a thread."""
    assert len(scans.pending) == 1
    return scans.pending.pop()


def test_a_finished_scan_is_let_go_of_on_the_gui_thread(
    qtbot: QtBot, listen_tab: ListenTab, scans: InlineScans, music: Path, store: Store
) -> None:
    """The worker's runnable held the scan last: once the tab had heard it was finished, the
    job (an object of the GUI thread) was deleted on the worker's thread, and the app could
    crash a moment later."""
    scans.hold = True
    qtbot.mouseClick(listen_tab.add_folder_button, Qt.MouseButton.LeftButton)
    assert listen_tab.scan is not None
    let_go_on: list[int] = []
    listen_tab.scan.destroyed.connect(
        lambda: let_go_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    runnable = held_scan(scans)
    heard = threading.Event()

    def work(scan: QRunnable) -> None:
        scan.run()
        heard.wait(10)  # the worker lets go of its scan after the tab has heard the end

    worker = threading.Thread(target=work, args=(runnable,))
    del runnable
    worker.start()
    qtbot.waitUntil(lambda: listen_tab.scan is None, timeout=20_000)
    assert "2" in listen_tab.message.text() and count_tracks(store) == 2
    gc.collect()
    heard.set()
    worker.join(10)
    let_go_of_here()
    assert let_go_on == [threading.get_ident()], "deleted on the worker's thread, or never"


def test_closing_waits_for_a_scan_still_reading(
    qtbot: QtBot, listen_tab: ListenTab, scans: InlineScans, music: Path, store: Store
) -> None:
    """Closing while the music is being read stops the scan and waits for its worker, so it
    does not go on writing to a journal that is closing."""
    scans.hold = True
    qtbot.mouseClick(listen_tab.add_folder_button, Qt.MouseButton.LeftButton)
    job = listen_tab.scan
    assert job is not None
    go_on = threading.Event()
    ended_in_worker: list[bool] = []
    job.finished.connect(
        lambda done, cancelled: ended_in_worker.append(cancelled),
        Qt.ConnectionType.DirectConnection,
    )
    stop = job.cancel

    def cancel() -> None:  # the worker goes on only once closing has asked it to stop
        stop()
        go_on.set()

    job.cancel = cancel  # type: ignore[method-assign]
    runnable = held_scan(scans)

    def work(scan: QRunnable) -> None:
        go_on.wait(10)
        scan.run()

    worker = threading.Thread(target=work, args=(runnable,))
    del runnable
    worker.start()
    listen_tab.prepare_to_close()
    assert ended_in_worker == [True], "closing went on while the worker still read the music"
    worker.join(10)
    assert count_tracks(store) == 0
