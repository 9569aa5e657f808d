"""Plays the soft tones through QSoundEffect; one effect per tone, made once and reused."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect

from desktop.breathe.tones import TONE_KINDS, Tone, tone_wav


class TonePlayer(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(prefix="glimmers-tones-")
        self._effects: dict[str, QSoundEffect] = {}
        self._volume = 0.5
        self.played: list[str] = []  # what was asked for, newest last (for tests and a11y)

    def _effect(self, kind: Tone) -> QSoundEffect:
        effect = self._effects.get(kind)
        if effect is None:
            path = Path(self._folder.name) / f"{kind}.wav"
            path.write_bytes(tone_wav(kind))
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self._volume)
            self._effects[kind] = effect
        return effect

    def set_volume(self, volume: float) -> None:
        self._volume = min(max(volume, 0.0), 1.0)
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    @property
    def volume(self) -> float:
        return self._volume

    def play(self, kind: Tone) -> None:
        if kind not in TONE_KINDS:
            return
        self.played.append(kind)
        del self.played[:-20]
        self._effect(kind).play()

    def close(self) -> None:
        for effect in self._effects.values():
            effect.stop()
        self._effects.clear()
        self._folder.cleanup()
