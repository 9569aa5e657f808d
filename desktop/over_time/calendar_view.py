"""Days with a practice: a month or a year, each day with a small mark per kind of practice.

No mood colours, nothing drawn on a day with nothing kept, no counts of gaps. The arrow keys
move between days, Page Up and Page Down between months (or years), Enter opens a day's items
in the journal's timeline.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.clock import WallClock, today
from desktop.controls import named
from desktop.over_time.marks import draw_legend, draw_mark, kind_label
from desktop.over_time.summaries import day_description, month_days, month_summary, year_summary
from desktop.settings import CalendarSpan
from desktop.store.patterns import PracticeDays
from desktop.texts import translate

MONTH: CalendarSpan = "month"
YEAR: CalendarSpan = "year"
MARGIN = 8.0


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def month_title(year: int, month: int) -> str:
    # The pattern is QLocale's (MMMM: the month's name); a translation can reorder it.
    return QLocale().toString(QDate(year, month, 1), translate("OverTime", "MMMM yyyy"))


def day_text(day: dt.date) -> str:
    return QLocale().toString(qdate(day), translate("OverTime", "d MMMM"))


def long_day(day: dt.date) -> str:
    return QLocale().toString(qdate(day), translate("OverTime", "dddd d MMMM yyyy"))


def month_name(month: int) -> str:
    return QLocale().monthName(month, QLocale.FormatType.LongFormat)


class CalendarView(QWidget):
    day_activated = Signal(str)  # a day with something kept, chosen: show it in the journal
    period_changed = Signal()  # another month or year is shown

    def __init__(self, wall: WallClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(
            self,
            translate("OverTime", "Days with a practice"),
            translate(
                "OverTime",
                "Arrow keys move between days, Page Up and Page Down between months. "
                "Enter shows a day's items in the journal.",
            ),
            object_name="calendar_view",
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(300, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._wall = wall
        self.days = PracticeDays(())
        self.mode: CalendarSpan = MONTH
        self.focus_day = today(wall)
        self._given_days = False  # the days kept have not come yet (they are read elsewhere)
        first: object = QLocale().firstDayOfWeek()
        self._week_start = int(getattr(first, "value", 1)) - 1  # 0 for Monday, as date.weekday()

    # -- state --------------------------------------------------------------------------------

    def set_days(self, days: PracticeDays) -> None:
        first = not self._given_days
        self._given_days = True
        self.days = days
        if first:
            self._open_where_kept()
        self._describe_focus()
        self.update()

    def _open_where_kept(self) -> None:
        """Opened on a month with nothing kept yet (the first days of one, say), the calendar
        shows the latest day that has something instead of a page of empty days. Only when
        the days first come: later they never move what the person is looking at."""
        current = today(self._wall)
        first, last = month_days(current.year, current.month)
        kept = [day for day in self.days.by_day if day <= current.isoformat()]
        if not kept or any(first <= day <= last for day in kept):
            return
        self.set_focus_day(dt.date.fromisoformat(max(kept)))

    def set_mode(self, mode: CalendarSpan) -> None:
        if mode != self.mode:
            self.mode = mode
            self.period_changed.emit()
            self.update()

    def step(self, count: int) -> None:
        """Show the month (or year) ``count`` later; negative goes back."""
        months = count * (12 if self.mode == YEAR else 1)
        self.set_focus_day(add_months(self.focus_day, months))

    def set_focus_day(self, day: dt.date) -> None:
        before = self.period()
        self.focus_day = day
        if self.period() != before:
            self.period_changed.emit()
        self._describe_focus()
        self.update()

    def period(self) -> tuple[int, int]:
        return (self.focus_day.year, self.focus_day.month if self.mode == MONTH else 0)

    def title(self) -> str:
        year, month = self.period()
        return month_title(year, month) if month else str(year)

    def summary(self) -> str:
        """The picture as words: the text alternative shown beneath it."""
        year, month = self.period()
        if not self.days.by_day:
            return translate(
                "OverTime",
                "Days with a practice show here. Breathing, listening, writing, a glimmer and "
                "time together each leave a small mark on the day.",
            )
        if month:
            return month_summary(
                self.days, year, month, self.title(), kind_label, month_name(month)
            )
        return year_summary(self.days, year, kind_label, month_name)

    def _describe_focus(self) -> None:
        day = self.focus_day
        self.setAccessibleDescription(
            day_description(self.days.kinds_on(day.isoformat()), long_day(day), kind_label)
        )

    def activate(self, day: dt.date) -> bool:
        if not self.days.kinds_on(day.isoformat()):
            return False
        self.day_activated.emit(day.isoformat())
        return True

    # -- geometry -----------------------------------------------------------------------------

    def _legend_height(self) -> float:
        return float(self.fontMetrics().height() + 12)

    def _weeks(self, year: int, month: int) -> list[list[dt.date | None]]:
        weeks: list[list[dt.date | None]] = []
        first = dt.date(year, month, 1)
        offset = (first.weekday() - self._week_start) % 7
        week: list[dt.date | None] = [None] * offset
        for number in range(1, calendar.monthrange(year, month)[1] + 1):
            week.append(dt.date(year, month, number))
            if len(week) == 7:
                weeks.append(week)
                week = []
        if week:
            weeks.append(week + [None] * (7 - len(week)))
        return weeks

    def _month_cells(self, area: QRectF, year: int, month: int) -> dict[dt.date, QRectF]:
        weeks = self._weeks(year, month)
        size = min(area.width() / 7, area.height() / max(len(weeks), 1))
        left = area.left() + (area.width() - size * 7) / 2
        cells = {}
        for row, week in enumerate(weeks):
            for column, day in enumerate(week):
                if day is not None:
                    cells[day] = QRectF(left + column * size, area.top() + row * size, size, size)
        return cells

    def _header_height(self) -> float:
        return float(self.fontMetrics().height() + 8)

    def _month_area(self) -> QRectF:
        top = MARGIN + self._header_height()
        return QRectF(
            MARGIN,
            top,
            self.width() - 2 * MARGIN,
            self.height() - top - MARGIN - self._legend_height(),
        )

    def _year_blocks(self) -> list[tuple[int, QRectF, QRectF]]:
        """(month, title rect, day-grid rect) for the twelve months."""
        area = QRectF(
            MARGIN,
            MARGIN,
            self.width() - 2 * MARGIN,
            self.height() - 2 * MARGIN - self._legend_height(),
        )
        columns = 4 if area.width() >= 640 else 3 if area.width() >= 330 else 2
        rows = 12 // columns
        block_w, block_h = area.width() / columns, area.height() / rows
        title_h = float(self.fontMetrics().height() + 2)
        blocks = []
        for index in range(12):
            row, column = divmod(index, columns)
            left = area.left() + column * block_w
            top = area.top() + row * block_h
            grid = QRectF(left + 4, top + title_h, block_w - 12, block_h - title_h - 8)
            blocks.append((index + 1, QRectF(left + 4, top, block_w - 8, title_h), grid))
        return blocks

    def _year_cells(self) -> dict[dt.date, QRectF]:
        year = self.focus_day.year
        cells: dict[dt.date, QRectF] = {}
        for month, _, grid in self._year_blocks():
            size = min(grid.width() / 7, grid.height() / 6)
            left = grid.left() + (grid.width() - 7 * size) / 2
            for row, week in enumerate(self._weeks(year, month)):
                for column, day in enumerate(week):
                    if day is not None:
                        cells[day] = QRectF(
                            left + column * size, grid.top() + row * size, size, size
                        )
        return cells

    def cells(self) -> dict[dt.date, QRectF]:
        """Every shown day's square, in widget coordinates."""
        if self.mode == YEAR:
            return self._year_cells()
        year, month = self.period()
        return self._month_cells(self._month_area(), year, month)

    def day_at(self, point: QPointF) -> dt.date | None:
        for day, rect in self.cells().items():
            if rect.contains(point):
                return day
        return None

    # -- input --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.set_focus_day(day)
        self.activate(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        kept = day is not None and bool(self.days.kinds_on(day.isoformat()))
        self.setCursor(Qt.CursorShape.PointingHandCursor if kept else Qt.CursorShape.ArrowCursor)
        self.setToolTip(
            day_description(self.days.kinds_on(day.isoformat()), long_day(day), kind_label)
            if day is not None and kept
            else ""
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves: dict[object, int] = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        day = self.focus_day
        if key in moves:
            self.set_focus_day(day + dt.timedelta(days=moves[key]))
        elif key == Qt.Key.Key_PageUp:
            self.step(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step(1)
        elif key == Qt.Key.Key_Home:
            self.set_focus_day(day.replace(day=1) if self.mode == MONTH else day.replace(1, 1))
        elif key == Qt.Key.Key_End:
            last = calendar.monthrange(day.year, day.month)[1]
            self.set_focus_day(day.replace(day=last) if self.mode == MONTH else day.replace(12, 31))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(day)
        else:
            super().keyPressEvent(event)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            if self.mode == YEAR:
                self._paint_year(painter, accent, text)
            else:
                self._paint_month(painter, accent, text)
            legend = QRectF(
                MARGIN,
                self.height() - MARGIN - self._legend_height() + 8,
                self.width() - 2 * MARGIN,
                self._legend_height(),
            )
            draw_legend(painter, list(self.days.kept_kinds), legend, accent, text)

    def _paint_month(self, painter: QPainter, accent: QColor, text: QColor) -> None:
        year, month = self.period()
        area = self._month_area()
        cells = self._month_cells(area, year, month)
        size = min(area.width() / 7, area.height() / max(len(self._weeks(year, month)), 1))
        left = area.left() + (area.width() - size * 7) / 2
        locale = QLocale()
        painter.setPen(QPen(palette_muted(self.palette())))
        for column in range(7):
            weekday = (self._week_start + column) % 7 + 1
            painter.drawText(
                QRectF(left + column * size, MARGIN, size, self._header_height()),
                int(Qt.AlignmentFlag.AlignCenter),
                locale.dayName(weekday, QLocale.FormatType.ShortFormat),
            )
        current = today(self._wall)
        number_font = QFont(painter.font())
        bold = QFont(number_font)
        bold.setBold(True)
        muted = QPen(palette_muted(self.palette()))
        for day, rect in cells.items():
            painter.setFont(bold if day == current else number_font)
            # Days still to come are quieter: their empty squares are not days without a mark.
            painter.setPen(muted if day > current else QPen(text))
            # The number centred at the top, under its weekday, and the day's marks just below
            # it: marks at the foot of a cell read as the next week's.
            painter.drawText(
                rect.adjusted(2, 4, -2, -4),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                str(day.day),
            )
            metrics = painter.fontMetrics()
            below_number = rect.top() + 4 + metrics.height()
            if day == current:
                width = metrics.horizontalAdvance(str(day.day))
                x = rect.center().x() - width / 2
                painter.setPen(QPen(accent, 2))
                painter.drawLine(QPointF(x, below_number), QPointF(x + width, below_number))
            kinds = self.days.kinds_on(day.isoformat())
            if kinds:
                mark = max(6.0, min(14.0, rect.width() * 0.17))
                gap = mark * 0.45
                total = len(kinds) * mark + (len(kinds) - 1) * gap
                x = rect.center().x() - total / 2 + mark / 2
                y = min(below_number + 6 + mark / 2, rect.bottom() - mark / 2 - 2)
                for kind in kinds:
                    draw_mark(painter, kind, QPointF(x, y), mark, accent)
                    x += mark + gap
        painter.setFont(number_font)
        self._paint_focus(painter, cells)

    def _paint_year(self, painter: QPainter, accent: QColor, text: QColor) -> None:
        locale = QLocale()
        painter.setPen(QPen(text))
        for month, title, _ in self._year_blocks():
            painter.drawText(
                title,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                locale.monthName(month, QLocale.FormatType.LongFormat),
            )
        cells = self._year_cells()
        for day, rect in cells.items():
            kinds = self.days.kinds_on(day.isoformat())
            if not kinds:
                continue
            columns = 1 if len(kinds) == 1 else 2
            rows = (len(kinds) + columns - 1) // columns
            mark = max(3.0, min(rect.width() * 0.42, rect.height() / (rows + 0.4)))
            for index, kind in enumerate(kinds):
                row, column = divmod(index, columns)
                in_row = min(columns, len(kinds) - row * columns)
                x = rect.center().x() + (column - (in_row - 1) / 2) * mark * 1.05
                y = rect.center().y() + (row - (rows - 1) / 2) * mark * 1.05
                draw_mark(painter, kind, QPointF(x, y), mark, accent)
        self._paint_focus(painter, cells)

    def _paint_focus(self, painter: QPainter, cells: dict[dt.date, QRectF]) -> None:
        rect = cells.get(self.focus_day)
        if rect is None or not self.hasFocus():
            return
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)


def palette_muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)
