"""Day One: its JSON export, a ZIP of one ``<Journal name>.json`` per journal and the media
folders beside them (``photos/<md5>.<type>``).

Dates are in UTC and become the day they were in the entry's own time zone (this computer's
where the entry names none). The text is Markdown with Day One's backslash escapes: those are
undone, and the inline links to photos are taken out, since the photos themselves are kept
with the entry (a sketch among them marked as a sketch). Videos, sound recordings and PDFs are
left out and counted. Location and weather are left out unless the person asks to keep them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

from desktop.store.imports.jsonstream import JsonError, walk
from desktop.store.imports.records import (
    ContentIds,
    Findings,
    Imported,
    PictureFile,
    Progress,
    ReadOptions,
    is_empty,
    list_of_text,
    local_day,
    make_entry,
    not_utf8,
    problem,
    source_uid,
    text_field,
    text_stream,
    tidy,
    zone_named,
)
from desktop.texts import translate

SOURCE = "dayone"
MEDIA_FOLDERS = ("photos", "videos", "audios", "pdfs")

# ![](dayone-moment://<identifier>) and, in older exports, ![](dayone-moment:/photo/<id>).
_MOMENT_LINK = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/{1,2}([^)\s]*)\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before any ASCII punctuation
_UTC = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def _escaped(match: re.Match[str]) -> str:
    return match[1]


def undo_escapes(text: str) -> str:
    return _ESCAPE.sub(_escaped, text)  # a function: faster here than the template r"\1"


def clean_text(text: str, photo_ids: set[str]) -> tuple[str, int]:
    """The entry's text without its media links and escapes, and how many links were to
    something other than a photo (a video, a recording, a PDF)."""
    other = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal other
        target = match[1]
        kind, _, ident = target.rpartition("/")
        if kind != "photo" and ident not in photo_ids and target not in photo_ids:
            other += 1
        return ""

    if "dayone-moment:" in text:
        text = _MOMENT_LINK.sub(drop, text)
    if "\\" in text:
        text = undo_escapes(text)
    return tidy(text), other


def parse_utc(value: str, place: str, field: str) -> dt.datetime:
    if value.endswith("Z") and len(value) in (20, 24):  # Day One's own form, the common case
        try:
            return dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=dt.timezone.utc)
        except ValueError:
            pass
    match = _UTC.match(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
        second = int(match[6] or 0)
        micro = int((match[7] or "0")[:6].ljust(6, "0"))
        zone = dt.timezone.utc
        if match[8] and match[8] != "Z":
            sign = -1 if match[8][0] == "-" else 1
            digits = match[8][1:].replace(":", "")
            zone = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)
    except ValueError:
        raise problem(
            translate(
                "Imports",
                "{place}: \u201c{field}\u201d should be a date and time such as "
                "2018-12-10T16:56:18Z, not \u201c{value}\u201d.",
            ),
            place=place,
            field=field,
            value=value,
        ) from None


def _location_text(location: Any) -> str:
    if not isinstance(location, dict):
        return ""
    parts: list[str] = []
    for key in ("placeName", "localityName", "administrativeArea", "country"):
        value = location.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in parts:
            parts.append(value.strip())
    if parts:
        return ", ".join(parts)
    lat, lon = location.get("latitude"), location.get("longitude")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return f"{lat:.5f}, {lon:.5f}"
    return ""


def _weather_text(weather: Any) -> str:
    if not isinstance(weather, dict):
        return ""
    parts: list[str] = []
    celsius = weather.get("temperatureCelsius")
    if isinstance(celsius, (int, float)) and not isinstance(celsius, bool):
        parts.append(f"{round(celsius)} \u00b0C")
    conditions = weather.get("conditionsDescription")
    if isinstance(conditions, str) and conditions.strip():
        parts.append(conditions.strip())
    return ", ".join(parts)


class _Media:
    """The media files of an export, found by their md5 whatever folder level they sit at."""

    def __init__(self, archive: zipfile.ZipFile | None) -> None:
        self.archive = archive
        self.photos: dict[str, zipfile.ZipInfo] = {}
        if archive is None:
            return
        for info in archive.infolist():
            path = PurePosixPath(info.filename)
            if not info.is_dir() and len(path.parts) > 1 and path.parts[-2] == "photos":
                self.photos.setdefault(path.stem.lower(), info)

    def reader(self, info: zipfile.ZipInfo) -> bytes:
        assert self.archive is not None
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as e:
            raise problem(
                translate(
                    "Imports", "The picture {name} in this ZIP file cannot be read ({reason})."
                ),
                name=info.filename,
                reason=e,
            ) from None


def _journal_files(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    found = []
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        if info.is_dir() or path.suffix.lower() != ".json" or path.name.startswith("."):
            continue
        if any(part in MEDIA_FOLDERS or part == "__MACOSX" for part in path.parts[:-1]):
            continue
        found.append(info)
    return sorted(found, key=lambda i: i.filename)


def read_zip(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """The entries of every journal in a Day One export ZIP, each with its photos."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise problem(
            translate("Imports", "{file} is not a ZIP file Glimmers can open ({reason})."),
            file=path.name,
            reason=e,
        ) from None
    with archive:
        journals = _journal_files(archive)
        if not journals:
            raise problem(
                translate(
                    "Imports",
                    "This ZIP file holds no Day One journal: there is no .json file in it.",
                )
            )
        media = _Media(archive)
        progress.total = sum(info.file_size for info in journals)
        ids = ContentIds(SOURCE)
        for info in journals:
            journal = PurePosixPath(info.filename).stem if len(journals) > 1 else ""
            try:
                raw = archive.open(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as e:
                raise problem(
                    translate("Imports", "{file} in this ZIP file cannot be read ({reason})."),
                    file=info.filename,
                    reason=e,
                ) from None
            with raw:
                yield from _entries(
                    raw, info.filename, journal, media, ids, options, findings, progress
                )


def read_json(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """A Day One journal's JSON file on its own: the entries come without their photos."""
    progress.total = path.stat().st_size
    with path.open("rb") as raw:
        yield from _entries(
            raw, path.name, "", _Media(None), ContentIds(SOURCE), options, findings, progress
        )


def _entries(
    raw: IO[bytes],
    name: str,
    journal: str,
    media: _Media,
    ids: ContentIds,
    options: ReadOptions,
    findings: Findings,
    progress: Progress,
) -> Iterator[Imported]:
    seen = False
    text = text_stream(raw, progress)
    entry_place = translate("Imports", "Entry {number} of {file}")  # once: read for each entry
    try:
        for member in walk(text, arrays=("entries",)):
            if member.key != "entries":
                continue
            seen = True
            if member.index is None:
                if member.value == []:
                    continue
                raise problem(
                    translate("Imports", "In {file}, \u201centries\u201d is not a list."), file=name
                )
            place = entry_place.format(number=member.index + 1, file=name)
            made = _entry(member.value, place, journal, media, ids, options, findings)
            if made is not None:
                yield made
    except JsonError as e:
        raise problem(
            translate(
                "Imports",
                "{file} stops being valid JSON at line {line}, column {column} ({reason}).",
            ),
            file=name,
            line=e.line,
            column=e.column,
            reason=e.reason,
        ) from None
    except UnicodeDecodeError:
        raise not_utf8(name) from None
    if not seen:
        raise problem(
            translate("Imports", "{file} has no list of entries, so it is not a Day One journal."),
            file=name,
        )


def _entry(
    raw: Any,
    place: str,
    journal: str,
    media: _Media,
    ids: ContentIds,
    options: ReadOptions,
    findings: Findings,
) -> Imported | None:
    if not isinstance(raw, dict):
        raise problem(translate("Imports", "{place} is not an entry."), place=place)
    created_text = text_field(raw, "creationDate", place)
    if not created_text:
        raise problem(translate("Imports", "{place} has no \u201ccreationDate\u201d."), place=place)
    created = parse_utc(created_text, place, "creationDate")
    modified_text = text_field(raw, "modifiedDate", place)
    modified = parse_utc(modified_text, place, "modifiedDate") if modified_text else None
    day = local_day(created, zone_named(raw.get("timeZone"), options.zone), place).isoformat()

    photos_raw = raw.get("photos")
    photos_raw = [] if photos_raw is None else photos_raw
    if not isinstance(photos_raw, list) or not all(isinstance(p, dict) for p in photos_raw):
        raise problem(
            translate("Imports", "{place}: \u201cphotos\u201d should be a list."), place=place
        )
    photo_ids = {str(p.get("identifier")) for p in photos_raw if p.get("identifier")}
    text, other = clean_text(text_field(raw, "text", place), photo_ids)
    findings.other_media += other

    extra: list[str] = []
    where = _location_text(raw.get("location"))
    if where:
        findings.with_location += 1
        if options.keep_location:
            extra.append(translate("Imports", "Where: {place}").format(place=where))
    weather = _weather_text(raw.get("weather"))
    if weather:
        findings.with_weather += 1
        if options.keep_weather:
            extra.append(translate("Imports", "Weather: {weather}").format(weather=weather))
    body = "\n\n".join(part for part in (text, "\n".join(extra)) if part)

    tags = list_of_text(raw, "tags", place)
    if raw.get("starred") is True:
        findings.starred += 1
        tags.append(options.starred_tag)
    if journal:
        tags.append(" ".join(journal.split())[:40])
    own_id = text_field(raw, "uuid", place).strip().upper()
    uid = source_uid(SOURCE, own_id) if own_id else ids.uid(created_text, text)

    entry = make_entry(uid, created, day, body, tags, place, options, updated=modified)
    pictures = _pictures(photos_raw, uid, media, findings)
    if is_empty(entry, pictures):
        findings.empty += 1
        return None
    return Imported(entry, place, pictures)


def _pictures(
    photos: list[dict[str, Any]], entry_uid: str, media: _Media, findings: Findings
) -> tuple[PictureFile, ...]:
    def order(item: tuple[int, dict[str, Any]]) -> tuple[int, int]:
        value = item[1].get("orderInEntry")
        return (value if isinstance(value, int) else item[0], item[0])

    kept: list[PictureFile] = []
    for _, photo in sorted(enumerate(photos), key=order):
        md5 = str(photo.get("md5") or "").lower()
        info = media.photos.get(md5) if md5 else None
        if info is None:
            findings.missing_pictures += 1
            continue
        findings.pictures += 1
        own = str(photo.get("identifier") or md5)
        width, height = photo.get("width"), photo.get("height")
        kept.append(
            PictureFile(
                uid=source_uid("dayone-picture", f"{entry_uid}:{own}"),
                read=functools.partial(media.reader, info),
                position=len(kept),
                is_sketch=photo.get("isSketch") is True,
                width=width if isinstance(width, int) and width > 0 else None,
                height=height if isinstance(height, int) and height > 0 else None,
                name=info.filename,
                size=info.file_size,
            )
        )
    return tuple(kept)
