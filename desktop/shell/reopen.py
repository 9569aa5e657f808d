"""The reopen interface: what the shell's controllers may ask of the app's lifecycle (app.py).

A passphrase change, the lock and a restore each replace the open journal: they close the main
window and the store, change the files, and open them again. This is all they need for it; the
lifecycle is the only implementation, and tests may pass their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.shell.main_window import MainWindow
    from desktop.store import Store


class Reopen(Protocol):
    @property
    def data_dir(self) -> Path:
        """The folder the journal lives in."""

    @property
    def key(self) -> bytes | None:
        """The protected journal's key while it is open; None when unprotected or locked."""

    @property
    def store(self) -> Store | None:
        """The open store; None while locked, closed, or when the file could not be opened."""

    @property
    def window(self) -> MainWindow | None:
        """The main window while the journal is open."""

    def close(self) -> None:
        """Close the main window and the store (the window keeps its drafts first); the key
        is forgotten with them."""

    def reopen(self, key: bytes | None, instead_of: QWidget | None = None) -> QWidget:
        """Open the journal with ``key`` and show what comes of it: the main window, the unlock
        window, or why the data cannot be opened. ``instead_of`` (the window that asked) is
        closed when something else took its place."""

    def move_to(self, folder: Path, instead_of: QWidget) -> QWidget:
        """Let go of this journal and open the one in ``folder`` the same way (the data here
        could not be opened and the person chose another place)."""
