"""Soft tones for eyes-closed breathing, synthesised here: no sound files are shipped. Pure."""

from __future__ import annotations

import io
import math
import struct
import wave
from typing import Literal, Protocol, get_args

from desktop.breathe.patterns import Phase

RATE = 22_050
Tone = Literal["in", "out", "hold"]
TONE_KINDS: tuple[Tone, ...] = get_args(Tone)


class Tones(Protocol):
    """What plays the tones (tone_player.py, or a test's own)."""

    def play(self, kind: Tone) -> None: ...
    def set_volume(self, volume: float) -> None: ...


def _tone(start_hz: float, end_hz: float, seconds: float, loudness: float) -> bytes:
    frames = int(RATE * seconds)
    samples = bytearray()
    phase = 0.0
    for n in range(frames):
        t = n / frames
        frequency = start_hz + (end_hz - start_hz) * t
        phase += 2 * math.pi * frequency / RATE
        envelope = math.sin(math.pi * t) ** 2  # fades in and out: no clicks
        value = loudness * envelope * (math.sin(phase) + 0.25 * math.sin(2 * phase)) / 1.25
        samples += struct.pack("<h", int(value * 32767))
    return bytes(samples)


def tone_wav(kind: Tone) -> bytes:
    """A short WAV: rising for the in-breath, falling for the out-breath, a quiet mark for holds."""
    if kind == "in":
        pcm = _tone(220.0, 330.0, 0.9, 0.5)
    elif kind == "out":
        pcm = _tone(330.0, 220.0, 1.1, 0.5)
    elif kind == "hold":
        pcm = _tone(440.0, 440.0, 0.25, 0.25)
    else:
        raise ValueError(f"no tone for {kind!r}")
    out = io.BytesIO()
    with wave.open(out, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(pcm)
    return out.getvalue()


TONE_OF_PHASE: dict[Phase, Tone] = {
    "in": "in",
    "top_up": "in",
    "out": "out",
    "hold_in": "hold",
    "hold_out": "hold",
}


def tone_for_phase(phase: Phase) -> Tone:
    return TONE_OF_PHASE[phase]
