"""File > Import: what a file holds first ("This file has 1,234 entries from March 2019 to June
2025"), then Import or Cancel, with progress while it reads and while it imports.

A view: it shows what it is given and emits what the person asks for. The data actions run
the work (off the GUI thread) and answer through the setters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.store.imports import Preview, ReadOptions
from desktop.store.imports.jrnl import MAX_TAG_SYMBOLS, check_tag_symbols
from desktop.store.journal import MAX_TAG_LENGTH, clean_tags
from desktop.texts import translate


def local_number(n: int) -> str:
    return QLocale().toString(n)


def local_month(day: dt.date) -> str:
    # QLocale's pattern (MMMM: the month's name); a translation can reorder it.
    pattern = translate("ImportDialog", "MMMM yyyy")
    return QLocale().toString(QDate(day.year, day.month, 1), pattern)


class ImportDialog(QDialog):
    import_requested = Signal(object)  # ReadOptions: the person's choices
    cancel_requested = Signal()

    def __init__(self, file_name: str, options: ReadOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(translate("ImportDialog", "Import a journal"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self._options = options
        self._preview: Preview | None = None
        self._busy = True

        self.heading = QLabel()
        self.heading.setObjectName("import_heading")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setObjectName("import_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = named(
            QProgressBar(),
            translate("ImportDialog", "How far Glimmers has read"),
            translate("ImportDialog", "Goes from empty to full as the file is read"),
            object_name="import_progress",
        )
        self.progress.setTextVisible(False)
        self.keep_location = named(
            QCheckBox(translate("ImportDialog", "Also keep &where each entry was written")),
            translate("ImportDialog", "Also keep where each entry was written"),
            translate("ImportDialog", "Adds the place to the end of each entry's text"),
            object_name="keep_location",
        )
        self.keep_weather = named(
            QCheckBox(translate("ImportDialog", "Also keep the w&eather")),
            translate("ImportDialog", "Also keep the weather"),
            translate("ImportDialog", "Adds the weather to the end of each entry's text"),
            object_name="keep_weather",
        )

        self.starred_label = QLabel(translate("ImportDialog", "&Tag for starred entries"))
        self.starred_tag = named(
            QLineEdit(options.starred_tag),
            translate("ImportDialog", "Tag for starred entries"),
            translate("ImportDialog", "The tag that marks the entries you starred there"),
            object_name="starred_tag",
        )
        self.starred_tag.setMaxLength(MAX_TAG_LENGTH)
        self.starred_label.setBuddy(self.starred_tag)
        starred_row = QHBoxLayout()
        starred_row.addWidget(self.starred_label)
        starred_row.addWidget(self.starred_tag, 1)

        self.symbols_label = QLabel(translate("ImportDialog", "Tags &start with"))
        self.tag_symbols = QLineEdit(options.tag_symbols)
        self.tag_symbols.setObjectName("tag_symbols")
        self.tag_symbols.setMaxLength(MAX_TAG_SYMBOLS)
        self.tag_symbols.setAccessibleName(translate("ImportDialog", "Tags start with"))
        self.tag_symbols.setAccessibleDescription(
            translate(
                "ImportDialog",
                "The characters that start a tag in your jrnl journal, such as @ or @#",
            )
        )
        self.symbols_label.setBuddy(self.tag_symbols)
        symbols_row = QHBoxLayout()
        symbols_row.addWidget(self.symbols_label)
        symbols_row.addWidget(self.tag_symbols, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = named(
            QPushButton(translate("ImportDialog", "&Import")),
            translate("ImportDialog", "Import"),
            translate("ImportDialog", "Adds these entries to your journal"),
            object_name="import_button",
        )
        self.cancel_button = named(
            QPushButton(translate("ImportDialog", "Cancel")),
            translate("ImportDialog", "Cancel"),
            translate("ImportDialog", "Stops here; your journal stays as it is"),
            object_name="import_cancel",
        )
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.keep_location)
        layout.addWidget(self.keep_weather)
        layout.addLayout(starred_row)
        layout.addLayout(symbols_row)
        # The notes change as the choices above them do (a box ticked, a symbol typed): below
        # them, a note that grows or shrinks never moves the control the person is using.
        layout.addWidget(self.notes)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.show_reading(file_name)

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._request_import)
        self.cancel_button.clicked.connect(self.reject)
        self.keep_location.toggled.connect(self._show_notes)
        self.keep_weather.toggled.connect(self._show_notes)
        self.starred_tag.textChanged.connect(self._show_notes)
        self.tag_symbols.textChanged.connect(self._show_notes)

    # -- states, set by the owner -----------------------------------------------------------

    def show_reading(self, file_name: str) -> None:
        self._busy = True
        reading = translate("ImportDialog", "Reading {file}\u2026").format(file=file_name)
        self.heading.setText(f"<h3>{html.escape(reading)}</h3>")
        self.summary.setText(
            translate("ImportDialog", "Nothing is added to your journal until you say so.")
        )
        self.notes.hide()
        self.keep_location.hide()
        self.keep_weather.hide()
        self.starred_label.hide()
        self.starred_tag.hide()
        self.symbols_label.hide()
        self.tag_symbols.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.hide()
        self.cancel_button.setFocus()

    def show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        # Bytes can pass what a QProgressBar holds (an int); keep it in thousandths.
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))

    def show_preview(self, preview: Preview) -> None:
        self._busy = False
        self._preview = preview
        source = translate("ImportDialog", "From {app}").format(app=preview.app_name)
        self.heading.setText(f"<h3>{html.escape(source)}</h3>")
        self.summary.setText(preview.summary(local_number, local_month))
        self.keep_location.setVisible(preview.findings.with_location > 0)
        self.keep_weather.setVisible(preview.findings.with_weather > 0)
        self.starred_label.setVisible(preview.findings.starred > 0)
        self.starred_tag.setVisible(preview.findings.starred > 0)
        self.symbols_label.setVisible(preview.findings.tags_by_symbol)
        self.tag_symbols.setVisible(preview.findings.tags_by_symbol)
        self.progress.hide()
        new = preview.entries - preview.already
        self.import_button.setVisible(True)
        self.import_button.setDefault(True)
        self._show_notes()
        (self.import_button if new > 0 else self.cancel_button).setFocus()

    def show_importing(self) -> None:
        self._busy = True
        self.heading.setText("<h3>" + translate("ImportDialog", "Importing\u2026") + "</h3>")
        self.keep_location.setEnabled(False)
        self.keep_weather.setEnabled(False)
        self.starred_tag.setEnabled(False)
        self.tag_symbols.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.hide()
        self.cancel_button.setFocus()

    def options(self) -> ReadOptions:
        try:
            tags = clean_tags([self.starred_tag.text()])
        except ValueError:
            tags = ()
        return dataclasses.replace(
            self._options,
            keep_location=self.keep_location.isChecked(),
            keep_weather=self.keep_weather.isChecked(),
            starred_tag=tags[0] if tags else self._options.starred_tag,
            tag_symbols=(
                self.tag_symbols.text()
                if self.tag_symbols.isVisibleTo(self) and self._symbols_problem() is None
                else self._options.tag_symbols
            ),
        )

    def _symbols_problem(self) -> str | None:
        """Why the tag symbols typed cannot be used (said in the notes), or None."""
        if not self.tag_symbols.isVisibleTo(self):
            return None
        try:
            check_tag_symbols(self.tag_symbols.text())
        except ValueError as e:
            return str(e)
        return None

    # -- the person's answers ---------------------------------------------------------------

    def _show_notes(self) -> None:
        if self._preview is None:
            return
        notes = self._preview.notes(self.options(), local_number)
        problem = self._symbols_problem()
        if problem is not None:
            notes.append(problem)
        self.notes.setText("\n\n".join(notes))
        self.notes.setVisible(bool(notes))
        new = self._preview.entries - self._preview.already
        self.import_button.setEnabled(new > 0 and problem is None)

    def _request_import(self) -> None:
        if self._preview is not None and not self._busy:
            self.show_importing()
            self.import_requested.emit(self.options())

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: stop, and write nothing."""
        self.cancel_requested.emit()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_requested.emit()
        super().closeEvent(event)
