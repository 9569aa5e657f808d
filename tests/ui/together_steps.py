"""Walks the real Together tab through each step of its three practices, for the tests that
check every step's names, translations and sizes. Time moves only on the fake clock; no soft
time is let run out (a tone would ask the machine's sound card)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication

from desktop.app import Lifecycle
from desktop.together.tab import TogetherTab
from tests.helpers import FakeClock


def together_steps(app: Lifecycle, clock: FakeClock) -> Iterator[tuple[str, TogetherTab]]:
    """(step, tab) after each step is shown."""
    assert app.window is not None
    tab = app.window.show_page("together")
    assert isinstance(tab, TogetherTab)

    def settle(name: str) -> tuple[str, TogetherTab]:
        for page in tab.practices():
            page.tick()
        QApplication.processEvents()
        return name, tab

    yield settle("home")
    pair = tab.pair
    tab.open(pair)
    pair.setup.options_button.setChecked(True)
    yield settle("pair setup with options")
    pair.begin()
    yield settle("arrive")
    clock.advance(60)
    yield settle("who speaks first")
    left, right = pair.split.halves
    left.press(0)
    yield settle("prompt")
    left.press(0)
    clock.advance(10)
    yield settle("speak")
    left.press(0)
    yield settle("mirror")
    left.press(1)
    yield settle("let me add")
    left.press(0)
    left.press(2)
    left.press(0)
    yield settle("good enough for today")
    left.press(1)
    yield settle("the piece crossed")
    right.press_pause()
    yield settle("paused")
    clock.advance(60)
    yield settle("carry on or end kindly")
    right.press(1)
    yield settle("close")
    left.press(0)
    yield settle("close, one done")
    right.press(0)
    yield settle("pair end")

    circle = tab.circle
    tab.open(circle)
    circle.setup.options_button.setChecked(True)
    yield settle("circle setup with options")
    circle.begin()
    yield settle("guidelines")
    circle._on_pressed("begin")
    yield settle("a turn")
    for _ in range(circle.people_spin.value()):
        circle._on_pressed("finished")
    yield settle("between rounds")
    circle._on_pressed("begin")
    circle._on_pressed("pause")
    clock.advance(60)
    yield settle("circle pause")
    circle._on_pressed("end_kindly")
    circle.keep_box.setChecked(True)
    yield settle("circle close")
    circle._on_pressed("close")
    yield settle("circle end")

    touch = tab.touch
    tab.open(touch)
    touch.setup.options_button.setChecked(True)
    yield settle("touch setup with options")
    touch.begin()
    yield settle("ask")
    left, right = touch.split.halves
    left.press_mark(4)
    left.press(0)
    right.press_mark(4)
    right.press(0)
    yield settle("agreed")
    touch.split.centre_buttons[0].click()
    yield settle("a round")
    left.press(0)
    yield settle("a paused round")
    right.press(1)
    left.press(2)
    yield settle("after")
    left.press(0)
    yield settle("after, one answered")
    left.press(0)
    right.press(0)
    right.press(0)
    yield settle("touch end")
    touch.begin()
    left.press(1)
    right.press(1)
    yield settle("other anchors")
    touch.split.centre_buttons[0].click()
    yield settle("quiet presence")
