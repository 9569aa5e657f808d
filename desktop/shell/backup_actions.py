"""File > Backups, the daily backup, and putting things right when the journal cannot be opened:
the newest good backup in its place, or a rescue of what can still be read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from desktop.clock import WallClock, local_now
from desktop.paths import backups_dir, database_path
from desktop.settings import BACKUPS_KEEP, Settings
from desktop.shell.file_dialogs import Dialogs
from desktop.shell.main_window import MainWindow, call_later, new_action
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.shell.backups_dialog import BackupsDialog
    from desktop.shell.problem_window import ProblemWindow
    from desktop.shell.reopen import Reopen

# The dialogs and the backup code load when first used: start-up needs neither.

DAILY_BACKUP_DELAY_MS = 2000
# What a backup can take the place of: a file that is damaged or not a database at all. Never
# another program's database, nor one a newer Glimmers wrote.
REPLACEABLE = (ProblemKind.DAMAGED, ProblemKind.NOT_A_DATABASE)


class BackupActions:
    def __init__(self, app: Reopen, settings: Settings, dialogs: Dialogs, wall: WallClock) -> None:
        self._app = app
        self._settings = settings
        self._dialogs = dialogs
        self._wall = wall

    def actions(self, window: MainWindow) -> list[QAction]:
        """The File menu's items for a new main window."""
        backups = new_action(translate("Glimmers", "&Backups…"), window)
        backups.setObjectName("backups_action")
        backups.triggered.connect(self.show_backups)
        return [backups]

    def opened(self, window: MainWindow) -> None:
        """The journal is open: make today's backup soon after, so a large copy never delays
        the first paint."""
        call_later(DAILY_BACKUP_DELAY_MS, window, self.daily_backup)

    def keep(self) -> int:
        """How many backups to keep."""
        return self._settings.get(BACKUPS_KEEP)

    def daily_backup(self) -> Path | None:
        from desktop.store.backups import backup_if_due
        from desktop.store.connection import WriteFailed

        store = self._app.store
        if store is None or store.read_only is not None:
            return None  # a journal that can only be read does not change: its backups hold
        try:
            return backup_if_due(store, backups_dir(self._app.data_dir), keep=self.keep())
        except WriteFailed as e:  # it says no backup was made, and why, in plain words
            window = self._app.window
            if window is not None:
                window.show_status(
                    translate("Glimmers", "Today's backup: {reason}").format(reason=e)
                )
            return None

    # -- File > Backups -----------------------------------------------------------------------

    def show_backups(self) -> BackupsDialog:
        from desktop.shell.backups_dialog import BackupsDialog

        folder = backups_dir(self._app.data_dir)
        dialog = BackupsDialog(folder, self.keep(), self._app.window, key=self._app.key)
        dialog.backup_requested.connect(lambda: self._backup_now(dialog))
        dialog.restore_requested.connect(lambda path: self._restore_from_dialog(dialog, path))
        dialog.keep_changed.connect(lambda keep: self._settings.set(BACKUPS_KEEP, keep))
        dialog.show()
        return dialog

    def _backup_now(self, dialog: BackupsDialog) -> None:
        from desktop.store.backups import make_backup, prune
        from desktop.store.connection import WriteFailed

        store = self._app.store
        assert store is not None
        folder = backups_dir(self._app.data_dir)
        try:
            made = make_backup(store, folder, label="by-hand")
        except WriteFailed as e:  # it says no backup was made, and why, in plain words
            dialog.show_message(str(e))
            return
        prune(folder, self.keep(), store.key, local_now(self._wall))
        dialog.reload()
        dialog.show_message(translate("Glimmers", "Backed up to {file}.").format(file=made.name))

    def _restore_from_dialog(self, dialog: BackupsDialog, backup: object) -> None:
        from desktop.store.backups import aside_for_restore, restore

        assert isinstance(backup, Path)
        if not self._dialogs.confirm(
            dialog,
            translate(
                "Glimmers",
                "Put this backup in place of your current data? Your current data is kept as "
                "another backup first, so you can go back.",
            ),
        ):
            return
        data_dir, key = self._app.data_dir, self._app.key
        dialog.close()
        self._app.close()
        try:
            restore(
                database_path(data_dir),
                backup,
                aside_for_restore(backups_dir(data_dir), self._wall),
                key,
            )
        except (OSError, StoreProblem) as e:
            self._app.reopen(key)
            title = translate("Glimmers", "Nothing was restored")
            self._dialogs.tell(self._app.window, title, str(e), problem=True)
            return
        self._app.reopen(key)
        self._dialogs.tell(
            self._app.window,
            translate("Glimmers", "Restored"),
            translate("Glimmers", "Your data is back as it was on {backup}.").format(
                backup=backup.name
            ),
        )

    # -- data that cannot be opened -----------------------------------------------------------

    def problem_window(self, problem: StoreProblem) -> ProblemWindow:
        """The window that explains ``problem``; for a damaged file it offers to rescue what
        can still be read, and the newest good backup if there is one, or another folder. The caller
        shows it."""
        from desktop.local_format import day_and_time
        from desktop.shell.problem_window import ProblemWindow
        from desktop.store.backups import newest_good_backup
        from desktop.store.rescue import rescuable

        good = None
        if problem.kind in REPLACEABLE:
            good = newest_good_backup(
                backups_dir(self._app.data_dir), self._app.key, local_now(self._wall)
            )
        offer = None
        if good is not None:
            entries = good.entries  # lupdate skips a call whose arguments read an attribute
            offer = translate(
                "Glimmers",
                "A backup from {when} with %n entr(y|ies) can take its place. "
                "The damaged file is kept beside it.",
                None,
                entries,
            ).format(when=day_and_time(good.created))
        rescue = None
        if problem.kind is ProblemKind.DAMAGED and rescuable(problem.path):
            rescue = translate(
                "Glimmers",
                "Glimmers can rescue what can still be read: every entry and record the damaged "
                "file still holds goes into a new journal, with anything more the newest good "
                "backup has. The damaged file is kept beside it.",
            )
        window = ProblemWindow(problem, offer, rescue)
        window.restore_requested.connect(lambda: self._restore_over_damaged(window))
        window.rescue_requested.connect(lambda: self._rescue_damaged(window))
        window.another_folder_requested.connect(lambda: self._try_another_folder(window))
        window.quit_requested.connect(window.close)
        return window

    def _try_another_folder(self, window: ProblemWindow) -> None:
        folder = self._dialogs.choose_folder(
            window, translate("Glimmers", "Choose a data folder for Glimmers")
        )
        if folder is not None:
            self._app.move_to(folder, instead_of=window)

    def _restore_over_damaged(self, window: ProblemWindow) -> None:
        from desktop.store.backups import aside_for_damaged, newest_good_backup, restore

        data_dir, key = self._app.data_dir, self._app.key
        good = newest_good_backup(backups_dir(data_dir), key, local_now(self._wall))
        if good is None:
            return
        database = database_path(data_dir)
        try:
            restore(database, good.path, aside_for_damaged(database, self._wall), key)
        except (OSError, StoreProblem) as e:
            window.show_message(
                translate("Glimmers", "The backup could not be restored: {reason}").format(reason=e)
            )
            return
        self._app.reopen(key, instead_of=window)

    def _rescue_damaged(self, window: ProblemWindow) -> None:
        from desktop.local_format import day_and_time, short_day
        from desktop.store.rescue import RescueFailed, rescue

        data_dir, key = self._app.data_dir, self._app.key
        try:
            result = rescue(database_path(data_dir), backups_dir(data_dir), self._wall, key)
        except RescueFailed as e:
            window.show_message(str(e))
            return
        when = day_and_time(result.backup.created) if result.backup is not None else None
        summary = result.summary(when, short_day)
        shown = self._app.reopen(key, instead_of=window)
        self._dialogs.tell(shown, translate("Glimmers", "Rescued"), summary)
