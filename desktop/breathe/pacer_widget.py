"""The visual pacer: a soft shape that grows with the in-breath and shrinks with the out-breath.

A tick only reads the session's state and asks for a repaint; painting happens in paintEvent.
The timer runs only while a session is running and the pacer is visible, at the screen's rate.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRadialGradient,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.breathe.cues import Cues
from desktop.breathe.pacer import BreathSession, PacerState
from desktop.breathe.patterns import PHASE_WORDS

STYLES = {
    "shape": "A shape that grows and shrinks",
    "ring": "A filling ring (less motion)",
    "glow": "A glow that brightens and dims (less motion)",
    "text": "Words only (no motion)",
}
REDUCED_MOTION_DEFAULT = "ring"


def accent_colour(palette: QPalette) -> QColor:
    """A calm teal, soft enough that the window's text stays readable on top of it."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#2e6b64") if dark else QColor("#a8dcd4")


class PacerWidget(QWidget):
    phase_changed = Signal(str, int)  # phase kind, cycle
    finished = Signal()
    toggle_requested = Signal()  # Space
    stop_requested = Signal()  # Esc

    def __init__(self, cues: Cues | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacer")
        self.setAccessibleName("Breathing pacer")
        self.setAccessibleDescription("Space starts and pauses. Escape stops.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 260)
        self.session: BreathSession | None = None
        self.style_name = "shape"
        self.show_cues = False
        self.announce = False
        self._cues = cues
        self._state: PacerState | None = None
        self._last_phase: tuple[int, str] | None = None
        self._finished_sent = False
        self.frames_painted = 0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(16)
        self.timer.timeout.connect(self.refresh)

    # -- control ------------------------------------------------------------------------------

    def set_session(self, session: BreathSession | None) -> None:
        self.session = session
        self._last_phase = None
        self._finished_sent = False
        self.refresh()

    def set_style(self, name: str) -> None:
        self.style_name = name if name in STYLES else "shape"
        self.update()

    def sync_timer(self) -> None:
        """Tick only while a session runs and someone can see it."""
        screen = self.screen()
        rate = screen.refreshRate() if screen is not None else 60.0
        self.timer.setInterval(max(8, round(1000 / (rate if rate > 1 else 60.0))))
        running = self.session is not None and self.session.running
        if running and self.isVisible():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def refresh(self) -> None:
        """Read the state from the session's clock; emit changes; ask for a repaint."""
        session = self.session
        self._state = session.state() if session is not None and session.started else None
        state = self._state
        if state is not None and not state.finished:
            key = (state.cycle, state.phase)
            if key != self._last_phase:
                self._last_phase = key
                self.phase_changed.emit(state.phase, state.cycle)
                self._announce(PHASE_WORDS[state.phase])
        if state is not None and state.finished and not self._finished_sent:
            self._finished_sent = True
            self.finished.emit()
        self.sync_timer()
        self.update()

    def _announce(self, text: str) -> None:
        if self.announce and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.toggle_requested.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.stop_requested.emit()
        else:
            super().keyPressEvent(event)

    # -- what is shown ------------------------------------------------------------------------

    def words(self) -> tuple[str, str, str, str]:
        """(phase word, countdown, what is left, cue): the texts painted now."""
        session, state = self.session, self._state
        if session is None or not session.started or state is None:
            return ("Ready when you are", "", "Press Space or Start to begin", "")
        if state.finished:
            return ("That's the end", "", "Take a moment before you move on", "")
        if session.paused:
            return ("Paused", "", "Press Space to go on", "")
        cue = ""
        if self.show_cues and self._cues is not None:
            cue = self._cues.cue(state.phase, state.cycle)
        return (PHASE_WORDS[state.phase], str(state.countdown), session.remaining_text(), cue)

    def shape_radius(self) -> float:
        """The radius of the breathing shape now, in pixels."""
        largest = min(self.width(), self.height()) * 0.36
        smallest = largest * 0.35
        fullness = self._state.fullness if self._state is not None else 0.0
        return smallest + (largest - smallest) * fullness

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames_painted += 1
        palette = self.palette()
        accent = accent_colour(palette)
        fullness = self._state.fullness if self._state is not None else 0.0
        centre = QPointF(self.width() / 2, self.height() * 0.44)
        largest = min(self.width(), self.height()) * 0.36
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
            if self.style_name == "shape":
                radius = self.shape_radius()
                guide = QColor(accent)
                guide.setAlpha(50)
                painter.setPen(QPen(guide, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, largest, largest)
                gradient = QRadialGradient(centre, radius)
                inner, outer = QColor(accent), QColor(accent)
                inner.setAlpha(235)
                outer.setAlpha(150)
                gradient.setColorAt(0.0, inner)
                gradient.setColorAt(1.0, outer)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(gradient)
                painter.drawEllipse(centre, radius, radius)
            elif self.style_name == "ring":
                ring = QRectF(centre.x() - largest, centre.y() - largest, 2 * largest, 2 * largest)
                track = QColor(accent)
                track.setAlpha(45)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(track, 12))
                painter.drawEllipse(ring)
                pen = QPen(accent, 12)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawArc(ring, 90 * 16, -round(360 * 16 * fullness))
            elif self.style_name == "glow":
                glow = QColor(accent)
                glow.setAlpha(round(40 + 200 * fullness))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(glow)
                painter.drawEllipse(centre, largest, largest)
            self._paint_words(painter, centre, largest)

    def _paint_words(self, painter: QPainter, centre: QPointF, largest: float) -> None:
        word, countdown, left, cue = self.words()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_colour)
        base = QFont(self.font())
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() * 1.9)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        width = self.width()
        line = painter.fontMetrics().height()
        y = centre.y() - line * (0.9 if countdown else 0.5)
        painter.drawText(QRectF(0, y, width, line * 1.2), Qt.AlignmentFlag.AlignCenter, word)
        if countdown:
            below = QRectF(0, y + line * 1.1, width, line * 1.2)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, countdown)
        painter.setFont(base)
        small = painter.fontMetrics().height()
        bottom = centre.y() + largest + small * 0.6
        if cue:
            painter.drawText(
                QRectF(8, bottom, width - 16, small * 1.4), Qt.AlignmentFlag.AlignCenter, cue
            )
        painter.drawText(
            QRectF(8, bottom + small * 1.5, width - 16, small * 1.4),
            Qt.AlignmentFlag.AlignCenter,
            left,
        )
