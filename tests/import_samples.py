"""Sample files of jrnl, Day One and Daylio exports, written here from the formats' public
descriptions (never copied from anyone's files): every field, odd dates and zones, empty notes,
Unicode, and the traps (Daylio's months from 0 and its PIN, Day One's escapes and media links).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any


def png_bytes(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    """A real, tiny PNG picture."""
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# A JPEG's first bytes, enough for the media type to be known (no viewer decodes these).
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


# -- jrnl -----------------------------------------------------------------------------------------

JRNL_ENTRIES: list[dict[str, Any]] = [
    {
        "title": "Walked down to the river.",
        "body": "The water was loud after the rain. Met @anna on the bridge.",
        "date": "2019-03-01",
        "time": "07:45",
        "tags": ["@anna"],
        "starred": False,
    },
    {
        # No full stop: jrnl split it because the title had its own line.
        "title": "Kettle",
        "body": "Steam on the window, a warm mug in both hands.\n\nSecond paragraph.",
        "date": "2020-02-29",
        "time": "23:59",
        "tags": [],
        "starred": True,
    },
    {
        # Unicode throughout; a time that does not exist in Europe (clocks went forward).
        "title": 'Ünïcödé — 日本語のテキスト 🌿 at the @café, "quoted".',
        "body": "",
        "date": "2021-03-28",
        "time": "02:30",
        "tags": ["@café"],
        "starred": False,
    },
    {"title": "", "body": "", "date": "2021-04-01", "time": "12:00", "tags": [], "starred": False},
    {
        # From a Day One-backed jrnl journal: it has an id of its own.
        "title": "Quiet evening?",
        "body": "Yes, mostly. @home",
        "date": "2024-12-31",
        "time": "18:05",
        "tags": ["@home"],
        "starred": False,
        "uuid": "8E2F1A7C3B5D4E6F8091A2B3C4D5E6F7",
        "creator": {"device_name": "phone", "generation_date": "2024-12-31T18:05:00Z"},
    },
]


def jrnl_json(path: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    entries = JRNL_ENTRIES if entries is None else entries
    tags: dict[str, int] = {}
    for entry in entries:
        for tag in entry.get("tags", []):
            tags[tag] = tags.get(tag, 0) + 1
    path.write_text(
        json.dumps({"tags": tags, "entries": entries}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    return path


def jrnl_text(path: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    """jrnl's own journal file: ``[date time] title`` (`` *`` when starred), body lines,
    a blank line between entries."""
    entries = JRNL_ENTRIES if entries is None else entries
    parts = []
    for e in entries:
        line = f"[{e['date']} {e['time']}] {e['title']}" + (" *" if e.get("starred") else "")
        parts.append(line.rstrip() + ("\n" + e["body"] if e["body"] else "") + "\n")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


# -- Day One --------------------------------------------------------------------------------------

PHOTO = png_bytes(6, 4, (90, 140, 200))
SKETCH = png_bytes(5, 5, (20, 20, 20))
PHOTO_MD5 = hashlib.md5(PHOTO).hexdigest()
SKETCH_MD5 = hashlib.md5(SKETCH).hexdigest()
JPEG_MD5 = hashlib.md5(JPEG_BYTES).hexdigest()
MISSING_MD5 = "0" * 32


def dayone_entries() -> list[dict[str, Any]]:
    return [
        {
            "uuid": "A1B2C3D4E5F60718293A4B5C6D7E8F90",
            "creationDate": "2018-12-10T16:56:18Z",  # already the 11th in Auckland
            "modifiedDate": "2018-12-11T08:00:00Z",
            "timeZone": "Pacific/Auckland",
            "text": (
                "# Morning tea\n\nTea at 5\\. Felt \\(mostly\\) calm\\! A list:\n\n\\- not a "
                "bullet\n\n![](dayone-moment://PHOTO-1)\n\n![](dayone-moment://SKETCH-1)\n\n"
                "![](dayone-moment:/video/VIDEO-1)\n\nBack\\\\slash and 1\\.5 cups\\."
            ),
            "richText": json.dumps({"contents": [{"text": "Morning tea"}]}),
            "tags": ["tea", "Morning Light"],
            "starred": True,
            "isPinned": True,
            "isAllDay": False,
            "duration": 0,
            "creationDevice": "Someone's phone",
            "location": {
                "latitude": -36.8485,
                "longitude": 174.7633,
                "placeName": "Small café",
                "localityName": "Auckland",
                "administrativeArea": "Auckland",
                "country": "New Zealand",
            },
            "weather": {"temperatureCelsius": 18.6, "conditionsDescription": "Light rain"},
            "photos": [
                {
                    "identifier": "SKETCH-1",
                    "md5": SKETCH_MD5,
                    "type": "png",
                    "orderInEntry": 1,
                    "width": 5,
                    "height": 5,
                    "isSketch": True,
                },
                {
                    "identifier": "PHOTO-1",
                    "md5": PHOTO_MD5,
                    "type": "png",
                    "orderInEntry": 0,
                    "width": 6,
                    "height": 4,
                },
                {"identifier": "GONE-1", "md5": MISSING_MD5, "type": "jpeg", "orderInEntry": 2},
            ],
        },
        {
            # New Year's Eve in Los Angeles is already 1 January in UTC.
            "uuid": "B1B2C3D4E5F60718293A4B5C6D7E8F91",
            "creationDate": "2019-01-01T03:00:00Z",
            "timeZone": "America/Los_Angeles",
            "text": "Fireworks far off, a blanket round my shoulders. Ünïcödé 🌙",
            "tags": [],
            "starred": False,
        },
        {
            # The smallest valid entry: text and creationDate. An old-style photo link.
            "creationDate": "2020-06-15T12:30:00.250Z",
            "text": "Only the basics.\n\n![](dayone-moment:/photo/OLD-1)",
            "photos": [{"identifier": "OLD-1", "md5": JPEG_MD5, "type": "jpeg"}],
        },
        {
            "uuid": "C1B2C3D4E5F60718293A4B5C6D7E8F92",
            "creationDate": "2021-07-04T09:00:00Z",
            "timeZone": "Mars/Olympus_Mons",  # a zone no one knows: this computer's is used
            "text": "",
            "tags": ["empty note"],
        },
        {
            "uuid": "D1B2C3D4E5F60718293A4B5C6D7E8F93",
            "creationDate": "2022-01-01T00:00:00Z",
            "timeZone": "UTC",
            "text": "",
        },
    ]


def dayone_zip(
    path: Path,
    journals: dict[str, list[dict[str, Any]]] | None = None,
    media: bool = True,
) -> Path:
    journals = {"Journal": dayone_entries()} if journals is None else journals
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, entries in journals.items():
            document = {"metadata": {"version": "1.0"}, "entries": entries}
            archive.writestr(f"{name}.json", json.dumps(document, ensure_ascii=False, indent=2))
        if media:
            archive.writestr(f"photos/{PHOTO_MD5}.png", PHOTO)
            archive.writestr(f"photos/{SKETCH_MD5}.png", SKETCH)
            archive.writestr(f"photos/{JPEG_MD5}.jpeg", JPEG_BYTES)
            archive.writestr("videos/" + "1" * 32 + ".mov", b"not really a video")
    return path


# -- Daylio ---------------------------------------------------------------------------------------

DAYLIO_HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
DAYLIO_ROWS = [  # newest first, as Daylio writes them
    [
        "2025-06-01",
        "June 1",
        "Sunday",
        "10:00 pm",
        "rad",
        "friends | walk | 🌿 garden",
        "A good day",
        "<b>Sun</b> on the <i>balcony</i><br>and tea, with &quot;honey&quot; &amp; lemon",
    ],
    ["2025-05-31", "May 31", "Saturday", "7:05 am", "meh ", "", "", ""],
    [
        "2024-03-31",
        "March 31",
        "Sunday",
        "02:30",
        "awful",
        "",
        "",
        "<ul><li>one</li><li>two</li></ul>",
    ],
    [
        "2024-02-29",
        "February 29",
        "Thursday",
        "23:59",
        "sleepy",
        "reading",
        "",
        "I <3 this, honestly",
    ],
    ["2023-12-31", "December 31", "Sunday", "12:00 a.m.", "good", "", "Title only", ""],
    [
        "2023-01-01",
        "January 1",
        "Sunday",
        "12:30 pm",
        "bad",
        "",
        "",
        "Line one\nLine two, with, commas",
    ],
    ["2022-06-01", "June 1", "Wednesday", "09:00", "", "", "", ""],
]


def daylio_csv(path: Path, rows: list[list[str]] | None = None) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DAYLIO_HEADER)
    writer.writerows(DAYLIO_ROWS if rows is None else rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def daylio_old_csv(path: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "date", "weekday", "time", "mood", "activities", "note"])
    writer.writerow(["2017", "Mar 5", "Sunday", "8:15 pm", "good", "walk", "old format"])
    writer.writerow(["2016", "29 February", "Monday", "07:00", "rad", "", ""])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


DAYLIO_PHOTO = png_bytes(3, 3, (240, 200, 60))
DAYLIO_CHECKSUM = hashlib.sha1(DAYLIO_PHOTO).hexdigest()


def _millis(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def daylio_entry(
    entry_id: int,
    local: dt.datetime,
    offset_hours: float,
    mood: int,
    note: str = "",
    title: str = "",
    tags: list[int] | None = None,
    assets: list[int] | None = None,
) -> dict[str, Any]:
    offset = dt.timedelta(hours=offset_hours)
    moment = local.replace(tzinfo=dt.timezone(offset))
    return {
        "id": entry_id,
        "minute": local.minute,
        "hour": local.hour,
        "day": local.day,
        "month": local.month - 1,  # Daylio counts months from 0
        "year": local.year,
        "datetime": _millis(moment),
        "timeZoneOffset": int(offset.total_seconds() * 1000),
        "mood": mood,
        "note": note,
        "note_title": title,
        "tags": tags or [],
        "assets": assets or [],
    }


def daylio_document(pin: str = "1234", moods_first: bool = True) -> dict[str, Any]:
    moods = [
        {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
        {"id": 2, "custom_name": "", "mood_group_id": 2, "predefined_name_id": 2},
        {"id": 3, "custom_name": "", "mood_group_id": 3, "predefined_name_id": 3},
        {"id": 4, "custom_name": "", "mood_group_id": 4, "predefined_name_id": 4},
        {"id": 5, "custom_name": "", "mood_group_id": 5, "predefined_name_id": 5},
        {"id": 6, "custom_name": "content ", "mood_group_id": 2, "predefined_name_id": -1},
    ]
    tags = [{"id": 1, "name": "walk"}, {"id": 2, "name": "Friends"}, {"id": 3, "name": "🌿 garden"}]
    entries = [
        daylio_entry(
            101,
            dt.datetime(2025, 6, 1, 22, 0),
            2,
            1,
            note="<p>Sun on the balcony</p><p>and tea</p>",
            title="A good day",
            tags=[1, 2, 3],
            assets=[7],
        ),
        # 31 December: month 11 in the file, the trap of months counted from 0.
        daylio_entry(102, dt.datetime(2024, 12, 31, 23, 30), -5, 6, note="Last night of the year"),
        daylio_entry(103, dt.datetime(2024, 1, 1, 0, 15), 5.5, 5),
        daylio_entry(104, dt.datetime(2023, 3, 26, 2, 30), 1, 3, note="", tags=[9]),
    ]
    document: dict[str, Any] = {"version": 15, "pin": pin}
    lookups = {
        "customMoods": moods,
        "tags": tags,
        "assets": [{"id": 7, "checksum": DAYLIO_CHECKSUM, "type": 1, "createdAt": 0}],
    }
    if moods_first:
        document |= lookups
        document["dayEntries"] = entries
    else:
        document["dayEntries"] = entries
        document |= lookups
    document["goals"] = [{"id": 1, "name": "read"}]
    return document


def daylio_backup(path: Path, document: dict[str, Any] | None = None) -> Path:
    document = daylio_document() if document is None else document
    encoded = base64.encodebytes(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("backup.daylio", encoded)
        archive.writestr(f"assets/photos/2025/5/{DAYLIO_CHECKSUM}", DAYLIO_PHOTO)
    return path
