"""A page of the whole app shown as a person would first see it whole."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.shell.main_window import MainWindow


def show_whole(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    """Bring page ``key`` to the front and wait until it is filled and laid out. Over time's code
    comes from a thread and its pictures fill in steps: looked at sooner, a test sees the waiting
    line, or parts caught between a new text and the layout it asks for."""
    page = window.show_page(key)
    qtbot.waitUntil(getattr(page, "ready", lambda: True))
    QApplication.processEvents()
    return page
