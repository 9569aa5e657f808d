"""The Breathe tab: the pacer's stage, one line beneath it (the pattern, the length, Start),
and everything else one step away (Options, Your patterns…).

While a session runs only the pacer, Pause and "That's enough for now" show; Escape stops.
The parts live in their own rooms: the options panel (options_panel.py), the patterns dialog
(patterns_dialog.py), the choosers (choosers.py) and the session's steps
(session_controller.py); this tab shows them and keeps the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.breathe.choosers import Choice, LengthChooser, PatternChooser
from desktop.breathe.cues import Cues
from desktop.breathe.options_panel import OptionsPanel, OptionValues
from desktop.breathe.pace_panel import PacePanel
from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import REDUCED_MOTION_DEFAULT, PacerWidget
from desktop.breathe.patterns import (
    LIGHT_HEADED_NOTE,
    Pattern,
    PatternProblem,
    Phase,
    custom_pattern,
    longer_out,
    presets,
    resonance,
)
from desktop.breathe.patterns_dialog import PatternsDialog
from desktop.breathe.session_controller import SessionController, SessionStep
from desktop.breathe.tones import Tone, tone_for_phase
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.settled_panel import SettledPanel
from desktop.clock import Clock, WallClock
from desktop.controls import guard_wheel, named
from desktop.look import GAP, MARGIN, SPACE, PageScroll, roomy, tight
from desktop.settings import (
    BREATHE_ANNOUNCE,
    BREATHE_CHECKIN,
    BREATHE_CUES,
    BREATHE_GRADUAL,
    BREATHE_LENGTH,
    BREATHE_PATTERN,
    BREATHE_RATE,
    BREATHE_TONES,
    BREATHE_UNIT,
    BREATHE_VOLUME,
    PACER_LOOK,
    PacerLook,
    Settings,
)
from desktop.store import Store
from desktop.store.breathing import PATTERNS, list_patterns
from desktop.store_signals import StoreSignals
from desktop.texts import translate


class Tones(Protocol):
    def play(self, kind: Tone) -> None: ...
    def set_volume(self, volume: float) -> None: ...


PAGE_PACER = 0  # the stage: at rest, breathing, and the end
OPTIONS_WIDTH = 52 * SPACE  # the options beside the pacer, never more than this
NARROW = 110 * SPACE  # narrower than this, the options open in the pacer's place


def _quiet(button: QPushButton) -> QPushButton:
    """A button one step away: flat, and it takes no focus from a click, so Space after
    clicking it still starts (the keyboard reaches it with Tab)."""
    button.setFlat(True)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


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


class BreatheTab(QWidget):
    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        settings: Settings,
        clock: Clock,
        wall: WallClock,
        vocabulary: Vocabulary,
        cues: Cues,
        tones: Callable[[], Tones],
        reduced_motion: bool = False,
        pacer: PacerWidget | None = None,  # the benchmark's own, which notes each frame
    ) -> None:
        super().__init__()
        self.setObjectName("breathe_tab")
        self._store = store
        self._signals = signals
        self._settings = settings
        self._make_tones = tones
        self._tones: Tones | None = None
        self._wall = wall
        self._custom: dict[str, Pattern] = {}
        self.patterns_dialog: PatternsDialog | None = None

        self.controller = SessionController(store, clock, self)
        self.pacer = pacer or PacerWidget(cues)
        self._build_rest_line()
        self._build_breathing_line()
        self.options = OptionsPanel()
        self.options_area = PageScroll(self.options, "breathe_options_area")
        self.options_area.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.options_area.setMinimumWidth(self.options.minimumSizeHint().width() + 2 * SPACE)
        self.options_area.setMaximumWidth(OPTIONS_WIDTH)
        self.options_area.hide()
        self.caution = QLabel(translate("Patterns", LIGHT_HEADED_NOTE))
        self.caution.setObjectName("caution")
        self.caution.setWordWrap(True)
        self.caution.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = QLabel()
        self.message.setObjectName("breathe_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message.hide()
        self.before_panel = SettledPanel(vocabulary, translate("BreatheTab", "Before you begin"))
        self.after_panel = SettledPanel(vocabulary, translate("BreatheTab", "Before you go"))
        # -- hook: guided sessions (issue #19) ------------------------------------------------
        # "Find my comfortable pace" and "Start again small" run on this tab's pacer. The panel
        # does the rest; this tab only breathes what it asks and says when a step has ended.
        self.pace_panel = PacePanel(store)
        self.guided_label = QLabel()
        self.guided_label.setObjectName("guided_session")
        self.guided_label.setWordWrap(True)
        self.guided_label.hide()
        self._guided: str | None = None  # "pace" or "minute" while one runs
        # -- end of hook ----------------------------------------------------------------------
        self.stack = QStackedWidget()
        self.stack.addWidget(self._stage())
        self.stack.addWidget(self.before_panel)
        self.stack.addWidget(self.after_panel)
        self.stack.addWidget(self.pace_panel)
        layout = tight(QVBoxLayout(self))
        layout.addWidget(self.stack)

        self._read_settings(reduced_motion)
        self._connect_signals()
        self._reload_patterns()
        guard_wheel(self)
        self._show_step("rest")

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
            translate("BreatheTab", "Ends gently, after this out-breath. Escape ends at once"),
            object_name="enough",
        )

    def _stage(self) -> QWidget:
        """The pacer filling the page, the two quiet buttons in its corner, one line below."""
        stage = QWidget()
        stage.setObjectName("breathe_stage")
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
        lines = QStackedWidget()
        lines.setObjectName("breathe_lines")
        lines.addWidget(self.rest_line)
        lines.addWidget(self.breathing_line)
        self.lines = lines

        grid = self.stage_grid = roomy(QGridLayout(stage), MARGIN, SPACE)
        grid.setContentsMargins(MARGIN, SPACE, MARGIN, MARGIN)
        grid.addWidget(self.guided_label, 0, 0, 1, 2)  # hook (issue #19)
        grid.addWidget(self.corner, 1, 0, 1, 2)
        grid.addWidget(self.pacer, 2, 0)
        grid.addWidget(self.options_area, 2, 1, 4, 1)
        grid.addWidget(self.caution, 3, 0)
        grid.addWidget(self.message, 4, 0)
        grid.addWidget(lines, 5, 0)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        return stage

    def _read_settings(self, reduced_motion: bool) -> None:
        s = self._settings
        default_look: PacerLook = REDUCED_MOTION_DEFAULT if reduced_motion else PACER_LOOK.default
        self._look: PacerLook = s.stored(PACER_LOOK) or default_look
        values = OptionValues(
            cues=s.get(BREATHE_CUES),
            tones=s.get(BREATHE_TONES),
            volume=s.get(BREATHE_VOLUME),
            announce=s.get(BREATHE_ANNOUNCE),
            look=self._look,
            checkin=s.get(BREATHE_CHECKIN),
            rate=s.get(BREATHE_RATE),
            gradual=s.get(BREATHE_GRADUAL),
        )
        self.options.set_options(values)
        self.pacer.show_cues = values.cues
        self.pacer.announce = values.announce
        self.pacer.set_style(values.look)
        self.length_box.set_length(s.get(BREATHE_UNIT), s.get(BREATHE_LENGTH))

    def _connect_signals(self) -> None:
        self.chooser.currentIndexChanged.connect(self._on_pattern_chosen)
        self.chooser.start_requested.connect(self.start_or_pause)
        self.length_box.currentIndexChanged.connect(self._on_length_chosen)
        self.length_box.start_requested.connect(self.start_or_pause)
        self.start_button.clicked.connect(self.start_or_pause)
        self.options_button.toggled.connect(self._show_options)
        self.patterns_button.clicked.connect(self.show_patterns)
        self.pause_button.clicked.connect(self.start_or_pause)
        self.enough_button.clicked.connect(self.enough)
        self.pacer.toggle_requested.connect(self.start_or_pause)
        self.pacer.stop_requested.connect(self.stop)
        self.pacer.phase_changed.connect(self._on_phase_changed)
        self.pacer.finished.connect(self._on_finished)
        self.controller.step_changed.connect(self._show_step)
        self.controller.session_started.connect(self.pacer.set_session)
        self.controller.not_kept.connect(self._tell)
        self.before_panel.answered.connect(self.controller.begin)
        self.after_panel.answered.connect(self.controller.keep)
        self._signals.changed.connect(self._on_store_changed)
        options = self.options
        options.cues_toggled.connect(self._on_cues)
        options.tones_toggled.connect(lambda on: self._settings.set(BREATHE_TONES, on))
        options.volume_changed.connect(self._on_volume)
        options.announce_toggled.connect(self._on_announce)
        options.look_chosen.connect(self._on_look)
        options.checkin_toggled.connect(lambda on: self._settings.set(BREATHE_CHECKIN, on))
        options.rate_chosen.connect(self._on_rate)
        options.gradual_toggled.connect(self._on_gradual)
        options.close_requested.connect(self._close_options)
        # hook (issue #19)
        self.pace_panel.breathe_requested.connect(self._breathe_guided)
        self.pace_panel.pattern_kept.connect(lambda key: self._reload_patterns(select=key))
        self.pace_panel.closed.connect(self._end_guided)

    # -- reading ------------------------------------------------------------------------------

    @property
    def session(self) -> BreathSession | None:
        return self.controller.session

    def session_active(self) -> bool:
        return self.controller.active()

    def current_pattern(self) -> Pattern:
        key = self.chooser.current_key() or "resonance"
        rate = self._settings.get(BREATHE_RATE)
        by_key = {p.key: p for p in presets(rate, self._settings.get(BREATHE_GRADUAL))}
        return by_key.get(key) or self._custom.get(key) or resonance()

    def take_focus(self) -> None:
        """Where the keyboard starts when the tab is shown: the step's own first control."""
        page = self.stack.currentWidget()
        if isinstance(page, SettledPanel):
            page.take_focus()
        elif page is self.pace_panel:
            self.pace_panel.begin_button.setFocus()
        elif self.controller.active():
            self.pacer.setFocus()
        else:
            self.start_button.setFocus()

    def interactive_widgets(self) -> list[QWidget]:
        """The controls a person sees on the tab now: what DESIGN.md's budget counts."""
        found = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisible() or widget.objectName().startswith("qt_"):
                continue
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                found.append(widget)
        return found

    # -- patterns -----------------------------------------------------------------------------

    def _reload_patterns(self, select: str | None = None) -> None:
        select = select or self.chooser.current_key() or self._settings.get(BREATHE_PATTERN)
        self._custom = {}
        for stored in list_patterns(self._store):
            try:
                pattern = custom_pattern(
                    stored.name,
                    stored.inhale,
                    stored.hold_in,
                    stored.exhale,
                    stored.hold_out,
                    stored.top_up,
                )
            except PatternProblem:
                continue
            self._custom[pattern.key] = pattern
        rate = self._settings.get(BREATHE_RATE)
        shown = [*presets(rate, self._settings.get(BREATHE_GRADUAL)), *self._custom.values()]
        self.chooser.set_choices(
            [Choice(p.key, p.shown_name(), p.one_line()) for p in shown], select
        )
        self._on_pattern_chosen()

    def _on_store_changed(self, table: str) -> None:
        if table == PATTERNS:  # ours, or written elsewhere: the list shows what is stored
            self._reload_patterns()

    def _on_pattern_chosen(self, _index: int = -1) -> None:
        pattern = self.current_pattern()
        self._settings.set(BREATHE_PATTERN, pattern.key)
        self.caution.setVisible(pattern.optional)
        self.options.show_pattern(pattern.key)
        self._rest_again()

    def _on_length_chosen(self, _index: int = -1) -> None:
        unit, amount = self.length_box.length()
        self._settings.set(BREATHE_UNIT, unit)
        self._settings.set(BREATHE_LENGTH, amount)
        self._rest_again()

    def _rest_again(self) -> None:
        """A new choice after a session: the pacer is ready again, the last words go."""
        if not self.controller.active() and self.pacer.session is not None:
            self.pacer.set_session(None)
        self.message.hide()

    def show_patterns(self) -> PatternsDialog:
        """ "Your patterns…", open on the pattern chosen now."""
        if self.patterns_dialog is not None and self.patterns_dialog.isVisible():
            self.patterns_dialog.raise_()
            return self.patterns_dialog
        dialog = PatternsDialog(self._store, self._signals, self.current_pattern(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pattern_saved.connect(lambda key: self._reload_patterns(select=key))
        dialog.pattern_deleted.connect(self._on_pattern_deleted)
        dialog.destroyed.connect(lambda: setattr(self, "patterns_dialog", None))
        self.patterns_dialog = dialog
        dialog.open()
        return dialog

    def _on_pattern_deleted(self, key: str) -> None:
        self._reload_patterns(select="resonance" if self.chooser.current_key() == key else None)

    # -- options ------------------------------------------------------------------------------

    def _show_options(self, shown: bool) -> None:
        self._arrange_options()
        if shown:
            self.options.take_focus()

    def _arrange_options(self) -> None:
        """Beside the pacer where there is room; in a narrow window, in its place (the one
        line comes back when the options close)."""
        shown = self.options_button.isChecked()
        narrow = self.width() < NARROW
        grid = self.stage_grid
        grid.addWidget(self.options_area, 2, 0 if narrow else 1, 4, 2 if narrow else 1)
        self.options_area.setMaximumWidth(16_777_215 if narrow else OPTIONS_WIDTH)
        self.options_area.setVisible(shown)
        in_place = shown and narrow
        self.pacer.setVisible(not in_place)
        self.lines.setVisible(not in_place)
        if in_place:
            self.caution.hide()
        else:
            self.caution.setVisible(
                self.controller.step != "breathing" and self.current_pattern().optional
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.options_button.isChecked():
            self._arrange_options()

    def _close_options(self) -> None:
        self.options_button.setChecked(False)
        self.options_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_cues(self, on: bool) -> None:
        self._settings.set(BREATHE_CUES, on)
        self.pacer.show_cues = on
        self.pacer.refresh()
        self.pacer.update()

    def _on_volume(self, volume: int) -> None:
        self._settings.set(BREATHE_VOLUME, volume)
        if self._tones is not None:
            self._tones.set_volume(volume / 100)

    def _on_announce(self, on: bool) -> None:
        self._settings.set(BREATHE_ANNOUNCE, on)
        self.pacer.announce = on

    def _on_look(self, look: str) -> None:
        chosen: PacerLook = PACER_LOOK.parse(look) or "shape"
        self._settings.set(PACER_LOOK, chosen)
        self.pacer.set_style(chosen)

    def _on_rate(self, rate: float) -> None:
        self._settings.set(BREATHE_RATE, rate)
        self._reload_patterns()
        session = self.session
        if self.controller.active() and session and session.schedule.pattern.key == "resonance":
            session.change_pattern(resonance(rate))
            self.pacer.refresh()

    def _on_gradual(self, on: bool) -> None:
        self._settings.set(BREATHE_GRADUAL, on)
        self._reload_patterns()

    def tones(self) -> Tones:
        if self._tones is None:
            self._tones = self._make_tones()
            self._tones.set_volume(self._settings.get(BREATHE_VOLUME) / 100)
        return self._tones

    # -- a session ----------------------------------------------------------------------------

    def start_or_pause(self) -> None:
        """Start (Space, Start), or pause and go on while breathing."""
        if self.controller.active():
            self.controller.toggle()
            self.pacer.refresh()
            self._show_breathing_buttons()
            return
        if self.stack.currentIndex() != PAGE_PACER or self._guided is not None:
            return
        unit, amount = self.length_box.length()
        self.controller.prepare(
            self.current_pattern(), unit, amount, ask_before=self._settings.get(BREATHE_CHECKIN)
        )

    def stop(self) -> None:
        """Escape: end now."""
        if self.controller.active():
            self.controller.stop()
            self.pacer.refresh()

    def enough(self) -> None:
        """ "That's enough for now": heard at once, ended after this out-breath."""
        if not self.controller.active():
            return
        if self._guided == "pace":  # hook (issue #19): this pace is the last one
            self.pace_panel.stop_after_this()
        self.controller.enough()
        self.pacer.refresh()
        self._show_breathing_buttons()
        self.pacer.setFocus()
        self._say(translate("Pacer", "Finishing with this out-breath"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # What no control of the tab took: Space starts or pauses, Escape stops.
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.start_or_pause()
        elif event.key() == Qt.Key.Key_Escape and self.controller.active():
            self.stop()
        else:
            super().keyPressEvent(event)

    def _on_phase_changed(self, phase: Phase, _cycle: int) -> None:
        if self._settings.get(BREATHE_TONES):
            self.tones().play(tone_for_phase(phase))

    def _on_finished(self) -> None:
        if self._guided is not None:  # hook (issue #19)
            self._guided_finished()
            return
        self.controller.finished(ask_after=self._settings.get(BREATHE_CHECKIN))

    def _show_step(self, shown: SessionStep) -> None:
        if shown == "before":
            self.before_panel.reset()
            self.stack.setCurrentWidget(self.before_panel)
            self.before_panel.take_focus()
            return
        if shown == "after":
            self.after_panel.reset()
            self.stack.setCurrentWidget(self.after_panel)
            self.after_panel.take_focus()
            return
        breathing = shown == "breathing"
        if self._guided != "pace" or breathing:
            self.stack.setCurrentIndex(PAGE_PACER)
        if breathing:
            self.options_button.setChecked(False)
        self.corner.setVisible(not breathing)
        self.caution.setVisible(not breathing and self.current_pattern().optional)
        self.lines.setCurrentWidget(self.breathing_line if breathing else self.rest_line)
        # At rest the pacer is not a stop of the Tab key: five controls, not six. While
        # breathing it takes the keys (Space pauses, Escape stops).
        self.pacer.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if breathing else Qt.FocusPolicy.NoFocus
        )
        if breathing:
            self.message.hide()
            self._show_breathing_buttons()
            self.pacer.setFocus()
        else:
            if self.controller.session is None:
                self.pacer.set_session(None)
            if self.stack.currentIndex() == PAGE_PACER:
                self.start_button.setFocus()

    def _show_breathing_buttons(self) -> None:
        session = self.session
        paused = session is not None and session.paused
        finishing = session is not None and session.finishing
        self.pause_button.setText(
            translate("BreatheTab", "&Resume") if paused else translate("BreatheTab", "&Pause")
        )
        self.pause_button.setAccessibleName(
            translate("BreatheTab", "Resume") if paused else translate("BreatheTab", "Pause")
        )
        self.pause_button.setVisible(not finishing)
        self.enough_button.setEnabled(not finishing)
        self.enough_button.setText(
            translate("BreatheTab", "Finishing with this out-breath")
            if finishing
            else translate("BreatheTab", "That's &enough for now")
        )

    def _tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _say(self, text: str) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # -- hook: guided sessions (issue #19) -----------------------------------------------------

    def _ready_for_guided(self) -> bool:
        """False while a session is being breathed. A finished one still waiting for its
        after check-in is kept first, without the answer, so it is never lost."""
        if self.controller.active():
            return False
        self.controller.keep_waiting()
        self.controller.cancel_before()
        return True

    def find_comfortable_pace(self) -> bool:
        """Show "Find my comfortable pace"; False while a session is being breathed."""
        if not self._ready_for_guided():
            return False
        self._guided = "pace"
        self.pace_panel.start()
        self.stack.setCurrentWidget(self.pace_panel)
        self.pace_panel.begin_button.setFocus()
        return True

    def start_gentle_minute(self) -> bool:
        """ "Too much today? Start again small": one minute of a longer out-breath, no
        questions before or after. False while a session is being breathed."""
        if not self._ready_for_guided():
            return False
        self._guided = "minute"
        self._breathe_guided(longer_out(), 1.0)
        return True

    def _breathe_guided(self, pattern: object, minutes: float) -> None:
        assert isinstance(pattern, Pattern)
        self.guided_label.setText(
            self.pace_panel.status_text()
            if self._guided == "pace"
            else translate("BreatheTab", "One minute, gently. Nothing else is asked of you.")
        )
        self.guided_label.show()
        self.controller.breathe(pattern, minutes=minutes)

    def _guided_finished(self) -> None:
        session = self.session
        if self._guided == "minute":
            self._end_guided()
            self.controller.finished(ask_after=False)  # kept, if it was a whole breath
            return
        self.controller.forget()  # a pace step is kept with the finding, not as a session
        self.stack.setCurrentWidget(self.pace_panel)
        self.pace_panel.step_ended(session is not None and session.ended_early)

    def _end_guided(self) -> None:
        self._guided = None
        self.guided_label.hide()
        if not self.controller.active():
            self.stack.setCurrentIndex(PAGE_PACER)
            self.start_button.setFocus()

    # -- end of hook --------------------------------------------------------------------------

    def prepare_to_close(self) -> None:
        """A session cut short by closing the window is still kept."""
        if self._guided == "pace":  # hook (issue #19): a pace step is not a session
            self.controller.forget()
        self.controller.close()
        self.pacer.set_session(None)
