"""File menu items that work on the whole journal: export, import and the trash."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.paths import kept_by_glimmers, write_private_file
from desktop.shell.file_dialogs import Dialogs
from desktop.shell.main_window import new_action
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate
from desktop.worker_job import Starter, start_in_pool

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.journal.trash_dialog import TrashDialog
    from desktop.shell.import_dialog import ImportDialog
    from desktop.shell.import_job import ImportJob
    from desktop.store import Store

# The export code and the trash dialog load when first used, not at start-up.

# What each file holds, said truthfully: the JSON file is everything and imports again; the
# other two are for reading, and leave out the trash (see README, "Leaving with everything").
EXPORT_FORMATS = (
    (
        QT_TRANSLATE_NOOP("DataActions", "JSON, everything you keep, to import again (*.json)"),
        "json",
        ".json",
    ),
    (
        QT_TRANSLATE_NOOP("DataActions", "Markdown, easy to read, day by day (*.md)"),
        "markdown",
        ".md",
    ),
    (
        QT_TRANSLATE_NOOP("DataActions", "CSV, one table with a row per record (*.csv)"),
        "csv",
        ".csv",
    ),
)
IMPORT_FILTERS = (
    QT_TRANSLATE_NOOP(
        "DataActions",
        "Journals Glimmers can read: its own, jrnl, Day One, Daylio "
        "(*.json *.txt *.zip *.csv *.daylio)",
    ),
    QT_TRANSLATE_NOOP("DataActions", "All files (*)"),
)


def export_filters() -> dict[str, tuple[str, str]]:
    """The file dialog's filters, in the person's language, and the format each one means."""
    return {translate("DataActions", label): (fmt, suffix) for label, fmt, suffix in EXPORT_FORMATS}


class DataActions:
    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        dialogs: Dialogs,
        parent: QWidget,
        start: Starter | None = None,
    ) -> None:
        self._store = store
        self._signals = signals
        self._dialogs = dialogs
        self._parent = parent
        # Runs import work off the GUI thread; tests hand in one that runs it inline.
        self.start: Starter = start or start_in_pool
        self.import_job: ImportJob | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_action = new_action(translate("DataActions", "&Export journal…"), parent)
        self.export_action.setObjectName("export_action")
        self.import_action = new_action(translate("DataActions", "&Import journal…"), parent)
        self.import_action.setObjectName("import_action")
        self.trash_action = new_action(translate("DataActions", "Journal &trash…"), parent)
        self.trash_action.setObjectName("trash_action")
        self.export_action.triggered.connect(self.export)
        self.import_action.triggered.connect(self.import_)
        self.trash_action.triggered.connect(self.show_trash)

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.trash_action]

    def export(self) -> None:
        from desktop.store.exchange import export

        if self._store.encrypted and not self._dialogs.confirm(
            self._parent,
            translate(
                "DataActions",
                "Your journal is protected by a passphrase, but an exported file is not: anyone "
                "who can read the file can read your journal. Export anyway?",
            ),
        ):
            return
        filters = export_filters()
        chosen = self._dialogs.save_path(
            self._parent,
            translate("DataActions", "Export everything you keep"),
            translate("DataActions", "glimmers-journal.json"),
            list(filters),
        )
        if chosen is None:
            return
        path, chosen_filter = chosen
        fmt, suffix = filters.get(chosen_filter, ("json", ".json"))
        if not path.suffix:
            path = path.with_suffix(suffix)
        try:
            if kept_by_glimmers(path, self._store.path.parent):  # never over the journal
                raise OSError(
                    errno.EEXIST,
                    translate(
                        "DataActions",
                        "it is one of the files Glimmers keeps your journal in; choose "
                        "another name or folder",
                    ),
                )
            write_private_file(path, export(self._store, fmt))
        except OSError as e:
            self._dialogs.tell(
                self._parent,
                translate("DataActions", "Export did not finish"),
                translate(
                    "DataActions",
                    "Glimmers could not write {file}: {reason}. Your journal is unchanged.",
                ).format(file=path, reason=e.strerror or e),
                problem=True,
            )
            return
        self._dialogs.tell(
            self._parent,
            translate("DataActions", "Exported"),
            translate("DataActions", "Your journal is in {file}.").format(file=path),
        )

    def import_(self) -> ImportDialog | None:
        path = self._dialogs.open_path(
            self._parent,
            translate("DataActions", "Import a journal"),
            [translate("DataActions", label) for label in IMPORT_FILTERS],
        )
        if path is None:
            return None
        return self.import_file(path)

    def import_file(self, path: Path, fmt: str | None = None) -> ImportDialog:
        """Preview ``path`` (read off the GUI thread), then import it if the person says so."""
        from desktop.shell.import_dialog import ImportDialog
        from desktop.shell.import_job import ImportJob
        from desktop.store.imports import ReadOptions

        if self.import_job is not None:
            self.import_job.retire()
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()  # the last one, long closed
        options = ReadOptions(now=self._store.wall.now())
        job = ImportJob(self._store, path, fmt, options, self.start, parent=self._parent)
        dialog = ImportDialog(path.name, options, self._parent)
        job.progressed.connect(dialog.show_progress)
        job.previewed.connect(dialog.show_preview)
        job.imported.connect(lambda result: self._imported(dialog, result))
        job.failed.connect(lambda reason: self._import_failed(dialog, reason))
        job.cancelled.connect(dialog.close)
        dialog.import_requested.connect(job.run_import)
        dialog.cancel_requested.connect(job.cancel)
        self.import_job, self.import_dialog = job, dialog
        dialog.open()
        job.preview()
        return dialog

    def prepare_to_close(self) -> None:
        """Stop any import under way and let its worker finish with it: the jobs go with the
        window, and one deleted while its worker still reports would crash the app."""
        from desktop.shell.import_job import ImportJob

        for job in self._parent.findChildren(ImportJob):
            job.cancel()
            job.wait(10.0)

    def _imported(self, dialog: QDialog, result: object) -> None:
        from desktop.store.exchange import ImportResult

        assert isinstance(result, ImportResult)
        # The worker wrote on its own connection, so tell the views here what it wrote.
        from desktop.store.kinds import KINDS

        added = {key for key, _ in result.added_by_kind}
        for kind in KINDS:
            if kind.key in added:
                self._signals.changed.emit(kind.table)
        if dialog is not self.import_dialog:
            return  # cancelled too late, and another import begun since
        dialog.accept()
        # Counts as plain names: lupdate skips a call whose arguments are expressions.
        already = result.already_there
        self._dialogs.tell(
            self._parent,
            translate("DataActions", "Imported"),
            translate("DataActions", "Added {records}.").format(records=result.describe_added())
            + " "
            + translate("DataActions", "%n already in your journal.", None, already),
        )

    def _import_failed(self, dialog: QDialog, reason: str) -> None:
        if dialog is not self.import_dialog:
            return
        dialog.accept()
        self._dialogs.tell(
            self._parent,
            translate("DataActions", "Nothing was imported"),
            translate("DataActions", "{reason}\n\nYour journal is unchanged.").format(
                reason=reason
            ),
            problem=True,
        )

    def show_trash(self) -> TrashDialog:
        from desktop.journal.trash_dialog import TrashDialog

        dialog = TrashDialog(
            self._store,
            self._signals,
            lambda text: self._dialogs.confirm(self._parent, text),
            self._parent,
        )
        dialog.show()
        return dialog
