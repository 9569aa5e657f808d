"""The two choices on Breathe's one line: which pattern (its name with a line on what it is),
and how long (minutes or breaths, in words).

Space on either starts the session, as it does anywhere on the tab: the choosers open with
a click, Alt+Down or F4, and the arrow keys change them without opening.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QWidget,
)

from desktop.look import SPACE
from desktop.settings import LengthUnit
from desktop.texts import translate

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the pattern's one line, under its name
KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Choice:
    key: str
    name: str
    line: str


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class _SpaceStarts(QComboBox):
    """A combo box whose Space asks for the session to start instead of opening it."""

    start_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.start_requested.emit()
            return
        super().keyPressEvent(event)


class _TwoLines(QStyledItemDelegate):
    """Each pattern in the open list: its name, and its line below in the same size."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        line = str(index.data(LINE_ROLE) or "")
        width = max(
            QFontMetrics(_bold(option.font)).horizontalAdvance(name),
            metrics.horizontalAdvance(line),
        )
        return QSize(width + 3 * SPACE, 2 * metrics.height() + 2 * SPACE)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        name, line = option.text, str(index.data(LINE_ROLE) or "")
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        _paint_two_lines(
            painter,
            option.rect.adjusted(SPACE, SPACE // 2, -SPACE, -SPACE // 2),
            option.font,
            option.palette.color(role),
            name,
            line,
        )


def _paint_two_lines(
    painter: QPainter, area: QRect, font: QFont, colour: QColor, name: str, line: str
) -> None:
    painter.save()
    painter.setPen(colour)
    half = area.height() // 2
    top = QRect(area.left(), area.top(), area.width(), half)
    bottom = QRect(area.left(), area.top() + half, area.width(), area.height() - half)
    bold = _bold(font)
    painter.setFont(bold)
    painter.drawText(
        top,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, top.width()),
    )
    painter.setFont(font)
    painter.drawText(
        bottom,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        QFontMetrics(font).elidedText(line, Qt.TextElideMode.ElideRight, bottom.width()),
    )
    painter.restore()


class PatternChooser(_SpaceStarts):
    """The pattern: its name, and a line on what it is, in the box and in the open list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pattern")
        self.setItemDelegate(_TwoLines(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_choices(self, choices: list[Choice], current: str) -> None:
        """The patterns to choose from, ``current`` chosen (the first if it is not there);
        no signal is sent for the change."""
        self.blockSignals(True)
        self.clear()
        for choice in choices:
            self.addItem(choice.name, choice.key)
            index = self.count() - 1
            self.setItemData(index, choice.line, LINE_ROLE)
            self.setItemData(
                index, f"{choice.name}: {choice.line}", Qt.ItemDataRole.AccessibleTextRole
            )
            self.setItemData(index, choice.line, Qt.ItemDataRole.ToolTipRole)
        found = self.findData(current)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)
        self.updateGeometry()

    def current_key(self) -> str:
        return str(self.currentData() or "")

    def current_line(self) -> str:
        return str(self.currentData(LINE_ROLE) or "")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = max(
            (
                max(
                    QFontMetrics(_bold(self.font())).horizontalAdvance(self.itemText(i)),
                    metrics.horizontalAdvance(str(self.itemData(i, LINE_ROLE) or "")),
                )
                for i in range(self.count())
            ),
            default=0,
        )
        arrow = hint.width() - metrics.horizontalAdvance(self.currentText())
        return QSize(
            min(widest, 36 * metrics.averageCharWidth()) + max(arrow, 4 * SPACE),
            2 * metrics.height() + 2 * SPACE,
        )

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), 22 * self.fontMetrics().averageCharWidth()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        role = QPalette.ColorRole.ButtonText
        _paint_two_lines(
            painter,
            field.adjusted(SPACE // 2, SPACE // 2, -SPACE // 2, -SPACE // 2),
            self.font(),
            self.palette().color(role),
            self.currentText(),
            self.current_line(),
        )
        painter.end()


# The lengths offered: a few minutes, or a few breaths. Anything else stored is added.
MINUTES = (1, 2, 3, 5, 10)  # practices of 1 to 10 minutes (a longer one remembered is added)
BREATHS = (5, 10, 20)


def length_words(unit: LengthUnit, amount: int) -> str:
    if unit == "breaths":
        return translate("BreatheTab", "%n breath(s)", None, amount)
    return translate("BreatheTab", "%n minute(s)", None, amount)


class LengthChooser(_SpaceStarts):
    """How long: "5 minutes", "10 breaths". One control for both kinds of length."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("length")
        for minutes in MINUTES:
            self._add("minutes", minutes)
        for breaths in BREATHS:
            self._add("breaths", breaths)

    def _add(self, unit: LengthUnit, amount: int, at: int | None = None) -> None:
        if at is None:
            self.addItem(length_words(unit, amount), (unit, amount))
        else:
            self.insertItem(at, length_words(unit, amount), (unit, amount))

    def set_length(self, unit: LengthUnit, amount: int) -> None:
        """Choose a length, adding it among the others if it is not offered; no signal."""
        # (findData cannot compare Python tuples: it would never find one, and add it again.)
        found = next((i for i in range(self.count()) if self.itemData(i) == (unit, amount)), -1)
        if found < 0:
            same_kind = [i for i in range(self.count()) if self.itemData(i)[0] == unit]
            at = next(
                (i for i in same_kind if self.itemData(i)[1] > amount),
                (same_kind[-1] + 1) if same_kind else self.count(),
            )
            self._add(unit, amount, at)
            found = at
        self.blockSignals(True)
        self.setCurrentIndex(found)
        self.blockSignals(False)

    def length(self) -> tuple[LengthUnit, int]:
        unit, amount = self.currentData()
        return (unit, int(amount))
