"""The Breathe tab: choose a pattern, breathe with the pacer, check in before and after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.breathe.cues import Cues
from desktop.breathe.pace_panel import PacePanel
from desktop.breathe.pacer import BreathSession, SessionRecord
from desktop.breathe.pacer_widget import REDUCED_MOTION_DEFAULT, STYLES, PacerWidget
from desktop.breathe.patterns import (
    LIGHT_HEADED_NOTE,
    PRESET_MINUTES,
    RESONANCE_RATES,
    Pattern,
    PatternProblem,
    Phase,
    custom_pattern,
    longer_out,
    presets,
    resonance,
)
from desktop.breathe.tones import Tone, tone_for_phase
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.settled_panel import CheckInAnswer, SettledPanel
from desktop.clock import Clock, WallClock, today
from desktop.local_format import short_day
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
    Settings,
)
from desktop.store import Store
from desktop.store.breathing import (
    PATTERNS,
    SESSIONS,
    StoredPattern,
    StoredSession,
    delete_pattern,
    describe_session,
    list_patterns,
    minutes_in_week,
    recent_sessions,
    save_pattern,
    save_session,
)
from desktop.store_signals import StoreSignals
from desktop.texts import translate

MIN_SECONDS_KEPT = 3.0  # a start pressed by mistake is not a session


class Tones(Protocol):
    def play(self, kind: Tone) -> None: ...
    def set_volume(self, volume: float) -> None: ...


PAGE_PACER, PAGE_BEFORE, PAGE_AFTER = 0, 1, 2


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
    ) -> None:
        super().__init__()
        self.setObjectName("breathe_tab")
        self._store = store
        self._signals = signals
        self._settings = settings
        self._clock = clock
        self._make_tones = tones
        self._tones: Tones | None = None
        self._wall = wall
        self.session: BreathSession | None = None
        self._before: CheckInAnswer | None = None
        self._custom: dict[str, Pattern] = {}
        self._show_after_write: str | None = None  # the pattern to choose once the list reloads

        self.pacer = PacerWidget(cues)
        self.start_button = QPushButton(translate("BreatheTab", "&Start"))
        self.start_button.setObjectName("start_pause")
        self.start_button.setAccessibleName(translate("BreatheTab", "Start or pause"))
        self.start_button.setToolTip(translate("BreatheTab", "Space"))
        self.stop_button = QPushButton(translate("BreatheTab", "S&top"))
        self.stop_button.setObjectName("stop")
        self.stop_button.setAccessibleName(translate("BreatheTab", "Stop now"))
        self.stop_button.setToolTip(translate("BreatheTab", "Escape"))
        self.enough_button = QPushButton(translate("BreatheTab", "That's &enough for now"))
        self.enough_button.setObjectName("enough")
        self.enough_button.setAccessibleName(translate("BreatheTab", "That's enough for now"))
        self.enough_button.setToolTip(translate("BreatheTab", "Ends gently after this out-breath"))
        self.before_panel = SettledPanel(vocabulary, translate("BreatheTab", "Before you begin"))
        self.after_panel = SettledPanel(vocabulary, translate("BreatheTab", "How was that?"))
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
        self.stack.addWidget(self._pacer_page())
        self.stack.addWidget(self.before_panel)
        self.stack.addWidget(self.after_panel)
        self.stack.addWidget(self.pace_panel)

        layout = QHBoxLayout(self)
        layout.addWidget(self._setup_column(reduced_motion))
        layout.addWidget(self.stack, 1)
        self._connect_signals()
        self._reload_patterns()
        self._reload_history()
        self._apply_options()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------------

    def _pacer_page(self) -> QWidget:
        page = QWidget()
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.start_button, self.stop_button, self.enough_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.guided_label)  # hook (issue #19)
        layout.addWidget(self.pacer, 1)
        layout.addLayout(buttons)
        return page

    def _setup_column(self, reduced_motion: bool) -> QWidget:
        s = self._settings
        self.pattern_list = QListWidget()
        self.pattern_list.setObjectName("patterns")
        self.pattern_list.setAccessibleName(translate("BreatheTab", "Breathing patterns"))
        self.pattern_list.setAccessibleDescription(
            translate("BreatheTab", "Choose how to breathe. Patterns with holds are optional.")
        )
        self.pattern_list.setMaximumHeight(120)
        self.description = QLabel()
        self.description.setObjectName("pattern_description")
        self.description.setWordWrap(True)
        self.caution = QLabel(translate("Patterns", LIGHT_HEADED_NOTE))
        self.caution.setObjectName("caution")
        self.caution.setWordWrap(True)
        self.rate_box = QComboBox()
        self.rate_box.setObjectName("rate")
        self.rate_box.setAccessibleName(translate("BreatheTab", "Breaths a minute"))
        self.rate_box.setAccessibleDescription(
            translate("BreatheTab", "How many breaths a minute the resonance pattern takes")
        )
        for rate in RESONANCE_RATES:
            self.rate_box.addItem(
                translate("BreatheTab", "{rate} breaths a minute").format(rate=f"{rate:g}"), rate
            )
        self.rate_box.setCurrentIndex(max(0, self.rate_box.findData(s.get(BREATHE_RATE))))
        self.gradual_box = QCheckBox(
            translate("BreatheTab", "Lengthen the out-breath slowly toward 8")
        )
        self.gradual_box.setObjectName("gradual")
        self.gradual_box.setChecked(s.get(BREATHE_GRADUAL))

        self.length_spin = QSpinBox()
        self.length_spin.setObjectName("length")
        self.length_spin.setAccessibleName(translate("BreatheTab", "Length"))
        self.length_spin.setAccessibleDescription(
            translate("BreatheTab", "How long the session lasts, in minutes or breaths")
        )
        self.length_spin.setRange(BREATHE_LENGTH.low, BREATHE_LENGTH.high)
        self.length_spin.setValue(s.get(BREATHE_LENGTH))
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("length_unit")
        self.unit_box.setAccessibleName(translate("BreatheTab", "Length in"))
        self.unit_box.setAccessibleDescription(
            translate("BreatheTab", "Whether the length counts minutes or breaths")
        )
        self.unit_box.addItem(translate("BreatheTab", "minutes"), "minutes")
        self.unit_box.addItem(translate("BreatheTab", "breaths"), "breaths")
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(s.get(BREATHE_UNIT))))
        length_row = QHBoxLayout()
        length_row.addWidget(self.length_spin)
        length_row.addWidget(self.unit_box)

        self.checkin_box = QCheckBox(translate("BreatheTab", "Check in before and after"))
        self.checkin_box.setChecked(s.get(BREATHE_CHECKIN))
        self.cues_box = QCheckBox(translate("BreatheTab", "Grounding cues"))
        self.cues_box.setChecked(s.get(BREATHE_CUES))
        self.tones_box = QCheckBox(
            translate("BreatheTab", "Soft tones, for breathing with eyes closed")
        )
        self.tones_box.setChecked(s.get(BREATHE_TONES))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("volume")
        self.volume.setAccessibleName(translate("BreatheTab", "Tone volume"))
        self.volume.setAccessibleDescription(translate("BreatheTab", "How loud the soft tones are"))
        self.volume.setRange(BREATHE_VOLUME.low, BREATHE_VOLUME.high)
        self.volume.setValue(s.get(BREATHE_VOLUME))
        self.announce_box = QCheckBox(
            translate("BreatheTab", "Announce each phase to a screen reader")
        )
        self.announce_box.setChecked(s.get(BREATHE_ANNOUNCE))
        self.style_box = QComboBox()
        self.style_box.setObjectName("visual_style")
        self.style_box.setAccessibleName(translate("BreatheTab", "How the pacer looks"))
        self.style_box.setAccessibleDescription(
            translate("BreatheTab", "A shape, a ring, a glow, or words only")
        )
        for key, label in STYLES.items():
            self.style_box.addItem(translate("Pacer", label), key)
        default_look = REDUCED_MOTION_DEFAULT if reduced_motion else PACER_LOOK.default
        look = s.stored(PACER_LOOK) or default_look
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(look)))
        for box, description in (
            (self.checkin_box, translate("BreatheTab", "Asks how settled you feel, if you like")),
            (self.cues_box, translate("BreatheTab", "A short line about the body for each phase")),
            (self.tones_box, translate("BreatheTab", "A rising tone in, a falling tone out")),
            (self.announce_box, translate("BreatheTab", "A screen reader says each phase aloud")),
            (self.gradual_box, translate("BreatheTab", "The out-breath grows slowly toward 8 s")),
        ):
            box.setAccessibleName(box.text().replace("&", ""))
            box.setAccessibleDescription(description)

        options = QFormLayout()
        options.addRow(translate("BreatheTab", "Length"), length_row)
        options.addRow(self.checkin_box)
        options.addRow(self.cues_box)
        options.addRow(self.tones_box)
        options.addRow(translate("BreatheTab", "Volume"), self.volume)
        options.addRow(self.announce_box)
        options.addRow(translate("BreatheTab", "Looks"), self.style_box)

        self.history = QListWidget()
        self.history.setObjectName("recent_sessions")
        self.history.setAccessibleName(translate("BreatheTab", "Recent sessions"))
        self.history.setAccessibleDescription(
            translate("BreatheTab", "Your last sessions, newest first")
        )
        self.history.setMaximumHeight(130)
        self.week_label = QLabel()
        self.week_label.setObjectName("minutes_this_week")

        column = QWidget()
        layout = QVBoxLayout(column)
        layout.addWidget(QLabel(translate("BreatheTab", "<b>Pattern</b>")))
        layout.addWidget(self.pattern_list)
        layout.addWidget(self.description)
        layout.addWidget(self.caution)
        layout.addWidget(self.rate_box)
        layout.addWidget(self.gradual_box)
        layout.addLayout(options)
        layout.addWidget(self._custom_editor())
        layout.addWidget(QLabel(translate("BreatheTab", "<b>Recent sessions</b>")))
        layout.addWidget(self.history)
        layout.addWidget(self.week_label)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("breathe_setup")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(column.sizeHint().width() + 24)
        scroll.setMaximumWidth(460)
        return scroll

    def _custom_editor(self) -> QWidget:
        box = QGroupBox(translate("BreatheTab", "Your own pattern"))
        box.setObjectName("custom_pattern")
        self.custom_name = QLineEdit()
        self.custom_name.setObjectName("custom_name")
        self.custom_name.setAccessibleName(translate("BreatheTab", "Pattern name"))
        self.custom_name.setAccessibleDescription(
            translate("BreatheTab", "A name for a pattern of your own")
        )
        self.custom_fields: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout(box)
        form.addRow(translate("BreatheTab", "Name"), self.custom_name)
        for field, label, spoken, default in (
            (
                "inhale",
                translate("BreatheTab", "In (s)"),
                translate("BreatheTab", "In-breath in seconds"),
                4.0,
            ),
            (
                "top_up",
                translate("BreatheTab", "Top-up (s)"),
                translate("BreatheTab", "Top-up in seconds"),
                0.0,
            ),
            (
                "hold_in",
                translate("BreatheTab", "Hold (s)"),
                translate("BreatheTab", "Hold in seconds"),
                0.0,
            ),
            (
                "exhale",
                translate("BreatheTab", "Out (s)"),
                translate("BreatheTab", "Out-breath in seconds"),
                6.0,
            ),
            (
                "hold_out",
                translate("BreatheTab", "Rest (s)"),
                translate("BreatheTab", "Rest in seconds"),
                0.0,
            ),
        ):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"custom_{field}")
            spin.setAccessibleName(spoken)
            spin.setAccessibleDescription(
                translate("BreatheTab", "Seconds for this part of each breath; 0 leaves it out")
            )
            spin.setRange(-99.0, 999.0)  # out-of-range values get a message, not a silent clamp
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setValue(default)
            self.custom_fields[field] = spin
            form.addRow(label, spin)
        self.custom_message = QLabel()
        self.custom_message.setObjectName("custom_message")
        self.custom_message.setWordWrap(True)
        self.save_pattern_button = QPushButton(translate("BreatheTab", "Save pattern"))
        self.save_pattern_button.setAccessibleName(translate("BreatheTab", "Save your pattern"))
        self.save_pattern_button.setAccessibleDescription(
            translate("BreatheTab", "Keeps the pattern under the name above")
        )
        self.delete_pattern_button = QPushButton(translate("BreatheTab", "Delete pattern"))
        self.delete_pattern_button.setAccessibleName(
            translate("BreatheTab", "Delete the chosen pattern")
        )
        self.delete_pattern_button.setAccessibleDescription(
            translate("BreatheTab", "Removes the chosen pattern of your own")
        )
        row = QHBoxLayout()
        row.addWidget(self.save_pattern_button)
        row.addWidget(self.delete_pattern_button)
        form.addRow(self.custom_message)
        form.addRow(row)
        return box

    def _connect_signals(self) -> None:
        self.pattern_list.currentRowChanged.connect(self._on_pattern_chosen)
        self.rate_box.currentIndexChanged.connect(self._on_rate_changed)
        self.gradual_box.toggled.connect(self._on_gradual_changed)
        for box in (self.checkin_box, self.cues_box, self.tones_box, self.announce_box):
            box.toggled.connect(self._apply_options)
        self.volume.valueChanged.connect(self._apply_options)
        self.style_box.currentIndexChanged.connect(self._apply_options)
        self.length_spin.valueChanged.connect(self._save_length)
        self.unit_box.currentIndexChanged.connect(self._save_length)
        self.start_button.clicked.connect(self.start_or_pause)
        self.stop_button.clicked.connect(self.stop)
        self.enough_button.clicked.connect(self.enough)
        self.pacer.toggle_requested.connect(self.start_or_pause)
        self.pacer.stop_requested.connect(self.stop)
        self.pacer.phase_changed.connect(self._on_phase_changed)
        self.pacer.finished.connect(self._on_finished)
        self._signals.changed.connect(self._on_store_changed)
        self.before_panel.answered.connect(self._begin)
        self.after_panel.answered.connect(self._keep)
        self.save_pattern_button.clicked.connect(self._save_custom)
        self.delete_pattern_button.clicked.connect(self._delete_custom)
        # hook (issue #19)
        self.pace_panel.breathe_requested.connect(self._breathe_guided)
        self.pace_panel.pattern_kept.connect(lambda key: self._reload_patterns(select=key))
        self.pace_panel.closed.connect(self._end_guided)

    # -- patterns -----------------------------------------------------------------------------

    def _reload_patterns(self, select: str | None = None) -> None:
        select = select or self._settings.get(BREATHE_PATTERN)
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
        self.pattern_list.blockSignals(True)
        self.pattern_list.clear()
        for pattern in [*presets(), *self._custom.values()]:
            label = (
                translate("BreatheTab", "{name} (optional, with holds)").format(
                    name=pattern.shown_name()
                )
                if pattern.optional
                else pattern.shown_name()
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, pattern.key)
            self.pattern_list.addItem(item)
        self.pattern_list.blockSignals(False)
        keys = [
            self.pattern_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.pattern_list.count())
        ]
        self.pattern_list.setCurrentRow(keys.index(select) if select in keys else 0)
        self._on_pattern_chosen(self.pattern_list.currentRow())

    def _on_store_changed(self, table: str) -> None:
        if table == SESSIONS:
            self._reload_history()
        elif table == PATTERNS:  # ours, or written elsewhere: the list shows what is stored
            self._reload_patterns(select=self._show_after_write)

    def current_pattern(self) -> Pattern:
        item = self.pattern_list.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else "resonance"
        rate = float(self.rate_box.currentData())
        by_key = {p.key: p for p in presets(rate, self.gradual_box.isChecked())}
        return by_key.get(key) or self._custom.get(key) or resonance()

    def _on_pattern_chosen(self, _row: int) -> None:
        pattern = self.current_pattern()
        self._settings.set(BREATHE_PATTERN, pattern.key)
        self.description.setText(pattern.describe())
        self.caution.setVisible(pattern.optional)
        self.rate_box.setVisible(pattern.key == "resonance")
        self.gradual_box.setVisible(pattern.key == "longer_out")
        self.delete_pattern_button.setEnabled(pattern.custom)
        if pattern.custom:
            self.custom_name.setText(pattern.name)
            for field, spin in self.custom_fields.items():
                spin.setValue(getattr(pattern, field))
        if pattern.key in PRESET_MINUTES and not self.session_active():
            self.unit_box.setCurrentIndex(0)
            self.length_spin.setValue(int(PRESET_MINUTES[pattern.key]))

    def _on_rate_changed(self) -> None:
        rate = float(self.rate_box.currentData())
        self._settings.set(BREATHE_RATE, rate)
        self.description.setText(self.current_pattern().describe())
        session = self.session
        if self.session_active() and session and session.schedule.pattern.key == "resonance":
            session.change_pattern(resonance(rate))
            self.pacer.refresh()

    def _on_gradual_changed(self, on: bool) -> None:
        self._settings.set(BREATHE_GRADUAL, on)
        self.description.setText(self.current_pattern().describe())

    def _custom_values(self) -> dict[str, float]:
        return {field: spin.value() for field, spin in self.custom_fields.items()}

    def _save_custom(self) -> None:
        values = self._custom_values()
        try:
            pattern = custom_pattern(self.custom_name.text(), **values)
        except PatternProblem as problem:
            self.custom_message.setText(str(problem))
            if problem.field == "name":
                self.custom_name.setFocus()
            else:
                self.custom_fields[problem.field].setFocus()
            return
        current = self.current_pattern()
        old_name = current.name if current.custom else None
        self._show_after_write = pattern.key
        try:
            stored = StoredPattern(
                pattern.name,
                pattern.inhale,
                pattern.hold_in,
                pattern.exhale,
                pattern.hold_out,
                pattern.top_up,
            )
            save_pattern(self._store, stored, old_name=old_name)
        except ValueError as e:
            self.custom_message.setText(str(e))
            return
        finally:
            self._show_after_write = None
        self.custom_message.setText(
            translate("BreatheTab", "Saved \u201c{name}\u201d.").format(name=pattern.name)
        )

    def _delete_custom(self) -> None:
        pattern = self.current_pattern()
        if not pattern.custom:
            return
        self._show_after_write = "resonance"
        try:
            delete_pattern(self._store, pattern.name)
        finally:
            self._show_after_write = None
        self.custom_message.setText(
            translate("BreatheTab", "Deleted \u201c{name}\u201d.").format(name=pattern.name)
        )

    # -- options ------------------------------------------------------------------------------

    def _apply_options(self) -> None:
        s = self._settings
        for flag, box in (
            (BREATHE_CHECKIN, self.checkin_box),
            (BREATHE_CUES, self.cues_box),
            (BREATHE_TONES, self.tones_box),
            (BREATHE_ANNOUNCE, self.announce_box),
        ):
            s.set(flag, box.isChecked())
        s.set(BREATHE_VOLUME, self.volume.value())
        s.set(PACER_LOOK, self.style_box.currentData())
        self.pacer.show_cues = self.cues_box.isChecked()
        self.pacer.announce = self.announce_box.isChecked()
        self.pacer.set_style(self.style_box.currentData())
        self.volume.setEnabled(self.tones_box.isChecked())
        if self._tones is not None:
            self._tones.set_volume(self.volume.value() / 100)

    def _save_length(self) -> None:
        self._settings.set(BREATHE_LENGTH, self.length_spin.value())
        self._settings.set(BREATHE_UNIT, self.unit_box.currentData())

    def tones(self) -> Tones:
        if self._tones is None:
            self._tones = self._make_tones()
            self._tones.set_volume(self.volume.value() / 100)
        return self._tones

    # -- a session ----------------------------------------------------------------------------

    def session_active(self) -> bool:
        return self.session is not None and self.session.started and not self.session.finished

    def start_or_pause(self) -> None:
        if self.session_active():
            assert self.session is not None
            self.session.toggle()
            self.pacer.refresh()
            self._update_buttons()
            return
        if self.checkin_box.isChecked():
            self.before_panel.reset()
            self.stack.setCurrentIndex(PAGE_BEFORE)
            self.before_panel.skip_button.setFocus()
        else:
            self._begin(CheckInAnswer(None))

    def _begin(self, before: object) -> None:
        assert isinstance(before, CheckInAnswer)
        self._before = before
        amount = self.length_spin.value()
        by_breaths = self.unit_box.currentData() == "breaths"
        self.session = BreathSession(
            self.current_pattern(),
            self._clock,
            minutes=None if by_breaths else float(amount),
            cycles=amount if by_breaths else None,
        )
        self.stack.setCurrentIndex(PAGE_PACER)
        self.session.start()
        self.pacer.set_session(self.session)
        self.pacer.setFocus()
        self._update_buttons()

    def stop(self) -> None:
        if self.session_active():
            assert self.session is not None
            self.session.stop()
            self.pacer.refresh()

    def enough(self) -> None:
        if self.session_active():
            assert self.session is not None
            if self._guided == "pace":  # hook (issue #19): this pace is the last one
                self.pace_panel.stop_after_this()
            self.session.finish_gently()
            self.pacer.refresh()
            self._update_buttons()

    def _on_phase_changed(self, phase: Phase, _cycle: int) -> None:
        if self.tones_box.isChecked():
            self.tones().play(tone_for_phase(phase))

    def _on_finished(self) -> None:
        self._update_buttons()
        if self._guided is not None:  # hook (issue #19)
            self._guided_finished()
            return
        if self.session is None or self.session.record().actual_seconds < MIN_SECONDS_KEPT:
            return
        if self.checkin_box.isChecked():
            self.after_panel.reset()
            self.stack.setCurrentIndex(PAGE_AFTER)
            self.after_panel.skip_button.setFocus()
        else:
            self._keep(CheckInAnswer(None))

    def _keep(self, after: object) -> None:
        assert isinstance(after, CheckInAnswer)
        session = self.session
        if session is None:
            return
        record = session.record()
        before = self._before or CheckInAnswer(None)
        try:
            self._save_record(record, before, after)
        except ValueError as e:
            self.week_label.setText(
                translate("BreatheTab", "This session was not kept: {reason}").format(reason=e)
            )
            return
        self.session = None
        self._before = None
        self.stack.setCurrentIndex(PAGE_PACER)
        self._update_buttons()

    def _save_record(
        self, record: SessionRecord, before: CheckInAnswer, after: CheckInAnswer
    ) -> None:
        pattern = record.pattern
        save_session(
            self._store,
            StoredSession(
                pattern_name=pattern.shown_name(),
                pattern={
                    "key": pattern.key,
                    "inhale": pattern.inhale,
                    "top_up": pattern.top_up,
                    "hold_in": pattern.hold_in,
                    "exhale": pattern.exhale,
                    "hold_out": pattern.hold_out,
                    "lengthen_to": pattern.lengthen_to,
                },
                planned_seconds=record.planned_seconds,
                planned_cycles=record.planned_cycles,
                actual_seconds=record.actual_seconds,
                cycles=record.cycles,
                ended_early=record.ended_early,
                settled_before=before.settled,
                settled_after=after.settled,
                feelings_before=before.feelings,
                feelings_after=after.feelings,
            ),
        )

    def _reload_history(self) -> None:
        self.history.clear()
        for stored in recent_sessions(self._store, limit=8):
            self.history.addItem(f"{short_day(stored.day)}: {describe_session(stored)}")
        if self.history.count() == 0:
            self.history.addItem(translate("BreatheTab", "Your sessions will show here."))
        minutes = round(minutes_in_week(self._store, today(self._wall)))
        self.week_label.setText(
            translate("BreatheTab", "This week: %n minute(s) of breathing", None, minutes)
        )

    def _update_buttons(self) -> None:
        active = self.session_active()
        paused = active and self.session is not None and self.session.paused
        self.start_button.setText(
            translate("BreatheTab", "&Resume")
            if paused
            else translate("BreatheTab", "&Pause")
            if active
            else translate("BreatheTab", "&Start")
        )
        self.stop_button.setEnabled(active)
        self.enough_button.setEnabled(active)

    # -- hook: guided sessions (issue #19) -----------------------------------------------------

    def _ready_for_guided(self) -> bool:
        """False while a session is being breathed. A finished one still waiting for its
        after check-in is kept first, without the answer, so it is never lost."""
        if self.session_active():
            return False
        if self.stack.currentWidget() is self.after_panel and self.session is not None:
            self._keep(CheckInAnswer(None))
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
        self._before = CheckInAnswer(None)
        self.session = BreathSession(pattern, self._clock, minutes=minutes)
        self.guided_label.setText(
            self.pace_panel.status_text()
            if self._guided == "pace"
            else translate("BreatheTab", "One minute, gently. Nothing else is asked of you.")
        )
        self.guided_label.show()
        self.stack.setCurrentIndex(PAGE_PACER)
        self.session.start()
        self.pacer.set_session(self.session)
        self.pacer.setFocus()
        self._update_buttons()

    def _guided_finished(self) -> None:
        session = self.session
        if self._guided == "minute":
            self._end_guided()
            if session is not None and session.record().actual_seconds >= MIN_SECONDS_KEPT:
                self.session = session
                self._keep(CheckInAnswer(None))
            return
        self.session = None  # a pace step is kept with the finding, not as a session
        self.stack.setCurrentWidget(self.pace_panel)
        self.pace_panel.step_ended(session is not None and session.ended_early)

    def _end_guided(self) -> None:
        self._guided = None
        self.guided_label.hide()
        if not self.session_active():
            self.session = None
            self.pacer.set_session(None)
            self.stack.setCurrentIndex(PAGE_PACER)
        self._update_buttons()

    # -- end of hook --------------------------------------------------------------------------

    def prepare_to_close(self) -> None:
        """A session cut short by closing the window is still kept."""
        if self._guided == "pace":  # hook (issue #19): a pace step is not a session
            self.session = None
        if self.session_active():
            assert self.session is not None
            self.session.stop()
        if self.session is not None and self.session.record().actual_seconds >= MIN_SECONDS_KEPT:
            self._keep(CheckInAnswer(None))
        self.pacer.set_session(None)
