"""Controls that behave calmly: named for screen readers in one call, and wheels that never
change a value by accident.

``named()`` gives a widget its object name, its accessible name (which should contain the
words it shows, WCAG 2.5.3), its accessible description and, if wanted, a tooltip, in one call
instead of the three-to-five lines each widget needed.

``shows_focus()`` says whether a control's focus ring shows: a ring on the first answer of a
question the person has not touched yet reads as an answer chosen for them.

``guard_wheel()`` makes spin boxes, combo boxes and sliders take the mouse wheel only while
they have the keyboard's focus: scrolling a page past them scrolls the page and leaves their
value alone (DESIGN.md, "Nothing moves under the pointer").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractScrollArea, QStackedWidget

# The Qt namespace and the kinds of control guarded are imported where they are used: PySide
# makes a class's enums when the class is first imported (the Qt namespace's alone take some
# 17 ms), and the main window imports this module before its first paint, when no page (and
# no control to guard) is built yet.

W = TypeVar("W", bound=QWidget)

GUARDED = "glimmersWheelGuarded"  # a dynamic property: the guard is on this widget already


def by_keyboard(reason: Qt.FocusReason) -> bool:
    """Whether focus that came for ``reason`` was moved by the keyboard (Tab, a shortcut)."""
    from PySide6.QtCore import Qt

    keyboard = Qt.FocusReason
    return reason in (
        keyboard.TabFocusReason,
        keyboard.BacktabFocusReason,
        keyboard.ShortcutFocusReason,
    )


def shows_focus(widget: QWidget, came_by_keyboard: bool) -> bool:
    """Whether ``widget`` shows its focus ring now: it has the focus, and the keyboard brought
    it there or the person is finding their way with the keyboard (Qt notes a Tab in the
    window until the next click). Never after a click: a ring there, or on the first answer of
    a question nobody has touched yet, reads as a choice made for them. (A browser's
    :focus-visible does the same.)"""
    from PySide6.QtCore import Qt

    if not widget.hasFocus():
        return False
    return came_by_keyboard or widget.window().testAttribute(
        Qt.WidgetAttribute.WA_KeyboardFocusChange
    )


def give_focus(widget: QWidget) -> None:
    """Focus the app gives (a question opening, a page shown) on one of Glimmers' own controls:
    as the keyboard's when the person is finding their way with the keyboard, so its ring
    shows (Qt may drop its note of that while it moves the focus), and quietly otherwise.
    (Not for text fields: one given the keyboard's focus selects all its text.)"""
    from PySide6.QtCore import Qt

    keyboard = widget.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    widget.setFocus(Qt.FocusReason.TabFocusReason if keyboard else Qt.FocusReason.OtherFocusReason)


def switch_page(stack: QStackedWidget, page: QWidget | int) -> None:
    """``page`` (or the page at that index) shown in ``stack``, keeping Qt's note that the
    person is using the keyboard: Qt drops it when the focused control is hidden with its page,
    and the focus given next would then hide its ring from someone who needs it."""
    from PySide6.QtCore import Qt

    window = stack.window()
    keyboard = window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    if isinstance(page, int):
        stack.setCurrentIndex(page)
    else:
        stack.setCurrentWidget(page)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, keyboard)


def named(
    widget: W,
    name: str,
    description: str = "",
    *,
    object_name: str = "",
    tooltip: str = "",
) -> W:
    """``widget`` with its name and description for screen readers (and ``tooltip`` shown on
    hovering); mnemonic ampersands are left out of the spoken name."""
    if object_name:
        widget.setObjectName(object_name)
    widget.setAccessibleName(name.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    if description:
        widget.setAccessibleDescription(description)
    if tooltip:
        widget.setToolTip(tooltip)
    return widget


class _WheelGuard(QObject):
    """Hands the wheel to the scroll area around the control unless the control has focus."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wheel = QEvent.Type.Wheel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != self._wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        area = _scroll_area_around(watched)
        if area is not None:
            # Sent on by hand: Qt passes an event to the parent only when it came from the
            # system, and a page must scroll the same way whoever sent the wheel.
            viewport = area.viewport()
            global_position = event.globalPosition()
            passed = QWheelEvent(
                viewport.mapFromGlobal(global_position),
                global_position,
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            QApplication.sendEvent(viewport, passed)
        event.accept()
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


_Kinds = tuple[type[QWidget], tuple[type[QWidget], ...]]


def _guarded_kinds() -> _Kinds:
    """(what is never guarded, what is)"""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar

    return QScrollBar, (QAbstractSpinBox, QComboBox, QAbstractSlider)


def _guardable(widget: QWidget, kinds: _Kinds) -> bool:
    never, guarded = kinds
    if isinstance(widget, never):
        return False  # a scroll bar is what the wheel is for
    return isinstance(widget, guarded)


def guard_wheel(*roots: QWidget) -> None:
    """Guard each of ``roots`` and every spin box, combo box and slider inside them (once).

    Call it again for controls made later (it skips those already guarded)."""
    from PySide6.QtCore import Qt  # its enums are made on first use: not at start-up

    kinds = _guarded_kinds()
    for root in roots:
        candidates = [root, *root.findChildren(QWidget)]
        for widget in candidates:
            if not _guardable(widget, kinds) or widget.property(GUARDED):
                continue
            guard = _WheelGuard(widget)
            widget.installEventFilter(guard)
            widget.setProperty(GUARDED, True)
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                # With WheelFocus the wheel would give the control the focus first.
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
