"""A quick tap on a pleasantness x energy grid, before and after a track. No colours of mood.

The square has a label at each edge (unpleasant, pleasant, less and more energy) and four soft
tints, one per corner, all of the same lightness, so no quarter reads as better than another.
A tap puts a dot there; the dot can be dragged, or moved with the arrow keys, afterwards.
Screen readers hear where it is in words ("pleasant, low energy").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.accessible import speak_as, value_changed
from desktop.controls import by_keyboard, named, shows_focus
from desktop.texts import QT_TRANSLATE_NOOP, translate

STEP = 0.25
# The four corners' tints (light, dark): muted hues of one lightness, none of them red or green,
# so that no corner looks like the right answer.
TINTS = {
    "low_unpleasant": ("#e6ebf3", "#2a313c"),  # a grey blue
    "low_pleasant": ("#e1eeee", "#263637"),  # a grey teal, well away from green
    "high_unpleasant": ("#ede6f1", "#332c39"),  # a grey lilac
    "high_pleasant": ("#f2ebe0", "#38322a"),  # a grey sand
}
EDGES = {
    "left": QT_TRANSLATE_NOOP("CheckinMoodGrid", "unpleasant"),
    "right": QT_TRANSLATE_NOOP("CheckinMoodGrid", "pleasant"),
    "top": QT_TRANSLATE_NOOP("CheckinMoodGrid", "more energy"),
    "bottom": QT_TRANSLATE_NOOP("CheckinMoodGrid", "less energy"),
}
DOT_RADIUS = 9


def mood_words(pleasantness: float, energy: float) -> str:
    """Where a tap sits, as a person would say it: "pleasant, low energy"."""
    if pleasantness <= -1 / 3:
        feel = translate("CheckinMoodGrid", "unpleasant")
    elif pleasantness >= 1 / 3:
        feel = translate("CheckinMoodGrid", "pleasant")
    else:
        feel = translate("CheckinMoodGrid", "neither pleasant nor unpleasant")
    if energy <= -1 / 3:
        lively = translate("CheckinMoodGrid", "low energy")
    elif energy >= 1 / 3:
        lively = translate("CheckinMoodGrid", "high energy")
    else:
        lively = translate("CheckinMoodGrid", "some energy")
    return translate("CheckinMoodGrid", "{feel}, {energy}").format(feel=feel, energy=lively)


class MoodGrid(QWidget):
    chosen = Signal(
        float, float
    )  # pleasantness, energy (each from -1 to 1): a tap, or the dot moved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("CheckinMoodGrid", "Pleasantness and energy"),
            translate(
                "CheckinMoodGrid",
                "Left to right: unpleasant to pleasant. Bottom to top: less to more energy. "
                "Arrow keys move the dot, Space or Enter puts it down.",
            ),
            object_name="mood_grid",
        )
        speak_as(self, QAccessible.Role.Slider)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(220, 200)
        # As tall as its square and labels need for the width it has: what follows it (a
        # Skip) sits just below, not at the far end of the page.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.value: tuple[float, float] | None = None
        self._cursor = (0.0, 0.0)
        self._ring = False  # the focus shows: the keyboard brought it
        self._dragging = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._ring = by_keyboard(event.reason())
        super().focusInEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        across, down = self._margins()
        return max(self.minimumHeight(), round(width - 2 * across + 2 * down))

    # -- geometry -----------------------------------------------------------------------------

    def _margins(self) -> tuple[float, float]:
        """Room for the side labels (left and right) and the top and bottom ones."""
        metrics = QFontMetrics(self.font())
        side = max(
            metrics.horizontalAdvance(translate("CheckinMoodGrid", EDGES[k]))
            for k in ("left", "right")
        )
        return side + 12, metrics.height() + 8

    def _square(self) -> QRectF:
        across, down = self._margins()
        side = max(40.0, min(self.width() - 2 * across, self.height() - 2 * down))
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def point_for(self, pleasantness: float, energy: float) -> QPointF:
        square = self._square()
        return QPointF(
            square.left() + (pleasantness + 1) / 2 * square.width(),
            square.bottom() - (energy + 1) / 2 * square.height(),
        )

    def value_at(self, point: QPointF, clamp: bool = False) -> tuple[float, float] | None:
        square = self._square()
        if not clamp and not square.contains(point):
            return None
        p = (point.x() - square.left()) / square.width() * 2 - 1
        e = (square.bottom() - point.y()) / square.height() * 2 - 1
        return (round(max(-1.0, min(1.0, p)), 2), round(max(-1.0, min(1.0, e)), 2))

    # -- what it holds ------------------------------------------------------------------------

    def clear(self) -> None:
        self.value = None
        self._cursor = (0.0, 0.0)
        self.update()
        value_changed(self)

    def spoken_value(self) -> str:
        """The dot's place in words, or the keyboard's mark before there is a dot."""
        if self.value is None:
            return translate("CheckinMoodGrid", "no dot yet; {where}").format(
                where=mood_words(*self._cursor)
            )
        return mood_words(*self.value)

    def _choose(self, value: tuple[float, float]) -> None:
        self.value = value
        self._cursor = value
        self.update()
        value_changed(self)
        self.chosen.emit(*value)

    # -- the mouse and the keyboard -----------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        value = self.value_at(event.position())
        if value is not None:
            self._dragging = True
            self.value = value
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self.value = self.value_at(event.position(), clamp=True)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            value = self.value_at(event.position(), clamp=True)
            if value is not None:
                self._choose(value)

    def event(self, event: QEvent) -> bool:
        # The arrows and Space belong to the grid while it has the focus, not to the player's
        # shortcuts around it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _MOVES:
            self._ring = True  # moving with the keys: where the focus is shows
            dp, de = _MOVES[key]
            p, e = self.value if self.value is not None else self._cursor
            moved = (max(-1.0, min(1.0, p + dp)), max(-1.0, min(1.0, e + de)))
            if self.value is not None:
                self._choose(moved)  # the dot is there already: it moves
            else:
                self._cursor = moved
                self.update()
                value_changed(self)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.value if self.value is not None else self._cursor)
        else:
            super().keyPressEvent(event)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        square = self._square()
        centre = square.center()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            halves = {
                "high_unpleasant": QRectF(square.topLeft(), centre),
                "high_pleasant": QRectF(
                    QPointF(centre.x(), square.top()), QPointF(square.right(), centre.y())
                ),
                "low_unpleasant": QRectF(
                    QPointF(square.left(), centre.y()), QPointF(centre.x(), square.bottom())
                ),
                "low_pleasant": QRectF(centre, square.bottomRight()),
            }
            for corner, rect in halves.items():
                painter.fillRect(rect, QColor(TINTS[corner][1 if dark else 0]))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(square, 6, 6)
            quiet = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine)
            painter.setPen(quiet)
            painter.drawLine(
                QPointF(centre.x(), square.top()), QPointF(centre.x(), square.bottom())
            )
            painter.drawLine(
                QPointF(square.left(), centre.y()), QPointF(square.right(), centre.y())
            )

            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            height = QFontMetrics(self.font()).height()
            across, _ = self._margins()
            labels = {
                "top": (
                    QRectF(0, square.top() - height - 4, self.width(), height),
                    Qt.AlignmentFlag.AlignCenter,
                ),
                "bottom": (
                    QRectF(0, square.bottom() + 4, self.width(), height),
                    Qt.AlignmentFlag.AlignCenter,
                ),
                "left": (
                    QRectF(square.left() - across, centre.y() - height / 2, across - 6, height),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                ),
                "right": (
                    QRectF(square.right() + 6, centre.y() - height / 2, across - 6, height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                ),
            }
            for edge, (rect, align) in labels.items():
                painter.drawText(rect, align, translate("CheckinMoodGrid", EDGES[edge]))

            accent = palette.color(QPalette.ColorRole.Highlight)
            if shows_focus(self, self._ring) and self.value is None:
                painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(self.point_for(*self._cursor), DOT_RADIUS + 2, DOT_RADIUS + 2)
            if self.value is not None:
                point = self.point_for(*self.value)
                if shows_focus(self, self._ring):  # a soft ring for the keyboard
                    painter.setPen(QPen(accent, 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(point, DOT_RADIUS + 5, DOT_RADIUS + 5)
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
                painter.setBrush(accent)
                painter.drawEllipse(point, DOT_RADIUS, DOT_RADIUS)


_MOVES = {
    Qt.Key.Key_Left: (-STEP, 0.0),
    Qt.Key.Key_Right: (STEP, 0.0),
    Qt.Key.Key_Up: (0.0, STEP),
    Qt.Key.Key_Down: (0.0, -STEP),
}
_KEYS = {*_MOVES, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
