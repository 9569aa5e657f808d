"""Choose several feeling words, each with its own strength, and see them as one phrase."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import (
    DEFAULT_INTENSITY,
    INTENSITY_NAMES,
    Feeling,
    Vocabulary,
    clean_own_word,
    phrase,
)
from desktop.store.records import INTENSITY_RANGE
from desktop.texts import translate

WORD_ROLE = Qt.ItemDataRole.UserRole


class FeelingsPicker(QWidget):
    """Words from the shared vocabulary, or the person's own, in the order they were chosen."""

    changed = Signal()

    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._chosen: dict[str, int] = {}
        self._updating = False

        self.tree = QTreeWidget()
        self.tree.setObjectName("feeling_words")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(translate("CheckinFeelingsPicker", "Feeling words"))
        self.tree.setAccessibleDescription(
            translate(
                "CheckinFeelingsPicker",
                "Families of feeling words. Space ticks a word; you can tick several.",
            )
        )
        self.tree.setMinimumHeight(120)
        for family in vocabulary.families:
            top = QTreeWidgetItem([family.name])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for word in family.words:
                child = QTreeWidgetItem([word.text])
                child.setData(0, WORD_ROLE, word.text)
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.collapseAll()

        self.own_word = QLineEdit()
        self.own_word.setObjectName("own_word")
        self.own_word.setPlaceholderText(translate("CheckinFeelingsPicker", "Your own word"))
        self.own_word.setAccessibleName(translate("CheckinFeelingsPicker", "Your own feeling word"))
        self.own_word.setAccessibleDescription(
            translate(
                "CheckinFeelingsPicker", "A feeling word that is not in the list; Enter adds it"
            )
        )
        self.add_button = QPushButton(translate("CheckinFeelingsPicker", "Add"))
        self.add_button.setAccessibleName(translate("CheckinFeelingsPicker", "Add your own word"))
        self.add_button.setAccessibleDescription(
            translate("CheckinFeelingsPicker", "Adds your own word to the chosen feelings")
        )
        self.message = QLabel()
        self.message.setObjectName("feelings_message")

        self.chosen_box = QWidget()
        self.chosen_box.setObjectName("chosen_feelings")
        self.chosen_layout = QGridLayout(self.chosen_box)
        self.chosen_layout.setContentsMargins(0, 0, 0, 0)
        self.phrase_label = QLabel()
        self.phrase_label.setObjectName("phrase")
        self.phrase_label.setWordWrap(True)
        self.phrase_label.setAccessibleName(
            translate("CheckinFeelingsPicker", "Your feelings, in words")
        )

        own_row = QHBoxLayout()
        own_row.addWidget(self.own_word, 1)
        own_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(own_row)
        layout.addWidget(self.message)
        layout.addWidget(self.chosen_box)
        layout.addWidget(self.phrase_label)
        self._connect_signals()
        self._rebuild_chosen()

    def _connect_signals(self) -> None:
        self.tree.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self._add_own_word)
        self.own_word.returnPressed.connect(self._add_own_word)

    # -- public API ---------------------------------------------------------------------------

    def feelings(self) -> tuple[Feeling, ...]:
        return tuple(Feeling(word, level) for word, level in self._chosen.items())

    def set_feelings(self, feelings: tuple[Feeling, ...] | list[Feeling]) -> None:
        self._chosen = {f.word: f.intensity for f in feelings}
        self._sync_tree()
        self._rebuild_chosen()
        self.changed.emit()

    def clear(self) -> None:
        self.set_feelings(())
        self.own_word.clear()
        self.message.clear()

    def choose(self, word: str, intensity: int = DEFAULT_INTENSITY) -> None:
        self._chosen[word] = intensity
        self._sync_tree()
        self._rebuild_chosen()
        self.changed.emit()

    def unchoose(self, word: str) -> None:
        if self._chosen.pop(word, None) is not None:
            self._sync_tree()
            self._rebuild_chosen()
            self.changed.emit()

    def _word_items(self) -> Iterator[QTreeWidgetItem]:
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            family = root.child(i)
            for j in range(family.childCount() if family else 0):
                item = family.child(j) if family else None
                if item is not None:
                    yield item

    @property
    def first_control(self) -> QWidget:
        """Where the keyboard's focus goes first when the picker is opened: the word list."""
        return self.tree

    def word_item(self, word: str) -> QTreeWidgetItem | None:
        return next((i for i in self._word_items() if i.data(0, WORD_ROLE) == word), None)

    def intensity_box(self, word: str) -> QComboBox | None:
        return self.chosen_box.findChild(QComboBox, f"intensity_{word}")

    # -- internals ----------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._updating:
            return
        word = item.data(0, WORD_ROLE)
        if not word:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            self.choose(str(word))
        else:
            self.unchoose(str(word))

    def _add_own_word(self) -> None:
        try:
            word = clean_own_word(self.own_word.text())
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.message.clear()
        self.own_word.clear()
        self.choose(word)

    def _sync_tree(self) -> None:
        self._updating = True
        try:
            for item in self._word_items():
                chosen = item.data(0, WORD_ROLE) in self._chosen
                item.setCheckState(0, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def _rebuild_chosen(self) -> None:
        while self.chosen_layout.count():
            taken = self.chosen_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, (word, level) in enumerate(self._chosen.items()):
            label = QLabel(word)
            self.chosen_layout.addWidget(label, row, 0)
            if self._vocabulary.lookup(word).graded:
                box = QComboBox()
                box.setObjectName(f"intensity_{word}")
                box.setAccessibleName(
                    translate("CheckinFeelingsPicker", "How strong is {word}").format(word=word)
                )
                for value in INTENSITY_RANGE:
                    box.addItem(translate("Feelings", INTENSITY_NAMES[value]), value)
                box.setCurrentIndex(INTENSITY_RANGE.index(level))
                box.currentIndexChanged.connect(
                    lambda index, w=word: self._set_intensity(w, INTENSITY_RANGE[index])
                )
                self.chosen_layout.addWidget(box, row, 1)
            remove = QToolButton()
            remove.setText("\u00d7")  # a multiplication sign: the usual "remove" cross
            remove.setObjectName(f"remove_{word}")
            remove_text = translate("CheckinFeelingsPicker", "Remove {word}").format(word=word)
            remove.setAccessibleName(remove_text)
            remove.setToolTip(remove_text)
            remove.clicked.connect(lambda _=False, w=word: self.unchoose(w))
            self.chosen_layout.addWidget(remove, row, 2)
        self.chosen_box.setVisible(bool(self._chosen))
        self._show_phrase()

    def _set_intensity(self, word: str, intensity: int) -> None:
        # Keeps the row (and keyboard focus) in place: only the phrase changes.
        self._chosen[word] = intensity
        self._show_phrase()
        self.changed.emit()

    def _show_phrase(self) -> None:
        self.phrase_label.setText(phrase(self.feelings(), self._vocabulary))
