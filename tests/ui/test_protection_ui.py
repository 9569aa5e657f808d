"""Protecting the journal from the interface: set, unlock, lock when idle, change, remove."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.journal.tab import JournalTab
from desktop.shell.main_window import MainWindow
from desktop.shell.protection_dialog import ProtectionDialog
from desktop.shell.unlock_window import UnlockWindow
from desktop.store.backups import list_backups, make_backup
from desktop.store.connection import encryption_available
from desktop.store.inspection import SQLITE_HEADER
from desktop.store.journal import Entry, count_entries, load_drafts, save_entry
from desktop.store.protection import is_protected, unlock
from tests.conftest import StartApp
from tests.faults import fill_disk, free_disk
from tests.helpers import FakeClock, FakeDialogs

pytestmark = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
PASSPHRASE = "slow river, warm stone"


def every_backup_opens(data_dir: Path, key: bytes | None) -> bool:
    """Each backup file in the folder opens with ``key`` (list_backups leaves out the rest)."""
    files = list((data_dir / "backups").glob("glimmers-*.db"))
    return bool(files) and len(list_backups(data_dir / "backups", key)) == len(files)


@pytest.fixture(autouse=True)
def close_everything() -> Iterator[None]:
    """Windows here are replaced as the journal locks and unlocks; close what is left at the end."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (MainWindow, UnlockWindow, ProtectionDialog)):
            widget.close()


def protect_from_dialog(qtbot: QtBot, app: Lifecycle) -> ProtectionDialog:
    assert app.window is not None
    actions = {a.objectName(): a for a in app.window.menus["file"].actions()}
    actions["protection_action"].trigger()
    dialog = app.protection.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.again, PASSPHRASE)
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    return dialog


def test_set_a_passphrase_and_keep_every_entry(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, dialogs: FakeDialogs
) -> None:
    app = start_app()
    assert app.store is not None
    save_entry(app.store, Entry(body="my secret morning"))
    dialog = protect_from_dialog(qtbot, app)
    assert dialog.recovery_box.isVisible()
    recovery = dialog.recovery.text()
    assert len(recovery.replace("-", "")) == 52
    assert isinstance(app.window, MainWindow)
    assert app.store is not None and app.store.encrypted
    assert count_entries(app.store) == 1
    assert (data_dir / "glimmers.db").read_bytes()[:16] != SQLITE_HEADER
    assert b"secret morning" not in (data_dir / "glimmers.db").read_bytes()
    lock = {a.objectName(): a for a in app.window.menus["file"].actions()}["lock_action"]
    assert lock.isEnabled()
    # The recovery key can be saved to a file.
    dialogs.save = (data_dir.parent / "recovery.txt", "Text (*.txt)")
    qtbot.mouseClick(dialog.save_recovery_button, Qt.MouseButton.LeftButton)
    assert recovery in (data_dir.parent / "recovery.txt").read_text()
    dialog.close()
    app.shutdown()


def test_the_recovery_key_is_never_saved_over_the_key_file(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, dialogs: FakeDialogs
) -> None:
    """Saved over glimmers.key, the recovery key's text made the passphrase stop working."""
    app = start_app()
    dialog = protect_from_dialog(qtbot, app)
    before = (data_dir / "glimmers.key").read_bytes()
    dialogs.save = (data_dir / "glimmers.key", "Text (*.txt)")
    qtbot.mouseClick(dialog.save_recovery_button, Qt.MouseButton.LeftButton)
    assert "was not saved" in dialog.message.text()
    assert "Glimmers keeps your journal in" in dialog.message.text()
    assert (data_dir / "glimmers.key").read_bytes() == before
    dialog.close()
    app.shutdown()


def test_bad_passphrases_are_explained(qtbot: QtBot, data_dir: Path, start_app: StartApp) -> None:
    app = start_app()
    dialog = app.protection.show_protection()
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in dialog.message.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.again, PASSPHRASE + "!")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.message.text()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, PASSPHRASE)
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert "tick the box" in dialog.message.text()
    assert not is_protected(data_dir)
    dialog.close()
    app.shutdown()


def test_unlock_asks_calmly_until_it_is_right(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    app = start_app()
    assert app.store is not None
    save_entry(app.store, Entry(body="behind the lock"))
    protect_from_dialog(qtbot, app).close()
    app.shutdown()

    again = start_app(start=False)
    shown = again.start()
    assert isinstance(shown, UnlockWindow)
    before = (data_dir / "glimmers.db").read_bytes()
    qtbot.keyClicks(shown.secret, "wrong words here")
    qtbot.keyClick(shown.secret, Qt.Key.Key_Return)
    assert "did not open" in shown.message.text()
    assert (data_dir / "glimmers.db").read_bytes() == before
    assert again.store is None
    qtbot.keyClicks(shown.secret, PASSPHRASE)
    qtbot.keyClick(shown.secret, Qt.Key.Key_Return)
    assert isinstance(again.window, MainWindow)
    assert again.store is not None and count_entries(again.store) == 1
    again.shutdown()


def test_recovery_key_opens_it_too(qtbot: QtBot, data_dir: Path, start_app: StartApp) -> None:
    app = start_app()
    dialog = protect_from_dialog(qtbot, app)
    recovery = dialog.recovery.text()
    dialog.close()
    app.protection.lock()
    window = app.protection.unlock_window
    assert window is not None
    window.use_recovery.setChecked(True)
    qtbot.keyClicks(window.secret, recovery.lower())
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window, MainWindow)
    app.shutdown()


def test_lock_after_an_idle_while_keeps_the_draft_and_drops_the_key(
    qtbot: QtBot, start_app: StartApp, clock: FakeClock
) -> None:
    app = start_app()
    protect_from_dialog(qtbot, app).close()
    assert app.window is not None
    journal = app.window.show_page("journal")
    assert isinstance(journal, JournalTab)
    qtbot.keyClicks(journal.editor.body_edit, "unsaved but precious")
    clock.advance(9 * 60)
    app.protection.idle.check()
    assert app.store is not None  # not yet: nine quiet minutes of ten
    clock.advance(61)
    app.protection.idle.check()
    assert app.store is None and app.key is None and app.window is None
    window = app.protection.unlock_window
    assert isinstance(window, UnlockWindow)
    assert "quiet while" in window.reason.text()
    qtbot.keyClicks(window.secret, PASSPHRASE)
    qtbot.keyClick(window.secret, Qt.Key.Key_Return)
    assert app.store is not None
    assert load_drafts(app.store)[0].content["body"] == "unsaved but precious"
    app.shutdown()


def test_activity_keeps_it_open_and_never_means_never(
    qtbot: QtBot, start_app: StartApp, clock: FakeClock
) -> None:
    app = start_app()
    dialog = protect_from_dialog(qtbot, app)
    assert app.window is not None
    clock.advance(8 * 60)
    qtbot.mouseMove(app.window, app.window.rect().center())
    qtbot.keyClick(app.window, Qt.Key.Key_Shift)
    clock.advance(8 * 60)
    app.protection.idle.check()
    assert app.store is not None
    dialog.never.setChecked(True)
    assert app.protection.lock_minutes() == 0
    clock.advance(10 * 3600)
    app.protection.idle.check()
    assert app.store is not None
    dialog.close()
    app.shutdown()


def test_ctrl_l_locks(qtbot: QtBot, data_dir: Path, start_app: StartApp) -> None:
    app = start_app()
    protect_from_dialog(qtbot, app).close()
    assert app.window is not None
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    qtbot.keyClick(app.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.window is None and app.key is None
    assert isinstance(app.protection.unlock_window, UnlockWindow)


def test_change_then_remove_the_passphrase(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, dialogs: FakeDialogs
) -> None:
    app = start_app()
    assert app.store is not None
    save_entry(app.store, Entry(body="through every change"))
    dialog = protect_from_dialog(qtbot, app)
    first_key = app.key
    qtbot.keyClicks(dialog.passphrase, "a second calm passphrase")
    qtbot.keyClicks(dialog.again, "a second calm passphrase")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert app.key is not None and app.key != first_key
    assert app.store is not None and count_entries(app.store) == 1
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "unencrypted" in dialogs.confirmed[-1]
    assert not is_protected(data_dir)
    assert (data_dir / "glimmers.db").read_bytes()[:16] == SQLITE_HEADER
    assert app.store is not None and not app.store.encrypted and count_entries(app.store) == 1
    app.shutdown()


def test_export_of_a_protected_journal_warns_first(
    qtbot: QtBot, start_app: StartApp, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = start_app()
    protect_from_dialog(qtbot, app).close()
    assert app.window is not None and app.journal is not None
    dialogs.confirm_answer = False
    dialogs.save = (tmp_path / "out.json", "JSON, everything you keep, to import again (*.json)")
    app.journal.data_actions.export()
    assert "not protected" in dialogs.confirmed[-1] or "is not" in dialogs.confirmed[-1]
    assert not (tmp_path / "out.json").exists()
    dialogs.confirm_answer = True
    app.journal.data_actions.export()
    assert (tmp_path / "out.json").exists()
    app.shutdown()


def test_protection_is_offered_once_at_first_start(qtbot: QtBot, start_app: StartApp) -> None:
    first = start_app(offer_protection=True)
    assert first.window is not None
    assert first.window.offer_bar.isVisible()
    assert "passphrase" in first.window.offer_text.text()
    qtbot.mouseClick(first.window.offer_yes, Qt.MouseButton.LeftButton)
    assert first.protection.dialog is not None and first.protection.dialog.isVisible()
    assert not first.window.offer_bar.isVisible()
    first.protection.dialog.close()
    first.shutdown()
    second = start_app(offer_protection=True)
    assert second.window is not None and not second.window.offer_bar.isVisible()
    second.shutdown()


def test_the_lock_waits_and_says_why_when_the_draft_cannot_be_kept(
    qtbot: QtBot, start_app: StartApp, clock: FakeClock, dialogs: FakeDialogs
) -> None:
    app = start_app()
    protect_from_dialog(qtbot, app).close()
    assert app.window is not None and app.store is not None and app.store.encrypted
    journal = app.window.show_page("journal")
    assert isinstance(journal, JournalTab)
    writing = "".join(f"line {i} of what I noticed today\n" for i in range(450))
    assert len(writing) > 13_500
    journal.editor.body_edit.setPlainText(writing)
    fill_disk(app.store)
    clock.advance(11 * 60)
    app.protection.idle.check()
    # Not locked: the writing is on screen, the journal open, and the person is told why.
    assert app.store is not None and app.window is not None and app.window.isVisible()
    assert app.protection.unlock_window is None
    assert journal.editor.body_edit.toPlainText() == writing
    [(title, told, problem)] = dialogs.told
    assert title == "Not locked yet"
    assert problem and "not locked yet" in told and "disk is full" in told
    assert "disk is full" in app.window.statusBar().currentMessage()
    # A minute later it tries again, without telling twice; once there is room, it locks.
    clock.advance(61)
    app.protection.idle.check()
    assert app.store is not None and len(dialogs.told) == 1
    free_disk(app.store)
    clock.advance(61)
    app.protection.idle.check()
    assert app.store is None and isinstance(app.protection.unlock_window, UnlockWindow)
    window = app.protection.unlock_window
    qtbot.keyClicks(window.secret, PASSPHRASE)
    qtbot.keyClick(window.secret, Qt.Key.Key_Return)
    assert app.store is not None
    assert load_drafts(app.store)[0].content["body"] == writing
    app.shutdown()


def test_ctrl_l_with_a_full_disk_waits_too(qtbot: QtBot, start_app: StartApp) -> None:
    app = start_app()
    protect_from_dialog(qtbot, app).close()
    assert app.window is not None and app.store is not None
    journal = app.window.show_page("journal")
    assert isinstance(journal, JournalTab)
    writing = "a page of what I noticed, not yet kept anywhere\n" * 300
    journal.editor.body_edit.setPlainText(writing)
    fill_disk(app.store)
    app.protection.lock()
    assert app.store is not None and app.key is not None
    assert journal.editor.body_edit.toPlainText() == writing
    assert "disk is full" in journal.editor.message.text()
    app.shutdown()


def test_a_missing_key_file_leads_to_the_recovery_key(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    app = start_app()
    assert app.store is not None
    save_entry(app.store, Entry(body="still mine"))
    dialog = protect_from_dialog(qtbot, app)
    recovery = dialog.recovery.text()
    dialog.close()
    app.shutdown()
    (data_dir / "glimmers.key").unlink()

    again = start_app(start=False)
    shown = again.start()
    assert isinstance(shown, UnlockWindow)  # not "not a Glimmers database"
    assert "cannot find the key file" in shown.reason.text()
    assert shown.use_recovery.isChecked()
    qtbot.keyClicks(shown.secret, recovery)
    qtbot.keyClick(shown.secret, Qt.Key.Key_Return)
    assert isinstance(again.window, MainWindow)
    assert again.store is not None and count_entries(again.store) == 1
    again.shutdown()


def test_a_damaged_key_file_leads_to_the_recovery_key(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    app = start_app()
    dialog = protect_from_dialog(qtbot, app)
    recovery = dialog.recovery.text()
    dialog.close()
    app.shutdown()
    text = (data_dir / "glimmers.key").read_text()
    (data_dir / "glimmers.key").write_text(text.replace('"nonce": "', '"nonce": "0', 1))

    again = start_app(start=False)
    shown = again.start()
    assert isinstance(shown, UnlockWindow) and shown.use_recovery.isChecked()
    assert "damaged" in shown.reason.text()
    shown.use_recovery.setChecked(False)  # the right passphrase cannot open it: said plainly
    qtbot.keyClicks(shown.secret, PASSPHRASE)
    qtbot.keyClick(shown.secret, Qt.Key.Key_Return)
    assert "recovery key still can" in shown.message.text()
    shown.use_recovery.setChecked(True)
    qtbot.keyClicks(shown.secret, recovery)
    qtbot.keyClick(shown.secret, Qt.Key.Key_Return)
    assert isinstance(again.window, MainWindow)
    again.shutdown()


def test_change_passphrase_says_nothing_changed_only_when_nothing_did(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.store.protection as protection

    app = start_app()
    assert app.store is not None
    save_entry(app.store, Entry(body="through every change"))
    make_backup(app.store, data_dir / "backups", label="by-hand")
    dialog = protect_from_dialog(qtbot, app)
    first_key = app.key
    real_convert, real_replace = protection._convert, os.replace

    def refuse_the_backup(source: Path, target: Path, old, new) -> None:  # type: ignore[no-untyped-def]
        if source.parent.name == "backups":  # after the database was re-keyed, as a copy
            raise OSError(28, "No space left on device")
        real_convert(source, target, old, new)

    monkeypatch.setattr(protection, "_convert", refuse_the_backup)
    qtbot.keyClicks(dialog.passphrase, "a second calm passphrase")
    qtbot.keyClicks(dialog.again, "a second calm passphrase")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Nothing was changed")
    assert app.key == first_key and app.store is not None
    assert unlock(data_dir, PASSPHRASE) == first_key  # and so it is: the old one opens all
    assert every_backup_opens(data_dir, first_key)

    monkeypatch.setattr(protection, "_convert", real_convert)
    refused: list[object] = []

    def fail_putting_the_database_in_place(source: object, target: object) -> None:
        if str(source).endswith("glimmers.db.new") and not refused:
            refused.append(source)
            raise OSError(5, "Input/output error")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", fail_putting_the_database_in_place)
    dialog.passphrase.clear()
    dialog.again.clear()
    qtbot.keyClicks(dialog.passphrase, "a third calm passphrase")
    qtbot.keyClicks(dialog.again, "a third calm passphrase")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert "Nothing was changed" not in dialog.message.text()
    assert "new passphrase is set" in dialog.message.text()
    # The next open finished the step: the new passphrase opens the journal and its backups.
    assert app.key is not None and app.key != first_key
    assert app.store is not None and count_entries(app.store) == 1
    assert unlock(data_dir, "a third calm passphrase") == app.key
    assert every_backup_opens(data_dir, app.key)
    app.shutdown()
