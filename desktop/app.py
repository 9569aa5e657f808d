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

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, texts
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
from desktop.resources import resources_dir
from desktop.shell.appearance import Appearance
from desktop.shell.backup_actions import BackupActions
from desktop.shell.data_actions import DataActions
from desktop.shell.file_dialogs import Dialogs, SystemDialogs
from desktop.shell.help_actions import HelpActions
from desktop.shell.main_window import MainWindow
from desktop.shell.pages import Tabs
from desktop.shell.protection_actions import ProtectionActions
from desktop.shell.rhythm_actions import RhythmActions
from desktop.shell.settings_file import open_settings
from desktop.shell.single_window import SingleWindow, bring_forward
from desktop.shell.theme import STYLE as THEME_STYLE
from desktop.shell.theme import STYLED
from desktop.store import ProblemKind, Store, StoreProblem, open_store
from desktop.store_signals import StoreSignals
from desktop.texts import translate

if TYPE_CHECKING:
    import argparse

    from desktop.listen.player import Player
    from desktop.rhythm.reminder_service import TrayFactory
    from desktop.shell.already_open import AlreadyOpenWindow
    from desktop.shell.problem_window import ProblemWindow
    from desktop.store.keys import Argon2Cost

# What only some runs need (dialogs, backups, encryption, the player) is imported where it is
# first used: start-up loads only what the first painted window needs.

DEFAULT_SIZE = (1100, 760)  # width, height


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


def give_app_icon() -> None:
    """The app's icon on its windows, given once the main window is on screen: the QIcon class
    (its enums) and the SVG icon engine take some 8 ms the first paint need not wait for, and
    Qt gives the icon to the windows shown already."""
    if QApplication.windowIcon().isNull():
        from desktop.icons import app_icon

        QApplication.setWindowIcon(app_icon())


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


class Lifecycle:
    """One run of the app: opens the store, builds and closes the main window, unlocks, and
    shuts down. Passphrase and lock, backups and the theme are controllers in desktop/shell/
    that reach back through the small Reopen interface (desktop/shell/reopen.py)."""

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
        self.store: Store | None = None
        self.signals: StoreSignals | None = None
        self.window: MainWindow | None = None
        self.data_actions: DataActions | None = None  # these two answer the window's menus
        self.help_actions: HelpActions | None = None
        self.rhythm: RhythmActions | None = None  # glimmers, the Today tab, reminders
        self._tray = tray
        self.rng = rng or random.Random()
        self.problem_window: ProblemWindow | None = None
        self.already_open: AlreadyOpenWindow | None = None  # a second start on this journal
        self.single = SingleWindow(data_dir, self.bring_forward)
        self._player = player
        self._owns_player = player is None
        self.settings = open_settings(settings_file(data_dir))
        self.appearance = Appearance(qapp, self.settings)
        self.protection = ProtectionActions(
            self, self.settings, self.dialogs, self.clock, qapp, offer_protection, key_cost
        )
        self.backups = BackupActions(self, self.settings, self.dialogs, self.wall)

    def start(self) -> QWidget:
        """Open the store and show the main window, or the unlock window, or explain why the
        data cannot be opened, or that another Glimmers has it open."""
        self.problem_window = None
        database = database_path(self.data_dir)
        try:
            ensure_private_dir(self.data_dir)  # a folder that exists keeps its modes
        except OSError as e:
            problem = StoreProblem(ProblemKind.NOT_CREATED, database, e.strerror or str(e))
            return self._show_problem(problem)
        try:
            claimed = self.single.claim()
        except StoreProblem as problem:  # the lock file cannot be used: open nothing
            return self._show_problem(problem)
        if not claimed:
            return self._say_already_open()
        if (self.data_dir / STEP).exists():
            from desktop.store.protection import settle  # a passphrase step was cut short

            try:
                settle(self.data_dir)
            except OSError as e:
                return self._show_problem(StoreProblem(ProblemKind.UNREADABLE, database, str(e)))
        if is_protected(self.data_dir) and self.key is None:
            self.appearance.use_calm_style()
            give_app_icon()
            return self.protection.show_unlock()
        try:
            store = open_store(database, backups_dir(self.data_dir), self.wall, self.key)
        except StoreProblem as problem:
            return self._show_problem(problem)
        self.store = store
        window = self.window = self._build_main_window(store)
        window.first_painted.connect(self.appearance.check_system)
        window.first_painted.connect(give_app_icon)
        window.show()
        if store.read_only is not None:
            window.show_read_only(store.read_only)
        self.backups.opened(window)
        self.protection.opened(store, window)
        return window

    def _show_problem(self, problem: StoreProblem) -> QWidget:
        self.appearance.use_calm_style()
        give_app_icon()
        shown = self.problem_window = self.backups.problem_window(problem)
        shown.quit_requested.connect(shown.close)
        shown.another_folder_requested.connect(lambda: self._try_another_folder(shown))
        shown.show()
        return shown

    def _say_already_open(self) -> QWidget:
        self.appearance.use_calm_style()
        give_app_icon()
        shown = self.already_open = self.single.say_already_open()
        return shown

    def bring_forward(self) -> None:
        """A second start asked for this journal: show the window that has it."""
        bring_forward((self.window, self.protection.unlock_window, self.problem_window))

    def reopen(self, key: bytes | None, instead_of: QWidget | None = None) -> QWidget:
        self.key = key
        shown = self.start()
        if instead_of is not None and shown is not instead_of:
            instead_of.close()
            instead_of.deleteLater()
        return shown

    def close(self) -> None:
        """Close the window and the store (the window keeps its drafts and geometry first)."""
        self._close_rhythm()
        if self.window is not None:
            # Hidden, not closed: closing the last window would end the app's event loop.
            self.window.prepare_to_close()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.protection.closed()
        self._close_store()
        self.key = None

    def _close_store(self) -> None:
        if self.signals is not None:
            self.signals.detach()
            self.signals = None
        if self.store is not None:
            self.store.close()  # the key goes with it
            self.store = None

    def _build_main_window(self, store: Store) -> MainWindow:
        self.signals = StoreSignals(store)
        tabs = Tabs(
            store,
            self.signals,
            self.settings,
            self.clock,
            self.wall,
            self.player,
            rng=self.rng,
            reminders_possible=lambda: self.rhythm is not None and self.rhythm.reminders_possible(),
            show_page=self.show_page,
        )
        window = MainWindow(tabs.pages(), self.settings)
        self.data_actions = DataActions(store, self.signals, self.dialogs, window)
        for action in (
            *self.data_actions.actions(),
            *self.backups.actions(window),
            *self.protection.actions(window, store),
        ):
            window.add_menu_action("file", action)
        self.appearance.add_menu(window)
        self.help_actions = HelpActions(store, self.signals, self.data_dir, window)
        self.rhythm = RhythmActions(
            store, window, self.settings, self.wall, self.help_actions.show_too_much, self._tray
        )
        window.quit_requested.connect(window.close)
        return window

    def _close_rhythm(self) -> None:
        if self.rhythm is not None:
            self.rhythm.closed()  # reminders stop before the store closes
            self.rhythm = None

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

    def _try_another_folder(self, problem: ProblemWindow) -> None:
        folder = self.dialogs.choose_folder(
            problem, translate("Glimmers", "Choose a data folder for Glimmers")
        )
        if folder is None:
            return
        self.single.release()
        self.data_dir = folder
        self.single = SingleWindow(folder, self.bring_forward)
        self.reopen(self.key, instead_of=problem)

    def shutdown(self) -> None:
        self._close_rhythm()
        if self.window is not None:
            self.window.prepare_to_close()  # once only: a closed window has done it already
        self.appearance.detach()
        if self._player is not None and self._owns_player:
            self._player.shutdown()
        self._close_store()
        self.settings.sync()
        self.single.release()


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
    # A screenshot shows the app, not a prompt.
    glimmers = Lifecycle(data_dir_from(args), offer_protection=not args.screenshot)
    try:
        glimmers.start()
        if args.screenshot:
            from desktop.shell.screenshot import take_screenshot

            size = args.size or Size(*DEFAULT_SIZE)
            instead = glimmers.problem_window or glimmers.already_open
            glimmers.appearance.use_calm_style()  # as the window looks after its first paint
            return take_screenshot(
                glimmers.window,
                instead,
                Path(args.screenshot),
                args.tab,
                (size.width, size.height),
                glimmers.clock,
            )
        return qapp.exec()
    finally:
        glimmers.shutdown()
