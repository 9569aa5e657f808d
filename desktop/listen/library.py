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


def _values(tags: object, key: str) -> list[str]:
    """Every value a tag holds, trimmed; a file may keep several in one tag."""
    try:
        value = tags[key]  # type: ignore[index]
    except (KeyError, ValueError, TypeError, IndexError):
        return []
    items = value if isinstance(value, list | tuple) else [value]
    return [text for text in (str(item).strip() for item in items) if text]


def _plain(text: str) -> str:
    """Letters and digits only, lower case: "03 - Morning_Rain" and "Morning rain" meet."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _without_number(stem: str) -> str:
    """A file's name without the track number people put in front ("03 - ", "1-04 ")."""
    return re.sub(r"^\s*(\d+[-. ]*)+(-\s*)?", "", stem)


def matching_value(values: list[str], stem: str) -> int | None:
    """Which of several values the file's own name matches, if one does."""
    name = _plain(_without_number(stem)) or _plain(stem)
    if not name:
        return None
    plain = [_plain(v) for v in values]
    exact = [i for i, v in enumerate(plain) if v == name]
    if exact:
        return exact[0]
    inside = [i for i, v in enumerate(plain) if v and (v in name or name in v)]
    return inside[0] if len(inside) == 1 else None


def pick_value(values: list[str], stem: str, joiner: str) -> str:
    """One text for a tag with several values, as the person would read it: the value that
    the file's own name matches where there is one (an album's list of titles in every file
    gives each file its own), otherwise all of them, joined."""
    if len(values) <= 1:
        return values[0] if values else ""
    index = matching_value(values, stem)
    if index is not None:
        return values[index]
    return joiner.join(dict.fromkeys(values))


def _number(text: str) -> int:
    """ "3", "03" or "3/12" as 3; anything else as 0 (no number)."""
    match = re.match(r"\s*(\d{1,4})", text)
    return int(match.group(1)) if match else 0


def _text(tags: object, stem: str, joiner: str, *keys: str) -> str:
    for key in keys:
        values = _values(tags, key)
        if values:
            return pick_value(values, stem, joiner)
    return ""


def read_tags(path: Path) -> TrackInfo:
    """Title, artist, album, track and disc numbers and duration, as people wrote them; a
    file mutagen cannot read still gets its name."""
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
    stem = path.stem
    titles = _values(tags, "title")
    numbers = _values(tags, "tracknumber")
    discs = _values(tags, "discnumber")
    # An album's list of titles in every file, with its list of numbers: this file's number
    # is the one beside its own title.
    number = numbers[0] if len(numbers) == 1 else ""
    if len(numbers) > 1 and len(numbers) == len(titles):
        which = matching_value(titles, stem)
        number = numbers[which] if which is not None else ""
    return TrackInfo(
        path=str(path),
        title=pick_value(titles, stem, " / ") or fallback,
        artist=_text(tags, stem, ", ", "artist", "albumartist"),
        album=_text(tags, stem, " / ", "album"),
        duration=float(length) if length else None,
        track_number=_number(number),
        disc_number=_number(discs[0]) if len(discs) == 1 else 0,
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
