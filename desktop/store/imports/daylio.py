"""Daylio: its CSV export and its ``.daylio`` backup (a ZIP holding Base64-encoded JSON and
the photos).

A mood becomes how pleasant the entry felt (Daylio has no energy axis); activities become tags;
a note's title and the note are joined and their bits of HTML turned into plain text. In the
backup, months count from 0. The backup also holds the person's Daylio PIN in plain text: it is
never read into anything but the fact that it is there, so the person can be told.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.store import limits
from desktop.store.imports.jsonstream import JsonError, Member, walk
from desktop.store.imports.records import (
    MAX_LINE,
    Base64Decoded,
    ContentIds,
    Counted,
    Findings,
    Imported,
    ImportProblem,
    PictureFile,
    Progress,
    ReadOptions,
    aware,
    bounded_lines,
    decoded_text,
    html_to_text,
    is_empty,
    local_day,
    make_entry,
    not_utf8,
    problem,
    source_uid,
    storable,
    text_stream,
    tidy,
)
from desktop.texts import translate

SOURCE = "daylio"
BACKUP_MEMBER = "backup.daylio"
NEW_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
OLD_COLUMNS = ("year", "date", "weekday", "time", "mood", "activities", "note")

# Daylio's five mood groups, best to worst, as pleasantness from -1 to 1.
GROUP_PLEASANTNESS = {1: 1.0, 2: 0.5, 3: 0.0, 4: -0.5, 5: -1.0}
PREDEFINED = {"rad": 1, "good": 2, "meh": 3, "bad": 4, "awful": 5}

_CLOCK = re.compile(r"(\d{1,2})\s*[:.h]\s*(\d{2})")
_AFTERNOON = ("pm", "p.m.", "p. m.", "下午", "오후", "午後", "nachm.")
_MORNING = ("am", "a.m.", "a. m.", "上午", "오전", "午前", "vorm.")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_WORD_AND_NUMBER = re.compile(
    r"^\s*([^\W\d_]+)\.?\s+(\d{1,2})\s*$|^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?\s*$"
)


def pleasantness_of_label(label: str) -> float | None:
    group = PREDEFINED.get(label.strip().lower())
    return None if group is None else GROUP_PLEASANTNESS[group]


def parse_clock(text: str) -> tuple[int, int] | None:
    """Hour and minute from Daylio's time column, which follows the phone's locale:
    "22:05", "10:05 pm", "10.05 p.m.", "오후 10:05"."""
    match = _CLOCK.search(text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    lower = text.lower()
    if any(mark in lower for mark in _AFTERNOON):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + 12
    elif any(mark in lower for mark in _MORNING):
        if not 1 <= hour <= 12:
            return None
        hour %= 12
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def join_note(title: str, note: str) -> str:
    title, note = tidy(html_to_text(title)), tidy(html_to_text(note))
    return "\n".join(part for part in (title, note) if part)


# -- the CSV export -------------------------------------------------------------------------------


class _RowLines:
    """The lines of a file, remembering those the CSV reader took for the row it is on."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _RowLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line


# Possessive: a doubled quote is never taken for the closing one and the character after it.
_QUOTED = re.compile(r'"((?:[^"]++|"")*+)"')


def _split_row(text: str) -> list[str] | None:
    """One CSV row's fields as the csv module reads them (commas, double quotes, quotes
    doubled inside them); None when a quoted field has not ended yet."""
    fields: list[str] = []
    pos = 0
    while True:
        value = ""
        if text.startswith('"', pos):
            quoted = _QUOTED.match(text, pos)
            if quoted is None:
                return None
            value, pos = quoted[1].replace('""', '"'), quoted.end()
        comma = text.find(",", pos)
        end = len(text) if comma < 0 else comma
        fields.append(value + text[pos:end])  # text after a closing quote is kept, as csv does
        if comma < 0:
            return fields
        pos = comma + 1


def _long_row(lines: _RowLines, limit: int, number: int) -> list[str]:
    """The row the csv module stopped reading for a field longer than its limit (131,072
    characters, shared by every reader in the program): read here instead, to its end."""
    parts = list(lines.taken)
    size = sum(map(len, parts))
    quotes = sum(part.count('"') for part in parts)
    while True:
        # A row can only end where its quotes are paired: split it only there.
        if quotes % 2 == 0:
            fields = _split_row("".join(parts).rstrip("\r\n"))
            if fields is not None:
                return fields
        if size > limit:
            raise problem(
                translate(
                    "Imports",
                    "{place} goes on for more than {limit} characters, more than an entry can "
                    "hold.",
                ),
                place=translate("Imports", "Row {number}").format(number=number),
                limit=f"{limits.TEXT:,}",
            )
        try:
            line = next(lines)
        except StopIteration:
            raise csv.Error("unexpected end of data") from None
        parts.append(line)
        size += len(line)
        quotes += line.count('"')


def csv_rows(lines: Iterator[str], limit: int = MAX_LINE) -> Iterator[list[str]]:
    """The rows of a CSV file, as ``csv.reader`` reads them, but with fields of any length up
    to ``limit`` characters in all: a note may hold more than the csv module's limit for one
    field, which is left as it is for the rest of the program."""
    source = _RowLines(lines)
    reader = csv.reader(source)
    for number in itertools.count(1):
        source.taken = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if "field limit" not in str(e):
                raise
            row = _long_row(source, limit, number)
            reader = csv.reader(source)  # on from the next row
        yield row


def read_csv(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """The entries of a Daylio CSV export (newest first, as Daylio writes it)."""
    progress.total = path.stat().st_size
    ids = ContentIds(SOURCE)
    with path.open("rb") as raw:
        text = text_stream(raw, progress, newline="")
        try:
            rows = csv_rows(bounded_lines(text))
            header = next(rows, None)
            columns = tuple(c.strip().lower() for c in header or ())
            if columns not in (NEW_COLUMNS, OLD_COLUMNS):
                raise problem(
                    translate(
                        "Imports",
                        "The first row of this CSV file does not name Daylio's columns "
                        "(full_date, date, weekday, time, mood, activities, note_title, note), "
                        "so it is not a Daylio export.",
                    )
                )
            row_place = translate("Imports", "Row {number}")  # once: read for every row
            for number, row in enumerate(rows, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                place = row_place.format(number=number)
                if len(row) != len(columns):
                    raise problem(
                        translate(
                            "Imports",
                            "{place} has {count} columns; the rows of this export have {expected}.",
                        ),
                        place=place,
                        count=len(row),
                        expected=len(columns),
                    )
                made = _csv_entry(
                    dict(zip(columns, row, strict=True)), place, ids, options, findings
                )
                if made is not None:
                    yield made
        except csv.Error as e:
            raise problem(
                translate("Imports", "This CSV file cannot be read: {reason}."), reason=e
            ) from None
        except UnicodeDecodeError:
            raise not_utf8(path.name) from None


def _csv_day(row: dict[str, str], place: str) -> dt.date:
    try:
        if "full_date" in row:
            return dt.date.fromisoformat(row["full_date"].strip())
        match = _WORD_AND_NUMBER.match(row["date"])
        if match is None:
            raise ValueError(row["date"])
        word, number = (match[1], match[2]) if match[1] else (match[4], match[3])
        month = _MONTHS.get(word.lower())
        if month is None:
            raise ValueError(word)
        return dt.date(int(row["year"].strip()), month, int(number))
    except ValueError:
        value = row.get("full_date") or f"{row.get('date', '')} {row.get('year', '')}"
        raise problem(
            translate("Imports", "{place}: \u201c{value}\u201d is not a date Glimmers can read."),
            place=place,
            value=value,
        ) from None


def _csv_entry(
    row: dict[str, str], place: str, ids: ContentIds, options: ReadOptions, findings: Findings
) -> Imported | None:
    day = _csv_day(row, place)
    clock = parse_clock(row["time"])
    if clock is None:
        raise problem(
            translate(
                "Imports", "{place}: \u201c{value}\u201d is not a time of day Glimmers can read."
            ),
            place=place,
            value=row["time"],
        )
    local = dt.datetime(day.year, day.month, day.day, *clock)
    label = row["mood"].strip()
    pleasantness = pleasantness_of_label(label) if label else None
    if label and pleasantness is None:
        findings.unknown_moods.add(label)
    activities = [a.strip() for a in row["activities"].split(" | ") if a.strip()]
    body = join_note(row.get("note_title", ""), row["note"])
    uid = ids.uid(local.isoformat(timespec="minutes"), label, row["activities"], body)
    entry = make_entry(
        uid,
        aware(local, options.zone, place),
        day.isoformat(),
        body,
        activities,
        place,
        options,
        pleasantness=pleasantness,
    )
    if is_empty(entry):
        findings.empty += 1
        return None
    return Imported(entry, place)


# -- the backup -----------------------------------------------------------------------------------


class _Lookups:
    """What the backup says about moods, activities and photos, for reading its entries."""

    def __init__(self) -> None:
        self.moods: dict[int, tuple[float | None, str]] = {
            group: (GROUP_PLEASANTNESS[group], name)
            for name, group in PREDEFINED.items()  # the ids of Daylio's own five moods
        }
        self.tags: dict[int, str] = {}
        self.assets: dict[int, str] = {}  # asset id: checksum (the photo's file name)
        self.seen: set[str] = set()
        self.entry_place = translate("Imports", "Entry {number}")  # once: read for each entry

    def ready_for(self, entry: Any) -> bool:
        """Whether an entry can be read now. Backups list the photos ("assets") after the
        entries: an entry without photos needs only the moods and activities."""
        if not {"customMoods", "tags"} <= self.seen:
            return False
        return "assets" in self.seen or not (isinstance(entry, dict) and entry.get("assets"))

    def take(self, key: str, value: Any) -> None:
        if key not in ("customMoods", "tags", "assets"):
            return
        self.seen.add(key)
        if not isinstance(value, list):
            raise problem(
                translate("Imports", "In this Daylio backup, \u201c{field}\u201d is not a list."),
                field=key,
            )
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("id"), int):
                continue
            if key == "customMoods":
                group = item.get("mood_group_id")
                if not isinstance(group, int) or group not in GROUP_PLEASANTNESS:
                    group = item.get("predefined_name_id")
                name = item.get("custom_name")
                label = storable(name.strip()) if isinstance(name, str) else ""  # it is shown
                self.moods[item["id"]] = (GROUP_PLEASANTNESS.get(group), label)  # type: ignore[arg-type]
            elif key == "tags" and isinstance(item.get("name"), str):
                self.tags[item["id"]] = item["name"]
            elif key == "assets" and isinstance(item.get("checksum"), str):
                self.assets[item["id"]] = item["checksum"]


def _backup_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    for info in archive.infolist():
        if PurePosixPath(info.filename).name == BACKUP_MEMBER and not info.is_dir():
            return info
    return None


def read_backup(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """The entries of a Daylio backup, each with its photos. Memory stays flat: the JSON is
    decoded from Base64 and read entry by entry, in the file's order. An entry that needs what
    the backup lists after the entries (the moods, or the photos, which Daylio itself lists
    last) is read again, with every entry after it, once all of it is known."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise problem(
            translate("Imports", "{file} is not a Daylio backup Glimmers can open ({reason})."),
            file=path.name,
            reason=e,
        ) from None
    with archive:
        info = _backup_member(archive)
        if info is None:
            raise problem(
                translate(
                    "Imports", "This ZIP file holds no {member}, so it is not a Daylio backup."
                ),
                member=BACKUP_MEMBER,
            )
        photos = {
            PurePosixPath(i.filename).name: i
            for i in archive.infolist()
            if not i.is_dir() and PurePosixPath(i.filename).parts[:1] == ("assets",)
        }
        progress.total = info.file_size
        lookups = _Lookups()
        ids = ContentIds(SOURCE)
        resume: int | None = None  # the first entry read again, once the lookups are known
        seen_entries = False
        for member in _members(archive, info, progress):
            if member.key == "dayEntries":
                seen_entries = True
                if member.index is None:
                    if member.value == []:
                        continue
                    raise problem(
                        translate(
                            "Imports",
                            "In this Daylio backup, \u201cdayEntries\u201d is not a list.",
                        )
                    )
                if resume is None and not lookups.ready_for(member.value):
                    resume = member.index  # what it needs comes later: read it again then
                if resume is not None:
                    continue
                made = _backup_entry(member, lookups, archive, photos, ids, options, findings)
                if made is not None:
                    yield made
            elif member.key == "pin":
                findings.has_pin = bool(member.value not in (None, "", 0))
            else:
                lookups.take(member.key, member.value)
        if not seen_entries:
            raise problem(
                translate(
                    "Imports", "This Daylio backup has no list of entries (\u201cdayEntries\u201d)."
                )
            )
        if resume is not None:
            progress.total += info.file_size
            for member in _members(archive, info, progress):
                if (
                    member.key == "dayEntries"
                    and member.index is not None
                    and member.index >= resume
                ):
                    made = _backup_entry(member, lookups, archive, photos, ids, options, findings)
                    if made is not None:
                        yield made


def _members(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, progress: Progress
) -> Iterator[Member]:
    try:
        with archive.open(info) as head:
            start = head.read(64).lstrip()
        with archive.open(info) as raw:
            counted = Counted(raw, progress)
            # Older backups may keep the JSON as it is; newer ones encode it in Base64.
            source = counted if start[:1] == b"{" else Base64Decoded(counted)
            text = decoded_text(source)
            yield from walk(text, arrays=("dayEntries",))
    except JsonError as e:
        raise problem(
            translate(
                "Imports",
                "The backup's data stops being valid JSON at line {line}, column {column} "
                "({reason}).",
            ),
            line=e.line,
            column=e.column,
            reason=e.reason,
        ) from None
    except ImportProblem:
        raise
    except UnicodeDecodeError:
        raise not_utf8(BACKUP_MEMBER) from None
    except ValueError as e:  # Base64 that does not decode
        raise problem(
            translate("Imports", "The backup's data cannot be decoded: {reason}."), reason=e
        ) from None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as e:
        raise problem(
            translate("Imports", "The backup's data cannot be read ({reason})."), reason=e
        ) from None


def _int(raw: dict[str, Any], key: str) -> int | None:
    value = raw.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _backup_entry(
    member: Member,
    lookups: _Lookups,
    archive: zipfile.ZipFile,
    photos: dict[str, zipfile.ZipInfo],
    ids: ContentIds,
    options: ReadOptions,
    findings: Findings,
) -> Imported | None:
    raw = member.value
    place = lookups.entry_place.format(number=(member.index or 0) + 1)
    if not isinstance(raw, dict):
        raise problem(translate("Imports", "{place} is not an entry."), place=place)
    stamp = _int(raw, "datetime")
    offset = dt.timedelta(milliseconds=_int(raw, "timeZoneOffset") or 0)
    zone = dt.timezone(offset) if abs(offset) < dt.timedelta(hours=24) else dt.timezone.utc
    fields = [_int(raw, k) for k in ("year", "month", "day", "hour", "minute")]
    if stamp is None and None in fields:
        raise problem(
            translate("Imports", "{place} has no date (\u201cdatetime\u201d)."), place=place
        )
    try:
        if stamp is not None:
            moment = _EPOCH + dt.timedelta(milliseconds=stamp)
        else:
            year, month, day, hour, minute = (int(f or 0) for f in fields)
            moment = dt.datetime(year, month + 1, day, hour, minute, tzinfo=zone)
    except (OverflowError, ValueError):
        raise problem(
            translate("Imports", "{place} has a date Glimmers cannot read."), place=place
        ) from None
    y, m, d = fields[0], fields[1], fields[2]
    if y is not None and m is not None and d is not None:
        try:
            the_day = dt.date(y, m + 1, d)  # Daylio counts months from 0
        except ValueError:
            raise problem(
                translate(
                    "Imports",
                    "{place}: year {year}, month {month}, day {day} is not a date (Daylio counts "
                    "months from 0, so January is 0 and December 11).",
                ),
                place=place,
                year=y,
                month=m,
                day=d,
            ) from None
    else:
        the_day = local_day(moment, zone, place)

    pleasantness: float | None = None
    mood = _int(raw, "mood")
    if mood is not None:
        known = lookups.moods.get(mood)
        if known is None or known[0] is None:
            findings.unknown_moods.add(known[1] if known and known[1] else f"#{mood}")
        else:
            pleasantness = known[0]
    tag_ids = raw.get("tags") or []
    tags = (
        [lookups.tags[t] for t in tag_ids if isinstance(t, int) and t in lookups.tags]
        if isinstance(tag_ids, list)
        else []
    )
    note = raw.get("note")
    title = raw.get("note_title")
    body = join_note(title if isinstance(title, str) else "", note if isinstance(note, str) else "")
    own = _int(raw, "id")
    uid = (
        source_uid(SOURCE, f"{own}:{stamp}")
        if own is not None
        else ids.uid(moment.isoformat(), str(mood), body)
    )
    entry = make_entry(
        uid, moment, the_day.isoformat(), body, tags, place, options, pleasantness=pleasantness
    )
    pictures = _pictures(raw.get("assets"), uid, lookups, archive, photos, findings)
    if is_empty(entry, pictures):
        findings.empty += 1
        return None
    return Imported(entry, place, pictures)


def _read_photo(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as e:
        raise problem(
            translate("Imports", "The picture {name} in this backup cannot be read ({reason})."),
            name=info.filename,
            reason=e,
        ) from None


def _pictures(
    asset_ids: Any,
    entry_uid: str,
    lookups: _Lookups,
    archive: zipfile.ZipFile,
    photos: dict[str, zipfile.ZipInfo],
    findings: Findings,
) -> tuple[PictureFile, ...]:
    if not isinstance(asset_ids, list):
        return ()
    kept: list[PictureFile] = []
    for asset in asset_ids:
        checksum = lookups.assets.get(asset) if isinstance(asset, int) else None
        info = photos.get(checksum) if checksum else None
        if info is None:
            findings.missing_pictures += 1
            continue
        findings.pictures += 1
        kept.append(
            PictureFile(
                uid=source_uid("daylio-picture", f"{entry_uid}:{checksum}"),
                read=functools.partial(_read_photo, archive, info),
                position=len(kept),
                name=info.filename,
                size=info.file_size,
            )
        )
    return tuple(kept)
