"""Small shared parts of the Over time pages: names for screen readers, labels, a frame."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from desktop.over_time.calendar_view import month_title
from desktop.texts import QT_TRANSLATE_NOOP


def wrapping_label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading(text: str) -> QLabel:
    label = QLabel(f"<h3>{html.escape(text)}</h3>")
    label.setWordWrap(True)
    return label


def month_text(iso_day: str) -> str:
    day = dt.date.fromisoformat(iso_day)
    return month_title(day.year, day.month)


class Frame(QFrame):
    """What "Save as picture" saves: a picture with its heading and its words."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAutoFillBackground(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 8, 8, 8)
        self.column.setSpacing(8)


LOADING = QT_TRANSLATE_NOOP("OverTime", "Looking through what you have kept…")
