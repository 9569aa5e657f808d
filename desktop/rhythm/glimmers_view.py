"""The glimmers kept, newest first and calm to look through, with one from the past offered
now and then: "Remember this?"."""

from __future__ import annotations

import html
import random
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.clock import WallClock, today
from desktop.controls import named
from desktop.local_format import day_label
from desktop.rhythm import remember
from desktop.rhythm.settings import RhythmSettings
from desktop.store import Store
from desktop.store.connection import WriteFailed
from desktop.store.glimmers import (
    Cursor,
    Glimmer,
    count_before,
    get_glimmer,
    glimmers_page,
    nth_before,
    restore_glimmer,
    trash_glimmer,
)
from desktop.texts import translate

PAGE_SIZE = 50
Index = QModelIndex | QPersistentModelIndex


class GlimmersModel(QAbstractListModel):
    """The collection, newest first, a page at a time as the view scrolls."""

    def __init__(self, store: Store, wall: WallClock) -> None:
        super().__init__()
        self._store = store
        self._wall = wall
        self._rows: list[Glimmer] = []
        self._cursor: Cursor | None = None
        self._exhausted = True

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = glimmers_page(self._store, self._cursor, PAGE_SIZE)
        self._cursor = page.cursor
        self._exhausted = page.cursor is None
        if not page.glimmers:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.glimmers) - 1)
        self._rows += page.glimmers
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def glimmer_at(self, row: int) -> Glimmer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        glimmer = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            when = day_label(glimmer.day, today(self._wall))
            where = glimmer.where()
            details = f"{when} · {where}" if where else when
            return f"{glimmer.text}\n{details}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return glimmer.text
        return None


class GlimmerDelegate(QStyledItemDelegate):
    """A glimmer's words, and beneath them, smaller and quieter, when and where."""

    PADDING = 8

    def _parts(self, option: QStyleOptionViewItem, index: Index) -> tuple[str, str, QFont]:
        words, _, details = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
        return words, details, small

    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(80, option.rect.width() - 2 * self.PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        words, details, small = self._parts(option, index)
        flags = Qt.TextFlag.TextWordWrap
        width = self._width(option)
        top = QFontMetrics(option.font).boundingRect(0, 0, width, 10_000, flags, words)
        below = QFontMetrics(small).boundingRect(0, 0, width, 10_000, flags, details)
        return QSize(width, top.height() + below.height() + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        words, details, small = self._parts(option, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        flags = Qt.TextFlag.TextWordWrap
        width = self._width(option)
        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(text_colour)
        top = QFontMetrics(option.font).boundingRect(0, 0, width, 10_000, flags, words)
        painter.drawText(rect, int(flags), words)
        painter.setFont(small)
        painter.setPen(quiet)
        painter.drawText(rect.adjusted(0, top.height() + 2, 0, 0), int(flags), details)
        painter.restore()


class GlimmersView(QWidget):
    keep_requested = Signal()  # "Keep a glimmer" where there are none yet

    def __init__(
        self,
        store: Store,
        settings: RhythmSettings,
        wall: WallClock,
        rng: random.Random,
    ) -> None:
        super().__init__()
        self.setObjectName("glimmers_view")
        self._store = store
        self._settings = settings
        self._wall = wall
        self._rng = rng

        heading = look.heading(QLabel(translate("Glimmer", "Your glimmers")))
        self.remember_card = QFrame()
        self.remember_card.setObjectName("remember_card")
        self.remember_card.setFrameShape(QFrame.Shape.StyledPanel)
        self.remember_text = QLabel()
        self.remember_text.setObjectName("remember_text")
        self.remember_text.setWordWrap(True)
        self.remember_text.setTextFormat(Qt.TextFormat.RichText)
        self.put_away_button = named(
            QPushButton(translate("Glimmer", "&Not now")),
            translate("Glimmer", "Not now"),
            translate("Glimmer", "Puts this memory away for now; the glimmer stays kept below"),
            object_name="put_away",
        )
        card = QHBoxLayout(self.remember_card)
        card.addWidget(self.remember_text, 1)
        card.addWidget(self.put_away_button, 0, Qt.AlignmentFlag.AlignTop)
        self.remember_card.hide()

        self.model = GlimmersModel(store, wall)
        self.list_view = named(
            QListView(),
            translate("Glimmer", "Your glimmers"),
            translate("Glimmer", "The small moments you kept, newest first"),
            object_name="glimmers",
        )
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(GlimmerDelegate(self.list_view))
        self.list_view.setWordWrap(True)
        self.list_view.setSpacing(2)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel(
            translate(
                "Glimmer",
                "The small moments you keep show up here. Whenever something small catches "
                'your attention, give it a few words: here, or with "Keep a glimmer" at the top of '
                "the window, or Ctrl+G from anywhere.",
            )
        )
        self.empty_label.setObjectName("glimmers_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep_button = named(
            QPushButton(translate("Glimmer", "&Keep a glimmer…")),
            translate("Glimmer", "Keep a glimmer"),
            translate("Glimmer", "Opens a small window for a few words about a small moment"),
            object_name="keep_first_glimmer",
        )
        self.keep_button.clicked.connect(self.keep_requested)
        # With nothing kept yet: the words and the button near the top, not floating mid-page.
        self.empty_panel = QWidget()
        empty = QVBoxLayout(self.empty_panel)
        empty.setContentsMargins(0, 16, 0, 0)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(1)
        # Letting one go, for a glimmer kept by mistake: one button under the list (and the
        # Delete key), with a way to bring it back until the next one is let go.
        self.let_go_button = named(
            QPushButton(translate("Glimmer", "&Let this one go")),
            translate("Glimmer", "Let this one go"),
            translate("Glimmer", "Takes the chosen glimmer out of your collection"),
            object_name="let_glimmer_go",
        )
        self.let_go_button.setEnabled(False)
        self.let_go_message = QLabel()
        self.let_go_message.setObjectName("let_go_message")
        self.let_go_message.setWordWrap(True)
        self.bring_back_button = named(
            QPushButton(translate("Glimmer", "&Bring it back")),
            translate("Glimmer", "Bring it back"),
            translate("Glimmer", "Puts the glimmer you let go back in your collection"),
            object_name="bring_glimmer_back",
        )
        self.bring_back_button.hide()
        self._let_go_uid = ""
        actions = QHBoxLayout()
        actions.addWidget(self.let_go_button)
        actions.addWidget(self.let_go_message, 1)
        actions.addWidget(self.bring_back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.remember_card)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_panel, 1)
        layout.addLayout(actions)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.let_go)
        self.put_away_button.clicked.connect(self.put_away)
        self.let_go_button.clicked.connect(self.let_go)
        self.bring_back_button.clicked.connect(self.bring_back)
        self.list_view.selectionModel().currentChanged.connect(self._choice_changed)
        self.reload()

    def reload(self) -> None:
        # The chosen glimmer stays chosen; when it has gone, the one now in its place is.
        chosen, row = self._chosen(), self.list_view.currentIndex().row()
        self.model.reload()
        if row >= 0 and self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(self._row_of(chosen, row)))
        empty = self.model.rowCount() == 0
        self.empty_panel.setVisible(empty)
        self.list_view.setVisible(not empty)
        self.let_go_button.setVisible(not empty)
        self._choice_changed()
        self._offer_from_the_past()

    def _row_of(self, glimmer: Glimmer | None, fallback: int) -> int:
        for row in range(self.model.rowCount()):
            shown = self.model.glimmer_at(row)
            if glimmer is not None and shown is not None and shown.uid == glimmer.uid:
                return row
        return min(fallback, self.model.rowCount() - 1)

    def _chosen(self) -> Glimmer | None:
        index = self.list_view.currentIndex()
        return self.model.glimmer_at(index.row()) if index.isValid() else None

    def _choice_changed(self) -> None:
        self.let_go_button.setEnabled(self._chosen() is not None)

    def let_go(self) -> None:
        glimmer = self._chosen()
        if glimmer is None:
            return
        try:
            trash_glimmer(self._store, glimmer.uid)
        except WriteFailed as e:
            self._say(str(e), can_bring_back=False)
            return
        self._let_go_uid = glimmer.uid
        self.reload()  # the store's signal reloads too; this keeps the view right without one
        self._say(translate("Glimmer", "Let go."), can_bring_back=True)
        (self.list_view if self.model.rowCount() else self.bring_back_button).setFocus()

    def bring_back(self) -> None:
        if not self._let_go_uid:
            return
        try:
            restore_glimmer(self._store, self._let_go_uid)
        except WriteFailed as e:
            self._say(str(e), can_bring_back=True)
            return
        self._let_go_uid = ""
        self.reload()
        self._say(translate("Glimmer", "It is back with the others."), can_bring_back=False)
        self.list_view.setFocus()

    def _say(self, text: str, can_bring_back: bool) -> None:
        self.let_go_message.setText(text)
        self.bring_back_button.setVisible(can_bring_back)

    def _offer_from_the_past(self) -> None:
        current = today(self._wall)
        last = self._settings.remembered()
        glimmer: Glimmer | None = None
        if last is not None and last.day == current:
            glimmer = get_glimmer(self._store, last.uid) if last.uid else None
        else:
            before = remember.oldest_day_offered(current).isoformat()
            index = remember.choose(current, last, count_before(self._store, before), self._rng)
            if index is not None:
                glimmer = nth_before(self._store, before, index)
                if glimmer is not None:
                    self._settings.set_remembered(remember.Offered(current, glimmer.uid))
        if glimmer is None or glimmer.deleted_at is not None:
            self.remember_card.hide()
            return
        when = day_label(glimmer.day, current)
        self.remember_text.setText(
            "<b>{title}</b><br>{text}<br><small>{when}</small>".format(
                title=html.escape(translate("Glimmer", "Remember this?")),
                text=html.escape(glimmer.text),
                when=html.escape(when),
            )
        )
        self.remember_card.setAccessibleName(translate("Glimmer", "Remember this?"))
        self.remember_card.show()

    def put_away(self) -> None:
        self._settings.set_remembered(remember.Offered(today(self._wall), ""))
        self.remember_card.hide()
        self.list_view.setFocus()

    def offered_text(self) -> str:
        return self.remember_text.text() if self.remember_card.isVisibleTo(self) else ""

    def shown_glimmers(self) -> list[str]:
        """The texts in the list, as loaded so far, newest first."""
        rows = (self.model.glimmer_at(row) for row in range(self.model.rowCount()))
        return [g.text for g in rows if g is not None]
