"""Every page at the smallest window (640x480), half a laptop screen (683x740), the default
(1100x760) and a full screen, with text at 100% and 150%: no sibling widgets overlap, and no
text is wider (or taller) than the widget that shows it (DESIGN.md, "Sizes")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.breathe.tab import BreatheTab
from desktop.rhythm.today_tab import TodayTab
from tests.conftest import StartApp
from tests.ui.test_large_text import clipped
from tests.ui.whole_page import show_whole

SIZES = {
    "smallest": (640, 480),
    "half a laptop": (683, 740),
    "default": (1100, 760),
    "full screen": (1920, 1080),
}
PAGES = ["breathe", "listen", "journal", "together", "today", "over_time"]


@pytest.fixture(params=[1.0, 1.5], ids=["text 100%", "text 150%"])
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    scale: float = request.param
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * scale)
    qapp.setFont(bigger)
    yield scale
    qapp.setFont(font)


@pytest.fixture
def sized_app(text_scale: float, start_app: StartApp) -> Lifecycle:
    return start_app()  # after the font is set, as a person's system would have it


def _shown_children(widget: QWidget) -> list[QWidget]:
    return [
        child
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not child.isWindow() and not child.objectName().startswith("qt_")
    ]


def overlapping(root: QWidget) -> list[str]:
    """Pairs of visible siblings whose rectangles share pixels, anywhere under ``root``."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible() or isinstance(parent, (QStackedWidget, QAbstractScrollArea)):
            continue  # a stack shows one page; a scroll area's parts are Qt's own
        if isinstance(parent, (QTabWidget, QTabBar)):
            # Placed by Qt: the bar, its corner and pages; where six tabs at 150% text do not fit
            # 640 px, the bar's own scroll arrows (one pixel over each other, Qt's choice).
            continue
        children = _shown_children(parent)
        for i, first in enumerate(children):
            for second in children[i + 1 :]:
                shared: QRect = first.geometry().intersected(second.geometry())
                if shared.width() > 0 and shared.height() > 0:
                    found.append(
                        f"{_name(first)} and {_name(second)} overlap by "
                        f"{shared.width()}x{shared.height()} in {_name(parent)}"
                    )
    return found


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
@pytest.mark.parametrize("key", PAGES)
def test_every_page_fits_every_size(
    qtbot: QtBot, sized_app: Lifecycle, key: str, size: tuple[int, int]
) -> None:
    assert sized_app.window is not None
    if key not in sized_app.window.page_keys():
        pytest.skip(f"no {key} page in this build")
    window, page = _shown_at(qtbot, sized_app, key, size)
    assert window.size().toTuple() == size or size == SIZES["smallest"]
    assert overlapping(window) == []
    assert clipped(page) == []


def _shown_at(
    qtbot: QtBot, app: Lifecycle, key: str, size: tuple[int, int]
) -> tuple[QWidget, QWidget]:
    """The main window at ``size``, and its page ``key`` shown whole."""
    window = app.window
    assert window is not None
    window.resize(*size)
    return window, show_whole(qtbot, window, key)


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_breathes_start_is_in_view_without_scrolling(
    qtbot: QtBot, sized_app: Lifecycle, size: tuple[int, int], text_scale: float
) -> None:
    window, tab = _shown_at(qtbot, sized_app, "breathe", size)
    assert isinstance(tab, BreatheTab)
    start = tab.start_button
    where = QRect(start.mapTo(window, start.rect().topLeft()), start.size())
    assert window.rect().contains(where), f"Start at {where.getRect()} in {size}"


def test_your_patterns_fits_with_every_text_size(sized_app: Lifecycle) -> None:
    """The dialog is never squeezed below what its parts need, at 100% and 150% text."""
    window = sized_app.window
    assert window is not None
    window.resize(*SIZES["default"])
    tab = window.show_page("breathe")
    assert isinstance(tab, BreatheTab)
    dialog = tab.show_patterns()
    QApplication.processEvents()
    try:
        assert overlapping(dialog) == []
        assert clipped(dialog) == []
    finally:
        dialog.close()


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_todays_answers_are_in_view_without_scrolling(
    qtbot: QtBot, sized_app: Lifecycle, size: tuple[int, int], text_scale: float
) -> None:
    """Done, a smaller version and let it go: at every size at 100% text, and above "Change
    your anchors…" wherever the card sits below the list."""
    window, tab = _shown_at(qtbot, sized_app, "today", size)
    assert isinstance(tab, TodayTab)
    day = tab.day
    done = day.answer_buttons["done"]
    where = QRect(done.mapTo(window, done.rect().topLeft()), done.size())
    if text_scale == 1.0:  # whole, not cut by the edge of the page's scrolling view
        seen = done.visibleRegion().boundingRect()
        assert seen == done.rect(), f"Done shows {seen.getRect()} of itself at {where.getRect()}"
    change = day.change_button
    if size[0] < 860:  # the card below the list
        assert change.mapTo(window, change.rect().topLeft()).y() > where.bottom()
