"""The look every page shares: one type scale and one rhythm of space, in steps of 8 px.

Body text is the application's font, which is the system's default or larger (the person's
own choice of size is followed everywhere, 150% included). Headings are a step up, a page's
title two, the pacer's words the largest. Space comes in three sizes: ``SPACE`` between the
parts of one thing, ``GAP`` between groups, ``MARGIN`` around a page or a dialog's content.
"""

from __future__ import annotations

from typing import Literal, TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QScrollArea,
    QWidget,
)

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


def fitted(wanted: QSize, room: QSize) -> QSize:
    """``wanted``, made smaller where ``room`` (a screen's free area) has less: at most nine
    tenths of it each way, so a window's frame, title and buttons stay on the screen."""
    return QSize(
        min(wanted.width(), room.width() * 9 // 10), min(wanted.height(), room.height() * 9 // 10)
    )


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a dialog to ``width`` x ``height``, or less on a small screen (a laptop at 150 %
    has about 910x512 to give): a dialog taller than its screen hides its own buttons."""
    screen = window.screen()
    wanted = QSize(width, height)
    window.resize(wanted if screen is None else fitted(wanted, screen.availableSize()))


class FlowLayout(QLayout):
    """Items side by side, wrapping onto the next line when the width runs out (word chips).

    Its height follows its width (heightForWidth), so a page around it gets taller, never
    clipped, when it is narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = SPACE) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class PageScroll(QScrollArea):
    """A page (or a panel) that scrolls as a whole where it cannot fit: no frame, no sideways
    scrolling, no stop of the Tab key of its own.

    Its content keeps one width whether the scroll bar shows or not: the bar's room is kept
    free while it is hidden, so opening something that makes the page scroll never moves what
    is beside or above it (DESIGN.md, "Nothing moves under the pointer")."""

    def __init__(self, content: QWidget, object_name: str = "") -> None:
        super().__init__()
        if object_name:
            self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(content)
        self.verticalScrollBar().rangeChanged.connect(self._keep_width)
        self._keep_width(0, 0)

    def _keep_width(self, low: int, high: int) -> None:
        bar = self.verticalScrollBar()
        room = 0 if high > low else bar.sizeHint().width()
        if self.viewportMargins().right() != room:
            self.setViewportMargins(0, 0, room, 0)


class WholeHints(QObject):
    """Keeps what a form's empty fields invite readable whole: where a field beside its label
    would be too narrow for its placeholder, every label goes above its field instead.

    Decided from the form's width alone, so the change never feeds back into itself."""

    MARGINS = 8  # the field's frame and its text margins, both sides

    def __init__(self, form: QFormLayout, host: QWidget) -> None:
        super().__init__(host)
        self._form = form
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The host's layout has placed the form by the time its own Resize arrives here.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        form = self._form
        rows = range(form.rowCount())
        fields = [form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in rows]
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in rows]
        hints = [
            widget
            for widget in (item.widget() for item in fields if item is not None)
            if isinstance(widget, QLineEdit) and widget.placeholderText()
        ]
        if not hints or form.geometry().width() <= 0:
            return
        needed = max(e.fontMetrics().horizontalAdvance(e.placeholderText()) for e in hints)
        widths = [item.sizeHint().width() for item in labels if item is not None]
        label_column = max(widths, default=0)
        beside = form.geometry().width() - label_column - max(form.horizontalSpacing(), 0)
        policy = (
            QFormLayout.RowWrapPolicy.DontWrapRows
            if beside >= needed + self.MARGINS
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
