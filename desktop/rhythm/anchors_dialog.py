"""Change your anchors: name them, give each a time if you like, a cue and a smaller version;
and, if you want them, reminders through your desktop's notifications."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.dialog_parts import close_buttons
from desktop.look import resize_within_screen
from desktop.rhythm.anchors import MAX_ANCHORS, Anchor, AnchorProblem, clean_anchor, new_key
from desktop.rhythm.parts import FittedList
from desktop.rhythm.settings import RhythmSettings
from desktop.texts import translate


def _not_written(name: str) -> str:
    return translate(
        "Rhythm",
        "Not saved: Glimmers could not write to your journal, so \u201c{name}\u201d is "
        "here only until Glimmers closes.",
    ).format(name=name)


class AnchorsDialog(QDialog):
    anchors_changed = Signal()
    reminders_changed = Signal(bool)

    def __init__(
        self, settings: RhythmSettings, reminders_possible: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("anchors_dialog")
        self.setWindowTitle(translate("Rhythm", "Your anchors"))
        self._settings = settings
        self._anchors = settings.anchors()
        self._row = -1  # the anchor the fields show (-1: none)
        # What the fields said when closing was refused for them: asked again with nothing
        # changed, the dialog closes and the anchor stays as it was.
        self._refused: tuple[str, str, str, dt.time | None] | None = None
        self._unwritten = False  # the journal refused the last change

        self.anchor_list = named(
            FittedList(),
            translate("Rhythm", "Your anchors"),
            translate("Rhythm", "Choose an anchor to change it"),
            object_name="anchors_to_change",
        )
        self.anchor_list.setSpacing(2)
        self.name_edit = named(
            QLineEdit(),
            translate("Rhythm", "Name"),
            translate("Rhythm", "What you call this anchor, in a few words"),
            object_name="anchor_name_edit",
        )
        self.timed_box = named(
            QCheckBox(translate("Rhythm", "At a time of day")),
            translate("Rhythm", "At a time of day"),
            translate("Rhythm", "Gives this anchor a time, for its place in the day and reminders"),
            object_name="anchor_timed",
        )
        self.time_edit = named(
            QTimeEdit(),
            translate("Rhythm", "Time"),
            translate("Rhythm", "The time of day, if any"),
            object_name="anchor_time_edit",
        )
        self.time_edit.setDisplayFormat("HH:mm")
        self.cue_edit = named(
            QLineEdit(),
            translate("Rhythm", "What it looks like"),
            translate("Rhythm", "The cue: what this anchor asks of you, in plain words"),
            object_name="anchor_cue_edit",
        )
        self.smaller_edit = named(
            QLineEdit(),
            translate("Rhythm", "How small it may be"),
            translate("Rhythm", "The smaller version, for days when less is enough"),
            object_name="anchor_smaller_edit",
        )
        self.message = QLabel()
        self.message.setObjectName("anchors_message")
        self.message.setWordWrap(True)
        self.save_button = named(
            QPushButton(translate("Rhythm", "&Save this anchor")),
            translate("Rhythm", "Save this anchor"),
            translate("Rhythm", "Keeps the name, time and cues above"),
            object_name="save_anchor",
        )
        self.add_button = named(
            QPushButton(translate("Rhythm", "&Add an anchor")),
            translate("Rhythm", "Add an anchor"),
            translate("Rhythm", "Starts a new anchor of your own"),
            object_name="add_anchor",
        )
        self.remove_button = named(
            QPushButton(translate("Rhythm", "&Remove this anchor")),
            translate("Rhythm", "Remove this anchor"),
            translate("Rhythm", "Takes the chosen anchor out of your day; its answers stay kept"),
            object_name="remove_anchor",
        )
        remind = translate(
            "Rhythm", "Remind me at these times, through the desktop's notifications"
        )
        self.reminders_box = named(
            QCheckBox(remind),
            remind,
            translate("Rhythm", "Off unless you turn it on. Each reminder shows once, at its time"),
            object_name="reminders",
        )
        self.reminders_box.setChecked(settings.reminders_on())
        self.reminders_note = QLabel(
            translate(
                "Rhythm",
                "Your desktop has no place for notifications from Glimmers, so reminders "
                "cannot appear.",
            )
        )
        self.reminders_note.setWordWrap(True)
        self.reminders_note.setVisible(not reminders_possible)

        form = QFormLayout()
        form.addRow(translate("Rhythm", "&Name"), self.name_edit)
        time_row = QHBoxLayout()
        time_row.addWidget(self.timed_box)
        time_row.addWidget(self.time_edit)
        time_row.addStretch()
        form.addRow(translate("Rhythm", "Time"), time_row)
        form.addRow(translate("Rhythm", "&What it looks like"), self.cue_edit)
        form.addRow(translate("Rhythm", "How s&mall it may be"), self.smaller_edit)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        buttons = close_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.anchor_list)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.reminders_box)
        layout.addWidget(self.reminders_note)
        layout.addWidget(buttons)
        resize_within_screen(self, 560, self.sizeHint().height())

        buttons.rejected.connect(self.reject)
        self.anchor_list.currentRowChanged.connect(self._choose)
        self.timed_box.toggled.connect(self.time_edit.setEnabled)
        self.save_button.clicked.connect(self.save_current)
        self.add_button.clicked.connect(self.add_anchor)
        self.remove_button.clicked.connect(self.remove_current)
        self.reminders_box.toggled.connect(self._toggle_reminders)
        self._reload_list(0)

    def anchors(self) -> list[Anchor]:
        return list(self._anchors)

    def _reload_list(self, row: int) -> None:
        self._row = -1  # the fields are loaded again from what is kept
        self.anchor_list.blockSignals(True)
        self.anchor_list.clear()
        for anchor in self._anchors:
            self.anchor_list.addItem(anchor.name)
        self.anchor_list.blockSignals(False)
        self.anchor_list.updateGeometry()
        self.anchor_list.setCurrentRow(min(row, len(self._anchors) - 1))
        self._load(self.anchor_list.currentRow())
        self.add_button.setEnabled(len(self._anchors) < MAX_ANCHORS)
        self.remove_button.setEnabled(bool(self._anchors))

    def _choose(self, row: int) -> None:
        """Another anchor chosen: what was typed for the one shown is kept first; when it
        cannot be kept as it is, the person stays on it, with the reason beside it."""
        if row != self._row and self._edited():
            if self.save_current():  # kept: the list was made again, on the anchor kept
                self.anchor_list.setCurrentRow(row)
            else:
                self.anchor_list.blockSignals(True)
                self.anchor_list.setCurrentRow(self._row)
                self.anchor_list.blockSignals(False)
            return
        self._load(row)

    def _load(self, row: int) -> None:
        anchor = self._anchors[row] if 0 <= row < len(self._anchors) else None
        self._row = row if anchor is not None else -1
        for field in (self.name_edit, self.cue_edit, self.smaller_edit, self.save_button):
            field.setEnabled(anchor is not None)
        self.name_edit.setText(anchor.name if anchor else "")
        self.cue_edit.setText(anchor.cue if anchor else "")
        self.smaller_edit.setText(anchor.smaller if anchor else "")
        for edit in (self.name_edit, self.cue_edit, self.smaller_edit):
            edit.setCursorPosition(0)  # the beginning of a long cue, not its end
        timed = anchor is not None and anchor.time is not None
        self.timed_box.setChecked(timed)
        self.timed_box.setEnabled(anchor is not None)
        self.time_edit.setEnabled(timed)
        time = anchor.time if anchor is not None and anchor.time else dt.time(9, 0)
        self.time_edit.setTime(QTime(time.hour, time.minute))

    def _fields_time(self) -> dt.time | None:
        edited = self.time_edit.time()
        return dt.time(edited.hour(), edited.minute()) if self.timed_box.isChecked() else None

    def _fields(self) -> tuple[str, str, str, dt.time | None]:
        return (
            self.name_edit.text(),
            self.cue_edit.text(),
            self.smaller_edit.text(),
            self._fields_time(),
        )

    def _edited(self) -> bool:
        """The fields say something else than the anchor they show."""
        if not 0 <= self._row < len(self._anchors):
            return False
        anchor = self._anchors[self._row]
        return self._fields() != (anchor.name, anchor.cue, anchor.smaller, anchor.time)

    def keep_edits(self) -> bool:
        """Keep what was typed for the anchor shown, if anything; False when it cannot be kept
        as it is (the message says why)."""
        return not self._edited() or self.save_current()

    def reject(self) -> None:
        # Close, Escape and the window's own close button keep what was typed, as Save does.
        # What cannot be kept keeps the dialog open once, with the reason; closing again with
        # nothing changed leaves the anchor as it was.
        fields = self._fields()
        if (self._edited() and fields == self._refused) or self.keep_edits():
            self._refused = None
            super().reject()
            return
        self._refused = fields
        again = (
            translate("Rhythm", "Close again to go on with it as it is.")
            if self._unwritten
            else translate("Rhythm", "Close again to leave this anchor as it was.")
        )
        self.message.setText(f"{self.message.text()} {again}")

    def save_current(self) -> bool:
        row = self._row
        if not 0 <= row < len(self._anchors):
            return False
        try:
            anchor = clean_anchor(
                dataclasses.replace(
                    self._anchors[row],
                    name=self.name_edit.text(),
                    cue=self.cue_edit.text(),
                    smaller=self.smaller_edit.text(),
                    time=self._fields_time(),
                )
            )
        except AnchorProblem as problem:
            self.message.setText(str(problem))
            fields = {"name": self.name_edit, "cue": self.cue_edit, "smaller": self.smaller_edit}
            fields.get(problem.field, self.name_edit).setFocus()
            return False
        self._anchors[row] = anchor
        if not self._store_anchors(row):
            self.message.setText(_not_written(anchor.name))
            return False
        self.message.setText(
            translate("Rhythm", "Saved \u201c{name}\u201d.").format(name=anchor.name)
        )
        return True

    def add_anchor(self) -> None:
        if len(self._anchors) >= MAX_ANCHORS or not self.keep_edits():
            return
        name = translate("Rhythm", "A small thing of your own")
        self._anchors.append(Anchor(key=new_key(), name=name, cue="", smaller=""))
        if self._store_anchors(len(self._anchors) - 1):
            self.message.setText(translate("Rhythm", "Give your new anchor a name and a cue."))
        else:
            self.message.setText(_not_written(name))
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def remove_current(self) -> None:
        row = self._row
        if not 0 <= row < len(self._anchors):
            return
        removed = self._anchors.pop(row)
        written = self._store_anchors(max(0, row - 1))
        self.message.setText(
            translate("Rhythm", "Removed \u201c{name}\u201d from your day.").format(
                name=removed.name
            )
            if written
            else _not_written(removed.name)
        )

    def _store_anchors(self, row: int) -> bool:
        """Keep the anchors as they are now; False when the journal could not take them
        (they last until Glimmers closes, and the message says so)."""
        self._unwritten = not self._settings.set_anchors(self._anchors)
        self._reload_list(row)
        self.anchors_changed.emit()
        return not self._unwritten

    def _toggle_reminders(self, on: bool) -> None:
        self._settings.set_reminders_on(on)
        self.reminders_changed.emit(on)
