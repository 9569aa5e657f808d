"""Audio files made by the tests: a WAV written here, other formats converted with sox."""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path

RATE = 22_050


def make_wav(path: Path, seconds: float = 3.0, hz: float = 330.0) -> Path:
    frames = int(RATE * seconds)
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * n / RATE)))
                for n in range(frames)
            )
        )
    return path


def have_sox() -> bool:
    return shutil.which("sox") is not None


def convert(wav: Path, target: Path) -> Path:
    subprocess.run(["sox", str(wav), str(target)], check=True, capture_output=True)
    return target


def tag(path: Path, title: str, artist: str = "", album: str = "") -> None:
    import mutagen

    audio = mutagen.File(path, easy=True)
    assert audio is not None, f"mutagen cannot read {path}"
    if audio.tags is None:
        audio.add_tags()
    audio.tags["title"] = title
    if artist:
        audio.tags["artist"] = artist
    if album:
        audio.tags["album"] = album
    audio.save()
