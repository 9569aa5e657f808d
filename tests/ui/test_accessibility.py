"""Every control has a name and a description for screen readers and is reached by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.breathe.tab import BreatheTab
from desktop.journal.tab import JournalTab
from desktop.listen.tab import ListenTab
from desktop.store.listening import TrackInfo, add_tracks, tracks_page
from tests.audio import make_wav
from tests.helpers import FakeClock
from tests.ui.whole_page import show_whole

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
        where = (
            f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
        )
        if not name_of(widget):
            found.append(f"no name: {where}")
        elif not description_of(widget):
            found.append(f"no description: {name_of(widget)!r}, {where}")
    return found


def description_of(widget: QWidget) -> str:
    # Screen readers read the tooltip where no description is set, as Qt hands it over so.
    return (widget.accessibleDescription() or widget.toolTip()).strip()


@pytest.mark.parametrize("tab", ["breathe", "listen", "journal", "together", "today", "over_time"])
def test_every_interactive_widget_has_a_name(qtbot: QtBot, app: Lifecycle, tab: str) -> None:
    assert app.window is not None
    page = show_whole(qtbot, app.window, tab)
    assert unnamed(page) == []


def test_panels_shown_later_name_their_controls(qtbot: QtBot, shown: Lifecycle) -> None:
    """The listening check-in and the breathing check-in appear only when asked for."""
    assert shown.window is not None
    listen = shown.window.show_page("listen")
    assert isinstance(listen, ListenTab)
    listen.open_checkin()
    QApplication.processEvents()
    assert listen.panel.isVisible()
    assert unnamed(listen) == []
    breathe = shown.window.show_page("breathe")
    assert isinstance(breathe, BreatheTab)
    breathe.stack.setCurrentWidget(breathe.before_panel)
    assert unnamed(breathe) == []


def test_every_step_of_together_names_its_controls(app: Lifecycle, clock: FakeClock) -> None:
    """Together shows its controls step by step; each step's controls are named and described."""
    from tests.ui.together_steps import together_steps

    for step, tab in together_steps(app, clock):
        assert unnamed(tab) == [], step


def test_dialogs_name_their_controls(app: Lifecycle) -> None:
    assert app.journal is not None
    too_much = app.journal.help_actions.show_too_much()
    backups = app.backups.show_backups()
    protection = app.protection.show_protection()
    trash = app.journal.data_actions.show_trash()
    for dialog in (too_much, backups, protection, trash):
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()


def _tab_through(qtbot: QtBot, start: QWidget, presses: int, back: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from ``start`` as a person would; the widgets that get the focus."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        if back:
            qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        visited.append(now)
    return visited


def with_a_track(qtbot: QtBot, app: Lifecycle, folder: Path) -> None:
    """Listen with a track loaded: the player's parts show only around a track."""
    assert app.window is not None and app.store is not None
    add_tracks(app.store, [TrackInfo(str(make_wav(folder / "a tone.wav")), "A tone")])
    page = app.window.show_page("listen")  # built now, with the track in its library
    assert isinstance(page, ListenTab)
    [track] = tracks_page(app.store)
    assert page.play_track(track)
    page.player.pause()
    qtbot.waitUntil(lambda: not page.player.is_playing())


@pytest.fixture
def shown(qtbot: QtBot, app: Lifecycle) -> Lifecycle:
    """The app, its window active: key presses go where a person's would."""
    window = app.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return app


def test_tab_moves_through_the_senses_in_reading_order(qtbot: QtBot, shown: Lifecycle) -> None:
    assert shown.window is not None
    journal = shown.window.show_page("journal")
    assert isinstance(journal, JournalTab)
    editor = journal.editor
    forward = _tab_through(qtbot, editor.sense_edits["touch"], 5)
    assert [w.accessibleName() for w in forward] == [
        "Sound",
        "Sight",
        "Smell and taste",
        "Breath and body",
        "Feeling words",  # the part one click away; its words are stops of their own
    ]
    back = _tab_through(qtbot, editor.sense_edits["breath_body"], 2, back=True)
    assert [w.accessibleName() for w in back] == ["Smell and taste", "Sight"]


@pytest.mark.parametrize("tab", ["breathe", "listen", "journal", "today", "over_time"])
def test_tab_reaches_every_control_of_a_tab(
    qtbot: QtBot, shown: Lifecycle, tab: str, tmp_path: Path
) -> None:
    assert shown.window is not None and shown.store is not None
    if tab == "listen":  # with a track: an empty library shows one button only
        with_a_track(qtbot, shown, tmp_path)
    page = show_whole(qtbot, shown.window, tab)
    reachable = {
        w
        for w in page.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not w.objectName().startswith("qt_")
    }
    assert len(reachable) >= 3  # a page has controls (a practice at rest, five at most)
    bar = shown.window.tabs.tabBar()
    visited = _tab_through(qtbot, bar, len(reachable) + 10)
    missed = [f"{type(w).__name__} {w.objectName()!r}" for w in reachable - set(visited)]
    assert missed == []
    assert bar in visited  # and the round comes back to the tabs: nothing traps the focus


@pytest.mark.parametrize(
    ("tab", "name"),
    [
        ("breathe", "pacer"),
        ("journal", "sketch_pad"),
        ("listen", "mood_grid"),
        ("listen", "seek_bar"),
        ("over_time", "calendar_view"),
    ],
)
def test_our_own_widgets_show_when_they_have_the_focus(
    qtbot: QtBot, shown: Lifecycle, tab: str, name: str, tmp_path: Path
) -> None:
    """Qt's style draws the focus of its own controls; the ones we paint must draw theirs."""
    assert shown.window is not None
    if tab == "listen":
        with_a_track(qtbot, shown, tmp_path)
    page = show_whole(qtbot, shown.window, tab)
    widget = page.findChild(QWidget, name)
    assert widget is not None, name
    widget.setEnabled(True)
    shown.window.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    without = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)  # as the Tab key gives it
    qtbot.waitUntil(widget.hasFocus)
    assert widget.grab().toImage() != without
