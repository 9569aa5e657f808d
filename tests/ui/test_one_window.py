"""One Glimmers per journal, in one process: a second start on the same folder says so and
changes nothing; the first goes on and can be brought forward; a command's hold is named."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.shell.already_open import AlreadyOpenWindow
from desktop.shell.main_window import MainWindow
from desktop.store.journal import Entry, count_entries, save_entry
from desktop.store.journal_lock import JournalLock
from tests.conftest import StartApp


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_glimmers_on_the_same_journal_says_so_and_changes_nothing(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    first = start_app(start=False)
    assert isinstance(first.start(), MainWindow)
    assert first.store is not None
    save_entry(first.store, Entry(body="written in the first window"))
    before = files(data_dir)

    second = start_app(start=False)
    shown = second.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, AlreadyOpenWindow) and shown.isVisible()
    assert "already open with this journal" in shown.message.text()
    assert str(data_dir) in shown.message.text()
    assert second.store is None and second.window is None
    assert files(data_dir) == before
    assert shown.close_button.accessibleName() == "Close"
    qtbot.mouseClick(shown.close_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible()
    second.shutdown()  # lets go of nothing it did not hold

    save_entry(first.store, Entry(body="and the first goes on"))
    assert count_entries(first.store) == 2
    first.shutdown()
    third = start_app(start=False)
    assert isinstance(third.start(), MainWindow)  # free again once the first has gone
    third.shutdown()


def test_a_knock_brings_the_window_forward(qtbot: QtBot, start_app: StartApp) -> None:
    app = start_app()
    assert app.window is not None
    app.window.showMinimized()
    app.single.door.bring_forward()  # what a second start asks for over D-Bus
    assert not app.window.isMinimized()
    qtbot.waitUntil(app.window.isActiveWindow)
    app.shutdown()


def test_the_app_waits_for_a_command_that_holds_the_journal(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    data_dir.mkdir(parents=True)
    command = JournalLock(data_dir, "import")
    assert command.acquire()
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, AlreadyOpenWindow)
    assert "\u201cglimmers import\u201d is running" in shown.message.text()
    assert not (data_dir / "glimmers.db").exists()
    command.release()
    assert isinstance(app.start(), MainWindow)
    app.shutdown()


def test_a_lock_file_that_is_a_folder_is_explained_and_nothing_is_opened(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    from desktop.shell.problem_window import ProblemWindow

    (data_dir / "glimmers.lock").mkdir(parents=True)  # a sync tool's doing, or a slip
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow) and shown.isVisible()
    assert "glimmers.lock" in shown.explanation.text()
    assert app.store is None and not (data_dir / "glimmers.db").exists()
