"""The Together tab: three practices for people at one screen, one chosen at a time.

The whole tab scrolls as one when the window is smaller than a practice needs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.controls import named
from desktop.texts import translate
from desktop.together.circle_page import CirclePage
from desktop.together.page_parts import PracticePage, TogetherParts
from desktop.together.pair_page import PairPage
from desktop.together.touch_page import TouchPage
from desktop.together.widgets import BigButton

MIN_CONTENT = (600, 380)  # below this the tab scrolls as a whole


class TogetherTab(QScrollArea):
    def __init__(self, parts: TogetherParts) -> None:
        super().__init__()
        self.setObjectName("together_tab")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.stack.setMinimumSize(*MIN_CONTENT)
        self.home = self._home()
        self.pair = PairPage(parts)
        self.circle = CirclePage(parts)
        self.touch = TouchPage(parts)
        self.stack.addWidget(self.home)
        for page in self.practices():
            self.stack.addWidget(page)
        self.setWidget(self.stack)
        self._connect_signals()

    def practices(self) -> tuple[PracticePage, ...]:
        return (self.pair, self.circle, self.touch)

    def _home(self) -> QWidget:
        page = QWidget()
        page.setObjectName("together_home")
        heading = look.heading(QLabel(translate("TogetherTab", "Together")), "title")
        text = QLabel(
            " ".join(
                (
                    translate(
                        "TogetherTab",
                        "Small practices for people at one screen: listening, a circle, and touch.",
                    ),
                    translate(
                        "TogetherTab",
                        "Nothing anyone says is kept unless you all choose to keep it.",
                    ),
                )
            )
        )
        text.setWordWrap(True)
        self.pair_button = self._choice(
            "choose_pair",
            translate("TogetherTab", "&Listen to each other"),
            translate(
                "TogetherTab", "Two people: one speaks briefly, the other says back what they heard"
            ),
        )
        self.circle_button = self._choice(
            "choose_circle",
            translate("TogetherTab", "A small &circle"),
            translate(
                "TogetherTab", "Three to eight people and a talking piece; passing is welcome"
            ),
        )
        self.touch_button = self._choice(
            "choose_touch",
            translate("TogetherTab", "&Touch, with consent"),
            translate(
                "TogetherTab", "Two people who trust each other; anyone can change their mind"
            ),
        )
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(heading)
        column.addWidget(text)
        column.addSpacing(8)
        for button, line in (
            (self.pair_button, self.pair_button.accessibleDescription()),
            (self.circle_button, self.circle_button.accessibleDescription()),
            (self.touch_button, self.touch_button.accessibleDescription()),
        ):
            # Each line close under its own choice, and a clear gap before the next one.
            choice = QVBoxLayout()
            choice.setSpacing(4)
            choice.addWidget(button)
            caption = QLabel(line)
            caption.setWordWrap(True)
            caption.setContentsMargins(4, 0, 4, 0)
            choice.addWidget(caption)
            column.addLayout(choice)
            column.addSpacing(8)
        column.addStretch(2)
        outer = QHBoxLayout(page)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        return page

    def _choice(self, name: str, label: str, description: str) -> BigButton:
        button = named(BigButton(), label, description, object_name=name)
        button.setText(label)
        return button

    def _connect_signals(self) -> None:
        self.pair_button.clicked.connect(lambda: self.open(self.pair))
        self.circle_button.clicked.connect(lambda: self.open(self.circle))
        self.touch_button.clicked.connect(lambda: self.open(self.touch))
        for page in self.practices():
            page.home_requested.connect(self.show_home)
        self.touch.pair_requested.connect(lambda: self.open(self.pair))

    def open(self, page: PracticePage) -> None:
        self.stack.setCurrentWidget(page)
        page.show_setup()

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.pair_button.setFocus()

    def prepare_to_close(self) -> None:
        for page in self.practices():
            page.prepare_to_close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.home and not self.home.focusWidget():
            self.pair_button.setFocus(Qt.FocusReason.OtherFocusReason)
