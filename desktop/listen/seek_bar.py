"""The seek bar, with a marker at each check-in on this track; hover for a summary, click to go.

Markers are drawn in the accent colour, ringed with the page's own colour so they stand out on
the bar in light and dark. A screen reader hears a slider and where the track is ("0:19 of
2:06").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.accessible import speak_as, value_changed
from desktop.controls import named
from desktop.store.listening import format_position
from desktop.texts import translate

MARKER_REACH = 6  # pixels either side of a marker that count as touching it
MARKER_RADIUS = 5
STEP_MS = 5000


@dataclass(frozen=True)
class Marker:
    position_ms: int
    summary: str


class SeekBar(QWidget):
    seek_requested = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("ListenSeekBar", "Position in the track"),
            translate(
                "ListenSeekBar", "Left and right arrows move 5 seconds. Markers are check-ins."
            ),
            object_name="seek_bar",
        )
        speak_as(self, QAccessible.Role.Slider)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(32)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.position_ms = 0
        self.duration_ms = 0
        self.markers: list[Marker] = []

    def set_duration(self, ms: int) -> None:
        self.duration_ms = max(0, ms)
        self.update()
        value_changed(self)

    def set_position(self, ms: int) -> None:
        second = self.position_ms // 1000
        self.position_ms = max(0, ms)
        self.update()
        if self.position_ms // 1000 != second:  # a screen reader hears whole seconds only
            value_changed(self)

    def spoken_value(self) -> str:
        """Where the track is, in words: "0:19 of 2:06"."""
        return translate("ListenSeekBar", "{position} of {length}").format(
            position=format_position(self.position_ms),
            length=format_position(self.duration_ms),
        )

    def set_markers(self, markers: list[Marker]) -> None:
        self.markers = sorted(markers, key=lambda m: m.position_ms)
        self.update()

    def _track(self) -> QRectF:
        return QRectF(8, self.height() / 2 + 2, self.width() - 16, 6)

    def marker_centre(self, marker: Marker) -> QPointF:
        """Where a marker is drawn: a dot just above the bar."""
        return QPointF(self.x_for(marker.position_ms), self._track().top() - MARKER_RADIUS - 2)

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
        if event.key() == Qt.Key.Key_Home:
            self.seek_requested.emit(0)
        elif event.key() == Qt.Key.Key_Left:
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
        accent = palette.color(QPalette.ColorRole.Highlight)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(track, 3, 3)
            done = QRectF(track)
            done.setRight(self.x_for(self.position_ms))
            painter.setBrush(accent)
            painter.drawRoundedRect(done, 3, 3)
            # The check-ins: dots of the accent ringed with the page's colour, above the bar.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Window), 1.5))
            painter.setBrush(accent)
            for marker in self.markers:
                painter.drawEllipse(self.marker_centre(marker), MARKER_RADIUS, MARKER_RADIUS)
            if self.duration_ms > 0:  # where the track is: a knob on the bar
                knob = QPointF(self.x_for(self.position_ms), track.center().y())
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
                painter.drawEllipse(knob, 6, 6)
            if self.hasFocus():  # a soft ring for the keyboard, around the knob
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(accent, 2))
                knob = QPointF(self.x_for(self.position_ms), track.center().y())
                painter.drawEllipse(knob, 10, 10)
