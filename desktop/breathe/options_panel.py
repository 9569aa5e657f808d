"""Breathe's Options, one step away from the pacer: grounding cues, soft tones and their
volume, how the pacer looks, phase announcements, the check-ins, and the pace of the chosen
pattern where it has one. ("Your patterns…" is its sibling on the tab's line, not in here.)

A view only: it says what the person asked for through its signals and shows what it is told
through set_options() and show_pattern(); the tab keeps the settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.breathe.pacer_widget import STYLES
from desktop.breathe.patterns import RESONANCE_RATES
from desktop.controls import guard_wheel, named
from desktop.look import GAP, SPACE, heading, roomy, tight
from desktop.settings import BREATHE_VOLUME, PacerLook
from desktop.texts import translate


@dataclass(frozen=True)
class OptionValues:
    cues: bool
    tones: bool
    volume: int  # percent
    announce: bool
    look: PacerLook
    checkin: bool
    rate: float  # breaths a minute of the resonance pattern
    gradual: bool  # the longer out-breath grows slowly toward 8


class OptionsPanel(QFrame):
    cues_toggled = Signal(bool)
    tones_toggled = Signal(bool)
    volume_changed = Signal(int)  # percent
    announce_toggled = Signal(bool)
    look_chosen = Signal(str)  # a PacerLook
    checkin_toggled = Signal(bool)
    rate_chosen = Signal(float)  # breaths a minute
    gradual_toggled = Signal(bool)
    close_requested = Signal()  # Done, or Escape

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breathe_options")
        self.setAccessibleName(translate("BreatheOptions", "Options"))
        self.title = heading(QLabel(translate("BreatheOptions", "Options")))

        self.cues_box = named(
            QCheckBox(translate("BreatheOptions", "Grounding cues")),
            translate("BreatheOptions", "Grounding cues"),
            translate("BreatheOptions", "A short line about the body for each part of a breath"),
            object_name="cues",
        )
        self.tones_box = named(
            QCheckBox(translate("BreatheOptions", "Soft tones, for breathing with eyes closed")),
            translate("BreatheOptions", "Soft tones, for breathing with eyes closed"),
            translate("BreatheOptions", "A rising tone in, a falling tone out"),
            object_name="tones",
        )
        self.volume = named(
            QSlider(Qt.Orientation.Horizontal),
            translate("BreatheOptions", "Volume of the tones"),
            translate("BreatheOptions", "How loud the soft tones are"),
            object_name="volume",
        )
        self.volume.setRange(BREATHE_VOLUME.low, BREATHE_VOLUME.high)
        self.volume_label = QLabel(translate("BreatheOptions", "Volume of the tones"))
        self.volume_label.setBuddy(self.volume)
        self.announce_box = named(
            QCheckBox(
                translate("BreatheOptions", "Say each part of the breath to a screen reader")
            ),
            translate("BreatheOptions", "Say each part of the breath to a screen reader"),
            translate(
                "BreatheOptions",
                "A screen reader says \u201cBreathe in\u201d, \u201cBreathe out\u201d",
            ),
            object_name="announce",
        )
        self.look_box = named(
            QComboBox(),
            translate("BreatheOptions", "How the pacer looks"),
            translate("BreatheOptions", "A shape, a ring, a glow, or words only"),
            object_name="visual_style",
        )
        for key, label in STYLES.items():
            self.look_box.addItem(translate("Pacer", label), key)
        self.look_label = QLabel(translate("BreatheOptions", "How the pacer looks"))
        self.look_label.setBuddy(self.look_box)
        self.checkin_box = named(
            QCheckBox(translate("BreatheOptions", "Check in before and after")),
            translate("BreatheOptions", "Check in before and after"),
            translate("BreatheOptions", "Asks how settled your body feels, if you like"),
            object_name="checkin",
        )
        self.rate_box = named(
            QComboBox(),
            translate("BreatheOptions", "Pace of resonance breathing"),
            translate("BreatheOptions", "How many breaths a minute the resonance pattern takes"),
            object_name="rate",
        )
        for rate in RESONANCE_RATES:
            self.rate_box.addItem(
                translate("BreatheOptions", "{rate} breaths a minute").format(rate=f"{rate:g}"),
                rate,
            )
        self.rate_label = QLabel(translate("BreatheOptions", "Pace of resonance breathing"))
        self.rate_label.setBuddy(self.rate_box)
        self.gradual_box = named(
            QCheckBox(
                translate("BreatheOptions", "Let the out-breath grow slowly toward 8 seconds")
            ),
            translate("BreatheOptions", "Let the out-breath grow slowly toward 8 seconds"),
            translate("BreatheOptions", "Half a second longer every few breaths"),
            object_name="gradual",
        )
        self.done_button = named(
            QPushButton(translate("BreatheOptions", "&Done")),
            translate("BreatheOptions", "Done"),
            translate("BreatheOptions", "Closes the options; what you chose is kept"),
            object_name="options_done",
        )

        breathing = tight(QVBoxLayout(), SPACE)
        breathing.addWidget(self.cues_box)
        breathing.addWidget(self.tones_box)
        volume_row = tight(QHBoxLayout())
        volume_row.addSpacing(GAP + SPACE)  # under the tones it belongs to
        volume_row.addWidget(self.volume_label)
        volume_row.addWidget(self.volume, 1)
        breathing.addLayout(volume_row)
        breathing.addWidget(self.announce_box)
        breathing.addWidget(self.checkin_box)

        # Each label above its field: a narrow panel and a longer language both fit.
        self.pattern_form = tight(QFormLayout(), SPACE)
        self.pattern_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.pattern_form.addRow(self.look_label, self.look_box)
        self.pattern_form.addRow(self.rate_label, self.rate_box)
        self.pattern_form.addRow(self.gradual_box)

        buttons = tight(QHBoxLayout())
        buttons.addStretch()
        buttons.addWidget(self.done_button)

        layout = roomy(QVBoxLayout(self), GAP, GAP)
        layout.addWidget(self.title)
        layout.addLayout(breathing)
        layout.addLayout(self.pattern_form)
        layout.addLayout(buttons)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # a soft edge around it
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._connect_signals()
        guard_wheel(self)

    def _connect_signals(self) -> None:
        self.cues_box.toggled.connect(self.cues_toggled)
        self.tones_box.toggled.connect(self._on_tones)
        self.volume.valueChanged.connect(self.volume_changed)
        self.announce_box.toggled.connect(self.announce_toggled)
        self.look_box.currentIndexChanged.connect(
            lambda _i: self.look_chosen.emit(str(self.look_box.currentData()))
        )
        self.checkin_box.toggled.connect(self.checkin_toggled)
        self.rate_box.currentIndexChanged.connect(
            lambda _i: self.rate_chosen.emit(float(self.rate_box.currentData()))
        )
        self.gradual_box.toggled.connect(self.gradual_toggled)
        self.done_button.clicked.connect(self.close_requested)

    # -- setters ------------------------------------------------------------------------------

    def set_options(self, values: OptionValues) -> None:
        """Show ``values``; no signal is sent for them."""
        widgets = (
            self.cues_box,
            self.tones_box,
            self.volume,
            self.announce_box,
            self.look_box,
            self.checkin_box,
            self.rate_box,
            self.gradual_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.cues_box.setChecked(values.cues)
        self.tones_box.setChecked(values.tones)
        self.volume.setValue(values.volume)
        self.announce_box.setChecked(values.announce)
        self.look_box.setCurrentIndex(max(0, self.look_box.findData(values.look)))
        self.checkin_box.setChecked(values.checkin)
        found = self.rate_box.findData(values.rate)
        self.rate_box.setCurrentIndex(found if found >= 0 else self.rate_box.findData(6.0))
        self.gradual_box.setChecked(values.gradual)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_volume(values.tones)

    def show_pattern(self, key: str) -> None:
        """The options of the chosen pattern only: the pace for resonance breathing, the slowly
        growing out-breath for the longer one."""
        self.pattern_form.setRowVisible(self.rate_box, key == "resonance")
        self.pattern_form.setRowVisible(self.gradual_box, key == "longer_out")

    def take_focus(self) -> None:
        self.cues_box.setFocus(Qt.FocusReason.TabFocusReason)

    # -- internals ----------------------------------------------------------------------------

    def _on_tones(self, on: bool) -> None:
        self._show_volume(on)
        self.tones_toggled.emit(on)

    def _show_volume(self, on: bool) -> None:
        self.volume.setEnabled(on)
        self.volume_label.setEnabled(on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)
