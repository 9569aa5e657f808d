"""The Breathe tab: the pacer's stage, one line beneath it (the pattern, the length, Start),
and everything else one step away (Options, Your patterns…).

While a session runs only the pacer, Pause and "That's enough for now" show; Escape stops.
The tab lays out its pages and carries what one part asks to the part that does it. The parts
live in their own rooms: the stage and its lines (stage.py), the options panel
(options_panel.py) and what it keeps (option_settings.py), the patterns dialog
(patterns_dialog.py), the patterns offered (catalogue.py), the session's steps
(session_controller.py) and the guided sessions (guided.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop.breathe.catalogue import offered, own_patterns, pattern_for
from desktop.breathe.choosers import Choice
from desktop.breathe.cues import Cues
from desktop.breathe.guided import GuidedSessions
from desktop.breathe.option_settings import OptionSettings
from desktop.breathe.options_panel import OptionsPanel
from desktop.breathe.pace_panel import PacePanel
from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import PacerWidget
from desktop.breathe.patterns import Pattern, resonance
from desktop.breathe.patterns_dialog import PatternsDialog
from desktop.breathe.session_controller import SessionController, SessionStep
from desktop.breathe.stage import BreatheStage
from desktop.breathe.tones import Tones
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.settled_panel import SettledPanel
from desktop.clock import Clock, WallClock
from desktop.controls import give_focus, guard_wheel, switch_page
from desktop.look import SPACE, tight
from desktop.settings import (
    BREATHE_CHECKIN,
    BREATHE_GRADUAL,
    BREATHE_LENGTH,
    BREATHE_PATTERN,
    BREATHE_RATE,
    BREATHE_UNIT,
    Settings,
)
from desktop.store import Store
from desktop.store.breathing import PATTERNS, list_patterns
from desktop.store_signals import StoreSignals
from desktop.texts import translate

PAGE_PACER = 0  # the stage: at rest, breathing, and the end
NARROW = 110 * SPACE  # narrower than this, the options open in the pacer's place


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
        self._wall = wall
        self._custom: dict[str, Pattern] = {}
        self.patterns_dialog: PatternsDialog | None = None

        self.controller = SessionController(store, clock, self)
        self.pacer = pacer or PacerWidget(cues)
        self.options = OptionsPanel()
        self.stage = BreatheStage(self.pacer, self.options)
        # What the tests and the shell reach for on the tab, as before the stage had a room.
        stage = self.stage
        self.chooser, self.length_box = stage.chooser, stage.length_box
        self.start_button, self.options_button = stage.start_button, stage.options_button
        self.patterns_button = stage.patterns_button
        self.pause_button, self.enough_button = stage.pause_button, stage.enough_button
        self.caution, self.message = stage.caution, stage.message
        self.guided_label = stage.guided_label
        self.kept_options = OptionSettings(
            self.options, self.pacer, settings, tones, reduced_motion, self
        )
        self.before_panel = SettledPanel(vocabulary, translate("BreatheTab", "Before you begin"))
        self.after_panel = SettledPanel(vocabulary, translate("BreatheTab", "Before you go"))
        # Guided sessions (issue #19) run on this tab's pacer; guided.py does the rest.
        self.pace_panel = PacePanel(store)
        self.guided = GuidedSessions(self.controller, self.pace_panel, self.guided_label, self)
        self.stack = QStackedWidget()
        for page in (stage, self.before_panel, self.after_panel, self.pace_panel):
            self.stack.addWidget(page)
        tight(QVBoxLayout(self)).addWidget(self.stack)

        self.length_box.set_length(settings.get(BREATHE_UNIT), settings.get(BREATHE_LENGTH))
        self._connect_signals()
        self._reload_patterns()
        guard_wheel(self)
        self._show_step("rest")

    def _connect_signals(self) -> None:
        stage = self.stage
        stage.pattern_chosen.connect(self._on_pattern_chosen)
        stage.length_chosen.connect(self._on_length_chosen)
        stage.start_requested.connect(self.start_or_pause)
        stage.enough_requested.connect(self.enough)
        stage.options_toggled.connect(self._show_options)
        stage.patterns_requested.connect(self.show_patterns)
        self.options.close_requested.connect(stage.close_options)
        self.pacer.toggle_requested.connect(self.start_or_pause)
        self.pacer.stop_requested.connect(self.stop)
        self.pacer.finished.connect(self._on_finished)
        self.controller.step_changed.connect(self._show_step)
        self.controller.session_started.connect(self.pacer.set_session)
        self.controller.not_kept.connect(stage.tell)
        self.before_panel.answered.connect(self.controller.begin)
        self.after_panel.answered.connect(self.controller.keep)
        self._signals.changed.connect(self._on_store_changed)
        self.kept_options.pace_changed.connect(self._on_pace)
        self.kept_options.presets_changed.connect(self._reload_patterns)
        self.pace_panel.pattern_kept.connect(lambda key: self._reload_patterns(select=key))
        self.guided.panel_wanted.connect(lambda: self.stack.setCurrentWidget(self.pace_panel))
        self.guided.ended.connect(self._after_guided)

    # -- reading ------------------------------------------------------------------------------

    @property
    def session(self) -> BreathSession | None:
        return self.controller.session

    def session_active(self) -> bool:
        return self.controller.active()

    def current_pattern(self) -> Pattern:
        key = self.chooser.current_key() or "resonance"
        rate, gradual = self._settings.get(BREATHE_RATE), self._settings.get(BREATHE_GRADUAL)
        return pattern_for(key, rate, gradual, self._custom)

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

    def _caution_shown(self) -> bool:
        return self.controller.step != "breathing" and self.current_pattern().optional

    # -- patterns -----------------------------------------------------------------------------

    def _reload_patterns(self, select: str | None = None) -> None:
        select = select or self.chooser.current_key() or self._settings.get(BREATHE_PATTERN)
        self._custom = own_patterns(list_patterns(self._store))
        rate, gradual = self._settings.get(BREATHE_RATE), self._settings.get(BREATHE_GRADUAL)
        shown = offered(rate, gradual, self._custom)
        self.chooser.set_choices(
            [Choice(p.key, p.shown_name(), p.one_line()) for p in shown], select
        )
        self._on_pattern_chosen()

    def _on_store_changed(self, table: str) -> None:
        if table == PATTERNS:  # ours, or written elsewhere: the list shows what is stored
            self._reload_patterns()

    def _on_pattern_chosen(self) -> None:
        pattern = self.current_pattern()
        self._settings.set(BREATHE_PATTERN, pattern.key)
        self.caution.setVisible(pattern.optional)
        self.options.show_pattern(pattern.key)
        self._rest_again()

    def _on_length_chosen(self) -> None:
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
        self.stage.arrange_options(narrow=self.width() < NARROW, caution=self._caution_shown())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.options_button.isChecked():
            self._arrange_options()

    def _on_pace(self, rate: float) -> None:
        self._reload_patterns()
        session = self.session
        if self.controller.active() and session and session.schedule.pattern.key == "resonance":
            session.change_pattern(resonance(rate))
            self.pacer.refresh()

    # -- a session ----------------------------------------------------------------------------

    def start_or_pause(self) -> None:
        """Start (Space, Start), or pause and go on while breathing."""
        if self.controller.active():
            self.controller.toggle()
            self.pacer.refresh()
            self._show_breathing_buttons()
            return
        if self.stack.currentIndex() != PAGE_PACER or self.guided.kind is not None:
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
        self.guided.enough()
        self.controller.enough()
        self.pacer.refresh()
        self._show_breathing_buttons()
        self.pacer.setFocus()
        self._say(self.pacer.words()[2])  # with this out-breath, or the next

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # What no control of the tab took: Space starts or pauses, Escape stops.
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.start_or_pause()
        elif event.key() == Qt.Key.Key_Escape and self.controller.active():
            self.stop()
        else:
            super().keyPressEvent(event)

    def _on_finished(self) -> None:
        if not self.guided.finished():
            self.controller.finished(ask_after=self._settings.get(BREATHE_CHECKIN))

    def _show_step(self, shown: SessionStep) -> None:
        if shown in ("before", "after"):
            panel = self.before_panel if shown == "before" else self.after_panel
            panel.reset()
            switch_page(self.stack, panel)
            panel.take_focus()
            return
        breathing = shown == "breathing"
        if self.guided.kind != "pace" or breathing:
            switch_page(self.stack, PAGE_PACER)
        self.stage.show_breathing(breathing, caution=self.current_pattern().optional)
        if breathing:
            self._show_breathing_buttons()
            give_focus(self.pacer)
        else:
            if self.controller.session is None:
                self.pacer.set_session(None)
            if self.stack.currentIndex() == PAGE_PACER:
                self.start_button.setFocus()

    def _show_breathing_buttons(self) -> None:
        session = self.session
        self.stage.show_breathing_buttons(
            paused=session is not None and session.paused,
            finishing=session is not None and session.finishing,
        )

    def _say(self, text: str) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # -- guided sessions (issue #19) ------------------------------------------------------------

    def find_comfortable_pace(self) -> bool:
        """Show "Find my comfortable pace"; False while a session is being breathed."""
        if not self.guided.find_pace():
            return False
        self.stack.setCurrentWidget(self.pace_panel)
        self.pace_panel.begin_button.setFocus()
        return True

    def start_gentle_minute(self) -> bool:
        """ "Too much today? Start again small": one minute of a longer out-breath, no
        questions before or after. False while a session is being breathed."""
        return self.guided.gentle_minute()

    def _after_guided(self) -> None:
        self.stack.setCurrentIndex(PAGE_PACER)
        self.start_button.setFocus()

    def prepare_to_close(self) -> None:
        """A session cut short by closing the window is still kept."""
        self.guided.close()
        self.controller.close()
        self.pacer.set_session(None)
