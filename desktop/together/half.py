"""One person's half of a shared screen: what they read, their own big buttons and their keys.

A half shows one step at a time; the page tells it what to show and hears what was pressed.
The buttons sit at the bottom of the half, so a longer text above never moves them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.texts import translate
from desktop.together.keys import HalfKeys
from desktop.together.widgets import BigButton, Marks


@dataclass(frozen=True)
class Choice:
    """A big button: what it asks for, its words, and what it does (for screen readers)."""

    action: str
    label: str
    description: str


@dataclass(frozen=True)
class Option:
    """A toggle among several (touch: the kinds of contact)."""

    key: str
    label: str
    checked: bool


def large(label: QLabel, factor: float) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


class HalfPanel(QFrame):
    pressed = Signal(int, str)  # side, action
    marked = Signal(int, int)  # side, 1..5
    option_toggled = Signal(int, str, bool)  # side, option key, on
    word_edited = Signal(int, str)
    keep_toggled = Signal(int, bool)
    word_entered = Signal(int)  # Enter in the word field

    def __init__(self, side: int, keys: HalfKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.keys = keys
        where = "left" if side == 0 else "right"
        self.setObjectName(f"half_{where}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = QLabel()
        self.title.setObjectName(f"{where}_title")
        self.lead = QLabel()
        self.lead.setObjectName(f"{where}_lead")
        self.lead.setWordWrap(True)
        self.lead.setTextFormat(Qt.TextFormat.PlainText)
        self.message = large(QLabel(), 1.3)
        self.message.setObjectName(f"{where}_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel()
        self.detail.setObjectName(f"{where}_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.question = QLabel()
        self.question.setObjectName(f"{where}_question")
        self.question.setWordWrap(True)
        self.marks = Marks(
            translate("TogetherHalf", "not at all"), translate("TogetherHalf", "very settled")
        )
        self.marks.setObjectName(f"{where}_marks")
        self.word = QLineEdit()
        self.word.setObjectName(f"{where}_word")
        self.word.setMaxLength(40)
        self.keep = named(
            QCheckBox(translate("TogetherHalf", "Keep this")),
            translate("TogetherHalf", "Keep this"),
            translate("TogetherHalf", "Your words are kept only if you both tick it"),
            object_name=f"{where}_keep",
        )
        self.note = QLabel()
        self.note.setObjectName(f"{where}_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.options: list[QPushButton] = []
        options = QGridLayout()
        options.setSpacing(6)
        for number in range(5):
            toggle = QPushButton()
            toggle.setObjectName(f"{where}_option_{number + 1}")
            toggle.setCheckable(True)
            toggle.setMinimumHeight(32)
            toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            toggle.toggled.connect(lambda on, t=toggle: self._option_toggled(t, on))
            self.options.append(toggle)
            options.addWidget(toggle, number, 0)
        self.buttons = [BigButton() for _ in keys.buttons]
        for number, button in enumerate(self.buttons):
            button.setObjectName(f"{where}_button_{number + 1}")
            button.clicked.connect(lambda _=False, b=button: self._pressed(b))
        self.pause = QPushButton()
        self.pause.setObjectName(f"{where}_pause")
        self.pause.setMinimumHeight(34)
        self.pause.clicked.connect(lambda: self.pressed.emit(self.side, "pause"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.lead)
        layout.addWidget(self.message)
        layout.addWidget(self.word)
        layout.addWidget(self.detail)
        layout.addWidget(self.question)
        layout.addWidget(self.marks)
        layout.addLayout(options)
        layout.addWidget(self.keep)
        layout.addWidget(self.note)
        layout.addStretch(1)
        for button in self.buttons:
            layout.addWidget(button)
        layout.addSpacing(4)
        layout.addWidget(self.pause)
        self._connect_signals()
        self.show_step(message="")

    def _connect_signals(self) -> None:
        self.marks.answered.connect(lambda value: self.marked.emit(self.side, value))
        self.word.textEdited.connect(lambda text: self.word_edited.emit(self.side, text))
        self.word.returnPressed.connect(lambda: self.word_entered.emit(self.side))
        self.keep.toggled.connect(lambda on: self.keep_toggled.emit(self.side, on))

    # -- what it shows ------------------------------------------------------------------------

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text)

    def show_step(
        self,
        *,
        message: str,
        lead: str = "",
        detail: str = "",
        note: str = "",
        question: str = "",
        marks: int | None = None,
        word: str | None = None,
        keep: bool | None = None,
        options: Sequence[Option] = (),
        choices: Sequence[Choice] = (),
        pause: str = "",
    ) -> None:
        """Show one step: ``None`` leaves a part out; ``marks`` is the current answer (0: none)."""
        self.message.setText(message)
        self.message.setAccessibleName(message)
        self.message.setVisible(bool(message))
        self.lead.setText(lead)
        self.lead.setVisible(bool(lead))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.question.setText(question)
        self.question.setVisible(bool(question))
        self.marks.setVisible(marks is not None)
        if marks is not None and self.marks.value() != marks:
            self.marks.blockSignals(True)
            self.marks.setValue(marks)
            self.marks.blockSignals(False)
        if question:
            self.marks.setAccessibleName(question)
            first, last = self.keys.marks[0], self.keys.marks[-1]
            self.marks.setAccessibleDescription(
                translate(
                    "TogetherHalf",
                    "From not at all to very settled. Arrow keys, or the keys {first} to {last}.",
                ).format(first=first, last=last)
            )
        self.word.setVisible(word is not None)
        if word is not None and self.word.text() != word:
            self.word.setText(word)
        self.keep.setVisible(keep is not None)
        if keep is not None and self.keep.isChecked() != keep:
            self.keep.blockSignals(True)
            self.keep.setChecked(keep)
            self.keep.blockSignals(False)
        for number, toggle in enumerate(self.options):
            if number < len(options):
                option = options[number]
                key = self.keys.marks[number]
                text = translate("TogetherButton", "{label}  ({key})").format(
                    label=option.label, key=key
                )
                toggle.setText(("\u2713  " if option.checked else "") + text)  # a tick when chosen
                toggle.setAccessibleName(text)
                toggle.setAccessibleDescription(
                    translate("TogetherHalf", "Tick what you are happy with today")
                )
                toggle.setProperty("option", option.key)
                toggle.blockSignals(True)
                toggle.setChecked(option.checked)
                toggle.blockSignals(False)
                toggle.show()
            else:
                toggle.hide()
        for number, button in enumerate(self.buttons):
            if number < len(choices):
                choice = choices[number]
                button.show_action(
                    choice.action, choice.label, self.keys.buttons[number], choice.description
                )
            else:
                button.hide()
                button.action = ""
        if pause:
            text = translate("TogetherButton", "{label}  ({key})").format(
                label=pause, key=self.keys.pause
            )
            self.pause.setText(text)
            self.pause.setAccessibleName(text)
            self.pause.setAccessibleDescription(
                translate("TogetherHalf", "Pauses for both of you; no reason needed")
            )
        self.pause.setVisible(bool(pause))

    def set_word_prompt(self, placeholder: str, name: str) -> None:
        self.word.setPlaceholderText(placeholder)
        self.word.setAccessibleName(name)
        self.word.setAccessibleDescription(placeholder)

    # -- presses ------------------------------------------------------------------------------

    def _pressed(self, button: BigButton) -> None:
        if button.action:
            self.pressed.emit(self.side, button.action)

    def _option_toggled(self, toggle: QPushButton, on: bool) -> None:
        key = toggle.property("option")
        if isinstance(key, str):
            self.option_toggled.emit(self.side, key, on)

    def press(self, number: int) -> bool:
        """This half's key for big button ``number`` (from 0): as if it were clicked."""
        if number < len(self.buttons):
            button = self.buttons[number]
            if button.isVisible() and button.isEnabled() and button.action:
                button.setFocus()
                button.click()
                return True
        return False

    def press_pause(self) -> bool:
        if self.pause.isVisible():
            self.pause.click()
            return True
        return False

    def press_mark(self, number: int) -> bool:
        """This half's number key ``number`` (from 1): a mark on the scale, or a toggle."""
        if self.marks.isVisible():
            self.marks.setValue(number)
            return True
        if number <= len(self.options) and self.options[number - 1].isVisible():
            self.options[number - 1].click()
            return True
        return False

    def first_control(self) -> QWidget | None:
        """Where this person's keyboard focus belongs now."""
        for widget in (self.word, *self.options, self.marks, *self.buttons, self.pause):
            if widget.isVisibleTo(self) and widget.isEnabled():
                return widget
        return None
