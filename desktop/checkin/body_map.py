"""The body map: our outline, with regions a person marks by clicking or from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.checkin.body import Region, Shape, parse_regions, view_box
from desktop.texts import translate

STRENGTH_ALPHA = {"faint": 70, "clear": 140, "strong": 210}


def shape_path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    v = shape.values
    if shape.kind == "ellipse":
        path.addEllipse(QPointF(v[0], v[1]), v[2], v[3])
    elif shape.kind == "rect":
        path.addRoundedRect(QRectF(v[0], v[1], v[2], v[3]), v[4], v[4])
    else:
        path.addPolygon(QPolygonF([QPointF(v[i], v[i + 1]) for i in range(0, len(v) - 1, 2)]))
        path.closeSubpath()
    return path


class BodyMap(QWidget):
    region_toggled = Signal(str, bool)  # region, now marked
    current_changed = Signal(str)

    def __init__(self, svg_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_map")
        self.setAccessibleName(translate("CheckinBodyMap", "Body map"))
        self.setAccessibleDescription(
            translate(
                "CheckinBodyMap",
                "Click a place, or use the arrow keys to move between places "
                "and Space to mark one.",
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(170, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")), self)
        self._view = view_box(svg_text)
        self.regions: list[Region] = parse_regions(svg_text)
        self._paths = {r.key: self._region_path(r) for r in self.regions}
        self.marked: dict[str, str] = {}  # region -> strength
        self.current = self.regions[0].key
        self._hover: str | None = None

    @staticmethod
    def _region_path(region: Region) -> QPainterPath:
        path = QPainterPath()
        for shape in region.shapes:
            path.addPath(shape_path(shape))
        return path

    # -- geometry -----------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        x, y, w, h = self._view
        scale = min(self.width() / w, self.height() / h)
        dx = (self.width() - w * scale) / 2
        dy = (self.height() - h * scale) / 2
        return QTransform(scale, 0, 0, scale, dx - x * scale, dy - y * scale)

    def region_at(self, point: QPointF) -> str | None:
        inverse, ok = self._transform().inverted()
        if not ok:
            return None
        local = inverse.map(point)
        # Smaller regions sit on top of bigger ones, so look at them first.
        for region in sorted(self.regions, key=lambda r: self._paths[r.key].boundingRect().width()):
            if self._paths[region.key].contains(local):
                return region.key
        return None

    def region_centre(self, key: str) -> QPointF:
        """A point inside the region, in widget coordinates (the first shape's centre)."""
        first = self.regions[[r.key for r in self.regions].index(key)].shapes[0]
        return self._transform().map(shape_path(first).boundingRect().center())

    # -- marking ------------------------------------------------------------------------------

    def set_marked(self, marked: dict[str, str]) -> None:
        self.marked = dict(marked)
        self.update()

    def toggle(self, key: str) -> None:
        self.current = key
        if key in self.marked:
            del self.marked[key]
            self.region_toggled.emit(key, False)
        else:
            self.marked[key] = "clear"
            self.region_toggled.emit(key, True)
        self.current_changed.emit(key)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.region_at(event.position())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.toggle(key)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self.region_at(event.position())
        if key != self._hover:
            self._hover = key
            self.setToolTip(next((r.label for r in self.regions if r.key == key), ""))
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = [r.key for r in self.regions]
        index = keys.index(self.current)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.current = keys[(index + 1) % len(keys)]
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.current = keys[(index - 1) % len(keys)]
        elif event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle(self.current)
            return
        else:
            super().keyPressEvent(event)
            return
        label = next(r.label for r in self.regions if r.key == self.current)
        self.setAccessibleDescription(
            translate("CheckinBodyMap", "{place}: marked").format(place=label)
            if self.current in self.marked
            else translate("CheckinBodyMap", "{place}: not marked").format(place=label)
        )
        self.current_changed.emit(self.current)
        self.update()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        accent = QColor("#7cc4bb") if dark else QColor("#3f8f86")
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            transform = self._transform()
            x, y, w, h = self._view
            self._renderer.render(painter, transform.mapRect(QRectF(x, y, w, h)))
            painter.setTransform(transform)
            for key, path in self._paths.items():
                strength = self.marked.get(key)
                if strength is None and key != self._hover:
                    continue
                fill = QColor(accent)
                fill.setAlpha(STRENGTH_ALPHA.get(strength or "", 35))
                painter.fillPath(path, fill)
            if self.hasFocus():
                pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.5)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawPath(self._paths[self.current])
