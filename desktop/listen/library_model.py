"""The music library as a Qt table model that loads pages as the view scrolls (keyset paging)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

from desktop.store import Store
from desktop.store.listening import Track, tracks_page
from desktop.texts import QT_TRANSLATE_NOOP, translate

PAGE = 200
COLUMNS = (
    QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    QT_TRANSLATE_NOOP("LibraryModel", "Artist"),
    QT_TRANSLATE_NOOP("LibraryModel", "Album"),
    QT_TRANSLATE_NOOP("LibraryModel", "Length"),
)
TRACK_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class LibraryModel(QAbstractTableModel):
    def __init__(self, store: Store, page: int = PAGE) -> None:
        super().__init__()
        self._store = store
        self._page = page
        self._tracks: list[Track] = []
        self._filter = ""
        self._done = False

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        self._tracks = []
        self._done = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filter(self._filter)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done:
            return
        after = self._tracks[-1].order if self._tracks else None
        more = tracks_page(self._store, self._filter, after=after, limit=self._page)
        if len(more) < self._page:
            self._done = True
        if more:
            first = len(self._tracks)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._tracks += more
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tracks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return translate("LibraryModel", COLUMNS[section])
        return None

    def track(self, row: int) -> Track | None:
        return self._tracks[row] if 0 <= row < len(self._tracks) else None

    def row_of(self, track_id: int) -> int:
        return next((i for i, t in enumerate(self._tracks) if t.id == track_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tracks):
            return None
        track = self._tracks[index.row()]
        if role == TRACK_ROLE:
            return track
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (track.title, track.artist, track.album, format_duration(track.duration))
            text = values[index.column()]
            if index.column() == 0 and track.missing:
                text = translate("LibraryModel", "{title} (missing)").format(title=text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if track.missing:
                return translate("LibraryModel", "{file} (the file is missing)").format(
                    file=track.path
                )
            return track.path
        if role == Qt.ItemDataRole.ForegroundRole and track.missing:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None
