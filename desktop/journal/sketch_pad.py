"""A small sketch pad for days when words are too heavy: draw with mouse or pen, undo, clear."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
    QTabletEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.controls import named
from desktop.journal.sketch import Stroke, sketch_from_json, sketch_to_json
from desktop.texts import translate


class SketchPad(QWidget):
    """Paints strokes kept in 0..1 coordinates; read-only pads only show them."""

    changed = Signal()

    def __init__(self, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = read_only
        self.strokes: list[Stroke] = []
        self._drawing = False
        named(
            self,
            translate("JournalSketchPad", "Sketch pad"),
            translate(
                "JournalSketchPad", "Draw with the mouse or a pen. Ctrl+Z undoes the last stroke."
            ),
            object_name="sketch_pad",
        )
        self.setMinimumSize(200, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if not read_only:
            undo = QShortcut(QKeySequence.StandardKey.Undo, self)
            undo.setContext(Qt.ShortcutContext.WidgetShortcut)
            undo.activated.connect(self.undo)

    # -- data ---------------------------------------------------------------------------------

    def to_json(self) -> str:
        return sketch_to_json(self.strokes)

    def load_json(self, text: str) -> None:
        self.strokes = sketch_from_json(text)
        self.update()

    def is_empty(self) -> bool:
        return not self.strokes

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def clear(self) -> None:
        if self.strokes:
            self.strokes = []
            self.update()
            self.changed.emit()

    # -- input --------------------------------------------------------------------------------

    def _to_unit(self, pos: QPointF) -> tuple[float, float]:
        w, h = max(1, self.width() - 1), max(1, self.height() - 1)
        return (min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0))

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self.strokes.append([self._to_unit(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing:
            self.strokes[-1].append(self._to_unit(pos))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.read_only or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        if self.read_only:
            return
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            if self.hasFocus():  # the keyboard's Ctrl+Z goes here: show it
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
            else:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
                painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
            pen = QPen(palette.color(QPalette.ColorRole.Text), 3)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            w, h = self.width() - 1, self.height() - 1
            for stroke in self.strokes:
                path = QPainterPath(QPointF(stroke[0][0] * w, stroke[0][1] * h))
                if len(stroke) == 1:
                    painter.drawPoint(path.currentPosition())
                    continue
                for x, y in stroke[1:]:
                    path.lineTo(x * w, y * h)
                painter.drawPath(path)


class SketchPanel(QWidget):
    """The pad with its Undo and Clear buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = SketchPad()
        self.undo_button = named(
            QPushButton(translate("JournalSketchPad", "Undo stroke")),
            translate("JournalSketchPad", "Undo the last stroke"),
            translate("JournalSketchPad", "Takes back the last stroke, as Ctrl+Z does"),
        )
        self.clear_button = named(
            QPushButton(translate("JournalSketchPad", "Clear sketch")),
            translate("JournalSketchPad", "Clear the sketch"),
            translate("JournalSketchPad", "Removes the whole sketch"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
