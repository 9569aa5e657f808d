"""The journal's trash: deleted entries wait here until the person empties it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.dialog_parts import close_buttons
from desktop.store import Store
from desktop.store.journal import TABLE, empty_trash, restore_entry, trashed_entries
from desktop.store_signals import StoreSignals
from desktop.texts import translate

Confirm = Callable[[str], bool]


class TrashDialog(QDialog):
    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._confirm = confirm
        self.setObjectName("trash_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("JournalTrashDialog", "Journal trash"))
        self.resize(520, 420)
        self.hint = QLabel(
            translate(
                "JournalTrashDialog",
                "Deleted entries wait here. They are gone for good only when you empty the trash.",
            )
        )
        self.hint.setWordWrap(True)
        self.list = named(
            QListWidget(),
            translate("JournalTrashDialog", "Entries in the trash"),
            translate("JournalTrashDialog", "Deleted entries, kept until you empty the trash"),
            object_name="trash_list",
        )
        self.restore_button = named(
            QPushButton(translate("JournalTrashDialog", "&Restore")),
            translate("JournalTrashDialog", "Restore the selected entry"),
            translate("JournalTrashDialog", "Puts the chosen entry back in your journal"),
        )
        self.empty_button = named(
            QPushButton(translate("JournalTrashDialog", "&Empty trash…")),
            translate("JournalTrashDialog", "Empty the trash"),
            translate("JournalTrashDialog", "Deletes everything in the trash for good"),
        )
        self.message = QLabel()
        self.message.setObjectName("trash_message")
        close = close_buttons()
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(self._empty)
        signals.changed.connect(self._on_store_changed)
        self._reload()

    def _on_store_changed(self, table: str) -> None:
        if table == TABLE:
            self._reload()

    def _reload(self) -> None:
        self.list.clear()
        for entry in trashed_entries(self._store):
            text = " · ".join(
                part
                for part in (entry.day, entry.touch, entry.sound, entry.sight, entry.body)
                if part.strip()
            )
            item = QListWidgetItem(" ".join(text.split())[:140])
            item.setData(Qt.ItemDataRole.UserRole, entry.uid)
            self.list.addItem(item)
        has_entries = self.list.count() > 0
        self.restore_button.setEnabled(has_entries)
        self.empty_button.setEnabled(has_entries)
        if has_entries:
            self.list.setCurrentRow(0)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if self.list.currentRow() < 0:
            self.message.setText(translate("JournalTrashDialog", "Choose an entry first."))
            return
        try:
            restore_entry(self._store, str(item.data(Qt.ItemDataRole.UserRole)))
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.message.setText(translate("JournalTrashDialog", "Restored to your journal."))

    def _empty(self) -> None:
        count = self.list.count()
        if not self._confirm(
            translate(
                "JournalTrashDialog",
                "Delete the %n entr(y|ies) in the trash for good? This cannot be undone.",
                None,
                count,
            )
        ):
            return
        try:
            removed = empty_trash(self._store)
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.message.setText(
            translate("JournalTrashDialog", "Deleted %n entr(y|ies) for good.", None, removed)
        )
