"""What every Together page shares: the parts handed in, a setup view with one obvious next
step, the split view for two people, the closing view, and the ticking that reads the clock."""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.clock import Clock
from desktop.controls import named
from desktop.settings import Settings, Whole
from desktop.store import Store
from desktop.store.together import (
    MIN_SECONDS_KEPT,
    TogetherRecord,
    describe,
    describe_words,
    save_record,
)
from desktop.texts import translate
from desktop.together.half import Choice, HalfPanel, large
from desktop.together.keys import EVERYONE_KEY, HALF_KEYS
from desktop.together.ports import Pacer, PacerFactory, Tone, ToneFactory
from desktop.together.widgets import BigButton, SoftRing, TalkingPiece

TICK_MS = 40


@dataclass(frozen=True)
class TogetherParts:
    """Everything a Together page is given: the store, the app's clocks, and what the shell
    lends from elsewhere (a pacer, a tone), plus chance for "choose at random"."""

    store: Store
    settings: Settings
    clock: Clock
    pacer: PacerFactory
    tone: ToneFactory
    rng: random.Random
    reduced_motion: bool = False


def remembered(settings: Settings, setting: Whole, choices: Sequence[int]) -> int:
    """A remembered choice: the offered choice nearest to what was stored (the settings give
    the default for anything that is not a number)."""
    value = settings.get(setting)
    return min(choices, key=lambda choice: (abs(choice - value), choice))


def minutes_words(seconds: float) -> str:
    """ "about a minute", "a minute and a half": spoken time, never a countdown."""
    halves = round(seconds / 30)
    if halves <= 2:
        return translate("TogetherPage", "about a minute")
    if halves == 3:
        return translate("TogetherPage", "a minute and a half")
    minutes = math.ceil(halves / 2)
    return translate("TogetherPage", "about %n minutes", None, minutes)


class SetupView(QWidget):
    """One obvious next step (Begin); the choices behind Options; a way back."""

    def __init__(self, title: str, text: str, options: QWidget, begin: str) -> None:
        super().__init__()
        self.heading = look.heading(QLabel(title), "title")
        self.heading.setObjectName("setup_heading")
        self.text = QLabel(text)
        self.text.setObjectName("setup_text")
        self.text.setWordWrap(True)
        self.begin_button = named(
            BigButton(),
            begin,
            translate("TogetherPage", "Starts the practice"),
            object_name="begin",
        )
        self.begin_button.setText(begin)
        self.begin_button.setDefault(True)
        self.options_button = named(
            QPushButton(translate("TogetherPage", "&Options")),
            translate("TogetherPage", "Options"),
            translate("TogetherPage", "Shows or hides the choices for this practice"),
            object_name="options",
        )
        self.options_button.setCheckable(True)
        self.back_button = named(
            QPushButton(translate("TogetherPage", "&Back")),
            translate("TogetherPage", "Back"),
            translate("TogetherPage", "Back to the three practices"),
            object_name="back",
        )
        self.options = options
        options.setVisible(False)
        self.options_button.toggled.connect(options.setVisible)
        self.message = QLabel()
        self.message.setObjectName("setup_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.options_button)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addWidget(self.message)
        column.addWidget(self.begin_button)
        column.addLayout(row)
        # Below the buttons: opening the options never moves what is about to be clicked.
        column.addWidget(self.options)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)

    def show_message(self, text: str) -> None:
        self.message.setText(text)


class EndView(QWidget):
    """After a practice: thanks, and what was kept, said plainly."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = look.heading(QLabel(), "title")
        self.heading.setObjectName("end_heading")
        self.heading.setWordWrap(True)
        self.kept = QLabel()
        self.kept.setObjectName("end_kept")
        self.kept.setWordWrap(True)
        self.again_button = named(
            BigButton(),
            translate("TogetherPage", "Once more"),
            translate("TogetherPage", "The same practice again, from the start"),
            object_name="again",
        )
        self.again_button.setText(translate("TogetherPage", "Once more"))
        self.home_button = named(
            QPushButton(translate("TogetherPage", "Back to Together")),
            translate("TogetherPage", "Back to Together"),
            translate("TogetherPage", "Back to the three practices"),
            object_name="home",
        )
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.kept)
        column.addWidget(self.again_button)
        column.addWidget(self.home_button)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)

    def show_end(self, heading: str, kept: str) -> None:
        self.heading.setText(heading)
        self.kept.setText(kept)


VISUAL_HEIGHT = 72  # the least room the ring, the pacer or shared choices take


class SharedVisual(QStackedWidget):
    """The shared strip's ring, pacer or choices. It asks for no more than its least height, and
    grows into whatever room the halves leave: a stack would ask for its tallest page's height,
    and in a small window that pushed the halves' buttons out of view."""

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        least = shown.minimumSizeHint().height() if shown is not None else 0
        return QSize(super().sizeHint().width(), max(VISUAL_HEIGHT, least))

    def hasHeightForWidth(self) -> bool:
        return False


class SplitView(QWidget):
    """Two halves, one per person, under a shared strip: whose turn, and the breath or time.

    Each half has its own keys; Escape, for everyone, is ``everyone_pressed``.
    """

    everyone_pressed = Signal()
    centre_pressed = Signal(str)  # an action chosen in the shared middle

    def __init__(self, clock: Clock, reduced_motion: bool) -> None:
        super().__init__()
        self.status = large(QLabel(), 1.25)
        self.status.setObjectName("status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.ring = SoftRing()
        self.visual = SharedVisual()
        self.visual.setObjectName("shared_visual")
        self.visual.setMinimumHeight(VISUAL_HEIGHT)
        self.visual.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.blank = QWidget()
        self.visual.addWidget(self.blank)
        self.visual.addWidget(self.ring)
        self.pacer_holder = QWidget()
        QVBoxLayout(self.pacer_holder).setContentsMargins(0, 0, 0, 0)
        self.visual.addWidget(self.pacer_holder)
        self.piece = TalkingPiece(clock, reduced_motion)
        self.centre = QFrame()
        self.centre.setObjectName("shared_choices")
        self.centre_text = QLabel()
        self.centre_text.setWordWrap(True)
        self.centre_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.centre_buttons: list[BigButton] = []
        centre = QVBoxLayout(self.centre)
        centre.addStretch(1)
        centre.addWidget(self.centre_text)
        self._centre_grid = QGridLayout()
        self._centre_grid.setSpacing(8)
        centre.addLayout(self._centre_grid)
        centre.addStretch(1)
        self.visual.addWidget(self.centre)
        self.halves = tuple(HalfPanel(side, keys) for side, keys in enumerate(HALF_KEYS))
        row = QHBoxLayout()
        row.setSpacing(12)
        for half in self.halves:
            row.addWidget(half, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.status)
        layout.addWidget(self.visual, 2)
        layout.addWidget(self.piece)
        layout.addLayout(row, 3)
        self._shortcuts: list[QShortcut] = []
        self._add_keys()

    def _add_keys(self) -> None:
        for half in self.halves:
            for number, key in enumerate(half.keys.buttons):
                self._key(key, functools.partial(half.press, number))
            self._key(half.keys.pause, half.press_pause)
            for number, key in enumerate(half.keys.marks, start=1):
                self._key(key, functools.partial(half.press_mark, number))
        self._key(EVERYONE_KEY, self.everyone_pressed.emit)

    def _key(self, key: str, act: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(act)
        self._shortcuts.append(shortcut)

    def say(self, status: str) -> bool:
        """Show ``status`` in the shared strip; False when it says that already (nothing to
        announce again)."""
        if self.status.text() == status:
            return False
        self.status.setText(status)
        self.status.setAccessibleName(status)
        return True

    def show_pacer(self, pacer: QWidget) -> None:
        layout = self.pacer_holder.layout()
        if layout is not None and pacer.parent() is not self.pacer_holder:
            layout.addWidget(pacer)
        self._show_visual(self.pacer_holder)

    def show_ring(self, progress: float, words: str) -> None:
        self.ring.set_state(progress, words)
        self._show_visual(self.ring)

    def show_blank(self) -> None:
        self._show_visual(self.blank)

    def _show_visual(self, shown: QWidget) -> None:
        # Nothing shared to show gives its room to the halves (and their buttons), which a
        # small window needs.
        self.visual.setCurrentWidget(shown)
        self.visual.setVisible(shown is not self.blank)

    def show_centre(self, text: str, choices: Sequence[Choice]) -> list[BigButton]:
        """Shared choices for both, in the shared strip (touch: which contact to begin with)."""
        self.centre_text.setText(text)
        while len(self.centre_buttons) < len(choices):
            number = len(self.centre_buttons)
            button = BigButton()
            button.setObjectName(f"shared_choice_{number + 1}")
            button.clicked.connect(lambda _=False, b=button: self.centre_pressed.emit(b.action))
            self._centre_grid.addWidget(button, number // 2, number % 2)
            self.centre_buttons.append(button)
        for number, button in enumerate(self.centre_buttons):
            if number < len(choices):
                choice = choices[number]
                button.show_action(choice.action, choice.label, "", choice.description)
            else:
                button.hide()
        self._show_visual(self.centre)
        return self.centre_buttons[: len(choices)]

    def hide_centre(self) -> None:
        if self.visual.currentWidget() is self.centre:
            self.show_blank()


class PracticePage(QWidget):
    """A practice's pages (setup, the practice, the end) and the clock ticks that move it."""

    home_requested = Signal()
    kept = Signal(object)  # TogetherRecord: the one that was saved

    def __init__(self, parts: TogetherParts) -> None:
        super().__init__()
        self.parts = parts
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.announced: list[str] = []  # what screen readers were told, newest last
        self._pacer: Pacer | None = None
        self._tone: Tone | None = None
        self.last_record: TogetherRecord | None = None

    # -- what the shell lends -----------------------------------------------------------------

    def pacer(self) -> Pacer:
        if self._pacer is None:
            self._pacer = self.parts.pacer()
        return self._pacer

    def tone(self) -> None:
        if self._tone is None:
            self._tone = self.parts.tone()
        self._tone.play()

    # -- time ---------------------------------------------------------------------------------

    def show_setup(self) -> None:
        """The practice's first view, its one next step in focus."""

    def running(self) -> bool:
        """Something timed is going on: the clock needs reading (nothing ticks otherwise)."""
        return False

    def tick(self) -> None:
        """Read the clock, move the practice on, show it. Also called by tests."""

    def sync_timer(self) -> None:
        if self.running() and self.isVisible():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    # -- saying and keeping -------------------------------------------------------------------

    def announce(self, text: str, source: QWidget | None = None) -> None:
        """Tell screen readers, once, what just changed (whose turn it is)."""
        self.announced.append(text)
        del self.announced[:-50]
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source or self, text))

    def keep_record(self, record: TogetherRecord | None) -> str:
        """Save what may be kept; the words that say what was kept (or why nothing was)."""
        self.last_record = None
        if record is None or record.seconds < MIN_SECONDS_KEPT:
            return translate(
                "TogetherPage", "Thank you both. Stopping is a full answer; nothing was kept."
            )
        try:
            saved = save_record(self.parts.store, record)
        except ValueError as e:
            return translate("TogetherPage", "This was not kept: {reason}").format(reason=e)
        self.last_record = saved
        self.kept.emit(saved)
        line = describe(saved)
        if saved.kept:
            words = describe_words(saved)
            return translate("TogetherPage", "Kept in your timeline: {line}.{words}").format(
                line=line, words=f" {words}" if words else ""
            )
        return translate(
            "TogetherPage", "Your timeline keeps only this: \u201c{line}\u201d. Nothing you said."
        ).format(line=line)

    def stop_pacer(self) -> None:
        if self._pacer is not None:
            self._pacer.stop()

    def prepare_to_close(self) -> None:
        """The window is closing: keep the shape of a practice cut short, never its words."""
        self.timer.stop()
        self.stop_pacer()
