"""The look every page shares: one type scale and one rhythm of space, in steps of 8 px.

Body text is the application's font, which is the system's default or larger (the person's
own choice of size is followed everywhere, 150% included). Headings are a step up, a page's
title two, the pacer's words the largest. Space comes in three sizes: ``SPACE`` between the
parts of one thing, ``GAP`` between groups, ``MARGIN`` around a page or a dialog's content.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLayout, QWidget

Step = Literal["body", "heading", "title", "pacer"]
SCALE: dict[Step, float] = {"body": 1.0, "heading": 1.2, "title": 1.45, "pacer": 1.9}
WEIGHT: dict[Step, QFont.Weight] = {
    "body": QFont.Weight.Normal,
    "heading": QFont.Weight.DemiBold,
    "title": QFont.Weight.DemiBold,
    "pacer": QFont.Weight.DemiBold,
}

UNIT = 8  # the rhythm: every space is a multiple of it
SPACE = UNIT  # between the parts of one thing (a label and its field, buttons in a row)
GAP = 2 * UNIT  # between groups
MARGIN = 3 * UNIT  # around a page's or a dialog's content
TOUCH = 5 * UNIT  # the height of a large, soft mark a person taps (a check-in's answers)

L = TypeVar("L", bound=QLayout)
Lab = TypeVar("Lab", bound=QLabel)


def font_at(base: QFont, step: Step) -> QFont:
    """``base`` at a step of the scale (the size in points, or pixels where it was set so)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * SCALE[step])
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * SCALE[step]))
    font.setWeight(WEIGHT[step])
    return font


def heading(label: Lab, step: Step = "heading") -> Lab:
    """A label as a heading of the scale; plain text, so it never needs <h3>."""
    label.setFont(font_at(label.font(), step))
    label.setWordWrap(True)
    return label


def roomy(layout: L, margin: int = MARGIN, spacing: int = SPACE) -> L:
    """A layout with the rhythm's margins and spacing (forms get room between their rows)."""
    layout.setContentsMargins(margin, margin, margin, margin)
    if isinstance(layout, QFormLayout):  # a label and its field: a little further apart
        layout.setHorizontalSpacing(max(spacing, GAP))
        layout.setVerticalSpacing(spacing)
    elif isinstance(layout, QGridLayout):
        layout.setHorizontalSpacing(spacing)
        layout.setVerticalSpacing(spacing)
    else:
        layout.setSpacing(spacing)
    return layout


def tight(layout: L, spacing: int = SPACE) -> L:
    """A layout inside another: no margins of its own, the rhythm's spacing."""
    return roomy(layout, 0, spacing)


def page_margins(widget: QWidget, margin: int = MARGIN) -> None:
    """The generous margins around a whole page, whatever its layout."""
    layout = widget.layout()
    if layout is not None:
        layout.setContentsMargins(margin, margin, margin, margin)
