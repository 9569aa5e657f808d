"""Together's own small widgets: the soft time ring, the talking piece, a row of soft marks,
and the big buttons each half has. Painting happens in paintEvent; state comes from outside."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSlider, QPushButton, QSizePolicy, QWidget

from desktop.clock import Clock
from desktop.controls import named
from desktop.texts import translate

CROSSING_SECONDS = 1.4  # the talking piece moving to the other half
FADE_SECONDS = 0.9  # with reduced motion: it fades out here and in there


def mix(colour: QColor, background: QColor, amount: float) -> QColor:
    a = min(max(amount, 0.0), 1.0)
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


def soft_accent(palette: QPalette) -> QColor:
    """The highlight, softened toward the window: calm, never a signal colour."""
    return mix(
        palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Window), 0.7
    )


def ease(progress: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(max(progress, 0.0), 1.0))


def time_words(progress: float) -> str:
    """How much of a soft time has gone, in words a screen reader says (never digits)."""
    if progress >= 1:
        return translate("TogetherRing", "The time has come: finish your sentence")
    if progress >= 0.8:
        return translate("TogetherRing", "Nearly time")
    if progress >= 0.45:
        return translate("TogetherRing", "Past the middle")
    return translate("TogetherRing", "Plenty of time")


class SoftRing(QWidget):
    """A soft time shown as a ring that fills; once full it glows gently. No numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("TogetherRing", "Time for this turn"),
            time_words(0),
            object_name="soft_ring",
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(72, 72)  # small in a small window: the halves' buttons come first
        self.progress = 0.0
        self.words = ""

    def set_state(self, progress: float, words: str) -> None:
        progress = min(max(progress, 0.0), 1.0)
        if abs(progress - self.progress) < 0.002 and words == self.words:
            return
        spoken_before = time_words(self.progress)
        self.progress, self.words = progress, words
        if time_words(progress) != spoken_before:
            self.setAccessibleDescription(time_words(progress))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        side = min(self.width(), self.height()) - 20
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self.progress >= 1:  # a soft glow, not an alarm
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mix(accent, window, 0.1))
                painter.drawEllipse(rect.adjusted(6, 6, -6, -6))
            track = QPen(mix(palette.color(QPalette.ColorRole.Mid), window, 0.45), 8)
            painter.setPen(track)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            pen = QPen(mix(accent, window, 0.55), 8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 90 * 16, -round(360 * 16 * self.progress))
            if self.words:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                font = QFont(self.font())
                font.setPointSizeF(font.pointSizeF() * 1.15)
                painter.setFont(font)
                inner = rect.adjusted(side * 0.18, side * 0.18, -side * 0.18, -side * 0.18)
                painter.drawText(
                    inner, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.words
                )


class TalkingPiece(QWidget):
    """The talking piece: a smooth stone that rests above the speaker's half and crosses to
    the other half when the turn changes (with reduced motion it fades out and in)."""

    def __init__(self, clock: Clock, reduced_motion: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("TogetherPiece", "Talking piece"),
            translate("TogetherPiece", "Nobody holds it yet"),
            object_name="talking_piece",
        )
        self.setMinimumHeight(40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._clock = clock
        self.reduced_motion = reduced_motion
        self.side: int | None = None  # 0 left, 1 right, None: put down
        self._from: int | None = None
        self._since = 0.0

    def sizeHint(self) -> QSize:
        return QSize(200, 40)

    def place(self, side: int | None, holder: str = "") -> None:
        """Rest the piece on ``side`` at once (the start, or put down)."""
        self.side, self._from = side, None
        self._describe(holder)
        self.update()

    def cross_to(self, side: int, holder: str = "") -> None:
        if side == self.side:
            self._describe(holder)
            return
        self._from, self.side, self._since = self.side, side, self._clock.now()
        self._describe(holder)
        self.update()

    def _describe(self, holder: str) -> None:
        self.setAccessibleDescription(
            translate("TogetherPiece", "With {name}").format(name=holder)
            if holder
            else translate("TogetherPiece", "Nobody holds it yet")
        )

    def _length(self) -> float:
        return FADE_SECONDS if self.reduced_motion else CROSSING_SECONDS

    @property
    def animating(self) -> bool:
        return self._from is not None and self._clock.now() - self._since < self._length()

    def _where(self) -> tuple[float, float] | None:
        """(x as a part of the width, opacity) now, or None when put down."""
        if self.side is None:
            return None
        target = 0.25 + 0.5 * self.side
        if not self.animating or self._from is None:
            return (target, 1.0)
        t = (self._clock.now() - self._since) / self._length()
        start = 0.25 + 0.5 * self._from
        if self.reduced_motion:
            return (start, 1 - 2 * t) if t < 0.5 else (target, 2 * t - 1)
        return (start + (target - start) * ease(t), 1.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        where = self._where()
        if where is None:
            return
        x, opacity = where
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        stone = mix(palette.color(QPalette.ColorRole.Highlight), window, 0.55)
        centre = QPointF(self.width() * x, self.height() / 2)
        radius = min(self.height() / 2 - 4, 16)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(max(0.0, min(1.0, opacity)))
            painter.setPen(QPen(mix(stone, palette.color(QPalette.ColorRole.WindowText), 0.6), 1.5))
            painter.setBrush(stone)
            painter.drawEllipse(centre, radius * 1.35, radius)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mix(stone, window, 0.4))
            painter.drawEllipse(centre + QPointF(-radius * 0.35, -radius * 0.3), radius * 0.4, 3)


class Marks(QAbstractSlider):
    """A row of five large soft marks between two labelled ends; 0 means not answered.

    Arrow keys move along it, a click chooses; the wheel scrolls the page unless it has focus.
    """

    answered = Signal(int)

    def __init__(self, low: str, high: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOrientation(Qt.Orientation.Horizontal)
        self.setRange(0, 5)
        self.setValue(0)
        self.setPageStep(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.low, self.high = low, high
        self.valueChanged.connect(self._changed)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        ends = metrics.horizontalAdvance(self.low) + metrics.horizontalAdvance(self.high)
        return QSize(max(5 * 34, ends + 24), 34 + metrics.height() + 6)

    def _changed(self, value: int) -> None:
        self.update()
        if value:
            self.answered.emit(value)

    def clear(self) -> None:
        self.blockSignals(True)
        self.setValue(0)
        self.blockSignals(False)
        self.update()

    def _centres(self) -> list[QPointF]:
        step = self.width() / 5
        return [QPointF(step * (i + 0.5), 18) for i in range(5)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        centres = self._centres()
        nearest = min(range(5), key=lambda i: abs(centres[i].x() - x))
        self.setValue(nearest + 1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.setValue(max(1, self.value() - 1))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.setValue(min(5, self.value() + 1))
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls: a passing wheel never changes an answer

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        outline = palette.color(QPalette.ColorRole.Mid)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for number, centre in enumerate(self._centres(), start=1):
                chosen = number == self.value()
                painter.setPen(QPen(accent if chosen else mix(outline, text, 0.55), 1.5))
                painter.setBrush(mix(accent, window, 0.85) if chosen else window)
                radius = 12 if chosen else 9
                painter.drawEllipse(centre, radius, radius)
            if self.hasFocus():
                painter.setPen(QPen(accent, 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
            painter.setPen(text)
            below = QRectF(4, 34, self.width() - 8, self.height() - 34)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft), self.low)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignRight), self.high)


class BigButton(QPushButton):
    """A large, soft button that shows its key, for people sitting a little way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(46)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.action = ""
        self.key = ""

    def show_action(self, action: str, label: str, key: str, description: str) -> None:
        """Show this button for ``action``: its words, its key, and what it does."""
        self.action = action
        self.key = key
        text = (
            translate("TogetherButton", "{label}  ({key})").format(label=label, key=key)
            if key
            else label
        )
        self.setText(text)
        self.setAccessibleName(text.replace("&", ""))
        self.setAccessibleDescription(description)
        self.show()
