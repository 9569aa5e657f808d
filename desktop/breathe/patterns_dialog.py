"""Your patterns…: make, change and delete patterns of your own, each part of a breath in
everyday words. It opens on the pattern chosen on the tab: one of your own to change, or a
preset to start a new one from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.breathe.patterns import (
    FIELD_WORDS,
    PATTERN_FIELDS,
    Pattern,
    PatternField,
    PatternProblem,
    custom_pattern,
)
from desktop.controls import guard_wheel, named
from desktop.dialog_parts import keep_tall_enough
from desktop.look import GAP, SPACE, heading, roomy, tight
from desktop.store import Store
from desktop.store.breathing import (
    PATTERNS,
    StoredPattern,
    delete_pattern,
    list_patterns,
    save_pattern,
)
from desktop.store_signals import StoreSignals
from desktop.texts import translate

NEW_VALUES: dict[PatternField, float] = {
    "inhale": 4.0,
    "top_up": 0.0,
    "hold_in": 0.0,
    "exhale": 6.0,
    "hold_out": 0.0,
}


def _stored(pattern: Pattern) -> StoredPattern:
    return StoredPattern(
        pattern.name,
        pattern.inhale,
        pattern.hold_in,
        pattern.exhale,
        pattern.hold_out,
        pattern.top_up,
    )


class PatternsDialog(QDialog):
    pattern_saved = Signal(str)  # the pattern's key ("custom:<name>")
    pattern_deleted = Signal(str)  # the key of the pattern that was deleted

    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        selected: Pattern,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patterns_dialog")
        self.setWindowTitle(translate("PatternsDialog", "Your patterns"))
        self._store = store
        self._signals = signals
        self._editing: str | None = None  # the name of the pattern of your own being changed
        self._deleted: StoredPattern | None = None  # for "Put it back"

        self.title = heading(QLabel(translate("PatternsDialog", "Your patterns")), "title")
        intro = QLabel(
            translate(
                "PatternsDialog",
                "Patterns of your own, kept by name. Each part of a breath is in seconds; "
                "a hold or a top-up of 0 seconds is left out.",
            )
        )
        intro.setWordWrap(True)
        self.list = named(
            QListWidget(),
            translate("PatternsDialog", "Your patterns"),
            translate("PatternsDialog", "Choose one to change it"),
            object_name="your_patterns",
        )
        self.new_button = named(
            QPushButton(translate("PatternsDialog", "&New pattern")),
            translate("PatternsDialog", "New pattern"),
            translate("PatternsDialog", "Starts a pattern of your own from the beginning"),
            object_name="new_pattern",
        )
        self.editor_title = heading(QLabel())
        self.name_edit = named(
            QLineEdit(),
            translate("PatternsDialog", "Name"),
            translate("PatternsDialog", "What you call this pattern"),
            object_name="pattern_name",
        )
        self.name_edit.setPlaceholderText(translate("PatternsDialog", "A name for it"))
        self.fields: dict[PatternField, QDoubleSpinBox] = {}
        # Each part's words beside its field, never wrapped above it: the dialog is as wide as
        # the longest words need, and its height never depends on where a line broke.
        form = tight(QFormLayout(), SPACE)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("PatternsDialog", "&Name"), self.name_edit)
        for field in PATTERN_FIELDS:
            words, hint = (translate("Patterns", text) for text in FIELD_WORDS[field])
            spin = named(QDoubleSpinBox(), words, hint, object_name=f"pattern_{field}")
            spin.setRange(-99.0, 999.0)  # out-of-range values get a message, not a silent clamp
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(translate("PatternsDialog", " seconds"))
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # the name grows
            spin.setToolTip(hint)
            self.fields[field] = spin
            form.addRow(words, spin)
        self.summary = QLabel()
        self.summary.setObjectName("pattern_summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("patterns_message")
        self.message.setWordWrap(True)
        self.save_button = named(
            QPushButton(translate("PatternsDialog", "&Save")),
            translate("PatternsDialog", "Save"),
            translate("PatternsDialog", "Keeps the pattern under its name"),
            object_name="save_pattern",
        )
        self.save_button.setDefault(True)
        self.delete_button = named(
            QPushButton(translate("PatternsDialog", "&Delete")),
            translate("PatternsDialog", "Delete"),
            translate("PatternsDialog", "Removes this pattern of your own"),
            object_name="delete_pattern",
        )
        self.put_back_button = named(
            QPushButton(translate("PatternsDialog", "&Put it back")),
            translate("PatternsDialog", "Put it back"),
            translate("PatternsDialog", "Keeps the pattern you just deleted again"),
            object_name="put_back_pattern",
        )
        self.put_back_button.hide()
        self.close_button = named(
            QPushButton(translate("PatternsDialog", "Close")),
            translate("PatternsDialog", "Close"),
            translate("PatternsDialog", "Closes this window"),
            object_name="close_patterns",
        )

        left = tight(QVBoxLayout(), SPACE)
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        actions = tight(QHBoxLayout())
        actions.addWidget(self.delete_button)
        actions.addWidget(self.put_back_button)
        actions.addStretch()
        actions.addWidget(self.save_button)
        right = tight(QVBoxLayout(), SPACE)
        right.addWidget(self.editor_title)
        right.addLayout(form)
        right.addWidget(self.summary)
        right.addWidget(self.message)
        right.addStretch()
        right.addLayout(actions)
        columns = tight(QHBoxLayout(), GAP)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        bottom = tight(QHBoxLayout())
        bottom.addStretch()
        bottom.addWidget(self.close_button)
        layout = roomy(QVBoxLayout(self), spacing=GAP)
        layout.addWidget(self.title)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self._connect_signals()
        guard_wheel(self)
        keep_tall_enough(self)
        self._reload(select=selected.name if selected.custom else None)
        if not selected.custom:
            self._start_new(selected)

    def _connect_signals(self) -> None:
        self.list.currentItemChanged.connect(self._on_row)
        self.new_button.clicked.connect(lambda: self._start_new(None))
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        self.put_back_button.clicked.connect(self._put_back)
        self.close_button.clicked.connect(self.accept)
        for spin in self.fields.values():
            spin.valueChanged.connect(self._show_summary)
        self._signals.changed.connect(self._on_store_changed)

    # -- reading ------------------------------------------------------------------------------

    def editing(self) -> str | None:
        """The name of the pattern of your own shown, or None for a new one."""
        return self._editing

    def _reload(self, select: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for stored in list_patterns(self._store):
            item = QListWidgetItem(stored.name)
            item.setData(Qt.ItemDataRole.UserRole, stored.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count() == 0:
            self.list.addItem(translate("PatternsDialog", "None yet"))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        names = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if select in names:
            self.list.setCurrentRow(names.index(select))
        elif self._editing is not None and self._editing not in names:
            self._start_new(None)

    def _on_store_changed(self, table: str) -> None:
        if table == PATTERNS:
            self._reload(select=self._editing)

    def _on_row(self, item: QListWidgetItem | None, _previous: object) -> None:
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        stored = next((p for p in list_patterns(self._store) if p.name == name), None)
        if stored is None:
            return
        self._editing = stored.name
        self.editor_title.setText(
            translate("PatternsDialog", "Change \u201c{name}\u201d").format(name=stored.name)
        )
        self.name_edit.setText(stored.name)
        values: dict[PatternField, float] = {
            "inhale": stored.inhale,
            "top_up": stored.top_up,
            "hold_in": stored.hold_in,
            "exhale": stored.exhale,
            "hold_out": stored.hold_out,
        }
        self._show_values(values)
        self.delete_button.setEnabled(True)
        self.message.clear()

    def _start_new(self, start_from: Pattern | None) -> None:
        """A new pattern, from the beginning or from the numbers of ``start_from``."""
        self._editing = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        if start_from is None:
            self.editor_title.setText(translate("PatternsDialog", "A new pattern"))
            values = dict(NEW_VALUES)
        else:
            self.editor_title.setText(
                translate("PatternsDialog", "A new pattern, starting from {name}").format(
                    name=start_from.shown_name()
                )
            )
            values = {field: float(getattr(start_from, field)) for field in PATTERN_FIELDS}
        self.name_edit.clear()
        self._show_values(values)
        self.delete_button.setEnabled(False)
        self.message.clear()
        self.name_edit.setFocus()

    def _show_values(self, values: dict[PatternField, float]) -> None:
        for field, spin in self.fields.items():
            spin.blockSignals(True)
            spin.setValue(values[field])
            spin.blockSignals(False)
        self._show_summary()

    def _show_summary(self) -> None:
        try:
            pattern = custom_pattern("x", **self._values())
        except PatternProblem:
            self.summary.clear()
            return
        rate = 60 / pattern.cycle_seconds()
        summary = pattern.summary()
        self.summary.setText(
            translate("PatternsDialog", "{summary}: about {rate} breaths a minute.").format(
                summary=summary[:1].upper() + summary[1:],
                rate=f"{rate:.1f}".rstrip("0").rstrip("."),
            )
        )

    def _values(self) -> dict[str, float]:
        return {field: spin.value() for field, spin in self.fields.items()}

    # -- writing ------------------------------------------------------------------------------

    def _save(self) -> None:
        try:
            pattern = custom_pattern(self.name_edit.text(), **self._values())
        except PatternProblem as problem:
            self.message.setText(str(problem))
            if problem.field == "name":
                self.name_edit.setFocus()
            elif problem.field in self.fields:
                self.fields[problem.field].setFocus()
            return
        old_name = self._editing
        self._editing = pattern.name
        try:
            save_pattern(self._store, _stored(pattern), old_name=old_name)
        except ValueError as e:
            self._editing = old_name
            self.message.setText(str(e))
            return
        self._reload(select=pattern.name)
        self.put_back_button.hide()
        self.message.setText(
            translate("PatternsDialog", "Kept \u201c{name}\u201d.").format(name=pattern.name)
        )
        self.pattern_saved.emit(pattern.key)

    def _delete(self) -> None:
        name = self._editing
        stored = next((p for p in list_patterns(self._store) if p.name == name), None)
        if stored is None:
            return
        try:
            delete_pattern(self._store, stored.name)
        except ValueError as e:  # WriteFailed: it is still kept, and still shown
            self.message.setText(str(e))
            return
        self._deleted = stored
        self._start_new(None)
        self._reload(select=None)
        self.message.setText(
            translate("PatternsDialog", "Deleted \u201c{name}\u201d.").format(name=stored.name)
        )
        self.put_back_button.show()
        self.put_back_button.setFocus()
        self.pattern_deleted.emit(f"custom:{stored.name}")

    def _put_back(self) -> None:
        stored = self._deleted
        if stored is None:
            return
        try:
            save_pattern(self._store, stored)
        except ValueError as e:  # WriteFailed, or a pattern of that name made since
            self.message.setText(str(e))  # "Put it back" stays, to try again
            return
        self._deleted = None
        self._editing = stored.name
        self._reload(select=stored.name)
        self.put_back_button.hide()
        self.message.setText(
            translate("PatternsDialog", "\u201c{name}\u201d is back.").format(name=stored.name)
        )
        self.pattern_saved.emit(f"custom:{stored.name}")
