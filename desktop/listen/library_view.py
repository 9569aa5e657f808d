"""The library's view: finding a track, adding music, and the table of it.

A view of its own, as the Listen tab's library page: the filter and the Add music button above
the table of tracks. The tab wires it to the scanner and the player; the desktop's file chooser
(``FilePicker``) asks which music to add, and tests answer with their own ``Picker``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.listen.library import AUDIO_EXTENSIONS
from desktop.listen.library_model import LibraryModel
from desktop.look import SPACE, tight
from desktop.store import Store
from desktop.texts import translate


class Picker(Protocol):
    """Asks which music files or folder to add."""

    def files(self, parent: QWidget) -> list[Path]: ...
    def folder(self, parent: QWidget) -> Path | None: ...


class FilePicker:
    """The desktop's file chooser; tests answer with their own Picker."""

    def files(self, parent: QWidget) -> list[Path]:
        patterns = " ".join(f"*{ext}" for ext in AUDIO_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileNames(
            parent,
            translate("ListenTab", "Add music"),
            "",
            translate("ListenTab", "Music ({patterns})").format(patterns=patterns),
        )
        return [Path(p) for p in chosen]

    def folder(self, parent: QWidget) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            parent, translate("ListenTab", "Add a folder of your music")
        )
        return Path(chosen) if chosen else None


class LibraryView(QWidget):
    """Find a track and Add music above the table of your music."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_view")
        self.add_button = named(
            QPushButton(translate("ListenTab", "Add &music…")),
            translate("ListenTab", "Add music"),
            translate("ListenTab", "Adds a folder of music, or some files"),
            object_name="add_music",
        )
        menu = QMenu(self.add_button)
        self.add_more_folder_action = menu.addAction(translate("ListenTab", "A &folder…"))
        self.add_files_action = menu.addAction(translate("ListenTab", "Some f&iles…"))
        self.add_button.setMenu(menu)
        self.filter_edit = named(
            QLineEdit(),
            translate("ListenTab", "Filter the library"),
            translate(
                "ListenTab",
                "Shows only tracks whose title, artist, album or file name has these words",
            ),
            object_name="library_filter",
        )
        self.filter_edit.setPlaceholderText(translate("ListenTab", "Find a track"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = LibraryModel(store)
        self.table = named(
            QTableView(),
            translate("ListenTab", "Your music"),
            translate("ListenTab", "Press Enter on a track to play it"),
            object_name="library",
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the player; arrows move in here
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):  # title, artist and album share the width, however narrow
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        top = tight(QHBoxLayout(), SPACE)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.add_button)
        layout = tight(QVBoxLayout(self), SPACE)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
