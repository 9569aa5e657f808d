"""A quick tap on a pleasantness x energy grid, before and after a track. No colours of mood."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.texts import translate

STEP = 0.25


class MoodGrid(QWidget):
    tapped = Signal(float, float)  # pleasantness, energy; each from -1 to 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mood_grid")
        self.setAccessibleName(translate("CheckinMoodGrid", "Pleasantness and energy"))
        self.setAccessibleDescription(
            translate(
                "CheckinMoodGrid",
                "Left to right: unpleasant to pleasant. Bottom to top: low to high energy. "
                "Arrow keys move the mark, Space or Enter chooses it.",
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(150, 150)
        self.setMaximumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.value: tuple[float, float] | None = None
        self._cursor = (0.0, 0.0)

    def _square(self) -> QRectF:
        side = min(self.width(), self.height()) - 28
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def point_for(self, pleasantness: float, energy: float) -> QPointF:
        square = self._square()
        return QPointF(
            square.left() + (pleasantness + 1) / 2 * square.width(),
            square.bottom() - (energy + 1) / 2 * square.height(),
        )

    def value_at(self, point: QPointF) -> tuple[float, float] | None:
        square = self._square()
        if not square.contains(point):
            return None
        p = (point.x() - square.left()) / square.width() * 2 - 1
        e = (square.bottom() - point.y()) / square.height() * 2 - 1
        return (round(max(-1.0, min(1.0, p)), 2), round(max(-1.0, min(1.0, e)), 2))

    def clear(self) -> None:
        self.value = None
        self.update()

    def _choose(self, value: tuple[float, float]) -> None:
        self.value = value
        self.update()
        self.tapped.emit(*value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        value = self.value_at(event.position())
        if value is not None:
            self._cursor = value
            self._choose(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        p, e = self._cursor
        moves = {
            Qt.Key.Key_Left: (-STEP, 0.0),
            Qt.Key.Key_Right: (STEP, 0.0),
            Qt.Key.Key_Up: (0.0, STEP),
            Qt.Key.Key_Down: (0.0, -STEP),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dp, de = moves[key]
            self._cursor = (max(-1.0, min(1.0, p + dp)), max(-1.0, min(1.0, e + de)))
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self._cursor)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        square = self._square()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(square, palette.color(QPalette.ColorRole.Base))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawRect(square)
            painter.drawLine(
                QPointF(square.center().x(), square.top()),
                QPointF(square.center().x(), square.bottom()),
            )
            painter.drawLine(
                QPointF(square.left(), square.center().y()),
                QPointF(square.right(), square.center().y()),
            )
            painter.setPen(text)
            small = painter.font()
            small.setPointSizeF(small.pointSizeF() * 0.85)
            painter.setFont(small)
            centre = Qt.AlignmentFlag.AlignCenter
            painter.drawText(
                QRectF(0, square.top() - 15, self.width(), 14),
                centre,
                translate("CheckinMoodGrid", "more energy"),
            )
            bottom = QRectF(0, square.bottom() + 1, self.width(), 14)
            painter.drawText(
                bottom,
                centre,
                translate("CheckinMoodGrid", "unpleasant \u00b7 less energy \u00b7 pleasant"),
            )
            if self.hasFocus():
                painter.setPen(
                    QPen(palette.color(QPalette.ColorRole.Highlight), 1.5, Qt.PenStyle.DashLine)
                )
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(self.point_for(*self._cursor), 9, 9)
            if self.value is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text)
                painter.drawEllipse(self.point_for(*self.value), 6, 6)
