"""What the shell lends the Together tab from Breathe: the pacer to breathe with together and
the soft tone. Together describes what it needs (desktop/together/ports.py) and never imports
Breathe; this is the one place the two meet."""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import REDUCED_MOTION_DEFAULT, PacerWidget
from desktop.breathe.patterns import resonance
from desktop.breathe.tones import Tone, Tones
from desktop.clock import Clock
from desktop.settings import Settings
from desktop.store import Store
from desktop.texts import translate
from desktop.together.page_parts import TogetherParts
from desktop.together.tab import TogetherTab

SHARED_RATE = 6.0  # breaths a minute: slow and even, easy to share
TOGETHER_TONE: Tone = "out"  # the falling tone: "finish your sentence"


class SharedPacer:
    """Breathe's pacer, slow resonance breathing, shown for everyone at one screen."""

    def __init__(self, clock: Clock, reduced_motion: bool) -> None:
        self._clock = clock
        self._widget = PacerWidget()
        self._widget.setObjectName("together_pacer")
        self._widget.set_style(REDUCED_MOTION_DEFAULT if reduced_motion else "shape")
        self._widget.setMinimumSize(140, 140)
        # It follows the practice here: no keys of its own, and it says so.
        self._widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._widget.setAccessibleDescription(
            translate("TogetherPacer", "Breathe in as it grows and out as it gets smaller")
        )
        self._session: BreathSession | None = None

    def widget(self) -> QWidget:
        return self._widget

    def start(self, seconds: float) -> None:
        minutes = min(max(seconds / 60, 0.1), 60.0)
        self._session = BreathSession(resonance(SHARED_RATE), self._clock, minutes=minutes)
        self._session.start()
        self._widget.set_session(self._session)

    def pause(self) -> None:
        if self._session is not None and not self._session.paused:
            self._session.pause()
            self._widget.refresh()

    def resume(self) -> None:
        if self._session is not None and self._session.paused:
            self._session.resume()
            self._widget.refresh()

    def stop(self) -> None:
        if self._session is not None:
            self._session.stop()
            self._session = None
        self._widget.set_session(None)


class SoftTone:
    """One gentle tone through Breathe's tone player, made only when first played."""

    def __init__(self, tones: Callable[[], Tones]) -> None:
        self._make = tones
        self._tones: Tones | None = None

    def play(self) -> None:
        if self._tones is None:
            self._tones = self._make()
        self._tones.play(TOGETHER_TONE)


def _tone_player() -> Tones:
    from desktop.breathe.tone_player import TonePlayer  # QtMultimedia: only when first played

    return TonePlayer()


def together_tab(
    store: Store,
    settings: Settings,
    clock: Clock,
    reduced_motion: bool,
    rng: random.Random | None = None,
    tones: Callable[[], Tones] | None = None,
) -> TogetherTab:
    """The Together tab with Breathe's pacer and tone lent to it; ``rng`` makes its chances
    (a prompt, who speaks first), ``tones`` the tone player (None: the real one)."""
    return TogetherTab(
        TogetherParts(
            store,
            settings,
            clock,
            pacer=lambda: SharedPacer(clock, reduced_motion),
            tone=lambda: SoftTone(tones or _tone_player),
            rng=rng or random.Random(),
            reduced_motion=reduced_motion,
        )
    )
