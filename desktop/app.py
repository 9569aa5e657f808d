"""The one place that builds everything: arguments, then QApplication, then Store, then windows.

Shut-down runs in reverse: windows save their state, then the store closes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# QtMultimedia looks for PipeWire at load and logs when it is absent (an ALSA or PulseAudio
# desktop); that is not a problem anyone can act on.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

import sqlite3

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLocale,
    QSettings,
    QStandardPaths,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, texts
from desktop.clock import Clock, MonotonicClock, SystemWallClock, WallClock
from desktop.icons import app_icon
from desktop.local_format import day_and_time
from desktop.paths import (
    backups_dir,
    database_path,
    ensure_private_dir,
    is_protected,
    resolve_data_dir,
)
from desktop.paths import settings_path as settings_file
from desktop.resources import resources_dir
from desktop.shell.data_actions import DataActions
from desktop.shell.file_dialogs import Dialogs
from desktop.shell.idle import IdleWatcher
from desktop.shell.main_window import MainWindow, set_shortcut
from desktop.shell.pages import build_pages
from desktop.store import Store, StoreProblem, open_store
from desktop.store_signals import StoreSignals
from desktop.texts import translate
from desktop.theme import CHOICES as THEME_CHOICES
from desktop.theme import STYLE as THEME_STYLE
from desktop.theme import STYLED, Theme

if TYPE_CHECKING:
    import argparse

    from desktop.cli import Size
    from desktop.listen.player import Player
    from desktop.shell.backups_dialog import BackupsDialog
    from desktop.shell.problem_window import ProblemWindow
    from desktop.shell.protection_dialog import ProtectionDialog
    from desktop.shell.too_much import TooMuchDialog
    from desktop.shell.unlock_window import UnlockWindow

# Dialogs, backups and protection are imported where they are first used: start-up loads only
# what the first painted window needs.

DEFAULT_SIZE = (1100, 760)  # width, height
SCREENSHOT_WAIT_S = 10.0
DAILY_BACKUP_DELAY_MS = 2000


def _set_identity() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationVersion(__version__)


def default_data_dir() -> str:
    _set_identity()
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


def data_dir_from(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir, os.environ, default_data_dir)


GIL_SWITCH_SECONDS = 0.001


def make_qapplication(argv: Sequence[str]) -> QApplication:
    # Worker threads (library scans) run Python too; handing the interpreter back to the GUI
    # thread every millisecond instead of every five keeps the window responsive meanwhile.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    _set_identity()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        qapp = existing
    else:
        qapp = QApplication([sys.argv[0], "-style", THEME_STYLE, *argv])
        qapp.setProperty(STYLED, True)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    QApplication.setWindowIcon(app_icon())
    load_translation(qapp)
    return qapp


_translators: dict[tuple[str, Path], QTranslator | None] = {}


def _translator(folder: Path | None) -> QTranslator | None:
    """The installed translation for the person's language, if there is one; loaded once,
    for the command line and the window alike."""
    folder = folder or resources_dir() / "translations"
    key = (QLocale().name(), folder)
    if key not in _translators:
        translator = QTranslator()
        found = translator.load(QLocale(), "glimmers", "_", str(folder))
        _translators[key] = translator if found else None
    return _translators[key]


def load_translation(qapp: QApplication, folder: Path | None = None) -> QTranslator | None:
    """Show the app in the person's language where a translation of it is installed."""
    texts.use(QCoreApplication.translate)
    translator = _translator(folder)
    if translator is not None:
        qapp.installTranslator(translator)
    return translator


def load_command_line_translation(folder: Path | None = None) -> QTranslator | None:
    """The same for --help and the subcommands, which run without an application object (Qt
    installs translators only in one): the translator is asked directly."""
    translator = _translator(folder)
    if translator is None:
        return None

    def translated(context: str, text: str, disambiguation: str | None, n: int) -> str:
        return texts.fill_count(translator.translate(context, text, disambiguation, n) or text, n)

    texts.use(translated)
    return translator


def nothing_changed(reason: object) -> str:
    return translate("Glimmers", "Nothing was changed: {reason}").format(reason=reason)


class Glimmers:
    """Owns the store and the windows for one run of the app."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        dialogs: Dialogs | None = None,
        player: Player | None = None,
        wall: WallClock | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock or MonotonicClock()
        self.wall = wall or SystemWallClock()
        self.dialogs = dialogs or Dialogs()
        self.store: Store | None = None
        self.signals: StoreSignals | None = None
        self.data_actions: DataActions | None = None
        self._player = player
        self._owns_player = player is None
        self.settings: QSettings | None = None
        self.window: MainWindow | None = None
        self.problem_window: ProblemWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.protection_dialog: ProtectionDialog | None = None
        self.key: bytes | None = None  # the protected journal's key while it is unlocked
        self.idle = IdleWatcher(self.clock)
        self.idle.idle.connect(lambda: self.lock(by_idle=True))
        self.offer_protection = True  # at first start; off for screenshots
        self.theme: Theme | None = None
        texts.use(QCoreApplication.translate)

    def start(self) -> QWidget:
        """Open the store and show the main window, or explain why the data cannot be opened."""
        ensure_private_dir(self.data_dir)
        if self.settings is None:
            self.settings = QSettings(str(settings_file(self.data_dir)), QSettings.Format.IniFormat)
        if self.theme is None:
            qapp = QApplication.instance()
            assert isinstance(qapp, QApplication)
            remembered = self.settings.value("appearance/system_dark")
            self.theme = Theme(
                qapp,
                str(self.settings.value("appearance/theme", "system")),
                system_was_dark=None if remembered is None else remembered == "true",
            )
            self.theme.system_checked.connect(self._remember_system_scheme)
        if is_protected(self.data_dir) and self.key is None:
            return self._show_unlock(by_idle=False)
        try:
            self.store = open_store(
                database_path(self.data_dir), backups_dir(self.data_dir), self.wall, self.key
            )
        except StoreProblem as problem:
            from desktop.shell.problem_window import ProblemWindow
            from desktop.store.backups import newest_good_backup

            good = newest_good_backup(backups_dir(self.data_dir), self.key)
            offer = None
            if good is not None:
                entries = good.entries or 0
                offer = translate(
                    "Glimmers",
                    "A backup from {when} with %n entr(y|ies) can take its place. "
                    "The damaged file is kept beside it.",
                    None,
                    entries,
                ).format(when=day_and_time(good.created))
            self.problem_window = ProblemWindow(problem, offer)
            self.problem_window.quit_requested.connect(self.problem_window.close)
            self.problem_window.another_folder_requested.connect(self._try_another_folder)
            self.problem_window.restore_requested.connect(self._restore_over_damaged)
            self.problem_window.show()
            return self.problem_window
        self.window = self._build_main_window(self.store)
        self.window.first_painted.connect(self.theme.check_system)
        self.window.show()
        # After the first paint, so a large copy never delays the window.
        QTimer.singleShot(DAILY_BACKUP_DELAY_MS, self.window, self.daily_backup)
        if self.store.encrypted:
            QApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
            self.idle.start(self.lock_minutes())
        elif self.offer_protection and self.settings.value("security/offered") != "true":
            self.settings.setValue("security/offered", "true")
            self.window.offer(
                translate(
                    "Glimmers",
                    "Your journal stays on this computer. You can also protect it with a "
                    "passphrase, now or later from the File menu.",
                ),
                translate("Glimmers", "Set a &passphrase…"),
            )
            self.window.offer_yes.clicked.connect(self.show_protection)
        return self.window

    def _add_appearance_menu(self, window: MainWindow) -> None:
        menu = window.menus["view"].addMenu(translate("Glimmers", "&Appearance"))
        group = QActionGroup(window)
        current = self.theme.choice if self.theme else "system"
        for key, label in THEME_CHOICES.items():
            action = QAction(translate("Theme", label), window)
            action.setObjectName(f"theme_{key}")
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(action)
            menu.addAction(action)

    def _remember_system_scheme(self, dark: bool) -> None:
        value = "true" if dark else "false"
        if self.settings is not None and self.settings.value("appearance/system_dark") != value:
            self.settings.setValue("appearance/system_dark", value)  # written only on a change

    def set_theme(self, choice: str) -> None:
        if self.theme is not None:
            self.theme.set_choice(choice)
        if self.settings is not None:
            self.settings.setValue("appearance/theme", choice)

    # -- protection and the lock --------------------------------------------------------------

    def lock_minutes(self) -> int:
        value = self.settings.value("security/lock_minutes", 10) if self.settings else 10
        try:
            return max(0, min(240, int(str(value))))
        except ValueError:
            return 10

    def _show_unlock(self, by_idle: bool) -> UnlockWindow:
        from desktop.shell.unlock_window import UnlockWindow

        window = UnlockWindow(locked_by_idle=by_idle)
        window.unlock_requested.connect(self._unlock)
        window.quit_requested.connect(window.close)
        self.unlock_window = window
        window.show()
        return window

    def _unlock(self, secret: str, recovery: bool) -> None:
        from desktop.store.protection import WrongPassphrase, unlock

        window = self.unlock_window
        try:
            self.key = unlock(self.data_dir, secret, recovery)
        except WrongPassphrase as e:
            if window is not None:
                window.refused(str(e))
            return
        self.unlock_window = None
        self.start()
        if window is not None:
            window.close()
            window.deleteLater()

    def lock(self, by_idle: bool = False) -> None:
        """Hide everything and forget the key; the passphrase opens it again."""
        if self.store is None or not self.store.encrypted:
            return
        self.idle.stop()
        self._close_main_window()
        self.key = None
        self._show_unlock(by_idle)

    def show_protection(self) -> ProtectionDialog:
        from desktop.shell.protection_dialog import ProtectionDialog

        protected = self.store is not None and self.store.encrypted
        dialog = ProtectionDialog(protected, self.lock_minutes())  # top-level: outlives windows
        dialog.protect_requested.connect(lambda p: self._change_protection(dialog, p))
        dialog.change_requested.connect(lambda p: self._change_protection(dialog, p))
        dialog.remove_requested.connect(lambda: self._remove_protection(dialog))
        dialog.lock_requested.connect(dialog.close)
        dialog.lock_requested.connect(self.lock)
        dialog.save_recovery_requested.connect(lambda text: self._save_recovery(dialog, text))
        dialog.lock_minutes_changed.connect(self._set_lock_minutes)
        self.protection_dialog = dialog
        dialog.show()
        return dialog

    def _set_lock_minutes(self, minutes: int) -> None:
        if self.settings is not None:
            self.settings.setValue("security/lock_minutes", minutes)
        if self.store is not None and self.store.encrypted:
            self.idle.start(minutes)

    def _change_protection(self, dialog: ProtectionDialog, passphrase: str) -> None:
        from desktop.store.database import DATABASE_ERRORS
        from desktop.store.protection import change_passphrase, protect, recovery_text

        old = self.key
        self._close_main_window()
        try:
            if old is None:
                self.key = protect(self.data_dir, backups_dir(self.data_dir), passphrase)
            else:
                self.key = change_passphrase(
                    self.data_dir, backups_dir(self.data_dir), old, passphrase
                )
        except (OSError, ValueError, *DATABASE_ERRORS) as e:  # type: ignore[misc]
            self.key = old
            self.start()
            dialog.message.setText(nothing_changed(e))
            return
        self.start()
        dialog.show_recovery(recovery_text(self.key))
        dialog.message.setText(
            translate("Glimmers", "Your journal is protected. Keep the recovery key safe.")
        )

    def _remove_protection(self, dialog: ProtectionDialog) -> None:
        from desktop.store.database import DATABASE_ERRORS
        from desktop.store.protection import unprotect

        if self.key is None or not self.dialogs.confirm(
            dialog,
            translate(
                "Glimmers",
                "Remove the passphrase? Your journal and its backups will be stored "
                "unencrypted again.",
            ),
        ):
            return
        key = self.key
        self._close_main_window()
        self.idle.stop()
        try:
            unprotect(self.data_dir, backups_dir(self.data_dir), key)
        except (OSError, *DATABASE_ERRORS) as e:  # type: ignore[misc]
            self.start()
            dialog.message.setText(nothing_changed(e))
            return
        self.key = None
        self.start()
        dialog.close()

    def _save_recovery(self, dialog: ProtectionDialog, text: str) -> None:
        from desktop.commands import write_private_file

        chosen = self.dialogs.save_path(
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
            write_private_file(chosen[0], body)
        except OSError as e:
            dialog.message.setText(
                translate("Glimmers", "The recovery key was not saved: {reason}").format(
                    reason=e.strerror or e
                )
            )
            return
        dialog.message.setText(
            translate("Glimmers", "Saved the recovery key to {file}.").format(file=chosen[0])
        )

    def keep_backups(self) -> int:
        from desktop.store.backups import DEFAULT_KEEP

        value = self.settings.value("backups/keep", DEFAULT_KEEP) if self.settings else None
        try:
            keep = int(str(value))
        except ValueError:  # an edited settings file: fall back, never fail
            return DEFAULT_KEEP
        return max(1, keep)

    def daily_backup(self) -> Path | None:
        from desktop.store.backups import backup_if_due

        if self.store is None:
            return None
        try:
            return backup_if_due(self.store, backups_dir(self.data_dir), keep=self.keep_backups())
        except (OSError, sqlite3.Error) as e:
            if self.window is not None:
                self.window.statusBar().showMessage(f"Today's backup could not be made: {e}")
            return None

    def show_backups(self) -> BackupsDialog:
        from desktop.shell.backups_dialog import BackupsDialog

        dialog = BackupsDialog(
            backups_dir(self.data_dir), self.keep_backups(), self.window, key=self.key
        )
        dialog.backup_requested.connect(lambda: self._backup_now(dialog))
        dialog.restore_requested.connect(lambda path: self._restore_from_dialog(dialog, path))
        dialog.keep_changed.connect(self._set_keep)
        dialog.show()
        return dialog

    def _set_keep(self, keep: int) -> None:
        if self.settings is not None:
            self.settings.setValue("backups/keep", keep)

    def _backup_now(self, dialog: BackupsDialog) -> None:
        from desktop.store.backups import make_backup, prune

        assert self.store is not None
        try:
            made = make_backup(self.store, backups_dir(self.data_dir), label="by-hand")
        except (OSError, sqlite3.Error) as e:
            dialog.message.setText(
                translate("Glimmers", "No backup was made: {reason}").format(reason=e)
            )
            return
        prune(backups_dir(self.data_dir), self.keep_backups())
        dialog.reload()
        dialog.message.setText(translate("Glimmers", "Backed up to {file}.").format(file=made.name))

    def _restore_from_dialog(self, dialog: BackupsDialog, backup: Path) -> None:
        from desktop.store.backups import aside_for_restore, restore

        if not self.dialogs.confirm(
            dialog,
            translate(
                "Glimmers",
                "Put this backup in place of your current data? Your current data is kept as "
                "another backup first, so you can go back.",
            ),
        ):
            return
        dialog.close()
        self._close_main_window()
        database = database_path(self.data_dir)
        try:
            restore(
                database, backup, aside_for_restore(backups_dir(self.data_dir), self.wall), self.key
            )
        except (OSError, StoreProblem) as e:
            self.start()
            self.dialogs.tell(
                self.window, translate("Glimmers", "Nothing was restored"), str(e), problem=True
            )
            return
        self.start()
        self.dialogs.tell(
            self.window,
            translate("Glimmers", "Restored"),
            translate("Glimmers", "Your data is back as it was on {backup}.").format(
                backup=backup.name
            ),
        )

    def _restore_over_damaged(self) -> None:
        from desktop.store.backups import aside_for_damaged, newest_good_backup, restore

        good = newest_good_backup(backups_dir(self.data_dir), self.key)
        old = self.problem_window
        if good is None or old is None:
            return
        database = database_path(self.data_dir)
        try:
            restore(database, good.path, aside_for_damaged(database, self.wall), self.key)
        except (OSError, StoreProblem) as e:
            old.explanation.setText(
                old.explanation.text()
                + "\n\n"
                + translate("Glimmers", "The backup could not be restored: {reason}").format(
                    reason=e
                )
            )
            return
        self._start_instead_of(old)

    def _start_instead_of(self, old: QWidget) -> None:
        """Start again (another folder, a restored file); close ``old`` if something replaced it."""
        self.problem_window = None
        shown = self.start()
        if shown is not old:
            old.close()
            old.deleteLater()

    def _close_main_window(self) -> None:
        """Close the window and the store (the window keeps its drafts and geometry first)."""
        if self.window is not None:
            # Hidden, not closed: closing the last window would end the app's event loop.
            self.window.prepare_to_close()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.idle.stop()
        self._close_store()

    def _close_store(self) -> None:
        if self.signals is not None:
            self.signals.detach()
            self.signals = None
        if self.store is not None:
            self.store.close()  # the key goes with it
            self.store = None

    def _build_main_window(self, store: Store) -> MainWindow:
        assert self.settings is not None
        self.signals = StoreSignals(store)
        pages = build_pages(
            store, self.signals, self.settings, self.clock, self.wall, self.player, self.show_page
        )
        window = MainWindow(pages, self.settings)
        self.data_actions = DataActions(store, self.dialogs, window)
        for action in self.data_actions.actions():
            window.add_menu_action("file", action)
        backups = QAction(translate("Glimmers", "&Backups…"), window)
        backups.setObjectName("backups_action")
        backups.triggered.connect(self.show_backups)
        window.add_menu_action("file", backups)
        self._add_appearance_menu(window)
        protection = QAction(translate("Glimmers", "&Passphrase and lock…"), window)
        protection.setObjectName("protection_action")
        protection.triggered.connect(self.show_protection)
        window.add_menu_action("file", protection)
        lock = QAction(translate("Glimmers", "&Lock"), window)
        lock.setObjectName("lock_action")
        set_shortcut(lock, QKeySequence("Ctrl+L"))
        lock.setEnabled(store.encrypted)
        lock.triggered.connect(lambda: self.lock())
        window.add_menu_action("file", lock)
        window.quit_requested.connect(window.close)
        window.too_much_requested.connect(self.show_too_much)
        window.about_requested.connect(self.show_about)
        return window

    def show_page(self, key: str) -> QWidget:
        """Bring a tab to the front (one tab asking another to show something)."""
        assert self.window is not None
        return self.window.show_page(key)

    def player(self) -> Player:
        """The app's one music player, made when the Listen tab first needs it."""
        if self._player is None:
            from desktop.listen.player import Player  # QtMultimedia: loaded when first needed

            self._player = Player()
        return self._player

    def _try_another_folder(self) -> None:
        folder = self.dialogs.choose_folder(
            self.problem_window, translate("Glimmers", "Choose a data folder for Glimmers")
        )
        if folder is None or self.problem_window is None:
            return
        old = self.problem_window
        self.data_dir = folder
        self._start_instead_of(old)

    def show_too_much(self) -> TooMuchDialog:
        from PySide6.QtCore import Qt

        from desktop.shell.too_much import TooMuchDialog

        assert self.store is not None
        dialog = TooMuchDialog(self.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            translate("Glimmers", "About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + translate(
                "Glimmers",
                "<p>Small, gentle practices for letting feeling come back at your own pace: "
                "breathing, listening, and a private journal.</p>"
                "<p>Everything stays on this computer. Glimmers has no network code at all.</p>"
                "<p>Your data folder: {folder}</p>",
            ).format(folder=self.data_dir),
        )

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.prepare_to_close()  # once only: a closed window has done it already
        if self.theme is not None:
            self.theme.detach()
            self.theme = None
        if self._player is not None and self._owns_player:
            self._player.shutdown()
        self._close_store()
        if self.settings is not None:
            self.settings.sync()


def take_screenshot(glimmers: Glimmers, target: Path, tab: str | None, size: Size) -> int:
    window = glimmers.window
    if window is None:
        problem = glimmers.problem_window
        detail = problem.problem.explanation() if problem else "unknown problem"
        print(f"glimmers: cannot take a screenshot:\n{detail}", file=sys.stderr)
        return 2
    page = window.show_page(tab or window.current_page_key())
    window.resize(size.width, size.height)
    QApplication.processEvents()
    # A page that reads its picture off the GUI thread is drawn once the picture has come.
    ready = getattr(page, "ready", None)
    deadline = glimmers.clock.now() + SCREENSHOT_WAIT_S
    while callable(ready) and not ready() and glimmers.clock.now() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    QApplication.processEvents()
    if not window.grab().save(str(target), "PNG"):
        print(f"glimmers: could not write {target}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import Size, parse_args  # argparse: only for a start from the shell

    load_command_line_translation()
    args = parse_args(argv)
    if args.command:
        from desktop.commands import run_command

        return run_command(args, data_dir_from(args))
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qapp = make_qapplication(argv)
    glimmers = Glimmers(data_dir_from(args))
    glimmers.offer_protection = not args.screenshot  # a screenshot shows the app, not a prompt
    try:
        glimmers.start()
        if args.screenshot:
            return take_screenshot(
                glimmers, Path(args.screenshot), args.tab, args.size or Size(*DEFAULT_SIZE)
            )
        return qapp.exec()
    finally:
        glimmers.shutdown()
