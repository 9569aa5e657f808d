"""What Breathe's Options keep: each change the panel asks for is written to the settings and
shown on the pacer at once, and the soft tones are made the first time one is heard.

The panel (options_panel.py) only shows and asks; this keeps. A change that alters the
presets (the pace of resonance breathing, the slowly growing out-breath) goes out through
pace_changed and presets_changed, for the tab to offer them again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.breathe.options_panel import OptionsPanel, OptionValues
from desktop.breathe.pacer_widget import REDUCED_MOTION_DEFAULT, PacerWidget
from desktop.breathe.patterns import Phase
from desktop.breathe.tones import Tones, tone_for_phase
from desktop.settings import (
    BREATHE_ANNOUNCE,
    BREATHE_CHECKIN,
    BREATHE_CUES,
    BREATHE_GRADUAL,
    BREATHE_RATE,
    BREATHE_TONES,
    BREATHE_VOLUME,
    PACER_LOOK,
    PacerLook,
    Settings,
)


def option_values(settings: Settings, reduced_motion: bool) -> OptionValues:
    """The options as kept; the pacer's look, never chosen, follows the system's reduced
    motion."""
    default_look: PacerLook = REDUCED_MOTION_DEFAULT if reduced_motion else PACER_LOOK.default
    return OptionValues(
        cues=settings.get(BREATHE_CUES),
        tones=settings.get(BREATHE_TONES),
        volume=settings.get(BREATHE_VOLUME),
        announce=settings.get(BREATHE_ANNOUNCE),
        look=settings.stored(PACER_LOOK) or default_look,
        checkin=settings.get(BREATHE_CHECKIN),
        rate=settings.get(BREATHE_RATE),
        gradual=settings.get(BREATHE_GRADUAL),
    )


class OptionSettings(QObject):
    pace_changed = Signal(float)  # resonance breathing's breaths a minute, now kept
    presets_changed = Signal()  # the longer out-breath grows slowly, or no longer

    def __init__(
        self,
        panel: OptionsPanel,
        pacer: PacerWidget,
        settings: Settings,
        tones: Callable[[], Tones],
        reduced_motion: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pacer = pacer
        self._settings = settings
        self._make_tones = tones
        self._tones: Tones | None = None
        values = option_values(settings, reduced_motion)
        panel.set_options(values)
        pacer.show_cues = values.cues
        pacer.announce = values.announce
        pacer.set_style(values.look)
        panel.cues_toggled.connect(self._on_cues)
        panel.tones_toggled.connect(lambda on: settings.set(BREATHE_TONES, on))
        panel.volume_changed.connect(self._on_volume)
        panel.announce_toggled.connect(self._on_announce)
        panel.look_chosen.connect(self._on_look)
        panel.checkin_toggled.connect(lambda on: settings.set(BREATHE_CHECKIN, on))
        panel.rate_chosen.connect(self._on_rate)
        panel.gradual_toggled.connect(self._on_gradual)
        pacer.phase_changed.connect(self._on_phase_changed)

    def tones(self) -> Tones:
        if self._tones is None:
            self._tones = self._make_tones()
            self._tones.set_volume(self._settings.get(BREATHE_VOLUME) / 100)
        return self._tones

    def _on_cues(self, on: bool) -> None:
        self._settings.set(BREATHE_CUES, on)
        self._pacer.show_cues = on
        self._pacer.refresh()
        self._pacer.update()

    def _on_volume(self, volume: int) -> None:
        self._settings.set(BREATHE_VOLUME, volume)
        if self._tones is not None:
            self._tones.set_volume(volume / 100)

    def _on_announce(self, on: bool) -> None:
        self._settings.set(BREATHE_ANNOUNCE, on)
        self._pacer.announce = on

    def _on_look(self, look: str) -> None:
        chosen: PacerLook = PACER_LOOK.parse(look) or "shape"
        self._settings.set(PACER_LOOK, chosen)
        self._pacer.set_style(chosen)

    def _on_rate(self, rate: float) -> None:
        self._settings.set(BREATHE_RATE, rate)
        self.pace_changed.emit(rate)

    def _on_gradual(self, on: bool) -> None:
        self._settings.set(BREATHE_GRADUAL, on)
        self.presets_changed.emit()

    def _on_phase_changed(self, phase: Phase, _cycle: int) -> None:
        if self._settings.get(BREATHE_TONES):
            self.tones().play(tone_for_phase(phase))
