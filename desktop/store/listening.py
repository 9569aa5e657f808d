"""The music library, body-response check-ins and before/after taps, as stored. No Qt."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from desktop.clock import stamp, today
from desktop.store.database import Store, newest_first
from desktop.store.journal import Query, TimelineItem, new_uid
from desktop.store.records import Feeling, feelings_from_json, feelings_to_json
from desktop.texts import QT_TRANSLATE_NOOP, translate

TRACKS = "tracks"
CHECKINS = "body_checkins"
MOODS = "track_moods"
MoodMoment = Literal["before", "after"]  # when a pleasantness x energy tap is made: around a track
MOOD_MOMENTS: tuple[MoodMoment, ...] = get_args(MoodMoment)
STRENGTHS = ("faint", "clear", "strong")


@dataclass(frozen=True)
class TrackInfo:
    """What a scan found in one file."""

    path: str
    title: str
    artist: str = ""
    album: str = ""
    duration: float | None = None


@dataclass(frozen=True)
class Track(TrackInfo):
    id: int = 0
    missing: bool = False


def add_tracks(store: Store, infos: Iterable[TrackInfo]) -> int:
    """Add files, or refresh the tags of ones already there. Returns how many were new."""
    added_at = store.wall.now().isoformat(timespec="seconds")
    rows = [(i.path, i.title, i.artist, i.album, i.duration, added_at) for i in infos]
    if not rows:
        return 0
    with store.transaction(TRACKS) as conn:
        known = conn.execute("SELECT COUNT(*) FROM tracks").fetchone()[0]
        conn.executemany(
            "INSERT INTO tracks (path, title, artist, album, duration, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET title = excluded.title, "
            "artist = excluded.artist, album = excluded.album, duration = excluded.duration, "
            "missing = 0",
            rows,
        )
        return int(conn.execute("SELECT COUNT(*) FROM tracks").fetchone()[0] - known)


_TRACK_COLUMNS = "id, path, title, artist, album, duration, missing"


def _track(row: Sequence[Any]) -> Track:
    return Track(
        id=row[0],
        path=row[1],
        title=row[2],
        artist=row[3],
        album=row[4],
        duration=row[5],
        missing=bool(row[6]),
    )


def _filter_sql(text: str) -> tuple[str, list[Any]]:
    """Every word must appear in the title, artist or album (LIKE, with "!" as the escape)."""
    parts = []
    params: list[Any] = []
    for word in text.split():
        like = "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
        parts.append(
            "(title LIKE ? ESCAPE '!' OR artist LIKE ? ESCAPE '!' OR album LIKE ? ESCAPE '!')"
        )
        params += [like, like, like]
    return " AND ".join(parts), params


def tracks_page(
    store: Store,
    text: str = "",
    after: tuple[str, int] | None = None,
    limit: int = 100,
) -> list[Track]:
    """Tracks by title, then id (keyset paging), whose title, artist or album has every word."""
    where, params = _filter_sql(text)
    clauses = [where] if where else []
    if after is not None:
        clauses.append("(title COLLATE NOCASE, id) > (?, ?)")
        params += [after[0], after[1]]
    sql = f"SELECT {_TRACK_COLUMNS} FROM tracks"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY title COLLATE NOCASE, id LIMIT ?"
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


STRENGTH_WORDS = {
    "faint": QT_TRANSLATE_NOOP("Store", "faint"),
    "clear": QT_TRANSLATE_NOOP("Store", "clear"),
    "strong": QT_TRANSLATE_NOOP("Store", "strong"),
}


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

    def summary(self, region_labels: dict[str, str] | None = None) -> str:
        if self.nothing_concrete:
            return translate("Store", "Nothing concrete, I just listened")
        labels = region_labels or {}
        parts = []
        for mark in self.marks:
            where = labels.get(mark.region, mark.region.replace("_", " "))
            what = ", ".join(mark.qualities)
            strength = translate("Store", STRENGTH_WORDS.get(mark.strength, mark.strength))
            parts.append(
                translate("Store", "{place}: {strength} {qualities}")
                .format(place=where, strength=strength, qualities=what)
                .strip()
            )
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


def save_checkin(store: Store, checkin: CheckIn) -> CheckIn:
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
    day = checkin.day or today(store.wall).isoformat()
    created = checkin.created_at or stamp(store.wall)
    words = [checkin.track_title, checkin.summary(), " ".join(f.word for f in checkin.feelings)]
    with store.transaction(CHECKINS) as conn:
        conn.execute(
            "INSERT INTO body_checkins (uid, day, created_at, track_id, track_title, position_ms, "
            "nothing_concrete, regions, feelings, note, search_text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                checkin.uid,
                day,
                created,
                checkin.track_id,
                checkin.track_title,
                checkin.position_ms,
                int(checkin.nothing_concrete),
                _marks_json(checkin.marks),
                feelings_to_json(checkin.feelings),
                checkin.note,
                " \n".join(w for w in words if w),
            ),
        )
    return CheckIn(**{**checkin.__dict__, "day": day, "created_at": created})


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


_SEARCH_SQL = (
    f"SELECT c.id, {', '.join('c.' + c.strip() for c in _CHECKIN_COLUMNS.split(','))}, "
    "body_checkins_fts.rank FROM body_checkins_fts "
    "JOIN body_checkins c ON c.id = body_checkins_fts.rowid "
    "WHERE body_checkins_fts MATCH ? AND c.deleted_at IS NULL ORDER BY rank LIMIT ?"
)


def search_checkins(
    store: Store, text: str | Query, limit: int = 50
) -> list[tuple[float, TimelineItem]]:
    """(rank, item) for check-ins matching ``text``; lower rank is a better match."""
    query = Query.of(text)
    if query is None:
        return []
    rows = store.conn.execute(_SEARCH_SQL, (query.fts, limit))
    return [(row[11], _item(row[0], _checkin(row[1:11]), row[9], query.terms)) for row in rows]


def format_position(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def save_mood(
    store: Store,
    track_id: int | None,
    moment: MoodMoment,
    pleasantness: float,
    energy: float,
) -> None:
    if moment not in MOOD_MOMENTS:  # a caller past the type checker
        raise ValueError(translate("Store", "A tap is before or after a track."))
    if not (-1 <= pleasantness <= 1 and -1 <= energy <= 1):
        raise ValueError(translate("Store", "Pleasantness and energy go from -1 to 1."))
    with store.transaction(MOODS) as conn:
        conn.execute(
            "INSERT INTO track_moods (track_id, moment, pleasantness, energy, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                track_id,
                moment,
                pleasantness,
                energy,
                store.wall.now().isoformat(timespec="seconds"),
            ),
        )


def moods_for_track(store: Store, track_id: int) -> list[tuple[str, float, float]]:
    rows = store.conn.execute(
        "SELECT moment, pleasantness, energy FROM track_moods WHERE track_id = ? ORDER BY id",
        (track_id,),
    ).fetchall()
    return [(str(m), float(p), float(e)) for m, p, e in rows]
