"""The Today tab: your day's small rhythm, small invitations, and the glimmers you kept.

One part at a time. "Too much today? Start again small" is always there and leads to one
minute of breathing. Whatever leads to another tab is a request; the shell wires it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import Clock, WallClock
from desktop.controls import named
from desktop.look import GAP, MARGIN, roomy
from desktop.rhythm.anchors_dialog import AnchorsDialog
from desktop.rhythm.day_view import DayView
from desktop.rhythm.glimmers_view import GlimmersView
from desktop.rhythm.invitations_view import InvitationsView
from desktop.rhythm.parts import ScrollingPage
from desktop.rhythm.settings import RhythmSettings
from desktop.store import Store
from desktop.store import glimmers as glimmer_store
from desktop.store import rhythm as rhythm_store
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

ONE_ROW_WIDTH = 760  # narrower than this, "Start again small" gets a row of its own
SECTIONS = (
    (
        "day",
        QT_TRANSLATE_NOOP("Today", "Your day"),
        QT_TRANSLATE_NOOP("Today", "A few small anchors for the day, at your own pace"),
    ),
    (
        "invitations",
        QT_TRANSLATE_NOOP("Today", "Invitations"),
        QT_TRANSLATE_NOOP("Today", "Short invitations to the senses"),
    ),
    (
        "glimmers",
        QT_TRANSLATE_NOOP("Today", "Glimmers"),
        QT_TRANSLATE_NOOP("Today", "The small moments you kept"),
    ),
)


class TodayTab(QWidget):
    breathe_requested = Signal()  # the breathing anchor: open Breathe
    breathe_minute_requested = Signal()  # "Start again small": one minute of breathing
    pace_requested = Signal()  # "Find my comfortable pace"
    listen_requested = Signal()  # "a song that draws a faint feeling"
    contacts_requested = Signal()  # the contact anchor: your people
    together_requested = Signal()  # the contact anchor: the Together tab
    reminders_changed = Signal(bool)
    acknowledged = Signal(str)  # a quiet word for the window's status line
    glimmer_requested = Signal()  # "Keep a glimmer" in the empty collection

    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        settings: RhythmSettings,
        clock: Clock,
        wall: WallClock,
        rng: random.Random,
        reminders_possible: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__()
        self.setObjectName("today_tab")
        self._store = store
        self._settings = settings
        self._reminders_possible = reminders_possible
        self.anchors_dialog: AnchorsDialog | None = None

        # Checked by show_section(), not by an exclusive group: Tab reaches every one.
        self.section_buttons: dict[str, QPushButton] = {}
        sections = QHBoxLayout()
        for key, title, description in SECTIONS:
            button = named(
                QPushButton(translate("Today", title)),
                translate("Today", title),
                translate("Today", description),
                object_name=f"section_{key}",
            )
            button.setCheckable(True)
            button.setFlat(True)
            self.section_buttons[key] = button
            sections.addWidget(button)
        sections.addStretch()
        self.too_much_button = named(
            QPushButton(translate("Today", "Too much today? Start again small")),
            translate("Today", "Too much today? Start again small"),
            translate("Today", "One minute of breathing, and nothing else asked of you"),
            object_name="start_again_small",
        )
        # One row where there is room; in a narrow window the way back is a row of its own.
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bar.addLayout(sections, 1)
        self._bar.addWidget(self.too_much_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.day = DayView(store, settings, wall)
        self.invitations = InvitationsView(store, clock)
        self.glimmers = GlimmersView(store, settings, wall, rng)
        self.stack = QStackedWidget()
        # Each part scrolls as a whole in a small window, instead of squeezing its own rows.
        self._pages = {
            "day": ScrollingPage(self.day),
            "invitations": ScrollingPage(self.invitations),
            "glimmers": ScrollingPage(self.glimmers),
        }
        for page in self._pages.values():
            self.stack.addWidget(page)
        layout = roomy(QVBoxLayout(self), MARGIN, GAP)
        layout.addLayout(self._bar)
        layout.addWidget(self.stack, 1)
        self._signals = signals
        self._connect_signals()
        self.show_section("day")

    def showEvent(self, event: QShowEvent) -> None:
        # The app may stay open past midnight: each time the tab is shown, it shows today.
        super().showEvent(event)
        self.day.reload(keep_current=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= ONE_ROW_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._bar.direction() != direction:
            self._bar.setDirection(direction)
        super().resizeEvent(event)

    def _connect_signals(self) -> None:
        for key, button in self.section_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.show_section(k))
        self.too_much_button.clicked.connect(self.breathe_minute_requested)
        self.day.breathe_requested.connect(self.breathe_requested)
        self.day.contacts_requested.connect(self.contacts_requested)
        self.day.together_requested.connect(self.together_requested)
        self.day.change_requested.connect(self.change_anchors)
        self.invitations.listen_requested.connect(self.listen_requested)
        self.invitations.pace_requested.connect(self.pace_requested)
        self.invitations.kept.connect(self.acknowledged)
        self.glimmers.keep_requested.connect(self.glimmer_requested)
        self._signals.changed.connect(self._on_store_changed)

    def show_section(self, key: str) -> None:
        for other, button in self.section_buttons.items():
            button.setChecked(other == key)
        self.stack.setCurrentWidget(self._pages[key])

    def current_section(self) -> str:
        return next(k for k, b in self.section_buttons.items() if b.isChecked())

    def set_together_available(self, available: bool) -> None:
        self.day.set_together_available(available)

    def _on_store_changed(self, table: str) -> None:
        if table == glimmer_store.TABLE:
            self.glimmers.reload()
        elif table == rhythm_store.TABLE:
            self.day.reload(keep_current=True)

    def change_anchors(self) -> AnchorsDialog:
        dialog = AnchorsDialog(self._settings, self._reminders_possible(), self)
        dialog.anchors_changed.connect(lambda: self.day.reload(keep_current=True))
        dialog.reminders_changed.connect(self.reminders_changed)
        self.anchors_dialog = dialog
        dialog.open()
        return dialog

    def prepare_to_close(self) -> None:
        self.invitations.prepare_to_close()
