"""Choose several feeling words, each with its own strength, and see them as one phrase.

The words of each family are soft chips that wrap to the width; choosing one never moves
anything the person is about to click: the chips keep their size, and what was chosen is
listed below the field for a word of your own, each word once, with its strength in words
("a little", "some", "a lot") changeable in place.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
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
from desktop.controls import by_keyboard, named, shows_focus
from desktop.look import GAP, SPACE, FlowLayout, PageScroll, tight
from desktop.store.records import INTENSITY_RANGE
from desktop.texts import translate


class Chip(QAbstractButton):
    """A word to choose: a soft pill, its edge in the outline colour, filled with the accent
    while chosen. Its size never changes when it is chosen."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._ring = False
        self.neighbours: list[Chip] = []  # the chips the arrow keys move between
        self.typed_elsewhere: QLineEdit | None = None  # where letters typed here go

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2 * GAP, metrics.height() + GAP)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._ring = by_keyboard(event.reason())
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if key in step and self in self.neighbours:
            index = self.neighbours.index(self) + step[key]
            if 0 <= index < len(self.neighbours):
                self.neighbours[index].setFocus(Qt.FocusReason.TabFocusReason)
            return
        text = event.text()
        if self.typed_elsewhere is not None and text.isprintable() and text.strip():
            # Typing on the words goes to the field for a word of your own, not nowhere.
            self.typed_elsewhere.setFocus()
            self.typed_elsewhere.insert(text)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        chosen = self.isChecked()
        area = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = area.height() / 2
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            accent = palette.color(QPalette.ColorRole.Highlight)
            if chosen:
                painter.setPen(QPen(accent, 1))
                painter.setBrush(accent)
            else:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
                painter.setBrush(
                    palette.color(QPalette.ColorRole.AlternateBase)
                    if self.underMouse() or self.isDown()
                    else palette.color(QPalette.ColorRole.Base)
                )
            painter.drawRoundedRect(area, radius, radius)
            if shows_focus(self, self._ring):
                painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                inner = area.adjusted(2.5, 2.5, -2.5, -2.5)
                painter.drawRoundedRect(inner, inner.height() / 2, inner.height() / 2)
            painter.setPen(
                palette.color(
                    QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.Text
                )
            )
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())


class FeelingsPicker(QWidget):
    """Words from the shared vocabulary, or the person's own, in the order they were chosen."""

    changed = Signal()

    def __init__(
        self,
        vocabulary: Vocabulary,
        parent: QWidget | None = None,
        *,
        words_scroll: bool = False,
    ) -> None:
        """``words_scroll``: the offered words scroll on their own, inside the room the picker
        is given (for a step that must fit its window); otherwise they all show, and the page
        around the picker scrolls as a whole."""
        super().__init__(parent)
        self.setObjectName("feelings_picker")
        self._vocabulary = vocabulary
        self._chosen: dict[str, int] = {}
        self._chips: dict[str, Chip] = {}
        self._strengths: dict[str, dict[int, Chip]] = {}
        self._rows: dict[str, list[QWidget]] = {}  # each chosen word's row of widgets
        self._next_row = 0

        self.words_box = QWidget()
        self.words_box.setObjectName("feeling_words")
        words = tight(QVBoxLayout(self.words_box), SPACE)
        self.own_word = named(
            QLineEdit(),
            translate("CheckinFeelingsPicker", "Your own word"),
            translate(
                "CheckinFeelingsPicker", "A feeling word that is not among these; Enter adds it"
            ),
            object_name="own_word",
        )
        self.own_word.setPlaceholderText(translate("CheckinFeelingsPicker", "Your own word"))
        for family in vocabulary.families:
            title = QLabel(family.name)
            title.setObjectName("feeling_family")
            title.setContentsMargins(0, SPACE, 0, 0)
            flow = FlowLayout(spacing=SPACE)
            family_chips: list[Chip] = []
            for word in family.words:
                chip = named(
                    Chip(word.text),
                    word.text,
                    translate(
                        "CheckinFeelingsPicker",
                        "{family}: press to choose this word, again to leave it out",
                    ).format(family=family.name),
                    object_name=f"word_{word.text}",
                )
                # One stop of the Tab key per family; the arrow keys move along its words.
                chip.setFocusPolicy(
                    Qt.FocusPolicy.StrongFocus if not family_chips else Qt.FocusPolicy.ClickFocus
                )
                chip.neighbours = family_chips
                chip.typed_elsewhere = self.own_word
                chip.toggled.connect(lambda on, w=word.text: self._on_chip(w, on))
                family_chips.append(chip)
                self._chips[word.text] = chip
                flow.addWidget(chip)
            words.addWidget(title)
            words.addLayout(flow)

        self.add_button = named(
            QPushButton(translate("CheckinFeelingsPicker", "Add")),
            translate("CheckinFeelingsPicker", "Add your own word"),
            translate("CheckinFeelingsPicker", "Adds your own word to the chosen feelings"),
            object_name="add_own_word",
        )
        self.message = QLabel()
        self.message.setObjectName("feelings_message")
        self.message.setWordWrap(True)
        # A line kept for a message, so one appearing moves nothing below it.
        self.message.setMinimumHeight(self.fontMetrics().height())

        self.chosen_box = QWidget()
        self.chosen_box.setObjectName("chosen_feelings")
        self.chosen_layout = tight(QGridLayout(self.chosen_box), SPACE)
        self.phrase_label = named(
            QLabel(),
            translate("CheckinFeelingsPicker", "Your feelings, in words"),
            object_name="phrase",
        )
        self.phrase_label.setWordWrap(True)

        own_row = tight(QHBoxLayout())
        own_row.addWidget(self.own_word, 1)
        own_row.addWidget(self.add_button)
        layout = tight(QVBoxLayout(self), SPACE)
        if words_scroll:
            self.words_area: PageScroll | None = PageScroll(self.words_box, "feeling_words_area")
            self.words_area.setMinimumHeight(6 * self.fontMetrics().height())
            layout.addWidget(self.words_area, 1)
        else:
            self.words_area = None
            layout.addWidget(self.words_box)
        layout.addLayout(own_row)
        layout.addWidget(self.message)
        layout.addWidget(self.chosen_box)
        layout.addWidget(self.phrase_label)
        self._connect_signals()
        self._rebuild_chosen()

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._add_own_word)
        self.own_word.returnPressed.connect(self._add_own_word)
        self.own_word.textChanged.connect(self.changed)  # a word typed there counts at once

    # -- public API ---------------------------------------------------------------------------

    def feelings(self) -> tuple[Feeling, ...]:
        """The chosen words, and a word typed in the field for your own but not added yet:
        it is kept as if added (a save straight after typing it left it behind)."""
        chosen = tuple(Feeling(word, level) for word, level in self._chosen.items())
        typed = self._typed_word()
        return (*chosen, Feeling(typed, DEFAULT_INTENSITY)) if typed else chosen

    def _typed_word(self) -> str | None:
        try:
            word = clean_own_word(self.own_word.text())
        except ValueError:  # nothing typed, or too long: Add says why
            return None
        return None if word in self._chosen else word

    def set_feelings(self, feelings: tuple[Feeling, ...] | list[Feeling]) -> None:
        """Show ``feelings`` as the chosen words, the field for your own empty."""
        self.own_word.blockSignals(True)
        self.own_word.clear()
        self.own_word.blockSignals(False)
        self._chosen = {}
        for feeling in feelings:
            self._chosen.setdefault(feeling.word, feeling.intensity)  # each word once
        self._sync_chips()
        self._rebuild_chosen()
        self.changed.emit()

    def clear(self) -> None:
        self.set_feelings(())
        self.own_word.clear()
        self.message.clear()

    def choose(self, word: str, intensity: int = DEFAULT_INTENSITY) -> None:
        if word in self._chosen:  # chosen already: it stays where it is, with its strength
            return
        self._chosen[word] = intensity
        self._sync_chips()
        self._add_row(word, intensity)
        self._after_rows_changed()
        self.changed.emit()

    def unchoose(self, word: str) -> None:
        if self._chosen.pop(word, None) is not None:
            self._sync_chips()
            self._remove_row(word)
            self._after_rows_changed()
            self.changed.emit()

    @property
    def first_control(self) -> QWidget:
        """Where the keyboard's focus goes first: the first word offered (or, with none, the
        field for your own word)."""
        first = next(iter(self._chips.values()), None)
        return first if first is not None else self.own_word

    def take_focus(self) -> None:
        self.first_control.setFocus(Qt.FocusReason.TabFocusReason)

    def word_button(self, word: str) -> Chip | None:
        """The chip of a word of the vocabulary."""
        return self._chips.get(word)

    def strength_button(self, word: str, intensity: int) -> Chip | None:
        """The "a little", "some" or "a lot" beside a chosen word."""
        return self._strengths.get(word, {}).get(intensity)

    def remove_button(self, word: str) -> QToolButton | None:
        return self.chosen_box.findChild(QToolButton, f"remove_{word}")

    # -- internals ----------------------------------------------------------------------------

    def _on_chip(self, word: str, on: bool) -> None:
        if on:
            self.choose(word)
        else:
            self.unchoose(word)

    def _add_own_word(self) -> None:
        try:
            word = clean_own_word(self.own_word.text())
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.own_word.clear()
        if word in self._chosen:
            self.message.setText(
                translate("CheckinFeelingsPicker", "\u201c{word}\u201d is chosen already.").format(
                    word=word
                )
            )
            return
        self.message.clear()
        self.choose(word)

    def _sync_chips(self) -> None:
        for word, chip in self._chips.items():
            chip.blockSignals(True)
            chip.setChecked(word in self._chosen)
            chip.blockSignals(False)
            chip.update()

    def _rebuild_chosen(self) -> None:
        """Every chosen word's row made again (when a whole set of words is shown)."""
        for word in list(self._rows):
            self._remove_row(word)
        for word, level in self._chosen.items():
            self._add_row(word, level)
        self._after_rows_changed()

    def _add_row(self, word: str, level: int) -> None:
        """A row for a newly chosen word, below the others: nothing above it moves."""
        row = self._next_row
        self._next_row += 1
        label = QLabel(word)
        label.setObjectName(f"chosen_{word}")
        widgets: list[QWidget] = [label]
        self.chosen_layout.addWidget(label, row, 0)
        if self._vocabulary.lookup(word).graded:
            chips = self._strength_chips(word, level, row)
            self._strengths[word] = chips
            widgets += chips.values()
        remove = named(
            QToolButton(),
            translate("CheckinFeelingsPicker", "Remove {word}").format(word=word),
            translate("CheckinFeelingsPicker", "Leaves this word out"),
            object_name=f"remove_{word}",
        )
        remove.setText("\u00d7")  # a multiplication sign: the usual "remove" cross
        remove.setToolTip(remove.accessibleName())
        remove.clicked.connect(lambda _=False, w=word: self.unchoose(w))
        self.chosen_layout.addWidget(remove, row, 1 + len(INTENSITY_RANGE))
        widgets.append(remove)
        self._rows[word] = widgets
        if self.chosen_box.isVisible():
            for widget in widgets:
                widget.show()  # now, not on a later turn of the event loop

    def _remove_row(self, word: str) -> None:
        """A word's row goes; the keyboard's focus, if it was there, moves to a row nearby
        (or to the field for a word of your own), never out of the picker."""
        widgets = self._rows.pop(word, [])
        focused = any(w.hasFocus() for w in widgets)
        for widget in widgets:
            self.chosen_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._strengths.pop(word, None)
        if focused:
            nearby = next(iter(self._rows.values()), None)
            (nearby[-1] if nearby else self.own_word).setFocus(Qt.FocusReason.TabFocusReason)

    def _after_rows_changed(self) -> None:
        self.chosen_layout.setColumnStretch(1 + len(INTENSITY_RANGE) + 1, 1)
        self.chosen_box.setVisible(bool(self._chosen))
        self._show_phrase()

    def _strength_chips(self, word: str, level: int, row: int) -> dict[int, Chip]:
        group = QButtonGroup(self.chosen_box)
        chips: dict[int, Chip] = {}
        for column, value in enumerate(INTENSITY_RANGE, start=1):
            shown = translate("Feelings", INTENSITY_NAMES[value])
            chip = named(
                Chip(shown),
                translate("CheckinFeelingsPicker", "{word}: {strength}").format(
                    word=word, strength=shown
                ),
                translate("CheckinFeelingsPicker", "How strong this feeling is"),
                object_name=f"strength_{word}_{value}",
            )
            chip.setChecked(value == level)
            group.addButton(chip, value)
            chips[value] = chip
            self.chosen_layout.addWidget(chip, row, column)
        neighbours = list(chips.values())
        for chip in neighbours:
            chip.neighbours = neighbours
        group.setExclusive(True)
        group.idClicked.connect(lambda value, w=word: self._set_intensity(w, value))
        return chips

    def _set_intensity(self, word: str, intensity: int) -> None:
        # Keeps the row (and keyboard focus) in place: only the phrase changes.
        self._chosen[word] = intensity
        self._show_phrase()
        self.changed.emit()

    def _show_phrase(self) -> None:
        self.phrase_label.setText(phrase(self.feelings(), self._vocabulary))
