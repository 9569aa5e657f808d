"""The body map: our outline, with regions a person marks by clicking or from the keyboard.

Each region is a toggle button shaped like the region (its mask is the region's outline), so a
screen reader hears "Chest, toggle button, pressed" and a click lands on the region drawn under
the pointer. The arrow keys move between regions; only the one in front takes Tab, so the map
is one stop on the way through the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QRegion,
    QResizeEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from desktop.checkin.body import Region, Shape, parse_regions, view_box
from desktop.controls import by_keyboard, named, shows_focus
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


_NEXT_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Right)
_BACK_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Left)


def fit_view(view: tuple[float, float, float, float], width: float, height: float) -> QTransform:
    """The drawing's view box scaled to fit ``width`` x ``height`` whole, and centred there."""
    x, y, w, h = view
    scale = min(width / w, height / h)
    dx = (width - w * scale) / 2
    dy = (height - h * scale) / 2
    return QTransform(scale, 0, 0, scale, dx - x * scale, dy - y * scale)


def region_under(
    regions: Sequence[Region], paths: dict[str, QPainterPath], transform: QTransform, point: QPointF
) -> str | None:
    """The region drawn at ``point`` (widget coordinates), or None."""
    inverse, ok = transform.inverted()
    if not ok:
        return None
    local = inverse.map(point)
    # Smaller regions sit on top of bigger ones, so look at them first.
    for region in sorted(regions, key=lambda r: paths[r.key].boundingRect().width()):
        if paths[region.key].contains(local):
            return region.key
    return None


def region_centre(regions: Sequence[Region], key: str, transform: QTransform) -> QPointF:
    """A point inside the region ``key``, in widget coordinates (its first shape's centre)."""
    region = next(r for r in regions if r.key == key)
    return transform.map(shape_path(region.shapes[0]).boundingRect().center())


class RegionButton(QAbstractButton):
    """One region of the body map, as a toggle button the shape of the region. The map paints
    it; the button is what is clicked, focused and heard."""

    def __init__(self, region: Region, body: BodyMap) -> None:
        super().__init__(body)
        self.key = region.key
        self._body = body
        self.setObjectName(f"region_{region.key}")
        self.setCheckable(True)
        self.setText(region.label)
        self.setAccessibleName(region.label)
        self.setAccessibleDescription(
            translate("CheckinBodyMap", "Marks that something is felt here")
        )
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(region.label)

    def sizeHint(self) -> QSize:
        return QSize(1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        pass  # the map draws every region, with its marks

    def event(self, event: QEvent) -> bool:
        # The arrows move between regions while one has the focus: the player's shortcuts
        # around the map do not take them.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (*_NEXT_KEYS, *_BACK_KEYS, Qt.Key.Key_Space)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _NEXT_KEYS:
            self._body.step(1)
        elif event.key() in _BACK_KEYS:
            self._body.step(-1)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._body.hover(self.key)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._body.hover(None)
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._body.ring = by_keyboard(event.reason())
        self._body.show_current(self.key)
        super().focusInEvent(event)

    def focusOutEvent(self, event: object) -> None:
        self._body.update()
        super().focusOutEvent(event)  # type: ignore[arg-type]


class BodyMap(QWidget):
    region_toggled = Signal(str, bool)  # region, now marked
    current_changed = Signal(str)

    def __init__(self, svg_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("CheckinBodyMap", "Body map"),
            translate(
                "CheckinBodyMap",
                "Click a place, or use the arrow keys to move between places "
                "and Space to mark one.",
            ),
            object_name="body_map",
        )
        self.setMouseTracking(True)
        self.setMinimumSize(150, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")), self)
        self._view = view_box(svg_text)
        self.regions: list[Region] = parse_regions(svg_text)
        self._paths = {r.key: self._region_path(r) for r in self.regions}
        self.marked: dict[str, str] = {}  # region -> strength
        self.current = self.regions[0].key
        self.ring = False  # the focused region's outline shows: the keyboard brought the focus
        self._hover: str | None = None
        # Smaller regions sit on top of bigger ones: their buttons are made last.
        by_size = sorted(self.regions, key=lambda r: -self._paths[r.key].boundingRect().width())
        self.buttons: dict[str, RegionButton] = {}
        for region in by_size:
            button = RegionButton(region, self)
            button.clicked.connect(lambda _on=False, key=region.key: self.toggle(key))
            self.buttons[region.key] = button
        self._show_in_front(self.current)

    def sizeHint(self) -> QSize:
        return QSize(260, 220)  # its least: it grows with the room it is given

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        transform = self._transform()
        for key, button in self.buttons.items():
            polygon = transform.map(self._paths[key]).toFillPolygon().toPolygon()
            bounds = polygon.boundingRect().adjusted(-1, -1, 1, 1)
            button.setGeometry(bounds)
            button.setMask(QRegion(polygon.translated(-bounds.topLeft())))

    def _show_in_front(self, key: str) -> None:
        """The region in front is the one Tab reaches; the map's focus goes to it."""
        for other, button in self.buttons.items():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if other == key else Qt.FocusPolicy.ClickFocus
            )
        self.setFocusProxy(self.buttons[key])

    def show_current(self, key: str) -> None:
        if key != self.current:
            self.current = key
            self._show_in_front(key)
            self.current_changed.emit(key)
        self.update()

    def step(self, by: int) -> None:
        """Move to the next region (or the one before), reading order of the outline."""
        keys = [r.key for r in self.regions]
        key = keys[(keys.index(self.current) + by) % len(keys)]
        self.show_current(key)
        self.buttons[key].setFocus(Qt.FocusReason.TabFocusReason)

    def hover(self, key: str | None) -> None:
        if key != self._hover:
            self._hover = key
            self.update()

    def has_region_focus(self) -> bool:
        return any(button.hasFocus() for button in self.buttons.values())

    @staticmethod
    def _region_path(region: Region) -> QPainterPath:
        path = QPainterPath()
        for shape in region.shapes:
            path.addPath(shape_path(shape))
        return path

    # -- geometry -----------------------------------------------------------------------------

    def _transform(self) -> QTransform:
        return fit_view(self._view, self.width(), self.height())

    def region_at(self, point: QPointF) -> str | None:
        return region_under(self.regions, self._paths, self._transform(), point)

    def region_centre(self, key: str) -> QPointF:
        """A point inside the region, in widget coordinates (the first shape's centre)."""
        return region_centre(self.regions, key, self._transform())

    # -- marking ------------------------------------------------------------------------------

    def set_marked(self, marked: dict[str, str]) -> None:
        self.marked = dict(marked)
        self._show_checked()
        self.update()

    def _show_checked(self) -> None:
        for key, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(key in self.marked)
            button.blockSignals(False)

    def toggle(self, key: str) -> None:
        self.show_current(key)
        if key in self.marked:
            del self.marked[key]
            self.region_toggled.emit(key, False)
        else:
            self.marked[key] = "clear"
            self.region_toggled.emit(key, True)
        self._show_checked()
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

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
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
            focused = next((b for b in self.buttons.values() if b.hasFocus()), None)
            if focused is not None and shows_focus(focused, self.ring):
                pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.5)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawPath(self._paths[self.current])
