"""Text at 150%: every tab still lays out without clipping (each widget at least its minimum)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import StartApp
from tests.ui.whole_page import show_whole


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    yield
    qapp.setFont(font)


def clipped(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue  # wrapping labels trade width for height by design
        if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            # What an empty field invites is read whole, not cut off with an ellipsis.
            room = widget.style().subElementRect(
                QStyle.SubElement.SE_LineEditContents, _line_edit_option(widget), widget
            )
            wide = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            if wide > room.width() - 4:  # the field's own text margins
                found.append(
                    f"{type(widget).__name__} {widget.objectName()!r} cuts off its "
                    f"{widget.placeholderText()!r} ({wide} px in {room.width() - 4})"
                )
        if any(isinstance(a, QAbstractScrollArea) for a in _ancestors(widget, root)):
            continue  # inside a scroll area the content may be larger than the view
        hint = widget.minimumSizeHint()
        if hint.isValid() and (widget.width() < hint.width() or widget.height() < hint.height()):
            size = widget.size().toTuple()
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} {size} < {hint.toTuple()}"
            )
    return found


def _line_edit_option(edit: QLineEdit) -> QStyleOptionFrame:
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    return option


def _ancestors(widget: QWidget, root: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("tab", ["breathe", "listen", "journal", "together", "today", "over_time"])
def test_nothing_is_clipped_at_150_percent(
    qtbot: QtBot, large_text: None, start_app: StartApp, tab: str
) -> None:
    app = start_app()  # after the font grew
    assert app.window is not None
    app.window.resize(1100, 760)  # the default window size
    page = show_whole(qtbot, app.window, tab)
    assert clipped(page) == []
