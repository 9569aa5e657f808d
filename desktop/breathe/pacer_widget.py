"""The visual pacer: a soft shape that grows with the in-breath and shrinks with the out-breath.

A tick only reads the session's state and asks for a repaint; painting happens in paintEvent.
The timer runs only while a session is running and the pacer is visible: at the screen's rate
while the shape moves, and while the breath is held only when the words change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QStaticText,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.breathe.cues import Cues
from desktop.breathe.pacer import HELD, BreathSession, PacerState
from desktop.breathe.patterns import PHASE_KINDS, Phase, phase_words
from desktop.controls import by_keyboard, shows_focus
from desktop.look import font_at
from desktop.settings import PacerLook
from desktop.texts import QT_TRANSLATE_NOOP, translate

STYLES: dict[PacerLook, str] = {
    "shape": QT_TRANSLATE_NOOP("Pacer", "A shape that grows and shrinks"),
    "ring": QT_TRANSLATE_NOOP("Pacer", "A filling ring (less motion)"),
    "glow": QT_TRANSLATE_NOOP("Pacer", "A glow that brightens and dims (less motion)"),
    "text": QT_TRANSLATE_NOOP("Pacer", "Words only (no motion)"),
}
REDUCED_MOTION_DEFAULT: PacerLook = "ring"
INNER_DISC = 0.82  # the solid disc's radius, as a part of the halo's
EDGE = 3.0  # pixels of antialiasing on either side of a painted edge
RING_WIDTH = 2.5  # the soft focus ring, shown only when the keyboard brought the focus
RING_RADIUS = 16.0


def _at_rest(word: str, hint: str) -> tuple[str, str, str, str]:
    """The pacer's words while nothing breathes: no countdown, no cue."""
    return (word, "", hint, "")


def _square(centre: QPointF, half: float) -> QRect:
    """The whole pixels covering the square of ``half`` around ``centre``."""
    left, top = math.floor(centre.x() - half), math.floor(centre.y() - half)
    right, bottom = math.ceil(centre.x() + half), math.ceil(centre.y() + half)
    return QRect(left, top, right - left, bottom - top)


_Box = tuple[int, int, int, int]  # x, y, width, height


def _paint_background_around(
    painter: QPainter, background: QPixmap, area: QRect, centre: QPointF, covered: float
) -> None:
    """``background`` over ``area``, but for the square inside the circle of radius ``covered``
    around ``centre``: the shape's opaque halo is painted over all of it next.

    (A third to a half of each frame's copying saved, in up to four plain copies: a clip with
    a hole would cost the raster engine more than it saves.)"""
    half = math.floor(covered / math.sqrt(2)) if covered > 0 else 0
    x, y = math.ceil(centre.x()) - half, math.ceil(centre.y()) - half
    _paint_background_except(painter, background, area, QRect(x, y, 2 * half, 2 * half))


def _paint_background_except(
    painter: QPainter, background: QPixmap, area: QRect, hole: QRect
) -> None:
    """``background`` over ``area`` but for ``hole``, which is painted over next: up to four
    plain copies, worked out in whole pixels (each question to Qt costs, at every frame)."""
    ratio = background.devicePixelRatio()
    inner = hole.intersected(area)
    if inner.isEmpty():
        painter.drawPixmap(area, background, _pixels(area, ratio))
        return
    left, top, width, height = cast(_Box, area.getRect())
    x, y, w, h = cast(_Box, inner.getRect())
    right, bottom = left + width, top + height
    parts = (
        (left, top, width, y - top),  # above the hole
        (left, y + h, width, bottom - y - h),  # below it
        (left, y, x - left, h),  # beside it, on the left
        (x + w, y, right - x - w, h),  # and on the right
    )
    for part in parts:
        if part[2] > 0 and part[3] > 0:
            if ratio == 1:
                painter.drawPixmap(part[0], part[1], background, *part)
            else:
                rect = QRect(*part)
                painter.drawPixmap(rect, background, _pixels(rect, ratio))


def _pixels(area: QRect, ratio: float) -> QRect:
    """``area`` in the pixels of an image drawn at ``ratio`` (more of them on a high-density
    screen)."""
    if ratio == 1:
        return area
    return QRectF(
        area.x() * ratio, area.y() * ratio, area.width() * ratio, area.height() * ratio
    ).toAlignedRect()


def _radius(largest: float, fullness: float) -> float:
    """The shape's radius: a third of its largest when empty, all of it when full."""
    smallest = largest * 0.35
    return smallest + (largest - smallest) * fullness


SMALL_STAGE = 110.0  # px of largest radius under which the words step down a size


@dataclass(frozen=True)
class _Look:
    key: tuple[object, ...]
    small: bool  # made for a small stage (Together's pacer, a narrow window): smaller words
    accent: QColor
    halo: QColor
    window: QColor
    text: QColor
    base: QFont
    big: QFont
    base_line: float
    big_line: float


TEXT_MARGIN = 3  # px around a line of words that its glyphs may reach past their advance


@dataclass(frozen=True)
class _ImageLine:
    """A line of the big words, on the shape: an image to copy at every frame."""

    top: float
    at: QPoint
    image: QImage


@dataclass(frozen=True)
class _TextLine:
    """A line of the smaller words, below the shape: prepared text, drawn when it changes."""

    top: float
    point: QPointF
    static: QStaticText
    font: QFont


@dataclass(frozen=True)
class _WordsPlan:
    key: tuple[object, ...]
    look: _Look
    lines: tuple[_ImageLine | _TextLine, ...]
    covered: QRect  # every pixel the lines may paint


def _mix(colour: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``background``, as an opaque colour (cheap to fill)."""
    a = min(max(amount, 0.0), 1.0)
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


def accent_colour(palette: QPalette) -> QColor:
    """A calm teal, soft enough that the window's text stays readable on top of it."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#2e6b64") if dark else QColor("#a8dcd4")


def finishing_words(phase: Phase) -> str:
    """What "That's enough for now" was heard as, for the breath the person is in: the end
    comes with this out-breath, or with the next one while still breathing in or holding."""
    if phase in ("out", "hold_out"):
        return translate("Pacer", "Finishing with this out-breath")
    return translate("Pacer", "Finishing with the next out-breath")


def frame_period_ms(refresh_rate: float | None) -> float:
    """The time between frames on a screen of ``refresh_rate`` Hz (None or 0: one that does not
    say, taken as 60), never under 8 ms (125 frames a second at most)."""
    rate = refresh_rate if refresh_rate is not None and refresh_rate > 1 else 60.0
    return max(8.0, 1000 / rate)


def next_tick(now_ms: float, due_ms: float, period_ms: float) -> tuple[int, float]:
    """(whole ms to wait, when that tick is due) for frames at the screen's own pace, given
    when the tick now running was due. Timers count whole milliseconds: a steady 16 ms paints
    62.5 frames a second on a 60 Hz screen (2.5 of them never seen), a steady 17 ms 58.8 (a
    gap now and then). Waiting 17, 17, 16, ... keeps 60, and a tick that woke late is followed
    by a shorter wait; one more than half a frame late starts the count again from now. Each frame
    shows the breath at the clock's time, so the breath never drifts whatever the wait."""
    due = due_ms + period_ms
    if due - now_ms < period_ms / 2:
        due = now_ms + period_ms  # never two frames within one refresh of the screen
    return round(due - now_ms), due


class PacerWidget(QWidget):
    phase_changed = Signal(str, int)  # a Phase, the cycle
    finished = Signal()
    toggle_requested = Signal()  # Space
    stop_requested = Signal()  # Esc

    def __init__(self, cues: Cues | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacer")
        self.setAccessibleName(translate("BreathePacerWidget", "Breathing pacer"))
        self._keys_hint = translate("BreathePacerWidget", "Space starts and pauses. Escape stops.")
        self.setAccessibleDescription(self._keys_hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self._ring = False  # the focus shows as a soft ring (see shows_focus)
        self.session: BreathSession | None = None
        self.style_name: PacerLook = "shape"
        self.show_cues = False
        self.announce = False
        self._cues = cues
        self._phase_words = {kind: phase_words(kind) for kind in PHASE_KINDS}
        self._state: PacerState | None = None
        self._last_phase: tuple[int, Phase] | None = None
        self._finished_sent = False
        self._last_words: tuple[str, str, str, str] | None = None
        self._last_radius: float | None = None  # the shape's radius the last tick asked for
        self._geometry_cache: tuple[tuple[int, int], QPointF, float] | None = None
        self.frames_painted = 0
        self._look_cache: _Look | None = None
        self._texts: dict[tuple[str, int], QStaticText] = {}
        self._text_images: dict[tuple[object, ...], tuple[QImage, QPoint]] = {}
        self._words_plan: _WordsPlan | None = None  # how the words shown now are drawn
        self._background_cache: QPixmap | None = None
        self._background_key: tuple[object, ...] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # One frame's wait at a time (next_tick), at the screen's rate.
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)
        self._period_ms = frame_period_ms(None)  # set again at each start, from the screen
        self.timer.setInterval(round(self._period_ms))
        # Frames are timed by the machine's fine clock, not the session's: the screen keeps
        # real time, and time.monotonic() counts in steps of 15.6 ms on Windows before 3.13.
        self._frame_clock = QElapsedTimer()
        self._frame_clock.start()
        self._due_ms = 0.0  # when the tick the timer waits for is due, on that clock
        self.timer.timeout.connect(self._tick)
        # A phase change is painted when it happens, not up to a frame later.
        self.boundary_timer = QTimer(self)
        self.boundary_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.boundary_timer.setSingleShot(True)
        self.boundary_timer.timeout.connect(self.refresh)

    # -- control ------------------------------------------------------------------------------

    def set_session(self, session: BreathSession | None) -> None:
        self.session = session
        self._last_phase = None
        self._finished_sent = False
        self.refresh()

    def set_style(self, look: PacerLook) -> None:
        self.style_name = look if look in STYLES else "shape"
        self.update()
        self.refresh()  # from words only to a moving look: frames at the screen's rate again

    def _keep_time(self, state: PacerState | None, ticked: bool) -> None:
        """When the next frame comes: at the screen's pace while the shape moves; while nothing
        moves (a held breath, or the words-only look), when the words next change; never while
        nothing breathes or nobody can see it. ``ticked``: the frame timer woke for this one."""
        session = self.session
        if state is None or session is None or not session.running or not self.isVisible():
            self.timer.stop()
            self.boundary_timer.stop()
            return
        now = self._now_ms()
        if state.phase in HELD or self.style_name == "text":
            # A still picture is not painted again: wake when it changes (a millisecond late
            # rather than early, so the words have changed by then).
            wait = math.ceil(session.next_change_ms(state)) + 1
            self.boundary_timer.stop()
            self.timer.start(wait)
            self._due_ms = now + wait
            return
        if ticked:
            wait, self._due_ms = next_tick(now, self._due_ms, self._period_ms)
            self.timer.start(wait)
        elif not self.timer.isActive() or self._due_ms - now > self._period_ms:
            # Starting, or moving again after a still picture woken early (a new pattern,
            # "That's enough for now"): frames from now, at the screen's rate.
            screen = self.screen()
            self._period_ms = frame_period_ms(screen.refreshRate() if screen else None)
            self._due_ms = now + self._period_ms
            self.timer.start(round(self._period_ms))
        if state.seconds_left * 1000 < self.timer.interval():
            # A phase change that falls between two frames is painted when it happens.
            self.boundary_timer.start(math.ceil(state.seconds_left * 1000))

    def _now_ms(self) -> float:
        return self._frame_clock.nsecsElapsed() / 1e6

    def _tick(self) -> None:
        self._show(self._read_state(), ticked=True)

    def state_text(self) -> str:
        """The pacer's state in words, for a screen reader: what it shows, without the countdown
        that changes every second ("Breathe in. 4:59 left.")."""
        word, _, left, _ = self.words()
        return ". ".join(part for part in (word, left) if part) + "."

    def refresh(self) -> None:
        """Read the state from the session's clock; emit changes; ask for a repaint of what
        changed, if anything did."""
        self._show(self._read_state(), ticked=False)

    def _read_state(self) -> PacerState | None:
        """The state now, read once from the session's clock; a new phase or the end told."""
        session = self.session
        state = session.state() if session is not None and session.started else None
        self._state = state
        if state is not None and not state.finished:
            key = (state.cycle, state.phase)
            if key != self._last_phase:
                self._last_phase = key
                self.phase_changed.emit(state.phase, state.cycle)
                self._announce(self._phase_words[state.phase])
        elif state is not None and not self._finished_sent:
            self._finished_sent = True
            self.finished.emit()
        return self._state  # (someone told may have moved the session on)

    def _show(self, state: PacerState | None, ticked: bool) -> None:
        """Ask for a repaint of what ``state`` changes on the pacer, and for the next frame."""
        self._keep_time(state, ticked)
        words = self.words()
        centre, largest = self._geometry()
        radius = _radius(largest, state.fullness if state is not None else 0.0)
        moved = radius != self._last_radius and self.style_name != "text"
        changed = words != self._last_words
        if not moved and not changed:
            return  # the same picture: nothing to paint
        area = QRect()
        if moved:
            area = self._animated_area(self._last_radius, radius, centre, largest)
        if changed:
            area |= self._words_area(self._last_words, words)
            if self._last_words is None or words[0] != self._last_words[0]:
                # The state as text, for screen readers: worded again when the phase changes.
                self.setAccessibleDescription(f"{self.state_text()} {self._keys_hint}")
        self.update(area)
        self._last_words, self._last_radius = words, radius

    def _animated_area(
        self, old_radius: float | None, radius: float, centre: QPointF, largest: float
    ) -> QRect:
        """What a tick changes in the shape. While the shape grows or shrinks, it changes
        nothing beyond its larger edge of the two frames: a smaller square while the shape is
        small. (One rectangle: a clip with a hole, or painting its parts one by one, costs the
        raster engine more than the pixels saved.)"""
        if self.style_name == "shape" and old_radius is not None:
            return _square(centre, max(old_radius, radius) + EDGE)
        return _square(centre, largest + 10)  # the ring's pen and antialiasing

    def _words_area(
        self, old: tuple[str, str, str, str] | None, new: tuple[str, str, str, str]
    ) -> QRect:
        """What a change of words repaints: where the old words were and the new ones go
        (a long word in a small window may reach past the shape)."""
        if old is None:
            return self.rect()
        look = self._look()
        return self._plan(old, look).covered | self._plan(new, look).covered

    def _announce(self, text: str) -> None:
        if self.announce and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def focusInEvent(self, event: QFocusEvent) -> None:
        # A click (or a session starting) gives the focus without a box around the pacer; the
        # keyboard's Tab shows where Space and Escape go, as a soft ring.
        super().focusInEvent(event)
        # Worked out here, not at every frame: the paint path asks Qt nothing it need not.
        self._ring = shows_focus(self, by_keyboard(event.reason()))
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._ring = False
        super().focusOutEvent(event)
        self.update()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()
        self.boundary_timer.stop()

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
            return _at_rest(
                translate("Pacer", "Ready when you are"),
                translate("Pacer", "Press Space or Start to begin"),
            )
        if state.finished:
            return _at_rest(
                translate("Pacer", "Rest a moment"),
                translate("Pacer", "There is no hurry to move on"),
            )
        if session.paused:
            return _at_rest(
                translate("Pacer", "Paused"), translate("Pacer", "Press Space to go on")
            )
        cue = ""
        if self.show_cues and self._cues is not None:
            cue = self._cues.cue(state.phase, state.cycle)
        left = finishing_words(state.phase) if session.finishing else session.remaining_text()
        return (self._phase_words[state.phase], str(state.countdown), left, cue)

    def shape_radius(self) -> float:
        """The radius of the breathing shape now, in pixels."""
        _, largest = self._geometry()
        return _radius(largest, self._state.fullness if self._state is not None else 0.0)

    def _background(self) -> QPixmap:
        """The window colour, the faint guide ring and the soft focus ring: drawn once per size,
        palette, style and focus (the frame lies outside what a tick repaints)."""
        ratio = self.devicePixelRatioF()
        # (A palette change drops the cache: see changeEvent. Asking the palette at every
        # frame would copy it.)
        width, height = self._size()
        ring = self._ring
        key = (width, height, ratio, self.style_name, ring)
        if self._background_key != key or self._background_cache is None:
            # Whole device pixels over all of the widget: at a scale like 125% rounding could
            # leave its last column or row unpainted.
            pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            palette = self.palette()
            pixmap.fill(palette.color(QPalette.ColorRole.Window))
            if self.style_name in ("shape", "ring"):
                centre, largest = self._geometry()
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                track = QColor(accent_colour(palette))
                track.setAlpha(60 if self.style_name == "shape" else 45)
                painter.setPen(QPen(track, 1.5 if self.style_name == "shape" else 12))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, largest, largest)
                painter.end()
            if ring:  # where Space and Escape go, for someone using the keyboard
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), RING_WIDTH))
                inset = RING_WIDTH / 2 + 2
                area = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
                painter.drawRoundedRect(area, RING_RADIUS, RING_RADIUS)
                painter.end()
            self._background_cache, self._background_key = pixmap, key
        return self._background_cache

    def _geometry(self) -> tuple[QPointF, float]:
        """The shape's centre and its largest radius (worked out once per size: a resize drops
        them, so a frame asks Qt nothing for them)."""
        if self._geometry_cache is None:
            size = (self.width(), self.height())
            centre = QPointF(size[0] / 2, size[1] * 0.44)
            self._geometry_cache = (size, centre, min(size) * 0.36)
        return self._geometry_cache[1], self._geometry_cache[2]

    def _size(self) -> tuple[int, int]:
        """The widget's size as of the last resize (without asking Qt at every frame)."""
        self._geometry()
        assert self._geometry_cache is not None
        return self._geometry_cache[0]

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._geometry_cache = None
        self._words_plan = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._look_cache = None  # worked out again at the next paint, not every frame
            self._background_key = None
        super().changeEvent(event)

    def _look(self) -> _Look:
        """Colours and fonts for painting, worked out again only when the palette or font change,
        or the stage grows past or shrinks under ``SMALL_STAGE``: on a small stage the phase word
        at the pacer's size would cover the shape it names."""
        small = self._geometry()[1] < SMALL_STAGE
        if self._look_cache is None or self._look_cache.small != small:
            palette = self.palette()
            key = (palette.cacheKey(), self.font().key())
            base = QFont(self.font())
            big = font_at(base, "heading" if small else "pacer")
            accent = accent_colour(palette)
            window = palette.color(QPalette.ColorRole.Window)
            self._look_cache = _Look(
                key=key,
                small=small,
                accent=accent,
                halo=_mix(accent, window, 0.55),
                window=window,
                text=palette.color(QPalette.ColorRole.WindowText),
                base=base,
                big=big,
                base_line=QFontMetricsF(base).height(),
                big_line=QFontMetricsF(big).height(),
            )
            self._texts.clear()
            self._text_images.clear()
        return self._look_cache

    def _static_text(self, text: str, font: QFont) -> QStaticText:
        # Laid out once per string: the words change about once a second, frames 60 times.
        # The look's two fonts live as long as the cache of texts, so their ids tell them apart.
        key = (text, id(font))
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) > 64:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            self._texts[key] = static
        return static

    def paintEvent(self, event: QPaintEvent) -> None:
        # Kept cheap: it runs at the screen's rate. Solid fills, a cached background and
        # prepared text cost a fraction of gradients, fresh rings and text layout.
        self.frames_painted += 1
        look = self._look()
        fullness = self._state.fullness if self._state is not None else 0.0
        centre, largest = self._geometry()
        with QPainter(self) as painter:
            if self.style_name == "shape":
                radius = _radius(largest, fullness)
                _paint_background_around(
                    painter, self._background(), event.rect(), centre, radius - EDGE
                )
                self._paint_discs(painter, centre, radius, look)
            else:
                painter.drawPixmap(0, 0, self._background())
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
            if self.style_name == "ring":
                ring = QRectF(centre.x() - largest, centre.y() - largest, 2 * largest, 2 * largest)
                pen = QPen(look.accent, 12)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawArc(ring, 90 * 16, -round(360 * 16 * fullness))
            elif self.style_name == "glow":
                painter.setBrush(_mix(look.accent, look.window, 0.15 + 0.85 * fullness))
                painter.drawEllipse(centre, largest, largest)
            self._paint_words(painter, look, event.rect())

    @staticmethod
    def _paint_discs(painter: QPainter, centre: QPointF, radius: float, look: _Look) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.halo)
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(look.accent)
        painter.drawEllipse(centre, radius * INNER_DISC, radius * INNER_DISC)

    def _paint_words(self, painter: QPainter, look: _Look, area: QRect) -> None:
        # The words were worked out by the tick that asked for this frame. Lines outside the
        # repainted area (those below the shape, between their changes) are not drawn at all.
        plan = self._plan(self._last_words or self.words(), look)
        area_top, area_bottom = area.top(), area.bottom()
        for line in plan.lines:
            if area_top <= line.top + look.big_line and line.top <= area_bottom:
                if isinstance(line, _ImageLine):  # on the shape: painted again at every frame
                    painter.drawImage(line.at, line.image)
                else:
                    painter.setPen(look.text)
                    painter.setFont(line.font)
                    painter.drawStaticText(line.point, line.static)

    def _plan(self, words: tuple[str, str, str, str], look: _Look) -> _WordsPlan:
        """Where and how each of ``words`` is drawn, worked out once for each set of words (a
        few times a second), not at every frame."""
        ratio = self.devicePixelRatioF()
        key = (words, self.show_cues, ratio)
        plan = self._words_plan
        if plan is not None and plan.look is look and plan.key == key:
            return plan
        word, countdown, left, cue = words
        centre, largest = self._geometry()
        y = centre.y() - look.big_line * (0.9 if countdown else 0.5)
        lines = [(word, look.big, y), (countdown, look.big, y + look.big_line * 1.1)]
        bottom = centre.y() + largest + look.base_line * 0.6
        if self.show_cues:  # the cue's line stays, so what is left never jumps between phases
            lines += [(cue, look.base, bottom), (left, look.base, bottom + look.base_line * 1.5)]
        else:  # what is left takes its place: on a short stage the second line is cut off
            lines.append((left, look.base, bottom))
        drawn: list[_ImageLine | _TextLine] = []
        covered = QRect()
        for text, font, top in lines:
            if not text:
                continue
            static = self._static_text(text, font)
            x = centre.x() - static.size().width() / 2
            if font is look.big:
                image, at = self._text_image(static, text, look, x, top)
                drawn.append(_ImageLine(top, at, image))
                covered |= QRectF(QPointF(at), image.deviceIndependentSize()).toAlignedRect()
            else:
                point = QPointF(x, top)
                drawn.append(_TextLine(top, point, static, font))
                # Glyphs may reach a little past their advance, as in _text_image.
                box = QRectF(point, static.size()).toAlignedRect()
                covered |= box.adjusted(-TEXT_MARGIN, -TEXT_MARGIN, TEXT_MARGIN, TEXT_MARGIN)
        self._words_plan = _WordsPlan(key, look, tuple(drawn), covered)
        return self._words_plan

    def _text_image(
        self, static: QStaticText, text: str, look: _Look, left: float, top: float
    ) -> tuple[QImage, QPoint]:
        """The big words as an image to copy, and where it goes: the shape under them is painted
        at every frame, and copying the image costs a fraction of drawing the glyphs again.
        Drawn at the same fraction of a pixel as the words themselves would be."""
        ratio = self.devicePixelRatioF()
        key = (text, left, top, ratio)
        known = self._text_images.get(key)
        if known is None:
            if len(self._text_images) > 32:
                self._text_images.clear()
            margin = TEXT_MARGIN
            x, y = math.floor(left) - margin, math.floor(top) - margin
            size = static.size()
            width = math.ceil(size.width()) + 2 * margin + 1
            height = math.ceil(size.height()) + 2 * margin + 1
            image = QImage(
                round(width * ratio),
                round(height * ratio),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            with QPainter(image) as painter:
                painter.setPen(look.text)
                painter.setFont(look.big)
                painter.drawStaticText(QPointF(left - x, top - y), static)
            known = self._text_images[key] = (image, QPoint(x, y))
        return known
