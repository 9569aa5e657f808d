"""Finding music files and reading their tags with mutagen, without playing them. Pure."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.store.listening import TrackInfo
from desktop.texts import translate

AUDIO_EXTENSIONS = (".mp3", ".ogg", ".opus", ".flac", ".wav", ".m4a")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+:")


class NotLocal(ValueError):
    """A source that is not a file on this computer; Glimmers never fetches anything."""


def local_path(source: str | Path) -> Path:
    """The file a source names, refusing anything that is not a local path."""
    if isinstance(source, Path):
        return source
    text = source.strip()
    if text.startswith("file://"):
        text = text[len("file://") :]
    elif _SCHEME.match(text) and not re.match(r"^[a-zA-Z]:[\\/]", text):  # C:\\ is a path
        raise NotLocal(
            translate("Library", "Glimmers plays files on this computer only, not web addresses.")
        )
    return Path(text)


def is_audio_file(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_EXTENSIONS


def find_audio_files(folder: Path) -> list[Path]:
    """Every audio file under ``folder``, in a stable order; unreadable folders are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=lambda _error: None):
        dirs.sort()
        found += [Path(root) / name for name in sorted(files) if is_audio_file(Path(name))]
    return found


def _first(tags: object, *keys: str) -> str:
    for key in keys:
        try:
            value = tags[key]  # type: ignore[index]
        except (KeyError, ValueError, TypeError, IndexError):
            continue
        if isinstance(value, list | tuple):
            value = value[0] if value else ""
        text = str(value).strip()
        if text:
            return text
    return ""


def read_tags(path: Path) -> TrackInfo:
    """Title, artist, album and duration; a file mutagen cannot read still gets its name."""
    import mutagen  # deferred: only scans need it

    fallback = path.stem.replace("_", " ").strip() or path.name
    try:
        audio = mutagen.File(path, easy=True)
    except Exception:  # mutagen raises many kinds of error for damaged files
        audio = None
    if audio is None:
        return TrackInfo(path=str(path), title=fallback)
    tags = audio.tags or {}
    length = getattr(getattr(audio, "info", None), "length", None)
    return TrackInfo(
        path=str(path),
        title=_first(tags, "title") or fallback,
        artist=_first(tags, "artist", "albumartist"),
        album=_first(tags, "album"),
        duration=float(length) if length else None,
    )


def scan(
    paths: list[Path],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[TrackInfo]:
    """Read tags one file at a time, stopping as soon as ``cancelled()`` says so."""
    for path in paths:
        if cancelled():
            return
        yield read_tags(path)
