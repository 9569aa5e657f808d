"""Saving a picture as a PNG file, for someone who wants to keep it or show it to a therapist."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desktop.texts import translate


class PictureSaver(Protocol):
    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None: ...


class FileDialogSaver:
    """Asks where to save a picture; tests give their own answer instead."""

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: list[str]
    ) -> tuple[Path, str] | None:
        from PySide6.QtWidgets import QFileDialog

        path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters))
        return (Path(path), chosen) if path else None


def save_picture(
    picture: QWidget, saver: PictureSaver, parent: QWidget, suggested: str
) -> tuple[Path | None, str]:
    """Ask where, then save ``picture`` as drawn now. (the file or None, words to show)."""
    chosen = saver.save_path(
        parent,
        translate("OverTime", "Save the picture"),
        suggested,
        [translate("OverTime", "PNG picture (*.png)")],
    )
    if chosen is None:
        return None, ""
    path = chosen[0]
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    if not picture.grab().save(str(path), "PNG"):
        return None, translate(
            "OverTime", "The picture could not be saved in {folder}. Try another folder."
        ).format(folder=path.parent)
    return path, translate("OverTime", "Saved the picture as {name}.").format(name=path.name)
