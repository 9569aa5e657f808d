"""File > Backups: the copies Glimmers keeps, with their date, size and how many entries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.dialog_parts import close_buttons
from desktop.local_format import data_size, day_and_time
from desktop.settings import BACKUPS_KEEP
from desktop.store.backups import list_backups
from desktop.texts import translate


class BackupsDialog(QDialog):
    backup_requested = Signal()
    restore_requested = Signal(object)  # Path: the backup chosen
    keep_changed = Signal(int)

    def __init__(
        self, folder: Path, keep: int, parent: QWidget | None = None, key: bytes | None = None
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._key = key
        self.setObjectName("backups_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Backups", "Backups"))
        self.resize(600, 420)
        hint = QLabel(
            translate(
                "Backups",
                "Glimmers makes a backup each day you open it, and before it changes how your "
                "data is stored. They are in {folder}.",
            ).format(folder=folder)
        )
        hint.setWordWrap(True)
        self.table = named(
            QTableWidget(0, 3),
            translate("Backups", "Backups"),
            translate("Backups", "Your backups, newest first: when, size and entries"),
            object_name="backups",
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("Backups", "Made"),
                translate("Backups", "Size"),
                translate("Backups", "Entries"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.backup_button = named(
            QPushButton(translate("Backups", "&Back up now")),
            translate("Backups", "Back up now"),
            translate("Backups", "Makes a backup of your data now"),
        )
        self.restore_button = named(
            QPushButton(translate("Backups", "&Restore this backup…")),
            translate("Backups", "Restore the selected backup"),
            translate(
                "Backups", "Puts the chosen backup in place; your current data is kept first"
            ),
        )
        self.keep = named(
            QSpinBox(),
            translate("Backups", "How many backups to keep"),
            translate("Backups", "Older backups beyond this number are removed"),
            object_name="keep_backups",
        )
        self.keep.setRange(BACKUPS_KEEP.low, BACKUPS_KEEP.high)
        self.keep.setValue(keep)
        self.message = QLabel()
        self.message.setObjectName("backups_message")
        self.message.setWordWrap(True)
        close = close_buttons()
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch()
        row.addWidget(QLabel(translate("Backups", "Keep the newest")))
        row.addWidget(self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button.clicked.connect(self._restore)
        self.keep.valueChanged.connect(self.keep_changed)
        self.reload()

    def show_message(self, text: str) -> None:
        """What happened, below the list."""
        self.message.setText(text)

    def reload(self) -> None:
        backups = list_backups(self._folder, self._key)
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            made = QTableWidgetItem(day_and_time(backup.created))
            made.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            entries = QLocale().toString(backup.entries)  # only whole backups are listed
            for column, item in enumerate(
                (made, QTableWidgetItem(data_size(backup.size)), QTableWidgetItem(entries))
            ):
                self.table.setItem(row, column, item)
        if backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(backups))

    def selected(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.show_message(translate("Backups", "Choose a backup first."))
            return
        self.restore_requested.emit(chosen)
