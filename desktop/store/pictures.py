"""Pictures kept with a journal entry (photos brought from Day One or Daylio, sketches drawn
there). They live in the one database file, so a backup, the passphrase and the trash treat
them exactly like the entry they belong to.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop.store.database import Store

TABLE = "entry_pictures"
MAX_PICTURE_BYTES = 64 * 1024 * 1024

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
