"""Pictures kept with a journal entry (photos brought from Day One or Daylio, sketches drawn
there). They live in the one database file, so a backup, the passphrase and the trash treat
them exactly like the entry they belong to.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.store import limits
from desktop.store.database import Store
from desktop.store.portable import Fields, Links, RecordProblem
from desktop.store.readable import yes_no
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "entry_pictures"
ENTRIES = "entries"

# The first bytes of each kind of picture we keep, and the media type they mean.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def sniff_media_type(data: bytes) -> str | None:
    """The media type the bytes themselves show, or None when they are no picture we know."""
    for signature, offset, media_type in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            if media_type == "image/webp" and data[:4] != b"RIFF":
                continue
            return media_type
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


@dataclass(frozen=True)
class Picture:
    """One picture of an entry. ``position`` orders them; a sketch is marked ``is_sketch``."""

    uid: str
    media_type: str
    data: bytes
    position: int = 0
    is_sketch: bool = False
    width: int | None = None
    height: int | None = None
    added_at: str = ""


def write_pictures(conn: sqlite3.Connection, entry_uid: str, pictures: list[Picture]) -> None:
    """Add pictures to a stored entry, inside the caller's transaction; a picture whose uid is
    kept already is left as it is."""
    if not pictures:
        return
    row = conn.execute("SELECT id FROM entries WHERE uid = ?", (entry_uid,)).fetchone()
    if row is None:
        raise ValueError(f"no entry {entry_uid!r} to keep pictures with")
    conn.executemany(
        "INSERT INTO entry_pictures "
        "(uid, entry_id, position, media_type, width, height, is_sketch, data, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
        [
            (
                p.uid,
                row[0],
                p.position,
                p.media_type,
                p.width,
                p.height,
                int(p.is_sketch),
                p.data,
                p.added_at,
            )
            for p in pictures
        ],
    )


def pictures_of(store: Store, entry_uid: str) -> list[Picture]:
    """The pictures of one entry, in their order (the bytes included: an entry has a few)."""
    rows = store.conn.execute(
        "SELECT p.uid, p.media_type, p.data, p.position, p.is_sketch, p.width, p.height, "
        "p.added_at FROM entry_pictures p JOIN entries e ON e.id = p.entry_id "
        "WHERE e.uid = ? ORDER BY p.position, p.id",
        (entry_uid,),
    ).fetchall()
    return [
        Picture(
            uid=str(uid),
            media_type=str(media_type),
            data=bytes(data),
            position=int(position),
            is_sketch=bool(is_sketch),
            width=None if width is None else int(width),
            height=None if height is None else int(height),
            added_at=str(added_at),
        )
        for uid, media_type, data, position, is_sketch, width, height, added_at in rows
    ]


def count_pictures(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM entry_pictures").fetchone()[0])


# -- export and import: the registry's functions for pictures -----------------------------------

PICTURE_WHERE = QT_TRANSLATE_NOOP("Store", "Picture {number}")


@dataclass(frozen=True)
class EntryPicture:
    """A picture with the entry it belongs to: how pictures travel in the JSON export."""

    entry_uid: str
    picture: Picture
    day: str = ""  # the entry's day, for the readable exports (not exported itself)
    entry_kept: bool = True  # False while the entry is in the trash


def read_pictures(conn: sqlite3.Connection) -> list[EntryPicture]:
    """Every picture, those of entries in the trash too, in the order they were kept."""
    rows = conn.execute(
        "SELECT e.uid, e.day, e.deleted_at IS NULL, p.uid, p.media_type, p.data, p.position, "
        "p.is_sketch, p.width, p.height, p.added_at "
        "FROM entry_pictures p JOIN entries e ON e.id = p.entry_id ORDER BY p.id"
    ).fetchall()
    return [
        EntryPicture(
            entry_uid=str(row[0]),
            day=str(row[1]),
            entry_kept=bool(row[2]),
            picture=Picture(
                uid=str(row[3]),
                media_type=str(row[4]),
                data=bytes(row[5]),
                position=int(row[6]),
                is_sketch=bool(row[7]),
                width=None if row[8] is None else int(row[8]),
                height=None if row[9] is None else int(row[9]),
                added_at=str(row[10]),
            ),
        )
        for row in rows
    ]


def picture_uid(record: EntryPicture) -> str:
    return record.picture.uid


def picture_to_data(record: EntryPicture) -> dict[str, Any]:
    p = record.picture
    return {
        "id": p.uid,
        "entry": record.entry_uid,
        "position": p.position,
        "media_type": p.media_type,
        "width": p.width,
        "height": p.height,
        "is_sketch": p.is_sketch,
        "added_at": p.added_at,
        "data": base64.b64encode(p.data).decode("ascii"),
    }


def picture_from_data(fields: Fields) -> EntryPicture:
    encoded = fields.text("data", limits.PICTURE_BYTES * 4 // 3 + 4)
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise fields.problem(
            translate("Store", "\u201cdata\u201d should be the picture in Base64.")
        ) from None
    return EntryPicture(
        entry_uid=fields.text("entry", limits.UID),
        picture=Picture(
            uid=fields.uid(),
            media_type=fields.text("media_type", limits.MEDIA_TYPE),
            data=data,
            position=fields.whole("position", 0, 1_000_000),
            is_sketch=fields.flag("is_sketch"),
            width=fields.optional_whole("width", 1, 1_000_000),
            height=fields.optional_whole("height", 1, 1_000_000),
            added_at=fields.moment("added_at"),
        ),
    )


def too_large() -> str:
    """Why a picture over the store's limit is refused."""
    return translate(
        "Store", "The picture is larger than Glimmers keeps ({size} MB at most)."
    ).format(size=limits.PICTURE_BYTES // (1024 * 1024))


def check_picture(picture: Picture) -> None:
    """Refuse a picture larger than the store keeps, or with no data or media type."""
    if not picture.data:
        raise ValueError(translate("Store", "The picture is empty."))
    if len(picture.data) > limits.PICTURE_BYTES:
        raise ValueError(too_large())
    limits.check_length(translate("Store", "Media type"), picture.media_type, limits.MEDIA_TYPE)
    if not picture.media_type.strip():
        raise ValueError(translate("Store", "The picture has no media type."))


def check_entry_picture(record: EntryPicture) -> None:
    check_picture(record.picture)


def add_picture(conn: sqlite3.Connection, record: EntryPicture, links: Links) -> bool:
    """Write a checked picture this journal does not have yet, with the entry it belongs to
    (written before it, or kept already), inside the caller's transaction."""
    entry_id = links.row_id(ENTRIES, record.entry_uid)
    if entry_id is None:
        raise RecordProblem(
            translate("Store", "its entry is in neither this file nor your journal.")
        )
    p = record.picture
    conn.execute(
        "INSERT INTO entry_pictures "
        "(uid, entry_id, position, media_type, width, height, is_sketch, data, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (p.uid, entry_id, p.position, p.media_type, p.width, p.height, int(p.is_sketch), p.data,
         p.added_at),
    )  # fmt: skip
    return True


def picture_kept(record: EntryPicture) -> bool:
    return record.entry_kept


def picture_when(record: EntryPicture) -> tuple[str, str]:
    return (record.day, record.picture.added_at)


def picture_markdown(record: EntryPicture) -> list[str]:
    if record.picture.is_sketch:
        return [
            translate("Export", "*(a sketch drawn elsewhere is kept with an entry of this day)*"),
            "",
        ]
    return [translate("Export", "*(a picture is kept with an entry of this day)*"), ""]


PICTURE_CSV_COLUMNS = ("entry", "media_type", "is_sketch")


def picture_csv(record: EntryPicture) -> dict[str, str]:
    p = record.picture
    return {
        "id": p.uid,
        "kind": "picture",
        "day": record.day,
        "created_at": p.added_at,
        "updated_at": p.added_at,
        "entry": record.entry_uid,
        "media_type": p.media_type,
        "is_sketch": yes_no(p.is_sketch),
    }
