"""The one place that builds everything: arguments, then QApplication, then Store, then windows.

Shut-down runs in reverse: windows save their state, then the store closes.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# QtMultimedia looks for PipeWire at load and logs when it is absent (an ALSA or PulseAudio
# desktop); that is not a problem anyone can act on.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, pyside_imports, texts
from desktop.clock import Clock, MonotonicClock, SystemWallClock, WallClock
from desktop.paths import (
    STEP,
    backups_dir,
    database_path,
    ensure_private_dir,
    is_protected,
    resolve_data_dir,
)
from desktop.paths import settings_path as settings_file
from desktop.shell.appearance import Appearance
from desktop.shell.backup_actions import BackupActions
from desktop.shell.file_dialogs import Dialogs, SystemDialogs
from desktop.shell.main_window import MainWindow
from desktop.shell.pages import Tabs, pages_of
from desktop.shell.protection_actions import ProtectionActions
from desktop.shell.settings_file import open_settings
from desktop.shell.single_window import SingleWindow, bring_forward
from desktop.shell.theme import STYLE as THEME_STYLE
from desktop.shell.theme import STYLED
from desktop.shell.translation import load_command_line_translation, load_translation
from desktop.store.problems import ProblemKind, StoreProblem

if TYPE_CHECKING:
    import argparse

    from desktop.listen.player import Player
    from desktop.rhythm.reminder_service import TrayFactory
    from desktop.shell.already_open import AlreadyOpenWindow
    from desktop.shell.open_journal import OpenJournal
    from desktop.shell.problem_window import ProblemWindow
    from desktop.store import Store
    from desktop.store.keys import Argon2Cost

# What only some runs need (dialogs, backups, encryption, the player) is imported where it is
# first used: start-up loads only what the first painted window needs.


def _set_identity() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationVersion(__version__)


def default_data_dir() -> str:
    _set_identity()
    from PySide6.QtCore import QStandardPaths  # with its enums, only where no folder is given

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)


def data_dir_from(args: argparse.Namespace) -> Path:
    return resolve_data_dir(args.data_dir, os.environ, default_data_dir)


GIL_SWITCH_SECONDS = 0.001


def _for_qt(argument: str) -> str:
    """An argument Qt can take: a path that is not UTF-8 (a folder named on an older system)
    arrives with Python's stand-ins for its bytes, which crash Qt's conversion outright."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def make_qapplication(argv: Sequence[str]) -> QApplication:
    # Worker threads (library scans) run Python too; handing the interpreter back to the GUI
    # thread every millisecond instead of every five keeps the window responsive meanwhile.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    # Imported above, after Qt and before the app's own modules, which is when it counts; asked
    # again here in case something imported it before Qt (then this is when it takes effect).
    pyside_imports.install()
    _set_identity()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        qapp = existing
    else:
        qapp = QApplication([_for_qt(sys.argv[0]), "-style", THEME_STYLE, *map(_for_qt, argv)])
        qapp.setProperty(STYLED, True)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    load_translation(qapp)
    return qapp


class Lifecycle:
    """One run of the app: opens the store, builds and closes the main window, unlocks, and
    shuts down. Passphrase and lock, backups and the theme are controllers in desktop/shell/
    that reach back through the small Reopen interface (desktop/shell/reopen.py); the open
    journal's window and menus are one OpenJournal (desktop/shell/open_journal.py)."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        dialogs: Dialogs | None = None,
        player: Player | None = None,
        wall: WallClock | None = None,
        offer_protection: bool = True,  # at first start; off for screenshots and most tests
        tray: TrayFactory | None = None,  # the desktop's notification area; a fake in tests
        rng: random.Random | None = None,  # which glimmer from the past comes back (seeded)
        key_cost: Argon2Cost | None = None,  # None: tuned to this computer when a key is made
    ) -> None:
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication), "make_qapplication() comes first"
        texts.use(QCoreApplication.translate)
        self.data_dir = data_dir
        self.clock = clock or MonotonicClock()
        self.wall = wall or SystemWallClock()
        self.dialogs = dialogs or SystemDialogs()
        self.key: bytes | None = None  # the protected journal's key while it is open
        self.journal: OpenJournal | None = None
        self._tray = tray
        self.rng = rng or random.Random()
        self.problem_window: ProblemWindow | None = None
        self.already_open: AlreadyOpenWindow | None = None  # a second start on this journal
        self._frame: MainWindow | None = None  # shown, its journal opening after its first paint
        self.single = SingleWindow(data_dir, self.bring_forward)
        self._player = player
        self._owns_player = player is None
        self.settings = open_settings(settings_file(data_dir))
        self.appearance = Appearance(qapp, self.settings)
        self.protection = ProtectionActions(
            self, self.settings, self.dialogs, self.clock, qapp, offer_protection, key_cost
        )
        self.backups = BackupActions(self, self.settings, self.dialogs, self.wall)

    @property
    def store(self) -> Store | None:
        return self.journal.store if self.journal is not None else None

    @property
    def window(self) -> MainWindow | None:
        return self.journal.window if self.journal is not None else None

    def start(self, frame_first: bool = False) -> QWidget:
        """Open the store and show the main window, or the unlock window, or explain why the
        data cannot be opened, or that another Glimmers has it open.

        ``frame_first`` (a start from the desktop): the window's frame, its menus and tabs, shows
        at once, and the store opens right after its first paint, before the visible tab is
        built; should the store not open, the frame gives way to the window that says why."""
        self.problem_window = None
        try:
            ensure_private_dir(self.data_dir)  # a folder that exists keeps its modes
            if not self.single.claim():
                self.appearance.use_calm_style()
                self.already_open = self.single.say_already_open()
                return self.already_open
            if (self.data_dir / STEP).exists():
                from desktop.store.protection import settle  # a passphrase step was cut short

                settle(self.data_dir)
            if is_protected(self.data_dir) and self.key is None:
                self.appearance.use_calm_style()
                return self.protection.show_unlock()
        except StoreProblem as problem:  # the lock file cannot be used
            return self._show_problem(problem)
        except OSError as e:  # the folder cannot be made, or a cut-short step cannot be settled
            return self._show_problem(self._problem_from(e))
        if frame_first:
            frame = self._frame = MainWindow(pages_of(self._journal_tabs), self.settings)
            frame.first_painted.connect(self._open_into_frame)  # before the tab is built
            frame.show()
            return frame
        opened = self._open_store()
        return opened if isinstance(opened, QWidget) else self._show_journal(opened)

    def _open_store(self) -> Store | QWidget:
        """The store, open; or, when it cannot be opened, the window that says why."""
        from desktop.store import open_store  # sqlite3 and the schema: after a frame's paint

        database = database_path(self.data_dir)
        try:
            return open_store(database, backups_dir(self.data_dir), self.wall, self.key)
        except StoreProblem as problem:  # the lock file or the database cannot be used
            return self._show_problem(problem)
        except OSError as e:  # the folder went, or cannot be read
            return self._show_problem(self._problem_from(e))

    def _problem_from(self, error: OSError) -> StoreProblem:
        kind = ProblemKind.UNREADABLE if self.data_dir.is_dir() else ProblemKind.NOT_CREATED
        return StoreProblem(kind, database_path(self.data_dir), error.strerror or str(error))

    def _open_into_frame(self) -> None:
        frame, self._frame = self._frame, None
        if frame is None or not frame.isVisible():
            return  # closed, or replaced, before it was painted
        opened = self._open_store()
        if isinstance(opened, QWidget):  # the problem window shows instead
            frame.prepare_to_close()  # its tab is not built: there is no journal to show
            frame.hide()
            frame.deleteLater()
            return
        self._show_journal(opened, frame)

    def _journal_tabs(self) -> Tabs:
        assert self.journal is not None, "a frame's tab is built only once its journal is open"
        return self.journal.tabs

    def _show_journal(self, store: Store, frame: MainWindow | None = None) -> MainWindow:
        from desktop.shell.open_journal import OpenJournal  # with the store: after a frame's paint

        journal = self.journal = OpenJournal(
            store,
            self.data_dir,
            self.settings,
            self.clock,
            self.wall,
            self.dialogs,
            self.player,
            self.rng,
            self._tray,
            frame,
        )
        window = journal.window
        for action in (*self.backups.actions(window), *self.protection.actions(window, store)):
            window.add_menu_action("file", action)
        self.appearance.add_menu(window)
        window.after_first_paint(self.appearance.check_system)
        window.show()
        if store.read_only is not None:
            window.show_read_only(store.read_only)
        self.backups.opened(window)
        self.protection.opened(store, window)
        return window

    def _show_problem(self, problem: StoreProblem) -> QWidget:
        self.appearance.use_calm_style()
        shown = self.problem_window = self.backups.problem_window(problem)
        shown.show()
        return shown

    def bring_forward(self) -> None:
        """A second start asked for this journal: show the window that has it."""
        window = self._frame if self.window is None else self.window
        bring_forward((window, self.protection.unlock_window, self.problem_window))

    def reopen(self, key: bytes | None, instead_of: QWidget | None = None) -> QWidget:
        self.key = key
        shown = self.start()
        if instead_of is not None and shown is not instead_of:
            instead_of.close()
            instead_of.deleteLater()
        return shown

    def move_to(self, folder: Path, instead_of: QWidget) -> QWidget:
        self.single.release()
        self.data_dir = folder
        self.single = SingleWindow(folder, self.bring_forward)
        return self.reopen(self.key, instead_of)

    def close(self, hide: bool = True) -> None:
        """Close the window and the store (the window keeps its drafts and geometry first)."""
        journal, self.journal = self.journal, None
        if journal is not None:
            journal.close(hide)
        self.protection.closed()
        self.key = None

    def player(self) -> Player:
        """The app's one music player, made when the Listen tab first needs it."""
        if self._player is None:
            from desktop.listen.player import Player  # QtMultimedia: loaded when first needed

            self._player = Player()
        return self._player

    def shutdown(self) -> None:
        self.close(hide=False)
        self.appearance.detach()
        if self._player is not None and self._owns_player:
            self._player.shutdown()
        self.settings.sync()
        self.single.release()


def _unlock_for_screenshot(glimmers: Lifecycle) -> str:
    """A protected journal opened with the key its environment gives (a screenshot never asks
    for a passphrase); or why it is not: the words to say."""
    from desktop.commands import NoPassphrase, key_from_environment
    from desktop.store.protection import WrongPassphrase

    try:
        glimmers.key = key_from_environment(glimmers.data_dir)
    except NoPassphrase:
        return texts.translate(
            "Main",
            "this journal is protected, and a screenshot never asks for its passphrase. Set "
            "GLIMMERS_PASSPHRASE (or GLIMMERS_RECOVERY_KEY) for it.",
        )
    except WrongPassphrase as e:
        return str(e)
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import parse_args  # argparse: only for a start from the shell

    load_command_line_translation()
    args = parse_args(argv)
    if args.command:
        from desktop.commands import run_command

        return run_command(args, data_dir_from(args))
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qapp = make_qapplication(argv)
    # A screenshot shows the app, not a prompt.
    glimmers = Lifecycle(data_dir_from(args), offer_protection=not args.screenshot)
    try:
        refused = _unlock_for_screenshot(glimmers) if args.screenshot else ""
        if refused:
            print(f"glimmers: cannot take a screenshot: {refused}", file=sys.stderr)
            return 2
        glimmers.start(frame_first=not args.screenshot)
        if args.screenshot:
            from desktop.shell.screenshot import take_screenshot

            glimmers.appearance.use_calm_style()  # as the window looks after its first paint
            instead = glimmers.problem_window or glimmers.already_open
            size = (args.size.width, args.size.height) if args.size else None
            shot = Path(args.screenshot)
            return take_screenshot(glimmers.window, instead, shot, args.tab, size, glimmers.clock)
        return qapp.exec()
    finally:
        glimmers.shutdown()
