"""File > Export, Import and Journal trash, used from the menu as a person would."""

from __future__ import annotations

import gc
import json
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRunnable, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.trash_dialog import TrashDialog
from desktop.store import open_store
from desktop.store.journal import Entry, count_entries, save_entry, trash_entry
from tests.helpers import FakeDialogs, FakeWallClock, let_go_of_here


def _menu_action(app: Lifecycle, name: str) -> QAction:
    assert app.window is not None
    actions = {a.objectName(): a for a in app.window.menus["file"].actions()}
    return actions[name]


def test_file_menu_lists_export_import_trash_then_quit(app: Lifecycle) -> None:
    assert app.window is not None
    texts = [a.text() for a in app.window.menus["file"].actions() if a.text()]
    assert texts == [
        "&Export journal…",
        "&Import journal…",
        "Journal &trash…",
        "&Backups…",
        "&Passphrase and lock…",
        "&Lock",
        "&Quit",
    ]


@pytest.mark.parametrize(
    ("chosen_filter", "suffix", "check"),
    [
        (
            "JSON, everything you keep, to import again (*.json)",
            ".json",
            lambda t: json.loads(t)["entries"],
        ),
        (
            "Markdown, easy to read, day by day (*.md)",
            ".md",
            lambda t: "# My Glimmers journal" in t,
        ),
        (
            "CSV, one table with a row per record (*.csv)",
            ".csv",
            lambda t: t.startswith("id,kind,day"),
        ),
    ],
)
def test_export_from_the_menu(
    app: Lifecycle,
    dialogs: FakeDialogs,
    tmp_path: Path,
    chosen_filter: str,
    suffix: str,
    check: Callable[[str], object],
) -> None:
    assert app.store is not None
    save_entry(app.store, Entry(body="a small warm thing"))
    dialogs.save = (tmp_path / "mine", chosen_filter)
    _menu_action(app, "export_action").trigger()
    written = (tmp_path / "mine").with_suffix(suffix)
    assert check(written.read_text(encoding="utf-8"))
    assert dialogs.told[-1][0] == "Exported"


def _import_from_the_menu(qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs) -> None:
    """File > Import…, then, once the preview is read (off the GUI thread), Import."""
    told = len(dialogs.told)
    _menu_action(app, "import_action").trigger()
    assert app.journal is not None
    dialog = app.journal.data_actions.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isVisible() or len(dialogs.told) > told)
    if len(dialogs.told) > told:  # refused while reading
        return
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.told) > told)


def test_import_from_the_menu_and_again(
    qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    assert app.store is not None
    uid = save_entry(app.store, Entry(body="from before")).uid
    export_file = tmp_path / "export.json"
    dialogs.save = (export_file, "JSON, everything you keep, to import again (*.json)")
    _menu_action(app, "export_action").trigger()
    trash_entry(app.store, uid)
    with app.store.transaction("entries") as conn:
        conn.execute("DELETE FROM entries")
    dialogs.open = export_file
    _import_from_the_menu(qtbot, app, dialogs)
    assert dialogs.told[-1][:2] == ("Imported", "Added 1 journal entry. 0 already in your journal.")
    assert count_entries(app.store) == 1
    # Again: the preview says there is nothing new, so Import is not offered.
    _menu_action(app, "import_action").trigger()
    dialog = app.journal.data_actions.import_dialog if app.journal else None
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_button.isVisible())
    assert not dialog.import_button.isEnabled()
    assert "all of them are in your journal already" in dialog.summary.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert count_entries(app.store) == 1


def test_malformed_import_says_why_and_writes_nothing(
    qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    assert app.store is not None
    bad = tmp_path / "bad.json"
    bad.write_text("{ this is not json")
    dialogs.open = bad
    _import_from_the_menu(qtbot, app, dialogs)
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Nothing was imported", True)
    assert "not valid JSON" in text and "unchanged" in text
    assert count_entries(app.store, include_trash=True) == 0


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_file_larger_than_any_export_is_refused_without_reading_it_all(
    qtbot: QtBot,
    app: Lifecycle,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A file of gigabytes (or a device that never ends) was read whole before its size was
    looked at: the window froze while the memory filled, and then the app died."""

    def whole(self: Path) -> bytes:
        raise AssertionError(f"{self} was read whole")  # (of /dev/zero: until memory runs out)

    monkeypatch.setattr(Path, "read_bytes", whole)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(3 * 1024**3)  # three gigabytes of nothing, taking no room on the disk
    dialogs.open = huge  # only its first bytes are looked at
    _import_from_the_menu(qtbot, app, dialogs)
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Nothing was imported", True)
    assert "cannot tell which app made this file" in text
    dialogs.open = Path("/dev/zero")  # endless: refused before anything is read
    _import_from_the_menu(qtbot, app, dialogs)
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Nothing was imported", True)
    assert "/dev/zero is a pipe or a device, not a file" in text


@pytest.mark.parametrize("held", ["", "\n\n  \n"])
def test_an_empty_file_is_said_to_be_empty(
    qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs, tmp_path: Path, held: str
) -> None:
    """It said Glimmers "cannot tell which app made this file", or (told it was jrnl's)
    "Imported nothing new", neither of which says what is wrong with it."""
    assert app.store is not None
    save_entry(app.store, Entry(body="already here"))
    empty = tmp_path / "journal.txt"
    empty.write_text(held)
    dialogs.open = empty
    _import_from_the_menu(qtbot, app, dialogs)
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Nothing was imported", True)
    assert "journal.txt is empty: there is nothing in it to import." in text
    assert count_entries(app.store) == 1


def test_trash_restore_and_empty(qtbot: QtBot, app: Lifecycle, dialogs: FakeDialogs) -> None:
    assert app.store is not None
    keep = save_entry(app.store, Entry(body="bring me back"))
    lose = save_entry(app.store, Entry(body="let me go"))
    trash_entry(app.store, keep.uid)
    trash_entry(app.store, lose.uid)
    _menu_action(app, "trash_action").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TrashDialog))
    assert dialog.list.count() == 2
    row = next(
        i for i in range(dialog.list.count()) if "bring me back" in dialog.list.item(i).text()
    )
    dialog.list.setCurrentRow(row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert count_entries(app.store) == 1
    dialogs.confirm_answer = False
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert count_entries(app.store, include_trash=True) == 2
    dialogs.confirm_answer = True
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "cannot be undone" in dialogs.confirmed[-1]
    assert count_entries(app.store, include_trash=True) == 1
    assert dialog.list.count() == 0
    dialog.close()


def test_the_trash_shows_what_is_deleted_while_it_is_open(app: Lifecycle) -> None:
    assert app.store is not None
    uid = save_entry(app.store, Entry(body="deleted from the journal tab")).uid
    _menu_action(app, "trash_action").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TrashDialog))
    assert dialog.list.count() == 0
    trash_entry(app.store, uid)
    assert dialog.list.count() == 1 and "deleted from the journal tab" in dialog.list.item(0).text()
    dialog.close()


@pytest.mark.parametrize("name", ["glimmers.db", "glimmers.key", "backups/glimmers-a.db"])
def test_an_export_never_replaces_a_file_the_journal_is_kept_in(
    app: Lifecycle, dialogs: FakeDialogs, data_dir: Path, name: str
) -> None:
    """The save dialog opened in the data folder and the person picked the journal itself:
    the export was renamed over glimmers.db, and at the next start it was not a journal."""
    assert app.store is not None
    save_entry(app.store, Entry(body="a small warm thing"))
    target = data_dir / name
    target.parent.mkdir(exist_ok=True)
    before = target.read_bytes() if target.exists() else None
    dialogs.save = (target, "JSON, everything you keep, to import again (*.json)")
    _menu_action(app, "export_action").trigger()
    title, text, problem = dialogs.told[-1]
    assert (title, problem) == ("Export did not finish", True)
    assert "Glimmers keeps your journal" in text
    assert (target.read_bytes() if target.exists() else None) == before
    app.shutdown()
    reopened = open_store(data_dir / "glimmers.db", data_dir / "backups", FakeWallClock())
    assert count_entries(reopened) == 1  # still a journal, with what was written
    reopened.close()


def test_an_import_replaced_while_its_reading_goes_on_is_let_go_on_the_gui_thread(
    qtbot: QtBot, app: Lifecycle, tmp_path: Path
) -> None:
    """A second file chosen while the first is still being read: the first job's worker held
    it last, so it was deleted on the worker's thread while its signals still waited for the
    window, and the app could crash a moment later. It is never let go of there."""
    assert app.journal is not None
    actions = app.journal.data_actions
    go_on = threading.Event()
    workers: list[threading.Thread] = []

    def held(runnable: QRunnable) -> None:
        def work() -> None:
            go_on.wait(10)
            runnable.run()

        workers.append(threading.Thread(target=work))
        workers[-1].start()

    actions.start = held
    first_file, second_file = tmp_path / "first.txt", tmp_path / "second.txt"
    first_file.write_text("[2026-11-01 09:00] A first line.\n")
    second_file.write_text("[2026-11-02 09:00] A second line.\n")
    let_go_on: list[int] = []
    actions.import_file(first_file)
    assert actions.import_job is not None
    weakref.finalize(actions.import_job, lambda: let_go_on.append(threading.get_ident()))
    actions.import_file(second_file)  # the first is cancelled, its dialog let go of
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    go_on.set()
    for worker in workers:
        worker.join(10)
    let_go_of_here()
    assert let_go_on == [threading.get_ident()], "let go of on the worker's thread, or never"
    assert actions.import_dialog is not None
    actions.import_dialog.reject()
