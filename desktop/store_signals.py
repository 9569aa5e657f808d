"""Turns the store's plain callbacks into a Qt signal, so views refresh after each write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.store import Store


class StoreSignals(QObject):
    changed = Signal(str)  # the table that was written

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        store.subscribe(self.changed.emit)

    def detach(self) -> None:
        self.store.unsubscribe(self.changed.emit)
