"""The music library and body-response check-ins, as stored (the before/after taps are in
desktop/store/moods.py). No Qt."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clock import stamp, today
from desktop.store import limits
from desktop.store.database import Store, newest_first, search_text_page
from desktop.store.items import Query, SearchPage, TimelineItem, found_rows
from desktop.store.journal import new_uid
from desktop.store.portable import Fields, Links, RecordProblem
from desktop.store.readable import (
    feelings_cell,
    feelings_words,
    heading,
    number_cell,
    yes_no,
)
from desktop.store.records import Feeling, feelings_from_json, feelings_to_data, feelings_to_json
from desktop.texts import QT_TRANSLATE_NOOP, translate

TRACKS = "tracks"
CHECKINS = "body_checkins"
STRENGTHS = ("faint", "clear", "strong")


@dataclass(frozen=True)
class TrackInfo:
    """What a scan found in one file."""

    path: str
    title: str
    artist: str = ""
    album: str = ""
    duration: float | None = None
    track_number: int = 0  # its place on the album, 0 when the file does not say
    disc_number: int = 0


TrackOrder = tuple[str, int, int, str, int]  # album, disc, track, title, id: the library's order


def file_name(path: str) -> str:
    """The last part of a path, whichever way its folders are separated."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Track(TrackInfo):
    id: int = 0
    missing: bool = False
    uid: str = ""  # set when read for export or from a file
    added_at: str = ""

    @property
    def order(self) -> TrackOrder:
        """Where it sits in the library: by album, its discs and track numbers in order."""
        return (self.album, self.disc_number, self.track_number, self.title, self.id)


def check_track(info: TrackInfo) -> None:
    """Refuse a track whose path or tags are longer than the store keeps."""
    if not info.path:
        raise ValueError(translate("Store", "A track needs the path of its file."))
    limits.check_length(translate("Store", "Path"), info.path, limits.PATH)
    for label, text in (
        (translate("Store", "Title"), info.title),
        (translate("Store", "Artist"), info.artist),
        (translate("Store", "Album"), info.album),
    ):
        try:
            limits.check_length(label, text, limits.TRACK_TEXT)
        except ValueError as e:
            raise ValueError(f"{info.path}: {e}") from None


def add_tracks(store: Store, infos: Iterable[TrackInfo]) -> int:
    """Add files, or refresh the tags of ones already there. Returns how many were new."""
    added_at = store.wall.now().isoformat(timespec="seconds")
    infos = list(infos)
    for info in infos:
        check_track(info)
    rows = [
        (
            i.path,
            i.title,
            i.artist,
            i.album,
            i.duration,
            added_at,
            i.track_number,
            i.disc_number,
            file_name(i.path),
        )
        for i in infos
    ]
    if not rows:
        return 0
    with store.transaction(TRACKS) as conn:
        known = conn.execute("SELECT COUNT(*) FROM tracks").fetchone()[0]
        conn.executemany(
            "INSERT INTO tracks (path, title, artist, album, duration, added_at, track_number, "
            "disc_number, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET title = excluded.title, "
            "artist = excluded.artist, album = excluded.album, duration = excluded.duration, "
            "track_number = excluded.track_number, disc_number = excluded.disc_number, "
            "missing = 0",
            rows,
        )
        return int(conn.execute("SELECT COUNT(*) FROM tracks").fetchone()[0] - known)


_TRACK_COLUMNS = "id, path, title, artist, album, duration, missing, track_number, disc_number"


def _track(row: Sequence[Any]) -> Track:
    return Track(
        id=row[0],
        path=row[1],
        title=row[2],
        artist=row[3],
        album=row[4],
        duration=row[5],
        missing=bool(row[6]),
        track_number=row[7],
        disc_number=row[8],
    )


def _filter_sql(text: str) -> tuple[str, list[Any]]:
    """Every word must appear in the title, artist, album or the file's name (LIKE, with "!"
    as the escape): a file whose tags say something else is still found by its name."""
    parts = []
    params: list[Any] = []
    for word in text.split():
        like = "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
        parts.append(
            "(title LIKE ? ESCAPE '!' OR artist LIKE ? ESCAPE '!' OR album LIKE ? ESCAPE '!' "
            "OR file_name LIKE ? ESCAPE '!')"
        )
        params += [like, like, like, like]
    return " AND ".join(parts), params


def tracks_page(
    store: Store,
    text: str = "",
    after: TrackOrder | None = None,
    limit: int = 100,
) -> list[Track]:
    """Tracks in the library's order (``Track.order``: by album, in its own order; keyset
    paging after ``after``), whose title, artist, album or file name has every word."""
    where, params = _filter_sql(text)
    clauses = [where] if where else []
    if after is not None:
        clauses.append(
            "(album COLLATE NOCASE, disc_number, track_number, title COLLATE NOCASE, id) "
            "> (?, ?, ?, ?, ?)"
        )
        params += list(after)
    sql = f"SELECT {_TRACK_COLUMNS} FROM tracks"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += (
        " ORDER BY album COLLATE NOCASE, disc_number, track_number, title COLLATE NOCASE, id"
        " LIMIT ?"
    )
    return [_track(r) for r in store.conn.execute(sql, [*params, limit])]


def count_tracks(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM tracks").fetchone()[0])


def get_track(store: Store, track_id: int) -> Track | None:
    row = store.conn.execute(
        f"SELECT {_TRACK_COLUMNS} FROM tracks WHERE id = ?", (track_id,)
    ).fetchone()
    return _track(row) if row else None


def refresh_missing(store: Store, exists: Callable[[str], bool] = os.path.exists) -> int:
    """Mark tracks whose files are gone, unmark ones that came back; return how many are gone."""
    rows = store.conn.execute("SELECT id, path, missing FROM tracks").fetchall()
    changes = [(0 if exists(path) else 1, track_id) for track_id, path, missing in rows]
    changed = [(m, i) for (m, i), row in zip(changes, rows, strict=True) if m != row[2]]
    if changed:
        with store.transaction(TRACKS) as conn:
            conn.executemany("UPDATE tracks SET missing = ? WHERE id = ?", changed)
    return sum(m for m, _ in changes)


def mark_missing(store: Store, track_id: int, missing: bool = True) -> None:
    with store.transaction(TRACKS) as conn:
        conn.execute("UPDATE tracks SET missing = ? WHERE id = ?", (int(missing), track_id))


# -- check-ins ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyMark:
    """Something felt in one region of the body."""

    region: str
    qualities: tuple[str, ...] = ()
    strength: str = "clear"

    def __post_init__(self) -> None:
        if self.strength not in STRENGTHS:
            raise ValueError(f"strength is faint, clear or strong, not {self.strength!r}")


STRENGTH_WORDS = {  # after what was felt: "warm and open, felt clearly"
    "faint": QT_TRANSLATE_NOOP("Store", "felt faintly"),
    "clear": QT_TRANSLATE_NOOP("Store", "felt clearly"),
    "strong": QT_TRANSLATE_NOOP("Store", "felt strongly"),
}


def _and(words: Sequence[str]) -> str:
    """ "warm", "warm and open", "warm, open and heavy"."""
    if len(words) < 2:
        return "".join(words)
    return translate("Store", "{some} and {last}").format(
        some=", ".join(words[:-1]), last=words[-1]
    )


@dataclass(frozen=True)
class CheckIn:
    track_id: int | None
    track_title: str
    position_ms: int | None
    marks: tuple[BodyMark, ...] = ()
    feelings: tuple[Feeling, ...] = ()
    note: str = ""
    nothing_concrete: bool = False
    uid: str = field(default_factory=new_uid)
    day: str = ""
    created_at: str = ""
    deleted_at: str | None = None
    track_uid: str | None = None  # its track's uid, when read for export or from a file

    def summary(self, region_labels: dict[str, str] | None = None) -> str:
        if self.nothing_concrete:
            return translate("Store", "Nothing concrete, I just listened")
        labels = region_labels or {}
        parts = []
        for mark in self.marks:
            where = labels.get(mark.region, mark.region.replace("_", " "))
            how = translate("Store", STRENGTH_WORDS.get(mark.strength, mark.strength))
            if mark.qualities:
                felt = translate("Store", "{place}: {qualities}, {how}").format(
                    place=where, qualities=_and(mark.qualities), how=how
                )
            else:
                felt = translate("Store", "{place}: {how}").format(place=where, how=how)
            parts.append(felt)
        text = "; ".join(parts)
        if self.note.strip():
            text = f"{text}. {self.note.strip()}" if text else self.note.strip()
        return text or translate("Store", "A check-in")


def _marks_json(marks: Sequence[BodyMark]) -> str:
    return json.dumps(
        [
            {"region": m.region, "qualities": list(m.qualities), "strength": m.strength}
            for m in marks
        ]
    )


def _marks_from_json(text: str) -> tuple[BodyMark, ...]:
    return tuple(
        BodyMark(d["region"], tuple(d.get("qualities", ())), d.get("strength", "clear"))
        for d in json.loads(text or "[]")
    )


def check_checkin(checkin: CheckIn) -> None:
    """Refuse an empty check-in, or one holding more than the store keeps."""
    if not checkin.nothing_concrete and not (
        checkin.marks or checkin.feelings or checkin.note.strip()
    ):
        raise ValueError(
            translate(
                "Store",
                "Mark a place on the body, choose a word or write a note, "
                "or use \u201cNothing concrete, I just listened\u201d.",
            )
        )
    limits.check_length(translate("Store", "Note"), checkin.note, limits.NOTE)
    limits.check_length(translate("Store", "Track"), checkin.track_title, limits.TRACK_TEXT)
    places = translate("Store", "Places in the body")
    limits.check_count(places, len(checkin.marks), limits.MARKS)
    for mark in checkin.marks:
        limits.check_length(places, mark.region, limits.REGION)
        words = translate("Store", "Words for how it feels")
        limits.check_count(words, len(mark.qualities), limits.QUALITIES)
        for quality in mark.qualities:
            limits.check_length(words, quality, limits.FEELING_WORD)
    label = translate("Store", "Feeling words")
    limits.check_count(label, len(checkin.feelings), limits.FEELINGS)
    for feeling in checkin.feelings:
        limits.check_length(label, feeling.word, limits.FEELING_WORD)


def save_checkin(store: Store, checkin: CheckIn) -> CheckIn:
    check_checkin(checkin)
    day = checkin.day or today(store.wall).isoformat()
    created = checkin.created_at or stamp(store.wall)
    saved = dataclasses.replace(checkin, day=day, created_at=created)
    with store.transaction(CHECKINS) as conn:
        write_checkin(conn, saved)
    return saved


def write_checkin(conn: sqlite3.Connection, checkin: CheckIn) -> None:
    """Insert one checked, dated check-in (and its search words), in the caller's transaction."""
    words = [checkin.track_title, checkin.summary(), " ".join(f.word for f in checkin.feelings)]
    conn.execute(
        "INSERT INTO body_checkins (uid, day, created_at, track_id, track_title, position_ms, "
        "nothing_concrete, regions, feelings, note, search_text, deleted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            checkin.uid,
            checkin.day,
            checkin.created_at,
            checkin.track_id,
            checkin.track_title,
            checkin.position_ms,
            int(checkin.nothing_concrete),
            _marks_json(checkin.marks),
            feelings_to_json(checkin.feelings),
            checkin.note,
            " \n".join(w for w in words if w),
            checkin.deleted_at,
        ),
    )


_CHECKIN_COLUMNS = (
    "uid, day, created_at, track_id, track_title, position_ms, nothing_concrete, regions, "
    "feelings, note"
)


def _checkin(row: Sequence[Any]) -> CheckIn:
    uid, day, created, track_id, title, position, nothing, regions, feelings, note = row
    return CheckIn(
        uid=uid,
        day=day,
        created_at=created,
        track_id=track_id,
        track_title=title,
        position_ms=position,
        nothing_concrete=bool(nothing),
        marks=_marks_from_json(regions),
        feelings=feelings_from_json(feelings),
        note=note,
    )


def checkins_for_track(store: Store, track_id: int) -> list[CheckIn]:
    rows = store.conn.execute(
        f"SELECT {_CHECKIN_COLUMNS} FROM body_checkins WHERE track_id = ? "
        "AND deleted_at IS NULL ORDER BY position_ms",
        (track_id,),
    ).fetchall()
    return [_checkin(r) for r in rows]


def recent_checkins(store: Store, limit: int = 20) -> list[CheckIn]:
    rows = store.conn.execute(
        f"SELECT {_CHECKIN_COLUMNS} FROM body_checkins WHERE deleted_at IS NULL "
        "ORDER BY day DESC, created_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [_checkin(r) for r in rows]


def _item(
    row_id: int, checkin: CheckIn, feelings_json: str, terms: tuple[str, ...] = ()
) -> TimelineItem:
    track = checkin.track_title
    if track and checkin.position_ms is not None:
        track = translate("Store", "{title} at {time}").format(
            title=track, time=format_position(checkin.position_ms)
        )
    return TimelineItem(
        kind="checkin",
        uid=checkin.uid,
        day=checkin.day,
        created_at=checkin.created_at,
        row_id=row_id,
        texts=(track, checkin.summary()),
        feelings_json=feelings_json,
        search_terms=terms,
    )


def timeline_rows(
    conn: sqlite3.Connection, after: tuple[str, str, int] | None, limit: int
) -> list[TimelineItem]:
    """Listening check-ins as timeline items, newest first, after the given cursor."""
    rows = newest_first(conn, "body_checkins", _CHECKIN_COLUMNS, after, limit)
    return [_item(row[0], _checkin(row[1:]), row[9]) for row in rows]


def timeline_page(
    store: Store,
    after: tuple[str, str, int] | None,
    limit: int,
    shown: Sequence[str] = ("checkin",),
    tag: str | None = None,
) -> list[TimelineItem]:
    """The registry's timeline source (check-ins have no tags; the pager never asks with one)."""
    return timeline_rows(store.conn, after, limit)


def search_checkins(
    store: Store,
    query: Query,
    before: int | None,
    limit: int,
    shown: Sequence[str] = ("checkin",),
    tag: str | None = None,
) -> SearchPage:
    """The registry's search: check-ins matching ``query`` below row id ``before``, newest first."""
    rows, resume = search_text_page(
        store.conn, CHECKINS, _CHECKIN_COLUMNS, query.fts, before, limit
    )
    terms = query.terms
    found = found_rows(rows, lambda row: _item(row[0], _checkin(row[1:11]), row[9], terms))
    return SearchPage(found, resume)


def format_position(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


# -- export and import: the registry's functions for tracks and check-ins ----------------------

TRACK_WHERE = QT_TRANSLATE_NOOP("Store", "Track {number}")
CHECKIN_WHERE = QT_TRANSLATE_NOOP("Store", "Listening check-in {number}")
MOST_SECONDS = 1e7  # a track's length (about 115 days), and so a position in it


def _no_track() -> RecordProblem:
    return RecordProblem(translate("Store", "its track is in neither this file nor your journal."))


def track_row_id(links: Links, track_uid: str | None) -> int | None:
    if track_uid is None:
        return None
    row_id = links.row_id(TRACKS, track_uid)
    if row_id is None:
        raise _no_track()
    return row_id


def read_tracks(conn: sqlite3.Connection) -> list[Track]:
    rows = conn.execute(
        f"SELECT {_TRACK_COLUMNS}, uid, added_at FROM tracks ORDER BY id"
    ).fetchall()
    return [dataclasses.replace(_track(row), uid=row[9], added_at=row[10]) for row in rows]


def track_to_data(track: Track) -> dict[str, Any]:
    return {
        "id": track.uid,
        "path": track.path,
        "title": track.title,
        "artist": track.artist,
        "album": track.album,
        "duration": track.duration,
        "missing": track.missing,
        "added_at": track.added_at,
    }


def track_from_data(fields: Fields) -> Track:
    return Track(
        uid=fields.uid(),
        path=fields.text("path", limits.PATH),
        title=fields.text("title", limits.TRACK_TEXT),
        artist=fields.text("artist", limits.TRACK_TEXT),
        album=fields.text("album", limits.TRACK_TEXT),
        duration=fields.optional_number("duration", 0, MOST_SECONDS),
        missing=fields.flag("missing"),
        added_at=fields.moment("added_at"),
    )


def track_uid(track: Track) -> str:
    return track.uid


def track_held(conn: sqlite3.Connection, track: Track) -> bool:
    """Whether the library has this track's file already, under another uid."""
    return conn.execute("SELECT 1 FROM tracks WHERE path = ?", (track.path,)).fetchone() is not None


def add_track(conn: sqlite3.Connection, track: Track, links: Links) -> bool:
    """Write an imported track. A file already in the library (the same path) is the same
    track: the records that name it by the file's uid are linked to the one here."""
    row = conn.execute("SELECT id FROM tracks WHERE path = ?", (track.path,)).fetchone()
    if row is not None:
        links.note(TRACKS, track.uid, int(row[0]))
        return False
    cursor = conn.execute(
        "INSERT INTO tracks (uid, path, title, artist, album, duration, missing, added_at, "
        "file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            track.uid,
            track.path,
            track.title,
            track.artist,
            track.album,
            track.duration,
            int(track.missing),
            track.added_at,
            file_name(track.path),
        ),
    )
    links.note(TRACKS, track.uid, int(cursor.lastrowid or 0))
    return True


def track_markdown(track: Track) -> list[str]:
    about = ", ".join(part for part in (track.artist, track.album) if part)
    line = f"- **{track.title or track.path}**" + (f", {about}" if about else "")
    line += f": `{track.path}`"
    if track.missing:
        line += translate("Export", " (not found when last looked for)")
    return [line]


TRACK_CSV_COLUMNS = ("path", "title", "artist", "album", "duration", "missing")


def track_csv(track: Track) -> dict[str, str]:
    return {
        "id": track.uid,
        "kind": "track",
        "created_at": track.added_at,
        "path": track.path,
        "title": track.title,
        "artist": track.artist,
        "album": track.album,
        "duration": number_cell(track.duration),
        "missing": yes_no(track.missing),
    }


def read_checkins(conn: sqlite3.Connection) -> list[CheckIn]:
    columns = ", ".join("c." + c.strip() for c in _CHECKIN_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns}, c.deleted_at, t.uid FROM body_checkins c "
        "LEFT JOIN tracks t ON t.id = c.track_id ORDER BY c.id"
    ).fetchall()
    return [
        dataclasses.replace(_checkin(row[:10]), deleted_at=row[10], track_uid=row[11])
        for row in rows
    ]


def checkin_to_data(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.uid,
        "day": checkin.day,
        "created_at": checkin.created_at,
        "deleted_at": checkin.deleted_at,
        "track": checkin.track_uid,
        "track_title": checkin.track_title,
        "position_ms": checkin.position_ms,
        "nothing_concrete": checkin.nothing_concrete,
        "body": [
            {"region": m.region, "qualities": list(m.qualities), "strength": m.strength}
            for m in checkin.marks
        ],
        "feelings": feelings_to_data(checkin.feelings),
        "note": checkin.note,
    }


def checkin_from_data(fields: Fields) -> CheckIn:
    marks = []
    for place in fields.records("body", limits.MARKS):
        region = place.text("region", limits.REGION)
        if not region.strip():
            raise fields.problem(translate("Store", "each place in the body needs a name."))
        qualities = place.texts("qualities", limits.FEELING_WORD, limits.QUALITIES)
        marks.append(
            BodyMark(region, tuple(qualities), place.choice("strength", STRENGTHS, "clear"))
        )
    position = fields.optional_number("position_ms", 0, MOST_SECONDS * 1000)
    return CheckIn(
        uid=fields.uid(),
        day=fields.day(),
        created_at=fields.moment("created_at"),
        deleted_at=fields.optional_moment("deleted_at"),
        track_id=None,
        track_uid=fields.optional_text("track", limits.UID),
        track_title=fields.text("track_title", limits.TRACK_TEXT),
        position_ms=None if position is None else int(position),
        nothing_concrete=fields.flag("nothing_concrete"),
        marks=tuple(marks),
        feelings=fields.feelings(),
        note=fields.text("note", limits.NOTE),
    )


def checkin_uid(checkin: CheckIn) -> str:
    return checkin.uid


def add_checkin(conn: sqlite3.Connection, checkin: CheckIn, links: Links) -> bool:
    write_checkin(
        conn, dataclasses.replace(checkin, track_id=track_row_id(links, checkin.track_uid))
    )
    return True


def checkin_kept(checkin: CheckIn) -> bool:
    return checkin.deleted_at is None


def checkin_when(checkin: CheckIn) -> tuple[str, str]:
    return (checkin.day, checkin.created_at)


def _where_in_track(checkin: CheckIn) -> str:
    if checkin.track_title and checkin.position_ms is not None:
        return translate("Store", "{title} at {time}").format(
            title=checkin.track_title, time=format_position(checkin.position_ms)
        )
    return checkin.track_title


def checkin_markdown(checkin: CheckIn) -> list[str]:
    lines = [heading(translate("Export", "Listening check-in"), checkin.created_at), ""]
    track = _where_in_track(checkin)
    if track:
        lines += [f"*{track}*", ""]
    lines += [checkin.summary(), ""]
    if checkin.feelings:
        label = translate("Export", "Feelings")
        lines += [f"**{label}:** {feelings_words(checkin.feelings)}", ""]
    return lines


CHECKIN_CSV_COLUMNS = ("track", "position", "nothing_concrete", "body", "feelings", "note")


def checkin_csv(checkin: CheckIn) -> dict[str, str]:
    return {
        "id": checkin.uid,
        "kind": "checkin",
        "day": checkin.day,
        "created_at": checkin.created_at,
        "track": checkin.track_title,
        "position": format_position(checkin.position_ms),
        "nothing_concrete": yes_no(checkin.nothing_concrete),
        "body": "; ".join(
            f"{m.region}: {m.strength} {', '.join(m.qualities)}".strip() for m in checkin.marks
        ),
        "feelings": feelings_cell(checkin.feelings),
        "note": checkin.note,
    }
