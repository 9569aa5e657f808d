"""Every control can be named by a screen reader and reached from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import Glimmers
from desktop.listen.player import Player
from tests.helpers import FakeDialogs

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)


def name_of(widget: QWidget) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    return ""


def unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        interactive = isinstance(widget, INTERACTIVE) or (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and type(widget).__module__.startswith("desktop")
        )
        if not interactive or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # the editor inside a combo box or spin box: the outer widget carries the name
        if widget.objectName().startswith("qt_") or isinstance(widget, (QScrollBar, QHeaderView)):
            continue  # Qt's own parts, which Qt names itself (scroll bars, table headers)
        if not name_of(widget):
            where = type(widget.parent()).__name__
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}")
    return found


@pytest.mark.parametrize("tab", ["breathe", "listen", "journal"])
def test_every_interactive_widget_has_a_name(
    qtbot: QtBot, data_dir: Path, player: Player, tab: str
) -> None:
    app = Glimmers(data_dir, dialogs=FakeDialogs(), player=player)  # type: ignore[arg-type]
    app.offer_protection = False
    window = app.start()
    qtbot.addWidget(window)
    assert app.window is not None
    page = app.window.show_page(tab)
    assert unnamed(page) == []
    app.shutdown()


def test_dialogs_name_their_controls(qtbot: QtBot, data_dir: Path, player: Player) -> None:
    app = Glimmers(data_dir, dialogs=FakeDialogs(), player=player)  # type: ignore[arg-type]
    app.offer_protection = False
    qtbot.addWidget(app.start())
    too_much = app.show_too_much()
    backups = app.show_backups()
    protection = app.show_protection()
    for dialog in (too_much, backups, protection):
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()
    app.shutdown()


def test_the_journal_tab_order_follows_the_senses(
    qtbot: QtBot, data_dir: Path, player: Player
) -> None:
    """The keyboard moves through the senses in reading order (Ctrl+S is in test_journal)."""
    app = Glimmers(data_dir, dialogs=FakeDialogs(), player=player)  # type: ignore[arg-type]
    app.offer_protection = False
    window = app.start()
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert app.window is not None
    journal = app.window.show_page("journal")
    editor = journal.editor  # type: ignore[attr-defined]
    order = []
    widget: QWidget = editor.sense_edits["touch"]
    while len(order) < 5:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget.accessibleName())
        widget = widget.nextInFocusChain()
    assert order == [
        "Touch and temperature",
        "Sound",
        "Sight",
        "Smell and taste",
        "Breath and body",
    ]
    app.shutdown()
