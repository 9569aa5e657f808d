"""File menu items that work on the whole journal: export, import and the trash."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.shell.file_dialogs import Dialogs
from desktop.store import Store, WriteFailed

if TYPE_CHECKING:
    from desktop.journal.trash_dialog import TrashDialog

# The export code and the trash dialog load when first used, not at start-up.

EXPORT_FILTERS = {
    "JSON, complete and importable (*.json)": ("json", ".json"),
    "Markdown, easy to read (*.md)": ("markdown", ".md"),
    "CSV, a row per entry (*.csv)": ("csv", ".csv"),
}
IMPORT_FILTERS = ["Glimmers export (*.json)", "All files (*)"]


class DataActions:
    def __init__(self, store: Store, dialogs: Dialogs, parent: QWidget) -> None:
        self._store = store
        self._dialogs = dialogs
        self._parent = parent
        self.export_action = QAction("&Export journal…", parent)
        self.export_action.setObjectName("export_action")
        self.import_action = QAction("&Import journal…", parent)
        self.import_action.setObjectName("import_action")
        self.trash_action = QAction("Journal &trash…", parent)
        self.trash_action.setObjectName("trash_action")
        self.export_action.triggered.connect(self.export)
        self.import_action.triggered.connect(self.import_)
        self.trash_action.triggered.connect(self.show_trash)

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.trash_action]

    def export(self) -> None:
        from desktop.commands import write_private_file
        from desktop.store.exchange import export

        if self._store.encrypted and not self._dialogs.confirm(
            self._parent,
            "Your journal is protected by a passphrase, but an exported file is not: anyone who "
            "can read the file can read your journal. Export anyway?",
        ):
            return
        chosen = self._dialogs.save_path(
            self._parent, "Export your journal", "glimmers-journal.json", list(EXPORT_FILTERS)
        )
        if chosen is None:
            return
        path, chosen_filter = chosen
        fmt, suffix = EXPORT_FILTERS.get(chosen_filter, ("json", ".json"))
        if not path.suffix:
            path = path.with_suffix(suffix)
        try:
            write_private_file(path, export(self._store, fmt))
        except OSError as e:
            self._dialogs.tell(
                self._parent,
                "Export did not finish",
                f"Glimmers could not write {path}: {e.strerror or e}. Your journal is unchanged.",
                problem=True,
            )
            return
        self._dialogs.tell(self._parent, "Exported", f"Your journal is in {path}.")

    def import_(self) -> None:
        from desktop.store.exchange import ImportProblem, import_json

        path = self._dialogs.open_path(self._parent, "Import a journal", IMPORT_FILTERS)
        if path is None:
            return
        try:
            result = import_json(self._store, path.read_bytes())
        except OSError as e:
            self._dialogs.tell(
                self._parent,
                "Nothing was imported",
                f"Glimmers could not read {path}: {e.strerror or e}.",
                problem=True,
            )
            return
        except (ImportProblem, WriteFailed) as e:
            self._dialogs.tell(
                self._parent,
                "Nothing was imported",
                f"{e}\n\nYour journal is unchanged.",
                problem=True,
            )
            return
        self._dialogs.tell(
            self._parent,
            "Imported",
            f"Added {result.added} entries. {result.already_there} were already in your journal.",
        )

    def show_trash(self) -> TrashDialog:
        from desktop.journal.trash_dialog import TrashDialog

        dialog = TrashDialog(
            self._store, lambda text: self._dialogs.confirm(self._parent, text), self._parent
        )
        dialog.show()
        return dialog
