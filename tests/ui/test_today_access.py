"""The Today tab's later pages, the Glimmer dialog, the anchors dialog and the comfortable pace:
named for screen readers, translated, and unclipped at 683x740 and 1100x760."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.breathe.tab import BreatheTab
from desktop.rhythm.today_tab import TodayTab
from desktop.store.glimmers import keep_glimmer
from tests.conftest import StartApp
from tests.helpers import FakeTrays, FakeWallClock
from tests.ui.test_accessibility import unnamed
from tests.ui.test_large_text import clipped
from tests.ui.test_translation import pseudo, untranslated

__all__ = ["pseudo"]  # a fixture, used by name below


@pytest.fixture
def app(start_app: StartApp, trays: FakeTrays, wall: FakeWallClock) -> Lifecycle:
    """The app with one glimmer kept nine days ago, so one from the past can come back."""
    glimmers = start_app(tray=trays, rng=random.Random(3))
    assert glimmers.store is not None
    keep_glimmer(glimmers.store, "a warm radiator under my palms", "touch", "hands")
    wall.advance(9 * 86400)
    return glimmers


def later_parts(app: Lifecycle) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """(what, show it and return the widget to look at) for every part shown only on asking."""
    assert app.window is not None
    window = app.window

    def today() -> TodayTab:
        page = window.show_page("today")
        assert isinstance(page, TodayTab)
        return page

    def breathe() -> BreatheTab:
        page = window.show_page("breathe")
        assert isinstance(page, BreatheTab)
        return page

    def section(key: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            page = today()
            page.show_section(key)
            if key == "glimmers":
                page.glimmers.reload()
                assert page.glimmers.remember_card.isVisibleTo(page)
            return page

        return show

    def card(key: str, ending: bool = False) -> Callable[[], QWidget]:
        def show() -> QWidget:
            page = today()
            page.show_section("invitations")
            page.invitations.open_card(key)
            if ending:
                page.invitations.show_ending()
            return page

        return show

    def anchors_dialog() -> QWidget:
        dialog = today().change_anchors()
        dialog.show()
        return dialog

    def glimmer_dialog() -> QWidget:
        assert app.journal is not None and app.journal.rhythm is not None
        dialog = app.journal.rhythm.keep_glimmer()
        dialog.where_button.setChecked(True)
        return dialog

    def pace(step: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            page = breathe()
            page.find_comfortable_pace()
            panel = page.pace_panel
            if step == "question":
                panel.step_ended(ended_early=False)
            elif step == "result":
                panel.finder.answer("easy")
                panel.enough()
            # The panel, not the whole tab: the Breathe tab's own layout is being reworked.
            return panel

        return show

    yield "your day", section("day")
    yield "glimmers with one from the past", section("glimmers")
    yield "the walk's card", card("walk")
    yield "the song's card", card("song")
    yield "an ending", card("warm", ending=True)
    yield "the anchors dialog", anchors_dialog
    yield "the glimmer dialog", glimmer_dialog
    yield "the pace's start", pace("intro")
    yield "the pace's question", pace("question")
    yield "the pace's result", pace("result")


def test_every_later_part_names_its_controls(app: Lifecycle) -> None:
    for what, show in later_parts(app):
        widget = show()
        QApplication.processEvents()
        assert unnamed(widget) == [], what


@pytest.mark.parametrize("size", [(1100, 760), (683, 740)])
def test_every_later_part_is_translated_and_fits(
    qtbot: QtBot, pseudo: None, app: Lifecycle, size: tuple[int, int]
) -> None:
    assert app.window is not None
    app.window.resize(*size)
    for what, show in later_parts(app):
        widget = show()
        QApplication.processEvents()
        assert untranslated(widget) == [], what
        assert clipped(widget) == [], what
        hint = widget.minimumSizeHint()
        assert hint.width() <= widget.width() and hint.height() <= widget.height(), what
        if widget.isWindow() and widget is not app.window:
            widget.close()
