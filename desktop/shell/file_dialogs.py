"""Questions the app asks through system dialogs, behind one object so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QFileDialog and QMessageBox are imported when a question is first asked: making their Python
# types costs a few milliseconds that the first painted window does not need.


class Dialogs(Protocol):
    """The questions; the app asks them with SystemDialogs, tests answer with their own."""

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None: ...

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None:
        """The chosen file and the filter chosen with it, or None when the person cancels."""

    def open_path(self, parent: QWidget | None, title: str, filters: list[str]) -> Path | None: ...

    def confirm(self, parent: QWidget | None, text: str) -> bool: ...

    def tell(self, parent: QWidget | None, title: str, text: str, problem: bool = False) -> None:
        """A notice that does not wait for an answer; ``problem`` shows it as a warning."""


class SystemDialogs:
    """The desktop's own file choosers and message boxes."""

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None:
        from PySide6.QtWidgets import QFileDialog

        path, chosen_filter = QFileDialog.getSaveFileName(
            parent, title, suggested, ";;".join(filters)
        )
        return (Path(path), chosen_filter) if path else None

    def open_path(self, parent: QWidget | None, title: str, filters: list[str]) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, title, "", ";;".join(filters))
        return Path(path) if path else None

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            "Glimmers",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def tell(self, parent: QWidget | None, title: str, text: str, problem: bool = False) -> None:
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("notice")
        box.open()
