"""A pseudo-translation run: every text a third longer and wrapped in markers.

A text shown without the markers did not go through a translation function; a widget smaller
than it needs would cut a longer language's text off.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt, QTranslator
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import APP_NAME, texts
from desktop.app import Lifecycle
from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import PacerWidget
from desktop.breathe.patterns import CYCLIC_SIGH
from tests.conftest import StartApp
from tests.helpers import FakeClock
from tests.ui.test_breathe import changed_pixels
from tests.ui.test_large_text import clipped
from tests.ui.whole_page import show_whole

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: no source text uses them


class PseudoTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{'~' * math.ceil(len(source) / 3)}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator()
    assert QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person sees or hears in ``root``'s visible widgets."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        yield where, widget.accessibleName()
        yield where, widget.accessibleDescription()
        yield where, widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield where, widget.placeholderText()
            if isinstance(widget, QTextEdit) and widget.isReadOnly():  # a page of our own text
                yield from ((where, line) for line in widget.toPlainText().splitlines())
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QListWidget):
            yield from ((where, widget.item(i).text()) for i in range(widget.count()))
        elif isinstance(widget, QTableView):
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield where, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
                yield where, widget.tabToolTip(i)
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                yield "menu", action.text()
                menu = action.menu()
                for item in menu.actions() if isinstance(menu, QMenu) else ():
                    yield f"menu {action.text()}", item.text()


def untranslated(root: QWidget) -> list[str]:
    found = []
    for where, text in shown_texts(root):
        plain = re.sub(r"<[^>]+>", "", text).strip()
        if not re.search(r"[A-Za-z]{2,}", plain) or plain == APP_NAME:
            continue  # numbers, times, symbols, and the app's own name
        if OPEN not in plain:
            found.append(f"{where}: {plain!r}")
    return found


@pytest.fixture
def app(pseudo: None, start_app: StartApp) -> Lifecycle:
    """The whole app, made once the pseudo-translation is in place."""
    started = start_app()
    assert started.window is not None
    started.window.resize(1100, 760)  # the default window size
    return started


@pytest.mark.parametrize("tab", ["breathe", "listen", "journal", "together", "today", "over_time"])
def test_every_shown_text_is_translated_and_fits(qtbot: QtBot, app: Lifecycle, tab: str) -> None:
    assert app.window is not None
    page = show_whole(qtbot, app.window, tab)
    assert untranslated(app.window) == []
    assert clipped(page) == []


def test_every_step_of_together_is_translated_and_fits(
    pseudo: None, start_app: StartApp, clock: FakeClock
) -> None:
    from tests.ui.together_steps import together_steps

    glimmers = start_app()  # after the pseudo-translator is installed
    assert glimmers.window is not None
    glimmers.window.resize(1100, 760)
    for step, tab in together_steps(glimmers, clock):
        assert untranslated(tab) == [], step
        assert clipped(tab) == [], step


def test_the_pacer_speaks_the_translation(app: Lifecycle) -> None:
    assert app.window is not None
    app.window.show_page("breathe")
    from desktop.breathe.tab import BreatheTab

    tab = app.window.findChild(BreatheTab)
    assert tab is not None
    assert all(OPEN in text for text in tab.pacer.words() if text)


def test_dialogs_are_translated_and_fit(app: Lifecycle, qtbot: QtBot) -> None:
    assert app.journal is not None
    dialogs = [
        app.journal.help_actions.show_too_much(),
        app.protection.show_protection(),
        app.backups.show_backups(),
        app.journal.data_actions.show_trash(),
    ]
    for dialog in dialogs:
        qtbot.waitExposed(dialog)
        assert untranslated(dialog) == [], type(dialog).__name__
        assert clipped(dialog) == [], type(dialog).__name__
        dialog.close()


def test_a_small_pacer_repaints_long_translated_words_whole(
    qtbot: QtBot, pseudo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the smallest pacer a longer language's phase word reaches past the shape; when the
    words change, every pixel they change is repainted."""
    texts.use(QCoreApplication.translate)
    clock = FakeClock()
    pacer = PacerWidget()
    qtbot.addWidget(pacer)
    pacer.resize(pacer.minimumSize())
    pacer.show()
    qtbot.waitExposed(pacer)
    session = BreathSession(CYCLIC_SIGH, clock, minutes=5)
    session.start()
    pacer.set_session(session)
    pacer.timer.stop()  # the test moves the clock itself
    asked: list[QRect] = []
    monkeypatch.setattr(pacer, "update", lambda area=None: asked.append(area))
    for start, end in ((2.95, 3.05), (3.95, 4.05)):  # in -> top-up -> out
        clock.set(1000.0 + start)
        pacer.refresh()
        before = pacer.grab().toImage()
        asked.clear()
        clock.set(1000.0 + end)
        pacer.refresh()
        assert OPEN in pacer.words()[0]
        after = pacer.grab().toImage()
        region = QRegion()
        for area in asked:
            region += QRegion(area)
        outside = [p for p in changed_pixels(before, after) if not region.contains(p)]
        assert outside == [], f"{len(outside)} changed pixels left unpainted at {end} s"
