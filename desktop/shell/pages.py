"""Which tabs the main window has and how each is built (only when first shown)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.breathe.cues import Cues
from desktop.breathe.tab import BreatheTab
from desktop.breathe.tone_player import TonePlayer
from desktop.checkin.vocabularies import load_feelings
from desktop.clock import Clock
from desktop.journal.tab import JournalTab
from desktop.listen.player import Player
from desktop.listen.tab import ListenTab
from desktop.resources import read_text
from desktop.shell.main_window import Page
from desktop.store import Store
from desktop.store_signals import StoreSignals


def system_prefers_reduced_motion() -> bool:
    """The desktop's reduced-motion setting, where this Qt exposes it (6.12 and later)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    motion = getattr(accessibility(), "motionPreference", None) if accessibility else None
    if motion is None:
        return False
    reduced = getattr(Qt, "MotionPreference", None)
    return reduced is not None and bool(motion() == reduced.ReducedMotion)


def build_pages(
    store: Store,
    signals: StoreSignals,
    settings: QSettings,
    clock: Clock,
    player: Callable[[], Player],
) -> list[Page]:
    """``player`` gives the app's one music player, made on first use."""
    vocabulary = functools.cache(load_feelings)

    def breathe() -> QWidget:
        return BreatheTab(
            store,
            signals,
            settings,
            clock,
            vocabulary(),
            Cues.parse(read_text("cues.txt")),
            TonePlayer,
            reduced_motion=system_prefers_reduced_motion(),
        )

    return [
        Page("breathe", "&Breathe", "Breath-paced grounding with a visual pacer", breathe),
        Page(
            "listen",
            "&Listen",
            "Your own music, with check-ins on what your body notices",
            lambda: ListenTab(
                store, signals, settings, player(), vocabulary(), read_text("body.svg")
            ),
        ),
        Page(
            "journal",
            "&Journal",
            "A private journal that starts with what you notice",
            lambda: JournalTab(store, signals, vocabulary()),
        ),
    ]
