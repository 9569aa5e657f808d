"""File > Passphrase and lock, the lock and the unlock window: protecting the journal with a
passphrase, changing or removing it, the recovery key, and locking after a quiet while."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop.clock import Clock
from desktop.paths import backups_dir, kept_by_glimmers, write_private_file
from desktop.settings import LOCK_MINUTES, PROTECTION_OFFERED, Settings
from desktop.shell.file_dialogs import Dialogs
from desktop.shell.idle import IdleWatcher
from desktop.shell.main_window import MainWindow, new_action, set_shortcut
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.shell.protection_dialog import ProtectionDialog
    from desktop.shell.reopen import Reopen
    from desktop.shell.unlock_window import UnlockWindow
    from desktop.store import Store
    from desktop.store.keys import Argon2Cost

# The dialogs and the encryption code load when first used: start-up needs neither.


RETRY_LOCK_SECONDS = 60  # a lock that had to wait tries again after this quiet while


def nothing_changed(reason: object) -> str:
    return translate("Glimmers", "Nothing was changed: {reason}").format(reason=reason)


class ProtectionActions:
    """Owns the passphrase dialog, the unlock window and the idle watcher across windows.

    ``activity`` is the object whose input events count as someone being there (the
    application). With ``offer`` the first start suggests a passphrase, once. ``key_cost``
    is the key derivation's cost for a new passphrase (None: tuned to this computer).
    """

    def __init__(
        self,
        app: Reopen,
        settings: Settings,
        dialogs: Dialogs,
        clock: Clock,
        activity: QObject,
        offer: bool = True,
        key_cost: Argon2Cost | None = None,
    ) -> None:
        self._app = app
        self._settings = settings
        self._dialogs = dialogs
        self._activity = activity
        self._offer = offer
        self._key_cost = key_cost
        self._told_waiting = False
        self.idle = IdleWatcher(clock)
        self.idle.idle.connect(lambda: self.lock(by_idle=True))
        self.dialog: ProtectionDialog | None = None
        self.unlock_window: UnlockWindow | None = None

    def actions(self, window: MainWindow, store: Store) -> list[QAction]:
        """The File menu's items for a new main window."""
        protection = new_action(translate("Glimmers", "&Passphrase and lock…"), window)
        protection.setObjectName("protection_action")
        protection.triggered.connect(self.show_protection)
        lock = new_action(translate("Glimmers", "&Lock"), window)
        lock.setObjectName("lock_action")
        set_shortcut(lock, QKeySequence("Ctrl+L"))
        lock.setEnabled(store.encrypted)
        lock.triggered.connect(lambda: self.lock())
        return [protection, lock]

    def opened(self, store: Store, window: MainWindow) -> None:
        """The journal is open in ``window``: watch for a quiet while, or offer protection."""
        if store.encrypted:
            self._activity.installEventFilter(self.idle)
            self.idle.start(self.lock_minutes())
        elif (
            self._offer
            and store.read_only is None  # a journal that can only be read cannot be protected
            and not self._settings.get(PROTECTION_OFFERED)
        ):
            self._settings.set(PROTECTION_OFFERED, True)
            window.offer(
                translate(
                    "Glimmers",
                    "Your journal stays on this computer. You can also protect it with a "
                    "passphrase, now or later from the File menu.",
                ),
                translate("Glimmers", "Set a &passphrase…"),
            )
            window.offer_accepted.connect(self.show_protection)

    def closed(self) -> None:
        """The journal was closed: nothing is left to lock."""
        self.idle.stop()

    # -- the lock -----------------------------------------------------------------------------

    def lock_minutes(self) -> int:
        return self._settings.get(LOCK_MINUTES)

    def show_unlock(self, by_idle: bool = False) -> UnlockWindow:
        from desktop.shell.unlock_window import UnlockWindow
        from desktop.store.protection import key_file_problem

        # Without a usable key file only the recovery key opens it: say so, and offer it.
        window = UnlockWindow(by_idle, key_file_problem(self._app.data_dir))
        window.unlock_requested.connect(self._unlock)
        window.quit_requested.connect(window.close)
        self.unlock_window = window
        window.show()
        return window

    def _unlock(self, secret: str, recovery: bool) -> None:
        from desktop.store.protection import WrongPassphrase, unlock

        window = self.unlock_window
        try:
            key = unlock(self._app.data_dir, secret, recovery)
        except WrongPassphrase as e:
            if window is not None:
                window.refused(str(e))
            return
        self.unlock_window = None
        self._app.reopen(key, instead_of=window)

    def lock(self, by_idle: bool = False) -> None:
        """Hide everything and forget the key; the passphrase opens it again.

        Unsaved writing is kept as a draft first; when it cannot be kept (a full disk, a
        database that refuses), the lock waits, says why, and tries again a little later."""
        store, window = self._app.store, self._app.window
        if store is None or not store.encrypted:
            return
        if window is not None:
            reasons = window.keep_unsaved()
            if reasons:
                self._wait_to_lock(window, reasons[0])
                return
        self._told_waiting = False
        self.idle.stop()
        self._app.close()
        self.show_unlock(by_idle)

    def _wait_to_lock(self, window: MainWindow, reason: str) -> None:
        text = translate(
            "Glimmers",
            "Glimmers has not locked yet, so that your unsaved writing is not lost. {reason} "
            "It locks as soon as your writing can be kept.",
        ).format(reason=reason)
        window.show_status(text)
        if not self._told_waiting:  # once, not every minute it tries again
            self._told_waiting = True
            self._dialogs.tell(window, translate("Glimmers", "Not locked yet"), text, True)
        self.idle.retry_after(RETRY_LOCK_SECONDS)

    def _set_lock_minutes(self, minutes: int) -> None:
        self._settings.set(LOCK_MINUTES, minutes)
        store = self._app.store
        if store is not None and store.encrypted:
            self.idle.start(minutes)

    # -- the passphrase -----------------------------------------------------------------------

    def show_protection(self) -> ProtectionDialog:
        from desktop.shell.protection_dialog import ProtectionDialog

        store = self._app.store
        protected = store is not None and store.encrypted
        dialog = ProtectionDialog(protected, self.lock_minutes())  # top-level: outlives windows
        dialog.protect_requested.connect(lambda p: self._change_protection(dialog, p))
        dialog.change_requested.connect(lambda p: self._change_protection(dialog, p))
        dialog.remove_requested.connect(lambda: self._remove_protection(dialog))
        dialog.lock_requested.connect(dialog.close)
        dialog.lock_requested.connect(self.lock)
        dialog.save_recovery_requested.connect(lambda text: self._save_recovery(dialog, text))
        dialog.lock_minutes_changed.connect(self._set_lock_minutes)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _change_protection(self, dialog: ProtectionDialog, passphrase: str) -> None:
        from desktop.store.connection import database_errors
        from desktop.store.protection import (
            ChangeUnfinished,
            change_passphrase,
            protect,
            recovery_text,
        )

        data_dir, old = self._app.data_dir, self._app.key
        self._app.close()
        unfinished = ""
        try:
            if old is None:
                key = protect(data_dir, backups_dir(data_dir), passphrase, self._key_cost)
            else:
                key = change_passphrase(
                    data_dir, backups_dir(data_dir), old, passphrase, self._key_cost
                )
        except ChangeUnfinished as e:  # done, and the next start puts the last files in place
            assert e.key is not None
            key, unfinished = e.key, str(e)
        except (OSError, ValueError, *database_errors()) as e:  # type: ignore[misc]
            # Every file was converted as a copy and the copies are gone: this is true.
            self._app.reopen(old)
            dialog.show_message(nothing_changed(e))
            return
        self._app.reopen(key)
        dialog.show_recovery(recovery_text(key))
        if old is None:
            done = translate("Glimmers", "Your journal is protected. Keep the recovery key safe.")
        else:
            done = translate(
                "Glimmers",
                "Your new passphrase is set. Keep the new recovery key safe: the old one no "
                "longer opens your journal.",
            )
        dialog.show_message(f"{done} {unfinished}".strip())

    def _remove_protection(self, dialog: ProtectionDialog) -> None:
        from desktop.store.connection import database_errors
        from desktop.store.protection import ChangeUnfinished, unprotect

        data_dir, key = self._app.data_dir, self._app.key
        if key is None or not self._dialogs.confirm(
            dialog,
            translate(
                "Glimmers",
                "Remove the passphrase? Your journal and its backups will be stored "
                "unencrypted again.",
            ),
        ):
            return
        self._app.close()
        self.idle.stop()
        try:
            unprotect(data_dir, backups_dir(data_dir), key)
        except ChangeUnfinished as e:
            self._app.reopen(None)
            dialog.show_message(
                translate("Glimmers", "The passphrase is removed; {reason}.").format(reason=e)
            )
            return
        except (OSError, *database_errors()) as e:  # type: ignore[misc]
            self._app.reopen(key)
            dialog.show_message(nothing_changed(e))
            return
        self._app.reopen(None)
        dialog.close()

    def _save_recovery(self, dialog: ProtectionDialog, text: str) -> None:

        chosen = self._dialogs.save_path(
            dialog,
            translate("Glimmers", "Save your recovery key"),
            translate("Glimmers", "glimmers-recovery-key.txt"),
            [translate("Glimmers", "Text (*.txt)")],
        )
        if chosen is None:
            return
        body = translate(
            "Glimmers",
            "Glimmers recovery key\n\n{key}\n\n"
            "This opens your protected journal without the passphrase. Keep it somewhere safe.\n",
        ).format(key=text)
        try:
            if kept_by_glimmers(chosen[0], self._app.data_dir):  # never over the key file
                raise OSError(
                    errno.EEXIST,
                    translate(
                        "Glimmers",
                        "that is one of the files Glimmers keeps your journal in; choose "
                        "another name or folder",
                    ),
                )
            write_private_file(chosen[0], body)
        except OSError as e:
            dialog.show_message(
                translate("Glimmers", "The recovery key was not saved: {reason}").format(
                    reason=e.strerror or e
                )
            )
            return
        dialog.show_message(
            translate("Glimmers", "Saved the recovery key to {file}.").format(file=chosen[0])
        )
