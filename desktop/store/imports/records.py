"""What every reader shares: the records it yields, its options, what it noticed on the way,
stable ids, dates in the entry's own time zone, and the checks every imported entry passes.
Pure: no Qt, no database.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
import html
import io
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.store import limits
from desktop.store.exchange import ImportProblem
from desktop.store.journal import Entry, clean_tags
from desktop.store.portable import storable
from desktop.texts import translate

__all__ = ["ImportProblem", "storable"]

# The namespace of every id made from another app's ids or contents: the same source entry
# always gets the same uid, so importing a file again adds nothing.
_PERSON = b"glimmers-import"
DEFAULT_STARRED_TAG = "starred"


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file. ``now`` is the wall clock's moment (nothing imported may be later);
    ``zone`` is the zone of times a file keeps without one (None: this computer's own)."""

    now: dt.datetime
    zone: dt.tzinfo | None = None
    keep_location: bool = False
    keep_weather: bool = False
    starred_tag: str = DEFAULT_STARRED_TAG
    tag_symbols: str = "@"  # jrnl's journal file: the characters that start a tag there


@dataclass
class Findings:
    """What a reader noticed on its way through a file, for the preview."""

    has_pin: bool = False
    with_location: int = 0
    with_weather: int = 0
    starred: int = 0
    pictures: int = 0
    missing_pictures: int = 0
    other_media: int = 0  # videos, sound recordings, PDFs: not kept
    empty: int = 0  # entries with nothing in them, left out
    unknown_moods: set[str] = field(default_factory=set)
    tags_by_symbol: bool = False  # jrnl's journal file: its tags are words marked by a symbol


@dataclass
class Progress:
    """How far a reader is through its file, in bytes (read by the importer as it goes)."""

    done: int = 0
    total: int = 0


@dataclass(frozen=True)
class PictureFile:
    """A picture that belongs to an entry; its bytes are read only when it is stored, and
    they say what kind of picture it is (a file's own word for it can be wrong)."""

    uid: str
    read: Callable[[], bytes]
    position: int = 0
    is_sketch: bool = False
    width: int | None = None
    height: int | None = None
    name: str = ""  # where it is in the file, for messages
    size: int | None = None  # its bytes, when the file says so without reading it (a ZIP)


@dataclass(frozen=True)
class Imported:
    """One entry read from another app's file, with where it was found (for messages)."""

    entry: Entry
    place: str
    pictures: tuple[PictureFile, ...] = ()


Reader = Callable[[Path, ReadOptions, Findings, Progress], Iterator[Imported]]


def problem(translated: str, **values: object) -> ImportProblem:
    """A refusal in the person's language: ``translate("Imports", ...)`` with its values."""
    return ImportProblem(translated.format(**values))


# -- ids ------------------------------------------------------------------------------------------


def source_uid(source: str, source_id: str) -> str:
    """The uid of an entry that has an id of its own in the other app."""
    return hashlib.blake2b(
        f"{source}:{source_id}".encode(), digest_size=16, person=_PERSON
    ).hexdigest()


class ContentIds:
    """Uids for entries with no id of their own: a hash of their date and text. Two identical
    entries in one file are told apart by their order, so each is still kept."""

    def __init__(self, source: str) -> None:
        self._source = source.encode()
        self._seen: Counter[bytes] = Counter()  # 16 bytes an entry: small for any file

    def uid(self, *parts: str) -> str:
        digest = hashlib.blake2b(digest_size=16, person=_PERSON, salt=b"content")
        digest.update(self._source)
        for part in parts:
            digest.update(b"\x1f" + part.encode("utf-8", "surrogatepass"))
        key = digest.digest()
        self._seen[key] += 1
        count = self._seen[key]
        if count == 1:
            return key.hex()
        return hashlib.blake2b(
            key + str(count).encode(), digest_size=16, person=_PERSON
        ).hexdigest()


# -- dates and zones ------------------------------------------------------------------------------


def zone_named(name: object, fallback: dt.tzinfo | None) -> dt.tzinfo | None:
    """The IANA zone called ``name``, or ``fallback`` (None: this computer's) if it is unknown."""
    if not isinstance(name, str) or not name.strip():
        return fallback
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return fallback


def unreadable_date(place: str) -> ImportProblem:
    return problem(translate("Imports", "{place} has a date Glimmers cannot read."), place=place)


# A moment in the first or last hours of the calendar (year 1, the "no date" of many programs,
# or the end of year 9999) has no day in a zone that moves it past either end.
_OFF_THE_CALENDAR = (OverflowError, ValueError, OSError)


def aware(local: dt.datetime, zone: dt.tzinfo | None, place: str) -> dt.datetime:
    """A wall-clock time without a zone, placed in ``zone`` (None: this computer's own)."""
    if zone is None:
        try:
            return local.astimezone()  # the machine's rules for that date, summer time included
        except _OFF_THE_CALENDAR:
            raise unreadable_date(place) from None
    return local.replace(tzinfo=zone)


def stamp_of(moment: dt.datetime, place: str) -> str:
    """A moment as records keep it: ISO 8601 in UTC, to the millisecond."""
    try:
        return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")
    except _OFF_THE_CALENDAR:
        raise unreadable_date(place) from None


def local_day(moment: dt.datetime, zone: dt.tzinfo | None, place: str) -> dt.date:
    """The calendar day of an aware moment in ``zone`` (None: this computer's own)."""
    try:
        return (moment.astimezone(zone) if zone is not None else moment.astimezone()).date()
    except _OFF_THE_CALENDAR:
        raise unreadable_date(place) from None


def month_name(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# -- text -----------------------------------------------------------------------------------------


# Tags start with a letter ("<3" is a heart, not a tag); entities are named or numbered.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BREAKS = frozenset({"br", "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"})
_MANY_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_HTML_HINT = re.compile(r"<[a-zA-Z/!]|&[#a-zA-Z0-9]+;")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _tag_text(match: re.Match[str]) -> str:
    name = match[2].lower()
    if name == "li":
        return "" if match[1] else "\n- "
    if name == "br":
        return "\n"
    return "\n" if name in _BREAKS else ""


def html_to_text(text: str) -> str:
    """Notes written with a little HTML (<b>, <li>, <br>) as plain text; other text as it is.

    Line breaks the person typed are kept: these notes are not web pages.
    """
    if not _HTML_HINT.search(text):
        return text
    plain = html.unescape(_TAG.sub(_tag_text, _COMMENT.sub("", text)))
    lines = [line.rstrip() for line in plain.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def tidy(text: str) -> str:
    """Spaces and tabs off the end of each line, at most one blank line in a row, no blank
    ends. Most texts need only the last: substring tests (fast) tell which."""
    if "\n" not in text or not (
        " \n" in text or "\t\n" in text or "\r\n" in text or "\n\n\n" in text
    ):
        return text.strip()
    lines = [line.rstrip(" \t\r") for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# -- entries --------------------------------------------------------------------------------------


def text_field(raw: dict[str, Any], key: str, place: str, default: str = "") -> str:
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise problem(
            translate("Imports", "{place}: \u201c{field}\u201d should be text."),
            place=place,
            field=key,
        )
    return value


def list_of_text(raw: dict[str, Any], key: str, place: str) -> list[str]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise problem(
            translate("Imports", "{place}: \u201c{field}\u201d should be a list of words."),
            place=place,
            field=key,
        )
    return value


def entry_tags(tags: Iterable[str], place: str) -> tuple[str, ...]:
    try:
        return clean_tags(list(tags))
    except ValueError as e:
        raise ImportProblem(f"{place}: {e}") from None


def make_entry(
    uid: str,
    moment: dt.datetime,
    day: str,
    body: str,
    tags: Iterable[str],
    place: str,
    options: ReadOptions,
    updated: dt.datetime | None = None,
    pleasantness: float | None = None,
) -> Entry:
    """An imported entry, checked as the store checks one: no later than now."""
    if moment > options.now + dt.timedelta(minutes=1):
        raise problem(
            translate(
                "Imports",
                "{place} is dated {day}, which has not come yet. Glimmers keeps entries about "
                "today or earlier days; correct its date in the file and try again.",
            ),
            place=place,
            day=day,
        )
    return Entry(
        uid=uid,
        day=day,
        body=storable(body),
        tags=entry_tags(map(storable, tags), place),
        created_at=(created := stamp_of(moment, place)),
        updated_at=created if updated is None or updated == moment else stamp_of(updated, place),
        pleasantness=pleasantness,
    )


def is_empty(entry: Entry, pictures: tuple[PictureFile, ...] = ()) -> bool:
    return entry.is_blank() and not entry.tags and not pictures


# -- files ----------------------------------------------------------------------------------------


class ByteSource(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Counted(io.RawIOBase):
    """A binary file that adds what is read from it to ``progress.done``."""

    def __init__(self, raw: ByteSource, progress: Progress) -> None:
        super().__init__()
        self._raw = raw
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self._progress.done += n
        return n


class Base64Decoded(io.RawIOBase):
    """The bytes a Base64 text stands for, decoded as they are read (line breaks allowed)."""

    def __init__(self, raw: ByteSource) -> None:
        super().__init__()
        self._raw = raw
        self._pending = b""  # encoded characters short of a group of four
        self._ready = b""  # decoded bytes not handed out yet

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready:
            data = self._raw.read(max(4096, len(buffer) * 4 // 3 + 4))
            if not data:
                if self._pending.strip(b"="):
                    raise ValueError("the Base64 text stops in the middle of a group")
                return 0
            chunk = self._pending + b"".join(data.split())  # line breaks and spaces out
            cut = len(chunk) - len(chunk) % 4
            self._pending = chunk[cut:]
            try:
                self._ready = binascii.a2b_base64(chunk[:cut])
            except binascii.Error as e:
                raise ValueError(f"this is not Base64 text: {e}") from None
        n = min(len(buffer), len(self._ready))
        buffer[:n] = self._ready[:n]
        self._ready = self._ready[n:]
        return n


def decoded_text(raw: io.RawIOBase, newline: str | None = None) -> TextIO:
    """UTF-8 text (a byte order mark allowed) read from ``raw``."""
    buffered = io.BufferedReader(raw, 1 << 16)
    return io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="strict", newline=newline)


def text_stream(raw: ByteSource, progress: Progress, newline: str | None = None) -> TextIO:
    """UTF-8 text read from ``raw``, its bytes counted in ``progress`` as they are read."""
    return decoded_text(Counted(raw, progress), newline)


# The longest line a line-by-line reader takes, in characters: far more than an entry holds,
# so only a file that is no export at all (a video chosen by mistake, a device that never
# ends) reaches it, and it is refused there instead of being read on into memory.
MAX_LINE = 4 * limits.TEXT


def bounded_lines(text: TextIO, limit: int | None = None) -> Iterator[str]:
    """The lines of ``text`` with their endings, as iterating over it gives them, but none read
    further than ``limit`` characters (MAX_LINE): a longer one is refused, naming its line."""
    limit = MAX_LINE if limit is None else limit
    number = 0
    while line := text.readline(limit + 1):
        number += 1
        if len(line) > limit and line[-1] not in "\r\n":
            raise problem(
                translate(
                    "Imports",
                    "Line {line} of this file goes on for more than {limit} characters, longer "
                    "than any export writes, so it is not a file Glimmers can import.",
                ),
                line=number,
                limit=f"{limit:,}",
            )
        yield line


EMPTY_UP_TO = 4096  # bytes: a file this small holding only spaces and line ends is empty


def check_source(path: Path) -> None:
    """Refuse what no import can read, with a message that says why: a pipe, a socket or a
    device (``import /dev/stdin``, ``import <(...)``), since an import reads its file more
    than once (which app made it, what it holds, then the import itself) and what a pipe held
    is gone after the first read; and an empty file, which no app's export is. A file that
    does not exist, or a folder, is left to the reading to explain."""
    try:
        info = path.stat()
    except OSError:
        return
    mode = info.st_mode
    if stat.S_ISREG(mode) and info.st_size <= EMPTY_UP_TO:
        try:
            blank = not path.read_bytes().strip()
        except OSError:
            return
        if blank:
            raise problem(
                translate(
                    "Imports",
                    "{file} is empty: there is nothing in it to import. If it should hold an "
                    "export, make the export again and import the new file.",
                ),
                file=path.name,
            )
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise problem(
            translate(
                "Imports",
                "{file} is a pipe or a device, not a file: what it holds can be read only once, "
                "and an import reads its file more than once. Save it to a file first, then "
                "import that file.",
            ),
            file=path,
        )


def not_utf8(name: str) -> ImportProblem:
    return problem(
        translate("Imports", "{file} is not UTF-8 text, so Glimmers cannot read it as an export."),
        file=name,
    )
