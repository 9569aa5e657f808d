"""A small mark for each kind of practice: its shape tells it apart, not its colour."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from desktop.store.patterns import DAY_KINDS
from desktop.texts import translate

# Kind -> shape. A kind without one here is drawn as a small ring until it gets its own.
SHAPES = {
    "breathing": "circle",
    "listening": "triangle",
    "writing": "square",
    "glimmers": "star",
    "together": "pair",
}
_LABELS = {kind.key: kind.label for kind in DAY_KINDS}


def kind_label(kind: str) -> str:
    """The kind's name in the person's language ("breathing")."""
    return translate("Patterns", _LABELS[kind]) if kind in _LABELS else kind


def mark_path(shape: str, centre: QPointF, size: float) -> QPainterPath:
    """The mark's outline, ``size`` pixels across, around ``centre``."""
    path = QPainterPath()
    half = size / 2
    x, y = centre.x(), centre.y()
    if shape == "circle":
        path.addEllipse(centre, half, half)
    elif shape == "square":
        side = size * 0.86
        path.addRect(QRectF(x - side / 2, y - side / 2, side, side))
    elif shape == "triangle":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - half),
                    QPointF(x + half, y + half * 0.8),
                    QPointF(x - half, y + half * 0.8),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "star":
        points = []
        for i in range(8):
            radius = half if i % 2 == 0 else half * 0.42
            angle = math.pi / 4 * i - math.pi / 2
            points.append(QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    elif shape == "pair":  # two linked rings
        outer, inner, apart = half * 0.66, half * 0.38, half * 0.34
        for dx in (-apart, apart):
            ring = QPainterPath()
            ring.addEllipse(QPointF(x + dx, y), outer, outer)
            hole = QPainterPath()
            hole.addEllipse(QPointF(x + dx, y), inner, inner)
            path = path.united(ring.subtracted(hole))
    else:
        path.addEllipse(centre, half, half)
        path.addEllipse(centre, half * 0.5, half * 0.5)  # a ring: odd-even fill leaves a hole
    return path


def draw_mark(painter: QPainter, kind: str, centre: QPointF, size: float, colour: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(mark_path(SHAPES.get(kind, "ring"), centre, size))
    painter.restore()


def draw_legend(
    painter: QPainter, kinds: list[str], area: QRectF, colour: QColor, text: QColor
) -> None:
    """The marks and their names in one row (wrapping when the width runs out)."""
    metrics = painter.fontMetrics()
    size = max(8.0, metrics.height() * 0.6)
    x, y = area.left(), area.top()
    line = metrics.height() + 4
    painter.save()
    painter.setPen(QPen(text))
    for kind in kinds:
        name = kind_label(kind)
        width = size + 6 + metrics.horizontalAdvance(name) + 16
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + line
        draw_mark(painter, kind, QPointF(x + size / 2, y + line / 2), size, colour)
        painter.setPen(QPen(text))
        painter.drawText(
            QRectF(x + size + 6, y, width, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        x += width
    painter.restore()
