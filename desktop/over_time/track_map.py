"""Where one piece of music has landed: the body map for one track, and the moments in it.

Opened from the Listen tab (the shell wires its request here). The strip under the map is the
track from start to end with a mark at each check-in; the arrow keys move between them, and the
places of the chosen one are outlined on the map.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.body import STRENGTH_LABELS, region_labels
from desktop.controls import named
from desktop.look import resize_within_screen
from desktop.over_time.body_view import (
    BodyDrawing,
    BodyHeatView,
    HeatPicture,
    heat_picture,
    make_kernels,
)
from desktop.over_time.loader import Executor, Loader
from desktop.over_time.saving import FileDialogSaver, PictureSaver, save_picture
from desktop.store import Store
from desktop.store.listening import format_position
from desktop.store.patterns import TrackMoment, totals_of, track_moments
from desktop.texts import translate

REACH_PX = 8


def moment_text(moment: TrackMoment, labels: dict[str, str]) -> str:
    """ "1:23: chest, clear: warm, open" for a screen reader and the list beneath the map."""
    when = format_position(moment.position_ms) or translate("OverTime", "a moment")
    if moment.nothing_concrete or not moment.marks:
        what = translate("OverTime", "nothing concrete, you just listened")
    else:
        parts = []
        for region, strength, qualities in moment.marks:
            place = labels.get(region, region.replace("_", " "))
            how = translate("Body", STRENGTH_LABELS.get(strength, strength)).lower()
            felt = ", ".join(qualities)
            parts.append(f"{place}, {how}: {felt}" if felt else f"{place}, {how}")
        what = "; ".join(parts)
    return translate("OverTime", "{when}: {what}").format(when=when, what=what)


class MomentsStrip(QWidget):
    """The track from start to end, with a mark at each check-in."""

    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moments_strip")
        self.setAccessibleName(translate("OverTime", "Moments in the track"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 56)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.moments: list[TrackMoment] = []
        self.duration_ms = 0
        self.current = 0
        self._labels = region_labels()
        self._describe()

    def sizeHint(self):  # type: ignore[no-untyped-def]
        size = super().sizeHint()
        size.setHeight(self.fontMetrics().height() + 44)
        return size

    def set_moments(self, moments: list[TrackMoment], duration_ms: int) -> None:
        self.moments = [m for m in moments if m.position_ms is not None]
        longest = max((m.position_ms or 0 for m in self.moments), default=0)
        self.duration_ms = max(duration_ms, longest, 1)
        self.current = 0
        self._describe()
        self.update()

    def _describe(self) -> None:
        if not self.moments:
            self.setAccessibleDescription(translate("OverTime", "No check-ins on this track yet."))
            return
        self.setAccessibleDescription(
            moment_text(self.moments[self.current], self._labels)
            + ". "
            + translate("OverTime", "Left and right arrows move between check-ins.")
        )

    def _line(self) -> QRectF:
        return QRectF(16, 14, self.width() - 32, 0)

    def marker_x(self, moment: TrackMoment) -> float:
        line = self._line()
        return line.left() + line.width() * (moment.position_ms or 0) / self.duration_ms

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.moments):
            self.current = index
            self._describe()
            self.current_changed.emit(index)
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.choose(max(0, self.current - 1))
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.choose(min(len(self.moments) - 1, self.current + 1))
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        nearest = min(
            range(len(self.moments)),
            key=lambda i: abs(self.marker_x(self.moments[i]) - x),
            default=None,
        )
        if nearest is not None and abs(self.marker_x(self.moments[nearest]) - x) <= REACH_PX:
            self.choose(nearest)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            line = self._line()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 3))
            painter.drawLine(line.topLeft(), line.topRight())
            for index, moment in enumerate(self.moments):
                centre = QPointF(self.marker_x(moment), line.top())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawEllipse(centre, 5, 5)
                if index == self.current:
                    painter.setPen(QPen(text if self.hasFocus() else accent, 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(centre, 9, 9)
            painter.setPen(QPen(text))
            row = QRectF(line.left() - 8, line.top() + 12, line.width() + 16, self.height() - 28)
            painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft), "0:00")
            painter.drawText(
                row, int(Qt.AlignmentFlag.AlignRight), format_position(self.duration_ms)
            )


@dataclass(frozen=True)
class TrackPicture:
    moments: list[TrackMoment]
    duration_ms: int
    picture: HeatPicture


class TrackMapDialog(QDialog):
    def __init__(
        self,
        store: Store,
        track_id: int,
        title: str,
        body_svg: str,
        executor: Executor | None = None,
        saver: PictureSaver | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("track_map")
        self.setWindowTitle(translate("OverTime", "Where this music has landed"))
        self._title = title
        self._saver = saver or FileDialogSaver()
        self._labels = region_labels()
        self.frame = QWidget()
        self.frame.setAutoFillBackground(True)
        self.heading = QLabel(
            "<h3>"
            + html.escape(translate("OverTime", "Where {title} has landed").format(title=title))
            + "</h3>"
        )
        self.heading.setWordWrap(True)
        self.view = BodyHeatView(BodyDrawing.from_svg(body_svg))
        self.view.setAccessibleName(translate("OverTime", "Where this music has landed"))
        self.strip = MomentsStrip()
        self.summary = QLabel(translate("OverTime", "Looking through what you have kept…"))
        self.summary.setObjectName("track_map_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(self.frame)
        column.addWidget(self.heading)
        column.addWidget(self.view, 1)
        column.addWidget(self.strip)
        column.addWidget(self.summary)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = named(
            QPushButton(translate("OverTime", "&Save as picture…")),
            translate("OverTime", "Save as picture…"),
            translate("OverTime", "Saves this picture as a PNG file, to keep or to show"),
        )
        self.close_button = named(
            QPushButton(translate("OverTime", "Close")),
            translate("OverTime", "Close"),
            translate("OverTime", "Back to the music"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.frame, 1)
        layout.addLayout(buttons)
        resize_within_screen(self, 560, 700)
        self.strip.current_changed.connect(self._show_moment)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.loader = Loader(store, executor, self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(lambda _name, problem: self.message.setText(problem))
        svg = body_svg

        def job(conn: sqlite3.Connection) -> TrackPicture:
            moments = track_moments(conn, track_id)
            row = conn.execute("SELECT duration FROM tracks WHERE id = ?", (track_id,)).fetchone()
            duration = int((row[0] or 0) * 1000) if row else 0
            return TrackPicture(
                moments, duration, heat_picture(make_kernels(svg), totals_of(moments))
            )

        self.loader.request("track", job)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.close()
        super().closeEvent(event)

    def ready(self) -> bool:
        return not self.loader.pending("track")

    def _on_loaded(self, _name: str, result: object) -> None:
        if not isinstance(result, TrackPicture):
            return
        self.view.set_picture(result.picture)
        self.strip.set_moments(result.moments, result.duration_ms)
        count = len(result.moments)
        if not count:
            self.summary.setText(
                html.escape(
                    translate(
                        "OverTime",
                        "No check-ins on this track yet. When you check in while it plays, "
                        "where it lands shows here.",
                    )
                )
            )
            return
        items = "".join(
            f"<li>{html.escape(moment_text(m, self._labels))}</li>" for m in result.moments
        )
        self.summary.setText(
            "<p>"
            + html.escape(
                translate("OverTime", "%n check-in(s) on this track:", None, count)
                + " "
                + self.view.summary()
            )
            + f"</p><ul>{items}</ul>"
        )
        self._show_moment(self.strip.current)

    def _show_moment(self, index: int) -> None:
        if 0 <= index < len(self.strip.moments):
            self.view.set_highlighted({region for region, _, _ in self.strip.moments[index].marks})

    def save(self) -> None:
        _, words = save_picture(self.frame, self._saver, self, "glimmers-track.png")
        if words:
            self.message.setText(words)
