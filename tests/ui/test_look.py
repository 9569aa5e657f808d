"""The look every page shares: wheels that leave values alone, names in one call, focus that
follows the page, and outlines a person can see in light and dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.controls import guard_wheel, named
from desktop.look import (
    MARGIN,
    SCALE,
    SPACE,
    fitted,
    font_at,
    heading,
    resize_within_screen,
    roomy,
)
from desktop.shell.calm_style import CalmStyle, chosen_wash
from desktop.shell.theme import calm_palette
from desktop.shell.theme_colours import MIN_OUTLINE_CONTRAST, colours, contrast
from tests.helpers import shown


def wheel(widget: QWidget, notches: int = 1) -> None:
    """One turn of the mouse wheel over the middle of ``widget``, as Qt delivers it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * notches),  # towards the person: down the page
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def long_page(qtbot: QtBot) -> Iterator[tuple[QScrollArea, QSpinBox, QComboBox]]:
    content = QWidget()
    column = QVBoxLayout(content)
    elsewhere = QLineEdit()  # where the keyboard's focus is
    column.addWidget(elsewhere)
    column.addSpacing(600)
    spin = QSpinBox()
    spin.setRange(0, 10)
    spin.setValue(5)
    combo = QComboBox()
    combo.addItems(["one", "two", "three"])
    column.addWidget(spin)
    column.addWidget(combo)
    column.addSpacing(900)
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    guard_wheel(area)
    shown(qtbot, area, 300, 400)
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    area.verticalScrollBar().setValue(500)  # the two controls in view
    yield area, spin, combo


def test_scrolling_a_page_past_a_control_leaves_its_value_alone(
    qtbot: QtBot, long_page: tuple[QScrollArea, QSpinBox, QComboBox]
) -> None:
    area, spin, combo = long_page
    start = area.verticalScrollBar().value()
    wheel(spin)
    wheel(combo)
    assert (spin.value(), combo.currentIndex()) == (5, 0)
    assert area.verticalScrollBar().value() > start  # the page scrolled instead
    assert not spin.hasFocus() and not combo.hasFocus()  # and the wheel gave no focus


def test_a_control_with_the_keyboards_focus_takes_the_wheel(
    qtbot: QtBot, long_page: tuple[QScrollArea, QSpinBox, QComboBox]
) -> None:
    _, spin, combo = long_page
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)
    assert spin.value() == 4
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1


def test_guarding_twice_guards_once(qtbot: QtBot) -> None:
    spin = QSpinBox()
    qtbot.addWidget(spin)
    guard_wheel(spin)
    guard_wheel(spin)
    guards = [c for c in spin.children() if type(c).__name__ == "_WheelGuard"]
    assert len(guards) == 1
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_named_gives_the_spoken_name_without_the_mnemonic(qtbot: QtBot) -> None:
    widget = named(
        QCheckBox("Soft &tones"),
        "Soft &tones",
        "A rising tone in, a falling tone out",
        object_name="tones",
        tooltip="For breathing with eyes closed",
    )
    qtbot.addWidget(widget)
    assert widget.accessibleName() == "Soft tones"
    assert widget.accessibleDescription() == "A rising tone in, a falling tone out"
    assert (widget.objectName(), widget.toolTip()) == ("tones", "For breathing with eyes closed")
    assert named(QCheckBox(), "Salt && pepper").accessibleName() == "Salt & pepper"


def test_the_type_scale_and_the_rhythm(qtbot: QtBot) -> None:
    label = heading(QLabel("Options"))
    qtbot.addWidget(label)
    assert label.font().pointSizeF() > QApplication.font().pointSizeF()
    assert font_at(QApplication.font(), "pacer").pointSizeF() > label.font().pointSizeF()
    layout = roomy(QVBoxLayout())
    assert layout.contentsMargins().left() == MARGIN and layout.spacing() == SPACE
    assert MARGIN % 8 == 0 and SPACE % 8 == 0


@pytest.mark.parametrize("key", ["breathe", "together", "today"])
def test_headings_are_steps_of_the_one_scale(app: Lifecycle, key: str) -> None:
    """No page sizes its own headings (rich text's <h3>, a font made 1.5 times larger): each
    is a step of the scale, so a heading reads the same on every tab. (Together's large
    status lines, read from across a table, are not headings.)"""
    window = app.window
    assert window is not None
    page = window.show_page(key)
    body = QApplication.font().pointSizeF()
    steps = {round(body * size, 2) for size in SCALE.values()}
    headings = [label for label in page.findChildren(QLabel) if label.font().bold()]
    assert headings
    for label in page.findChildren(QLabel):
        assert "<h" not in label.text(), label.text()
    for label in headings:
        assert round(label.font().pointSizeF(), 2) in steps, (label.objectName(), label.text())


# -- focus follows the page -------------------------------------------------------------------


@pytest.fixture
def active(qtbot: QtBot, app: Lifecycle) -> Lifecycle:
    window = app.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return app


@pytest.mark.parametrize("key", ["listen", "journal", "today", "breathe"])
def test_changing_page_puts_the_focus_inside_it(qtbot: QtBot, active: Lifecycle, key: str) -> None:
    window = active.window
    assert window is not None
    if key == window.current_page_key():
        window.show_page("today" if key != "today" else "listen")
    action = next(a for a in window.page_actions if a.data() == key)
    action.trigger()  # View > the page, or its Ctrl+number
    page = window.page_content(key)
    assert page is not None

    def inside() -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and page.isAncestorOf(focused)

    qtbot.waitUntil(inside)


def test_moving_along_the_tabs_with_the_arrows_stays_on_the_tabs(
    qtbot: QtBot, active: Lifecycle
) -> None:
    window = active.window
    assert window is not None
    window.show_page("breathe")
    bar = window.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert window.current_page_key() == "listen"
    assert bar.hasFocus()


# -- outlines ---------------------------------------------------------------------------------


def edge_contrast(widget: QWidget, background: str) -> float:
    """The strongest contrast against ``background`` along the left edge of the indicator."""
    option = QStyleOptionButton()
    option.initFrom(widget)
    box = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, widget)
    image = widget.grab().toImage()
    y = box.center().y()
    colours_seen = [image.pixelColor(x, y) for x in range(box.left(), box.center().x())]
    return max(contrast(c.name(), background) for c in colours_seen)


def test_the_calm_style_comes_with_the_first_paint(qtbot: QtBot, app: Lifecycle) -> None:
    """Set right after the window's first paint (making it costs the start some 40 ms), it
    draws every page's edges: the pages are built after that paint too."""
    window = app.window
    assert window is not None
    qtbot.waitUntil(lambda: app.appearance.theme.style is not None)
    assert isinstance(QApplication.style(), CalmStyle)
    assert window.style() is app.appearance.theme.style
    assert isinstance(window.show_page("breathe").style(), CalmStyle)


@pytest.mark.parametrize("dark", [False, True])
def test_an_unticked_checkbox_shows_its_edge(qtbot: QtBot, dark: bool, app: Lifecycle) -> None:
    app.appearance.set_theme("dark" if dark else "light")
    try:
        box = QCheckBox("Grounding cues")
        shown(qtbot, box, 200, 40)
        window = colours(dark)["window"]
        assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor(window)
        assert edge_contrast(box, window) >= MIN_OUTLINE_CONTRAST
    finally:
        app.appearance.set_theme("system")


@pytest.mark.parametrize("dark", [False, True])
def test_a_chosen_toggle_shows_the_accent_not_a_grey_box(
    qtbot: QtBot, dark: bool, app: Lifecycle
) -> None:
    """DESIGN.md: accent colour for what is chosen. The Today tab's sections, Options and
    "Add words" are toggles: on, Fusion drew them as a sunken grey box."""
    app.appearance.set_theme("dark" if dark else "light")
    try:
        qtbot.waitUntil(lambda: app.appearance.theme.style is not None)
        button = QPushButton("Your day")
        button.setCheckable(True)
        button.setFlat(True)  # as the Today tab's section switch is
        shown(qtbot, button, 160, 40)
        palette = QApplication.palette()
        wash = chosen_wash(palette)
        off = button.grab().toImage().pixelColor(6, 20)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert button.isChecked()
        on = button.grab().toImage().pixelColor(6, 20)
        assert on.name() == wash.name() != off.name()
        accent = palette.color(QPalette.ColorRole.Highlight)
        assert abs(wash.hue() - accent.hue()) < 25  # a shade of the accent, not a grey
        text = palette.color(QPalette.ColorRole.ButtonText)
        assert contrast(text.name(), wash.name()) >= 4.5
    finally:
        app.appearance.set_theme("system")


@pytest.mark.parametrize("dark", [False, True])
def test_a_scroll_bars_handle_stands_out(qtbot: QtBot, dark: bool, app: Lifecycle) -> None:
    app.appearance.set_theme("dark" if dark else "light")
    try:
        items = QListWidget()
        items.addItems([f"row {n}" for n in range(200)])
        shown(qtbot, items, 200, 200)
        bar = items.verticalScrollBar()
        image = bar.grab().toImage()
        x = bar.width() // 2
        seen = {image.pixelColor(x, y).name() for y in range(bar.height())}
        values = colours(dark)
        assert values["scroll_handle"] in seen and values["scroll_groove"] in seen
        ratio = contrast(values["scroll_handle"], values["scroll_groove"])
        assert ratio >= MIN_OUTLINE_CONTRAST
    finally:
        app.appearance.set_theme("system")


def test_no_bright_line_runs_under_the_tabs_in_the_dark(qtbot: QtBot, app: Lifecycle) -> None:
    """The edge between the tabs and the page is a soft shade of the window, not a bright rule."""
    window = app.window
    assert window is not None
    app.appearance.set_theme("dark")
    try:
        qtbot.waitUntil(lambda: app.appearance.theme.style is not None)
        window.resize(1100, 760)
        bar = window.tabs.tabBar()
        QApplication.processEvents()
        image = window.grab().toImage()
        below = bar.mapTo(window, bar.rect().bottomRight()).y()
        corner = window.tabs.cornerWidget()  # the Glimmer button, with an edge of its own
        end = corner.mapTo(window, corner.rect().topLeft()).x() if corner else window.width()
        last_tab = bar.tabRect(bar.count() - 1)
        beside = range(bar.mapTo(window, last_tab.topRight()).x() + 8, end - 8, 7)
        background = colours(True)["window"]
        seen = {image.pixelColor(x, y).name() for y in range(below - 1, below + 4) for x in beside}
        brightest = max(seen, key=lambda c: QColor(c).lightness())
        assert QColor(brightest).lightness() <= QColor(background).lightness() + 16
        assert contrast(brightest, background) < 1.5
    finally:
        app.appearance.set_theme("system")


def test_the_glimmer_button_keeps_off_the_window_edge_and_the_tabs_line(
    qtbot: QtBot, app: Lifecycle
) -> None:
    """Beside the tabs, a step in from the window's right edge, and above the line between the
    tabs and the page rather than across it."""
    window = app.window
    assert window is not None
    for size in ((640, 480), (1100, 760)):
        window.resize(*size)
        QApplication.processEvents()
        button = window.glimmer_button
        right = button.mapTo(window, button.rect().topRight()).x()
        bottom = button.mapTo(window, button.rect().bottomLeft()).y()
        bar = window.tabs.tabBar()
        line = bar.mapTo(window, bar.rect().bottomLeft()).y()
        assert window.width() - 1 - right >= 8
        assert bottom < line
        last_tab = bar.tabRect(bar.count() - 1)
        assert bar.mapTo(window, last_tab.topRight()).x() < button.mapTo(window, QPoint(0, 0)).x()


def test_the_palette_carries_the_shading_roles(qtbot: QtBot) -> None:
    palette = calm_palette(True)
    assert palette.color(QPalette.ColorRole.Light) == QColor(colours(True)["light"])


def test_a_dialog_never_comes_up_taller_than_its_screen(qtbot: QtBot, app: Lifecycle) -> None:
    """A small laptop at 150% has about 910x512 to give: a dialog asked for 600x640 there would
    hide its own buttons below the screen's edge."""
    assert fitted(QSize(600, 640), QSize(910, 512)) == QSize(600, 460)
    assert fitted(QSize(600, 640), QSize(1920, 1040)) == QSize(600, 640)
    assert fitted(QSize(600, 640), QSize(500, 2000)) == QSize(450, 640)
    # On this run's screen: a dialog asked for more height than the screen has keeps its
    # buttons on it; one that fits is left as asked.
    assert app.journal is not None
    dialog = app.journal.help_actions.show_too_much()
    screen = dialog.screen()
    assert screen is not None
    room = screen.availableSize()
    assert dialog.size() == fitted(QSize(600, 640), room)
    resize_within_screen(dialog, 600, room.height() + 400)
    assert dialog.height() == room.height() * 9 // 10 and dialog.width() == 600
