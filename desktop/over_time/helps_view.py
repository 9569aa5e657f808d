"""What seems to help: how the "how settled" answer moved from before to after, per session.

Each session is a dot at its change (stacked, or a soft column where there are many); with enough
sessions, the middle half is shaded and the middle (median) is marked. One colour, no red or
green: a change is something noticed, not a grade.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.over_time.marks import kind_label
from desktop.over_time.parts import LOADING, Frame, heading, wrapping_label
from desktop.over_time.summaries import (
    TOO_FEW,
    Changes,
    comparison_ready,
    counted,
    describe_changes,
    describe_comparison,
    spread,
)
from desktop.store.patterns import PracticeChanges
from desktop.texts import translate

REACH = 4  # answers run from 1 to 5: a change is at most four steps either way
SHOWN_REACH = 2  # the strip shows at least two steps either way, more where a change went further


class ChangeStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_strip")
        self.setAccessibleName(translate("OverTime", "Change in how settled, before to after"))
        self.setMinimumSize(260, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.counts: dict[int, int] = {}
        self.reach = SHOWN_REACH

    def set_changes(self, changes: Changes, description: str) -> None:
        self.counts = {}
        for change, sessions in counted(changes).items():
            shown = max(-REACH, min(REACH, change))
            self.counts[shown] = self.counts.get(shown, 0) + sessions
        self.reach = max([SHOWN_REACH, *(abs(c) for c in self.counts)])
        self.setAccessibleDescription(description)
        self.update()

    def sizeHint(self):  # type: ignore[no-untyped-def]
        size = super().sizeHint()
        size.setHeight(self.fontMetrics().height() * 4 + 150)
        return size

    def column_x(self, change: float) -> float:
        plot = self._plot()
        return plot.left() + plot.width() * (change + self.reach) / (2 * self.reach)

    def _plot(self) -> QRectF:
        line = float(self.fontMetrics().height())
        return QRectF(24, 8, self.width() - 48, self.height() - 3 * line - 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            plot = self._plot()
            step = plot.width() / (2 * self.reach)
            found = spread(self.counts) if sum(self.counts.values()) >= TOO_FEW else None
            if found is not None:
                band = QRectF(
                    self.column_x(found.low) - step * 0.45,
                    plot.top(),
                    self.column_x(found.high) - self.column_x(found.low) + step * 0.9,
                    plot.height(),
                )
                painter.fillRect(band, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
            zero = self.column_x(0)
            painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()))
            counts = self.counts
            biggest = max(counts.values(), default=0)
            dot = max(4.0, min(step * 0.6, 12.0, plot.height() / max(biggest, 1) - 2))
            room = max(1, int(plot.height() // (dot + 2)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            for change, count in counts.items():
                x = self.column_x(change)
                if biggest <= room:
                    for i in range(count):
                        y = plot.bottom() - (i + 0.5) * (dot + 2) - 1
                        painter.drawEllipse(QPointF(x, y), dot / 2, dot / 2)
                else:  # too many to stack: a soft column as tall as their share
                    height = plot.height() * count / biggest
                    width = max(dot, min(step * 0.35, 14.0))
                    painter.drawRoundedRect(
                        QRectF(x - width / 2, plot.bottom() - height, width, height),
                        width / 2,
                        width / 2,
                    )
            line = float(painter.fontMetrics().height())
            if found is not None:
                middle = self.column_x(found.median)
                pen = QPen(text, 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(middle, plot.top()), QPointF(middle, plot.bottom()))
                painter.drawText(
                    QRectF(middle + 4, plot.top(), 200, line),
                    int(Qt.AlignmentFlag.AlignLeft),
                    translate("OverTime", "middle"),
                )
            painter.setPen(QPen(text))
            for change in range(-self.reach, self.reach + 1):
                number = f"{change:+d}".replace("-", "\u2212") if change else "0"
                painter.drawText(
                    QRectF(self.column_x(change) - step / 2, plot.bottom() + 2, step, line),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    number,
                )
            labels = QRectF(8, plot.bottom() + line + 4, self.width() - 16, line)
            painter.drawText(
                labels, int(Qt.AlignmentFlag.AlignLeft), translate("OverTime", "less settled after")
            )
            painter.drawText(
                labels, int(Qt.AlignmentFlag.AlignHCenter), translate("OverTime", "no change")
            )
            painter.drawText(
                labels,
                int(Qt.AlignmentFlag.AlignRight),
                translate("OverTime", "more settled after"),
            )
            if found is not None:
                painter.drawText(
                    QRectF(8, labels.bottom() + 2, self.width() - 16, line),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    translate("OverTime", "shaded: the middle half of the sessions"),
                )


class HelpsPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.frame = Frame("helps_frame")
        self.frame.column.addWidget(heading(translate("OverTime", "What seems to help")))
        self.note = wrapping_label(
            "helps_note",
            translate(
                "OverTime",
                "How settled you felt before and after a practice, as you answered. This shows "
                "what you noticed; it is not a verdict on you or on any practice.",
            ),
        )
        self.frame.column.addWidget(self.note)
        self.summary = wrapping_label("helps_summary", translate("OverTime", LOADING))
        self.frame.column.addWidget(self.summary)
        self.blocks = QVBoxLayout()
        self.blocks.setSpacing(8)
        self.frame.column.addLayout(self.blocks)
        self.frame.column.addStretch()
        self.strips: dict[str, ChangeStrip] = {}
        self.descriptions: dict[str, QLabel] = {}
        self.comparisons: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)

    def show_changes(self, practices: list[PracticeChanges]) -> None:
        for step in self.showing(practices):
            step()

    def showing(self, practices: list[PracticeChanges]) -> list[Callable[[], None]]:
        """Showing ``practices`` in parts, to run one after another: what was shown before
        cleared away, then each practice's block."""
        return [
            partial(self._clear, bool(practices)),
            *(partial(self._show_practice, practice) for practice in practices),
        ]

    def _clear(self, any_practice: bool) -> None:
        while self.blocks.count():
            item = self.blocks.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.strips.clear()
        self.descriptions.clear()
        self.comparisons.clear()
        self.summary.setVisible(not any_practice)
        if not any_practice:
            self.summary.setText(
                translate(
                    "OverTime",
                    "When a practice asks how settled you feel before and after, what you "
                    "noticed shows here.",
                )
            )

    def _show_practice(self, practice: PracticeChanges) -> None:
        name = kind_label(practice.kind)
        block = QWidget()
        column = QVBoxLayout(block)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(f"<b>{html.escape(name.capitalize())}</b>"))
        description = wrapping_label(f"helps_{practice.kind}")
        description.setText(describe_changes(name, practice.counts))
        if practice.counts:
            strip = ChangeStrip()
            strip.set_changes(practice.counts, description.text())
            column.addWidget(strip)
            self.strips[practice.kind] = strip
        column.addWidget(description)
        comparison = wrapping_label(f"compare_{practice.kind}")
        comparison.setTextFormat(Qt.TextFormat.RichText)
        lines = describe_comparison(name, practice.comparison)
        if comparison_ready(practice.comparison):
            comparison.setText(
                f"<p>{html.escape(lines[0])}</p><ul>"
                + "".join(f"<li>{html.escape(line)}</li>" for line in lines[1:])
                + "</ul><p>"
                + html.escape(
                    translate(
                        "OverTime",
                        "Words noted on the same days are not a cause; they sit side by side.",
                    )
                )
                + "</p>"
            )
        else:
            comparison.setText(html.escape(lines[0]))
        column.addWidget(comparison)
        self.descriptions[practice.kind] = description
        self.comparisons[practice.kind] = comparison
        self.blocks.addWidget(block)
