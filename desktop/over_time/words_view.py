"""Words you have used: how the range of feeling words has widened since the first one.

A step line climbs each time a word is noted for the first time; a dot marks each word (a ring
for a word of the person's own). The arrow keys move from word to word in the order they came.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from desktop.checkin.feelings import Vocabulary
from desktop.clock import WallClock, today
from desktop.over_time.calendar_view import day_text, long_day, month_title
from desktop.over_time.parts import LOADING, Frame, heading, month_text, wrapping_label
from desktop.over_time.summaries import is_own, mixed_phrases, words_by_month, words_summary
from desktop.store.patterns import WordsUsed
from desktop.texts import translate

MARGIN = 10.0
STEP_WIDTH = 2.0  # the step line's pen


class WordsChart(QWidget):
    def __init__(
        self, vocabulary: Vocabulary, wall: WallClock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("words_chart")
        self.setAccessibleName(translate("OverTime", "How your range of words has widened"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._vocabulary = vocabulary
        self._wall = wall
        self.words = WordsUsed()
        self.current = 0
        self._describe()

    def set_words(self, words: WordsUsed) -> None:
        self.words = words
        self.current = min(self.current, max(0, len(words.words) - 1))
        self._describe()
        self.update()

    def describe_word(self, index: int) -> str:
        use = self.words.words[index]
        first = long_day(dt.date.fromisoformat(use.first_day))
        days = use.days
        text = (
            translate("OverTime", "{word}, a word of your own")
            if is_own(use.word, self._vocabulary)
            else translate("OverTime", "{word}")
        ).format(word=use.word)
        text += translate("OverTime", ": first noted on {first}, on %n day(s)", None, days).format(
            first=first
        )
        if use.last_day != use.first_day:
            text += translate("OverTime", ", most recently on {last}").format(
                last=long_day(dt.date.fromisoformat(use.last_day))
            )
        return text + "."

    def _describe(self) -> None:
        if not self.words.words:
            self.setAccessibleDescription(translate("OverTime", "No feeling words yet."))
            return
        self.setAccessibleDescription(
            self.describe_word(self.current)
            + " "
            + translate("OverTime", "Left and right arrows move from word to word.")
        )

    # -- geometry -----------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        line = float(self.fontMetrics().height())
        return QRectF(
            MARGIN + 4,
            MARGIN + line + 6,
            self.width() - 2 * MARGIN - 8,
            self.height() - 2 * MARGIN - 3 * line - 18,
        )

    def _span(self) -> tuple[dt.date, dt.date]:
        first = dt.date.fromisoformat(self.words.words[0].first_day)
        last = max(today(self._wall), dt.date.fromisoformat(self.words.words[-1].first_day))
        if last <= first:
            last = first + dt.timedelta(days=1)
        return first, last

    def points(self) -> list[QPointF]:
        """Where each word's dot is, in the order the words first appeared."""
        if not self.words.words:
            return []
        plot = self._plot()
        first, last = self._span()
        days = (last - first).days
        total = len(self.words.words)
        found = []
        for index, use in enumerate(self.words.words):
            offset = (dt.date.fromisoformat(use.first_day) - first).days
            x = plot.left() + plot.width() * offset / days
            y = plot.bottom() - plot.height() * (index + 1) / total
            found.append(QPointF(x, y))
        return found

    # -- input --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.words.words)
        key = event.key()
        if not count or key not in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        ):
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.current = max(0, self.current - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.current = min(count - 1, self.current + 1)
        elif key == Qt.Key.Key_Home:
            self.current = 0
        else:
            self.current = count - 1
        self.setToolTip(self.describe_word(self.current))
        self._describe()
        self.update()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.Mid)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            plot = self._plot()
            line = float(painter.fontMetrics().height())
            painter.setPen(QPen(muted, 1))
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
            points = self.points()
            if not points:
                painter.setPen(QPen(text))
                painter.drawText(
                    plot,
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    translate("OverTime", "Your words will gather here."),
                )
                return
            path = QPainterPath(QPointF(plot.left(), plot.bottom()))
            for step in self.steps():
                path.lineTo(step.p1())
                path.lineTo(step.p2())
            painter.setPen(QPen(accent, STEP_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            size = self._dot_size()
            for use, point in zip(self.words.words, points, strict=True):
                if is_own(use.word, self._vocabulary):
                    painter.setPen(QPen(accent, 1.6))
                    painter.setBrush(palette.color(QPalette.ColorRole.Base))
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(accent)
                painter.drawEllipse(point, size, size)
            self._paint_words(painter)
            if self.hasFocus():
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(points[self.current], size + 4, size + 4)
            first, last = self._span()
            count = len(points)
            painter.setPen(QPen(text))
            below = QRectF(plot.left(), plot.bottom() + 4, plot.width(), line)
            painter.drawText(
                below,
                int(Qt.AlignmentFlag.AlignLeft),
                month_title(first.year, first.month),
            )
            painter.drawText(
                below, int(Qt.AlignmentFlag.AlignRight), month_title(last.year, last.month)
            )
            painter.drawText(
                QRectF(plot.left(), MARGIN, plot.width(), line),
                int(Qt.AlignmentFlag.AlignLeft),
                translate("OverTime", "%n different word(s)", None, count),
            )
            self._paint_key(painter, QRectF(plot.left(), below.bottom() + 6, plot.width(), line))

    def _dot_size(self) -> float:
        return max(3.0, min(5.0, self._plot().height() / (len(self.words.words) + 1)))

    def steps(self) -> list[QLineF]:
        """The step line's flat parts: from each word's dot to where the next word came."""
        points = self.points()
        if not points:
            return []
        ends = [point.x() for point in points[1:]] + [self._plot().right()]
        return [
            QLineF(point, QPointF(end, point.y())) for point, end in zip(points, ends, strict=True)
        ]

    def labels(self) -> list[tuple[QRectF, str]]:
        """Where each word is written: just above its own step, after its dot; where the next
        word's rise would cross it, before the dot (up and to the left of a dot is free: earlier
        words lie below it, later ones to the right), or past that rise at the window's left
        edge. None when the steps are closer than a line of text: the list below the chart
        names every word."""
        points = self.points()
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        if not points or self._plot().height() / len(points) < line + 2 * STEP_WIDTH:
            return []
        size = self._dot_size()
        rises = [point.x() for point in points[1:]] + [math.inf]
        found = []
        for use, point, rise in zip(self.words.words, points, rises, strict=True):
            width = metrics.horizontalAdvance(use.word) + 2
            top = point.y() - STEP_WIDTH - line
            after = QRectF(point.x() + size + 4, top, width, line)
            crossed = after.left() - STEP_WIDTH < rise < after.right() + STEP_WIDTH
            for area in (
                after,
                QRectF(point.x() - size - 4 - width, top, width, line),  # before the dot
                QRectF(rise + STEP_WIDTH + 4, top, width, line),  # past the next word's rise
            ):
                if area is after and crossed:
                    continue
                if area.left() >= MARGIN and area.right() <= self.width() - MARGIN:
                    found.append((area, use.word))
                    break
        return found

    def _paint_words(self, painter: QPainter) -> None:
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text)))
        for area, word in self.labels():
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), word
            )

    def _paint_key(self, painter: QPainter, area: QRectF) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        metrics = painter.fontMetrics()
        x = area.left()
        centre_y = area.center().y()
        for own, label in (
            (False, translate("OverTime", "a word from the list")),
            (True, translate("OverTime", "a word of your own")),
        ):
            if own:
                painter.setPen(QPen(accent, 1.6))
                painter.setBrush(palette.color(QPalette.ColorRole.Base))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            painter.drawEllipse(QPointF(x + 5, centre_y), 4.5, 4.5)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text)))
            painter.drawText(
                QRectF(x + 14, area.top(), metrics.horizontalAdvance(label) + 4, area.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x += 14 + metrics.horizontalAdvance(label) + 20


class WordsPage(QWidget):
    def __init__(self, vocabulary: Vocabulary, wall: WallClock) -> None:
        super().__init__()
        self._vocabulary = vocabulary
        self.chart = WordsChart(vocabulary, wall)
        self.summary = wrapping_label("words_summary", translate("OverTime", LOADING))
        self.groups = wrapping_label("words_groups")
        self.groups.setTextFormat(Qt.TextFormat.RichText)
        self.mixed = wrapping_label("words_mixed")
        self.mixed.setTextFormat(Qt.TextFormat.RichText)
        self.frame = Frame("words_frame")
        self.frame.column.addWidget(heading(translate("OverTime", "Words you have used")))
        self.frame.column.addWidget(self.chart, 1)
        self.frame.column.addWidget(self.summary)
        self.frame.column.addWidget(self.groups)
        self.frame.column.addWidget(self.mixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)

    def show_words(self, words: WordsUsed) -> None:
        for step in self.showing(words):
            step()

    def showing(self, words: WordsUsed) -> list[Callable[[], None]]:
        """Showing ``words`` in parts, to run one after another: the chart and its sentence,
        the words by month, the mixed feelings."""
        return [
            partial(self._show_chart, words),
            partial(self._show_groups, words),
            partial(self._show_mixed, words),
        ]

    def _show_chart(self, words: WordsUsed) -> None:
        self.chart.set_words(words)
        self.summary.setText(words_summary(words, self._vocabulary, month_text))

    def _show_groups(self, words: WordsUsed) -> None:
        rows = []
        for month, group in words_by_month(words):
            shown = ", ".join(
                f"<i>{html.escape(w)}</i>" if is_own(w, self._vocabulary) else html.escape(w)
                for w in group
            )
            rows.append(
                f"<tr><td><b>{html.escape(month_text(month + '-01'))}</b>&nbsp;&nbsp;</td>"
                f"<td>{shown}</td></tr>"
            )
        self.groups.setText(
            (
                "<p>"
                + html.escape(
                    translate("OverTime", "When each word first appeared (your own in italics):")
                )
                + "</p><table>"
                + "".join(rows)
                + "</table>"
            )
            if rows
            else ""
        )
        self.groups.setVisible(bool(rows))

    def _show_mixed(self, words: WordsUsed) -> None:
        phrases = mixed_phrases(words, self._vocabulary)
        self.mixed.setText(
            (
                "<p>"
                + html.escape(translate("OverTime", "Mixed feelings, as you put them:"))
                + "</p><ul>"
                + "".join(
                    f"<li>{html.escape(text)} "
                    f"({html.escape(day_text(dt.date.fromisoformat(day)))})</li>"
                    for day, text in phrases
                )
                + "</ul>"
            )
            if phrases
            else ""
        )
        self.mixed.setVisible(bool(phrases))
