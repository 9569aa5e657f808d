"""The seek bar, with a marker at each check-in on this track; hover for a summary, click to go."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.texts import translate

MARKER_REACH = 6  # pixels either side of a marker that count as touching it
STEP_MS = 5000


@dataclass(frozen=True)
class Marker:
    position_ms: int
    summary: str


class SeekBar(QWidget):
    seek_requested = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seek_bar")
        self.setAccessibleName(translate("ListenSeekBar", "Position in the track"))
        self.setAccessibleDescription(
            translate(
                "ListenSeekBar", "Left and right arrows move 5 seconds. Markers are check-ins."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.position_ms = 0
        self.duration_ms = 0
        self.markers: list[Marker] = []

    def set_duration(self, ms: int) -> None:
        self.duration_ms = max(0, ms)
        self.update()

    def set_position(self, ms: int) -> None:
        self.position_ms = max(0, ms)
        self.update()

    def set_markers(self, markers: list[Marker]) -> None:
        self.markers = sorted(markers, key=lambda m: m.position_ms)
        self.update()

    def _track(self) -> QRectF:
        return QRectF(8, self.height() / 2 - 3, self.width() - 16, 6)

    def x_for(self, ms: int) -> float:
        track = self._track()
        if self.duration_ms <= 0:
            return track.left()
        return track.left() + track.width() * min(ms, self.duration_ms) / self.duration_ms

    def ms_for(self, x: float) -> int:
        track = self._track()
        fraction = min(max((x - track.left()) / track.width(), 0.0), 1.0)
        return round(fraction * self.duration_ms)

    def marker_near(self, x: float) -> Marker | None:
        near = [m for m in self.markers if abs(self.x_for(m.position_ms) - x) <= MARKER_REACH]
        return min(near, key=lambda m: abs(self.x_for(m.position_ms) - x)) if near else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.duration_ms <= 0:
            return
        marker = self.marker_near(event.position().x())
        target = marker.position_ms if marker else self.ms_for(event.position().x())
        self.seek_requested.emit(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.seek_requested.emit(max(0, self.position_ms - STEP_MS))
        elif event.key() == Qt.Key.Key_Right:
            self.seek_requested.emit(min(self.duration_ms, self.position_ms + STEP_MS))
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            marker = self.marker_near(event.pos().x())
            if marker is not None:
                QToolTip.showText(event.globalPos(), marker.summary, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        track = self._track()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(track, 3, 3)
            done = QRectF(track)
            done.setRight(self.x_for(self.position_ms))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, 3, 3)
            marker_colour = QColor(palette.color(QPalette.ColorRole.WindowText))
            painter.setBrush(marker_colour)
            for marker in self.markers:
                x = self.x_for(marker.position_ms)
                top = track.top() - 2
                painter.drawPolygon(
                    QPolygonF([QPointF(x - 5, top - 8), QPointF(x + 5, top - 8), QPointF(x, top)])
                )
            if self.hasFocus():
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
                painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
