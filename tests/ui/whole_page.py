"""A page of the whole app shown as a person would first see it whole."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.shell.main_window import MainWindow

# Passes in a row with nothing moved before the layout counts as at rest. A change of text deep
# in a page travels up one level of layout per pass of the event loop (label, frame, page,
# holder, then the scroll area around them), and a level that only passes the news on moves
# nothing, so one quiet pass proves little.
QUIET_PASSES = 5
MOST_PASSES = 200


def show_whole(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    """Bring page ``key`` to the front and wait until it is filled and laid out. Over time's code
    comes from a thread and its pictures fill in steps: looked at sooner, a test sees the waiting
    line, or parts caught between a new text and the layout it asks for."""
    page = window.show_page(key)
    qtbot.waitUntil(getattr(page, "ready", lambda: True))
    settle(window)
    return page


def settle(root: QWidget) -> None:
    """Let the event loop run until no widget under ``root`` has moved or changed size for
    QUIET_PASSES passes in a row; fails if it never comes to rest."""
    last = _geometries(root)
    quiet = 0
    for _ in range(MOST_PASSES):
        QApplication.processEvents()
        now = _geometries(root)
        quiet = quiet + 1 if now == last else 0
        if quiet == QUIET_PASSES:
            return
        last = now
    raise AssertionError(f"the layout under {root.objectName()!r} never came to rest")


def _geometries(root: QWidget) -> list[tuple[int, QRect]]:
    return [
        (id(widget), widget.geometry())
        for widget in [root, *root.findChildren(QWidget)]
        if widget.isVisible()
    ]
