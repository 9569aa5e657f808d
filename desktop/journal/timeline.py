"""The timeline as a Qt model: pages load lazily (keyset paging), with a header row per day."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.checkin.feelings import Vocabulary, phrase
from desktop.clock import WallClock, today
from desktop.local_format import day_label
from desktop.store.items import MATCH_END, MATCH_START, TimelineItem
from desktop.store.kinds import shown_on_timeline
from desktop.texts import translate

PAGE_SIZE = 60
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3

# Each kind of row's label comes from the store's registry of record kinds.
KIND_LABELS = {shown.item_kind: shown.label for shown in shown_on_timeline()}


def kind_label(kind: str) -> str:
    return translate("JournalTimeline", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


class Pager(Protocol):
    """Where the model's rows come from: the timeline's pager or a search's."""

    @property
    def exhausted(self) -> bool: ...  # True: no page has anything more

    def next_page(self, limit: int) -> list[TimelineItem]: ...  # at most so many, maybe fewer


class _Nothing:
    exhausted = True

    def next_page(self, limit: int) -> list[TimelineItem]:
        return []


Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Row:
    day: str
    item: TimelineItem | None  # None: the day's header row


def local_time(stamp: str) -> str:
    """ "14:05" in the person's own time zone, from a stored ISO time (kept in UTC)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def snippet_html(snippet: str) -> str:
    """Escape a search snippet and turn the match markers into highlighting."""
    escaped = html.escape(" ".join(snippet.split()))
    return escaped.replace(MATCH_START, "<b><u>").replace(MATCH_END, "</u></b>")


class TimelineModel(QAbstractListModel):
    finished = Signal()  # the source has nothing more: every row it has is in the model

    def __init__(
        self,
        vocabulary: Vocabulary,
        wall: WallClock,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self._vocabulary = vocabulary
        self._wall = wall
        self._page_size = page_size
        self._rows: list[_Row] = []
        self._source: Pager = _Nothing()
        self._exhausted = True

    def set_source(self, source: Pager) -> None:
        """Start over with a new source of pages (another filter, or search results)."""
        self.beginResetModel()
        self._rows = []
        self._source = source
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    # -- lazy loading -------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        source = self._source
        items = source.next_page(self._page_size)
        if source.exhausted:
            self._exhausted = True
        if items:
            self._add(items)
        if self._exhausted:
            self.finished.emit()
        elif not items:
            # A step that found nothing yet (a search whose filter left this stretch out):
            # look on in the next turn of the event loop, so typing and painting go on.
            QTimer.singleShot(0, self, lambda: self._look_on(source))

    def _look_on(self, source: Pager) -> None:
        if source is self._source:
            self.fetchMore(QModelIndex())

    def _add(self, items: list[TimelineItem]) -> None:
        new_rows: list[_Row] = []
        last_day = self._rows[-1].day if self._rows else None
        for item in items:
            if item.day != last_day:
                new_rows.append(_Row(item.day, None))
                last_day = item.day
            new_rows.append(_Row(item.day, item))
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._rows += new_rows
        self.endInsertRows()

    # -- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item_at(self, row: int) -> TimelineItem | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def items(self) -> list[TimelineItem]:
        return [r.item for r in self._rows if r.item is not None]

    def row_of(self, uid: str) -> int:
        for number, row in enumerate(self._rows):
            if row.item is not None and row.item.uid == uid:
                return number
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        item = row.item
        if role == HEADER_ROLE:
            return item is None
        if role == ITEM_ROLE:
            return item
        if item is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return day_label(row.day, today(self._wall))
            if role == HTML_ROLE:
                return f"<b>{html.escape(day_label(row.day, today(self._wall)))}</b>"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._plain(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.summary
        if role == HTML_ROLE:
            return self._html(item)
        return None

    def _plain(self, item: TimelineItem) -> str:
        parts = [kind_label(item.kind), item.summary]
        words = phrase(item.feelings, self._vocabulary)
        if words:
            parts.append(words)
        if item.tags:
            parts.append(
                translate("JournalTimeline", "tags: {tags}").format(tags=", ".join(item.tags))
            )
        return ". ".join(p for p in parts if p)

    def _html(self, item: TimelineItem) -> str:
        kind = html.escape(kind_label(item.kind))
        time = html.escape(local_time(item.created_at))
        text = snippet_html(item.snippet) if item.snippet else html.escape(item.summary)
        empty = html.escape(translate("JournalTimeline", "(empty)"))
        lines = [f"<small>{kind} · {time}</small>", text or f"<i>{empty}</i>"]
        extra = []
        words = phrase(item.feelings, self._vocabulary)
        if words:
            extra.append(f"<i>{html.escape(words)}</i>")
        if item.tags:
            extra.append(html.escape(" ".join(f"#{t}" for t in item.tags)))
        if extra:
            lines.append("<small>" + " · ".join(extra) + "</small>")
        return "<br>".join(lines)


class TimelineDelegate(QStyledItemDelegate):
    """Draws a row's rich text: the day headers, and items with their matches highlighted."""

    PADDING = 6

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(self.PADDING)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(50, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        rect = opt.rect
        painter.save()
        painter.translate(rect.topLeft())
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
