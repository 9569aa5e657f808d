"""Painted widgets that tell screen readers what they are and what they show, in words.

Qt describes its own controls (a QSlider is a slider, its value a number), but a widget we
paint is a plain panel to a screen reader. ``speak_as()`` gives a kind of painted widget a role
(a slider, a button) and a value read from it as words ("0:19 of 2:06", "pleasant, low
energy"). Qt keeps one list of such describers for the whole process; this module adds one
describer to it, once, which asks each widget that has a ``spoken_value()`` method.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleValueChangeEvent
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLE = "glimmersAccessibleRole"  # a dynamic property: the role a painted widget speaks as


@runtime_checkable
class Spoken(Protocol):
    def spoken_value(self) -> str: ...  # what it shows, in words


class _Described(QAccessibleWidget):
    """A painted widget as a screen reader hears it: its role, its name, its value in words."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._widget = widget

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value and isinstance(self._widget, Spoken):
            return self._widget.spoken_value()
        return str(super().text(kind))


def _describe(key: str, target: QObject) -> QAccessibleInterface | None:
    if not isinstance(target, QWidget):
        return None
    role = target.property(_ROLE)
    if not isinstance(role, QAccessible.Role):
        return None
    return _Described(target, role)


class _Describer:
    """Qt's list of describers is one per process: ours goes on it once."""

    installed = False

    @classmethod
    def install(cls) -> None:
        if not cls.installed:
            QAccessible.installFactory(_describe)
            cls.installed = True


def speak_as(widget: QWidget, role: QAccessible.Role) -> None:
    """``widget`` speaks as a ``role`` (a slider, a toggle button), its value in words from
    its ``spoken_value()``; call ``value_changed()`` when those words change."""
    _Describer.install()
    widget.setProperty(_ROLE, role)


def value_changed(widget: Spoken) -> None:
    """Tell a listening screen reader that what ``widget`` shows has changed."""
    if QAccessible.isActive() and isinstance(widget, QWidget):
        event = QAccessibleValueChangeEvent(widget, widget.spoken_value())
        QAccessible.updateAccessibility(event)


def spoken(widget: QWidget, kind: QAccessible.Text = QAccessible.Text.Value) -> str:
    """What a screen reader hears of ``widget`` (its value, unless asked for another text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else str(interface.text(kind))


def role_of(widget: QWidget) -> QAccessible.Role | None:
    interface = QAccessible.queryAccessibleInterface(widget)
    return None if interface is None else interface.role()
