"""A short, optional check-in: how settled the body feels, as one row of five large soft marks
between two labelled ends, and feeling words only behind "Add words".

Two clicks answer it (a mark, then Continue); one skips it. Nothing moves when a mark is
chosen or words are added: the buttons sit above the words, which open below them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.answer import SETTLED_RANGE, SKIPPED, CheckInAnswer
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.feelings_picker import FeelingsPicker
from desktop.controls import by_keyboard, give_focus, named, shows_focus
from desktop.look import GAP, MARGIN, SPACE, TOUCH, PageScroll, heading, roomy, tight
from desktop.store.records import SETTLED_WORDS
from desktop.texts import translate

__all__ = ["CheckInAnswer", "SettledPanel", "SoftMark"]

CONTENT_WIDTH = 90 * SPACE  # a comfortable line's length; wider windows keep it centred


def mix(colour: QColor, background: QColor, amount: float) -> QColor:
    return QColor(
        round(colour.red() * amount + background.red() * (1 - amount)),
        round(colour.green() * amount + background.green() * (1 - amount)),
        round(colour.blue() * amount + background.blue() * (1 - amount)),
    )


class SoftMark(QAbstractButton):
    """One of the five marks: a large soft circle, its edge in the palette's outline colour,
    filled with the accent when chosen. The focus shows as a soft ring around it."""

    def __init__(self, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._ring = False

    def sizeHint(self) -> QSize:
        return QSize(TOUCH + SPACE, TOUCH + SPACE)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._ring = by_keyboard(event.reason())
        super().focusInEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        window = palette.color(QPalette.ColorRole.Window)
        edge = palette.color(QPalette.ColorRole.Mid)
        circle = QRectF(0, 0, TOUCH - 4, TOUCH - 4)
        circle.moveCenter(QRectF(self.rect()).center())
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.isChecked():
                painter.setPen(QPen(accent, 2))
                painter.setBrush(accent)
            else:
                painter.setPen(QPen(edge, 1.5))
                hovered = self.underMouse() or self.isDown()
                painter.setBrush(mix(accent, window, 0.25) if hovered else window)
            painter.drawEllipse(circle)
            if shows_focus(self, self._ring):
                ring = QPen(accent, 2)
                ring.setStyle(Qt.PenStyle.DotLine if self.isChecked() else Qt.PenStyle.SolidLine)
                painter.setPen(ring)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(circle.adjusted(-3.5, -3.5, 3.5, 3.5))


class SettledPanel(QWidget):
    answered = Signal(object)  # CheckInAnswer: how settled, which words, or skipped

    def __init__(self, vocabulary: Vocabulary, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settled_panel")
        self.title = heading(QLabel(title), "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.question = QLabel(
            translate("CheckinSettledPanel", "How settled does your body feel, right now?")
        )
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.group = QButtonGroup(self)
        self.marks: dict[int, SoftMark] = {}
        row = tight(QHBoxLayout(), SPACE)
        self.low_end = QLabel(translate("CheckinSettledPanel", "Not at all"))
        self.high_end = QLabel(translate("CheckinSettledPanel", "Very settled"))
        row.addStretch()
        row.addWidget(self.low_end)
        for value in SETTLED_RANGE:
            words = translate("CheckIn", SETTLED_WORDS[value])
            mark = named(
                SoftMark(value),
                translate("CheckinSettledPanel", "{number} of 5: {words}").format(
                    number=value, words=words
                ),
                translate("CheckinSettledPanel", "How settled your body feels, from 1 to 5"),
                object_name=f"settled_{value}",
            )
            self.group.addButton(mark, value)
            self.marks[value] = mark
            row.addWidget(mark)
        row.addWidget(self.high_end)
        row.addStretch()

        self.words_button = named(
            QPushButton(translate("CheckinSettledPanel", "Add &words")),
            translate("CheckinSettledPanel", "Add words"),
            translate("CheckinSettledPanel", "Feeling words, if you would like to add some"),
            object_name="checkin_add_words",
        )
        self.words_button.setCheckable(True)
        self.skip_button = named(
            QPushButton(translate("CheckinSettledPanel", "S&kip")),
            translate("CheckinSettledPanel", "Skip"),
            translate("CheckinSettledPanel", "Goes on without answering"),
            object_name="checkin_skip",
        )
        self.continue_button = named(
            QPushButton(translate("CheckinSettledPanel", "&Continue")),
            translate("CheckinSettledPanel", "Continue"),
            translate("CheckinSettledPanel", "Keeps your answer and goes on"),
            object_name="checkin_continue",
        )
        self.continue_button.setDefault(True)
        buttons = tight(QHBoxLayout())
        buttons.addStretch()
        buttons.addWidget(self.words_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.continue_button)
        buttons.addStretch()

        self.feelings = FeelingsPicker(vocabulary)
        self.feelings.hide()

        # From the top, never centred: the words open below without moving anything above.
        # The whole page scrolls when it cannot fit (the words, a small window, large text).
        content = QWidget()
        content.setObjectName("settled_content")
        content.setMaximumWidth(CONTENT_WIDTH)
        column = roomy(QVBoxLayout(content), MARGIN, GAP)
        column.addWidget(self.title)
        column.addWidget(self.question)
        column.addLayout(row)
        column.addLayout(buttons)
        column.addWidget(self.feelings)
        column.addStretch(1)
        holder = QWidget()
        centred = tight(QHBoxLayout(holder))
        centred.addStretch()
        centred.addWidget(content, 100)
        centred.addStretch()
        self.scroll_area = PageScroll(holder, "settled_scroll")
        tight(QVBoxLayout(self)).addWidget(self.scroll_area)
        self._connect_signals()
        self._update_continue()

    def _connect_signals(self) -> None:
        self.skip_button.clicked.connect(lambda: self.answered.emit(SKIPPED))
        self.continue_button.clicked.connect(self._continue)
        self.words_button.toggled.connect(self._show_words)
        self.group.idToggled.connect(lambda _id, _on: self._update_continue())
        self.feelings.changed.connect(self._update_continue)

    # -- setters ------------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def reset(self) -> None:
        """Fresh for the next time: nothing chosen, the words closed."""
        self.group.setExclusive(False)
        for mark in self.marks.values():
            mark.setChecked(False)
        self.group.setExclusive(True)
        self.feelings.clear()
        self.words_button.setChecked(False)
        self._update_continue()

    def take_focus(self) -> None:
        """The keyboard starts on the marks (Skip is one Tab away)."""
        give_focus(self.marks[1])

    # -- internals ----------------------------------------------------------------------------

    def _show_words(self, shown: bool) -> None:
        self.feelings.setVisible(shown)
        if shown:
            self.feelings.take_focus()

    def _update_continue(self) -> None:
        answered = self.group.checkedId() in SETTLED_RANGE or bool(self.feelings.feelings())
        self.continue_button.setEnabled(answered)

    def _continue(self) -> None:
        value = self.group.checkedId()
        self.answered.emit(
            CheckInAnswer(value if value in SETTLED_RANGE else None, self.feelings.feelings())
        )
