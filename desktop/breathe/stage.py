"""Breathe's stage: the pacer filling the page, two quiet buttons in its corner (Options, Your
patterns…), one line beneath it (the pattern, the length, Start), and while breathing Pause
and "That's enough for now" in that line's place. Options open beside the pacer, or in its
place where the window is narrow.

A view only: what the person asks for goes out through its signals, and the tab tells it what
to show through show_breathing(), show_breathing_buttons(), arrange_options() and tell().
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop.breathe.choosers import LengthChooser, PatternChooser
from desktop.breathe.options_panel import OptionsPanel
from desktop.breathe.pacer_widget import PacerWidget
from desktop.breathe.patterns import LIGHT_HEADED_NOTE
from desktop.controls import named
from desktop.look import GAP, MARGIN, SPACE, PageScroll, roomy, tight
from desktop.texts import translate

OPTIONS_WIDTH = 52 * SPACE  # the options beside the pacer, never more than this


def _quiet(button: QPushButton) -> QPushButton:
    """A button one step away: flat, and it takes no focus from a click, so Space after
    clicking it still starts (the keyboard reaches it with Tab)."""
    button.setFlat(True)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def _centred_words(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


class _OneLine(QWidget):
    """The pattern, the length and Start on one line; where the window is too narrow for
    that (a small window, large text), the pattern above the other two."""

    def __init__(self, first: QWidget, *rest: QWidget) -> None:
        super().__init__()
        self.setObjectName("breathe_rest_line")
        self._first, self._rest = first, rest
        self._grid = tight(QGridLayout(self), SPACE)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(2 + len(rest), 1)
        self._two_rows: bool | None = None
        self._arrange(two_rows=False)

    def _one_line_width(self) -> int:
        widths = [w.sizeHint().width() for w in (self._first, *self._rest)]
        return sum(widths) + SPACE * len(self._rest)

    def _arrange(self, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for widget in (self._first, *self._rest):
            self._grid.removeWidget(widget)
        if two_rows:
            self._grid.addWidget(self._first, 0, 1, 1, len(self._rest))
            for column, widget in enumerate(self._rest, start=1):
                self._grid.addWidget(widget, 1, column)
        else:
            for column, widget in enumerate((self._first, *self._rest), start=1):
                self._grid.addWidget(widget, 0, column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(two_rows=event.size().width() < self._one_line_width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrowest = max(
            self._first.minimumSizeHint().width(),
            sum(w.sizeHint().width() for w in self._rest) + SPACE * (len(self._rest) - 1),
        )
        rows = 2 if self._two_rows else 1
        tallest = max(w.sizeHint().height() for w in (self._first, *self._rest))
        return QSize(narrowest, max(hint.height(), rows * tallest + (rows - 1) * SPACE))


class BreatheStage(QWidget):
    start_requested = Signal()  # Start, Pause or Resume, Space on a chooser
    enough_requested = Signal()  # "That's enough for now"
    patterns_requested = Signal()  # "Your patterns…"
    options_toggled = Signal(bool)  # Options opened (True) or closed
    pattern_chosen = Signal()
    length_chosen = Signal()

    def __init__(self, pacer: PacerWidget, options: OptionsPanel) -> None:
        super().__init__()
        self.setObjectName("breathe_stage")
        self.pacer = pacer
        self.options = options
        self._build_rest_line()
        self._build_breathing_line()
        self.options_area = PageScroll(options, "breathe_options_area")
        self.options_area.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.options_area.setMinimumWidth(options.minimumSizeHint().width() + 2 * SPACE)
        self.options_area.setMaximumWidth(OPTIONS_WIDTH)
        self.options_area.hide()
        self.caution = _centred_words("caution")
        self.caution.setText(translate("Patterns", LIGHT_HEADED_NOTE))
        self.message = _centred_words("breathe_message")
        self.message.hide()
        self.guided_label = QLabel()  # hook (issue #19): the guided session's step, in words
        self.guided_label.setObjectName("guided_session")
        self.guided_label.setWordWrap(True)
        self.guided_label.hide()
        self._lay_out()
        self._connect()

    # -- building -----------------------------------------------------------------------------

    def _build_rest_line(self) -> None:
        self.chooser = named(
            PatternChooser(),
            translate("BreatheTab", "Breathing pattern"),
            translate("BreatheTab", "How to breathe. Space starts."),
        )
        self.length_box = named(
            LengthChooser(),
            translate("BreatheTab", "Length"),
            translate("BreatheTab", "How long, in minutes or breaths. Space starts."),
        )
        self.start_button = named(
            QPushButton(translate("BreatheTab", "&Start")),
            translate("BreatheTab", "Start"),
            translate("BreatheTab", "Begins breathing with the pacer. Space, from anywhere here"),
            object_name="start",
        )
        self.start_button.setDefault(True)
        self.options_button = named(
            _quiet(QPushButton(translate("BreatheTab", "&Options"))),
            translate("BreatheTab", "Options"),
            translate("BreatheTab", "Cues, tones, how the pacer looks, the check-ins"),
            object_name="options",
        )
        self.options_button.setCheckable(True)
        self.patterns_button = named(
            _quiet(QPushButton(translate("BreatheTab", "Your &patterns\u2026"))),
            translate("BreatheTab", "Your patterns\u2026"),
            translate("BreatheTab", "Make, change and delete patterns of your own"),
            object_name="your_patterns",
        )

    def _build_breathing_line(self) -> None:
        self.pause_button = named(
            QPushButton(translate("BreatheTab", "&Pause")),
            translate("BreatheTab", "Pause"),
            translate("BreatheTab", "Pauses the pacer; Space does the same"),
            object_name="pause",
        )
        self.enough_button = named(
            QPushButton(translate("BreatheTab", "That's &enough for now")),
            translate("BreatheTab", "That's enough for now"),
            translate("BreatheTab", "Ends gently, when an out-breath is done. Escape ends at once"),
            object_name="enough",
        )

    def _lay_out(self) -> None:
        self.corner = QWidget()
        corner = tight(QHBoxLayout(self.corner), SPACE)
        corner.addStretch()
        corner.addWidget(self.options_button)
        corner.addWidget(self.patterns_button)
        self.rest_line = _OneLine(self.chooser, self.length_box, self.start_button)
        # One height for the line: the chooser's two lines set it.
        tall = self.chooser.sizeHint().height()
        for widget in (self.length_box, self.start_button, self.pause_button, self.enough_button):
            widget.setMinimumHeight(tall)
        self.start_button.setMinimumWidth(self.start_button.sizeHint().width() + 2 * GAP)
        self.breathing_line = QWidget()
        self.breathing_line.setObjectName("breathe_breathing_line")
        breathing = tight(QHBoxLayout(self.breathing_line), GAP)
        breathing.addStretch()
        breathing.addWidget(self.pause_button)
        breathing.addWidget(self.enough_button)
        breathing.addStretch()
        # The two lines take the same room, so nothing jumps when a session starts or ends.
        self.lines = QStackedWidget()
        self.lines.setObjectName("breathe_lines")
        self.lines.addWidget(self.rest_line)
        self.lines.addWidget(self.breathing_line)

        grid = self.grid = roomy(QGridLayout(self), MARGIN, SPACE)
        grid.setContentsMargins(MARGIN, SPACE, MARGIN, MARGIN)
        grid.addWidget(self.guided_label, 0, 0, 1, 2)  # hook (issue #19)
        grid.addWidget(self.corner, 1, 0, 1, 2)
        grid.addWidget(self.pacer, 2, 0)
        grid.addWidget(self.options_area, 2, 1, 4, 1)
        grid.addWidget(self.caution, 3, 0)
        grid.addWidget(self.message, 4, 0)
        grid.addWidget(self.lines, 5, 0)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)

    def _connect(self) -> None:
        self.chooser.currentIndexChanged.connect(self.pattern_chosen)
        self.chooser.start_requested.connect(self.start_requested)
        self.length_box.currentIndexChanged.connect(self.length_chosen)
        self.length_box.start_requested.connect(self.start_requested)
        self.start_button.clicked.connect(self.start_requested)
        self.options_button.toggled.connect(self.options_toggled)
        self.patterns_button.clicked.connect(self.patterns_requested)
        self.pause_button.clicked.connect(self.start_requested)
        self.enough_button.clicked.connect(self.enough_requested)

    # -- setters ------------------------------------------------------------------------------

    def show_breathing(self, breathing: bool, caution: bool) -> None:
        """The breathing line while a session runs, else the one line and the corner."""
        if breathing:
            self.options_button.setChecked(False)
        self.corner.setVisible(not breathing)
        self.caution.setVisible(not breathing and caution)
        self.lines.setCurrentWidget(self.breathing_line if breathing else self.rest_line)
        # At rest the pacer is not a stop of the Tab key: five controls, not six. While
        # breathing it takes the keys (Space pauses, Escape stops).
        self.pacer.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if breathing else Qt.FocusPolicy.NoFocus
        )
        if breathing:
            self.message.hide()

    def show_breathing_buttons(self, paused: bool, finishing: bool) -> None:
        self.pause_button.setText(
            translate("BreatheTab", "&Resume") if paused else translate("BreatheTab", "&Pause")
        )
        self.pause_button.setAccessibleName(
            translate("BreatheTab", "Resume") if paused else translate("BreatheTab", "Pause")
        )
        self.pause_button.setVisible(not finishing)
        self.enough_button.setEnabled(not finishing)
        self.enough_button.setText(
            translate("BreatheTab", "Finishing gently")
            if finishing
            else translate("BreatheTab", "That's &enough for now")
        )
        self.enough_button.setAccessibleName(
            translate("BreatheTab", "Finishing gently")
            if finishing
            else translate("BreatheTab", "That's enough for now")
        )

    def arrange_options(self, narrow: bool, caution: bool) -> None:
        """Beside the pacer where there is room; in a narrow window, in its place (the one
        line comes back when the options close)."""
        shown = self.options_button.isChecked()
        self.grid.addWidget(self.options_area, 2, 0 if narrow else 1, 4, 2 if narrow else 1)
        self.options_area.setMaximumWidth(16_777_215 if narrow else OPTIONS_WIDTH)
        self.options_area.setVisible(shown)
        in_place = shown and narrow
        self.pacer.setVisible(not in_place)
        self.lines.setVisible(not in_place)
        self.caution.setVisible(not in_place and caution)

    def close_options(self) -> None:
        self.options_button.setChecked(False)
        self.options_button.setFocus(Qt.FocusReason.TabFocusReason)

    def tell(self, text: str) -> None:
        """Words under the pacer until the next choice (a session that was not kept)."""
        self.message.setText(text)
        self.message.show()
