"""Before-and-after taps: where the person felt they were, pleasantness by energy, around a
track. No Qt."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from desktop.store import limits
from desktop.store.database import Store
from desktop.store.journal import new_uid
from desktop.store.listening import track_row_id
from desktop.store.portable import Fields, Links
from desktop.store.readable import (
    heading,
    local_day,
    number_cell,
)
from desktop.texts import QT_TRANSLATE_NOOP, translate

MOODS = "track_moods"
TAP_WHERE = QT_TRANSLATE_NOOP("Store", "Before-and-after tap {number}")


MoodMoment = Literal["before", "after"]  # when a pleasantness x energy tap is made: around a track
MOMENTS: tuple[MoodMoment, ...] = get_args(MoodMoment)


def check_mood(moment: str, pleasantness: float, energy: float) -> None:
    if moment not in MOMENTS:
        raise ValueError(translate("Store", "A tap is before or after a track."))
    if not (-1 <= pleasantness <= 1 and -1 <= energy <= 1):
        raise ValueError(translate("Store", "Pleasantness and energy go from -1 to 1."))


def save_mood(
    store: Store,
    track_id: int | None,
    moment: MoodMoment,
    pleasantness: float,
    energy: float,
) -> str:
    """Keep a tap; returns its uid, so a dot moved afterwards moves the same tap."""
    check_mood(moment, pleasantness, energy)
    uid = new_uid()
    with store.transaction(MOODS) as conn:
        conn.execute(
            "INSERT INTO track_moods (uid, track_id, moment, pleasantness, energy, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                uid,
                track_id,
                moment,
                pleasantness,
                energy,
                store.wall.now().isoformat(timespec="seconds"),
            ),
        )
    return uid


def move_mood(store: Store, uid: str, pleasantness: float, energy: float) -> None:
    """The person moved the dot of a tap they made: the tap is where it is now."""
    check_mood("before", pleasantness, energy)
    with store.transaction(MOODS) as conn:
        conn.execute(
            "UPDATE track_moods SET pleasantness = ?, energy = ? WHERE uid = ?",
            (pleasantness, energy, uid),
        )


def moods_for_track(store: Store, track_id: int) -> list[tuple[str, float, float]]:
    rows = store.conn.execute(
        "SELECT moment, pleasantness, energy FROM track_moods WHERE track_id = ? ORDER BY id",
        (track_id,),
    ).fetchall()
    return [(str(m), float(p), float(e)) for m, p, e in rows]


# -- export and import: the registry's functions for taps ------------------------------------


@dataclass(frozen=True)
class TrackMood:
    """A pleasantness x energy tap before or after a track, as exported."""

    moment: str  # "before" or "after"
    pleasantness: float  # -1 unpleasant .. 1 pleasant
    energy: float  # -1 less .. 1 more
    created_at: str
    uid: str = field(default_factory=new_uid)
    track_uid: str | None = None
    track_title: str = ""  # for the exports a person reads; not part of the JSON


def check_track_mood(mood: TrackMood) -> None:
    check_mood(mood.moment, mood.pleasantness, mood.energy)


def read_moods(conn: sqlite3.Connection) -> list[TrackMood]:
    rows = conn.execute(
        "SELECT m.moment, m.pleasantness, m.energy, m.created_at, m.uid, t.uid, t.title "
        "FROM track_moods m LEFT JOIN tracks t ON t.id = m.track_id ORDER BY m.id"
    ).fetchall()
    return [
        TrackMood(str(r[0]), float(r[1]), float(r[2]), str(r[3]), str(r[4]), r[5], r[6] or "")
        for r in rows
    ]


def mood_to_data(mood: TrackMood) -> dict[str, Any]:
    return {
        "id": mood.uid,
        "track": mood.track_uid,
        "moment": mood.moment,
        "pleasantness": mood.pleasantness,
        "energy": mood.energy,
        "created_at": mood.created_at,
    }


def mood_from_data(fields: Fields) -> TrackMood:
    return TrackMood(
        uid=fields.uid(),
        track_uid=fields.optional_text("track", limits.UID),
        moment=fields.choice("moment", MOMENTS),
        pleasantness=float(fields.number("pleasantness", -1, 1)),
        energy=float(fields.number("energy", -1, 1)),
        created_at=fields.moment("created_at"),
    )


def mood_uid(mood: TrackMood) -> str:
    return mood.uid


def add_mood(conn: sqlite3.Connection, mood: TrackMood, links: Links) -> bool:
    conn.execute(
        "INSERT INTO track_moods (uid, track_id, moment, pleasantness, energy, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            mood.uid,
            track_row_id(links, mood.track_uid),
            mood.moment,
            mood.pleasantness,
            mood.energy,
            mood.created_at,
        ),
    )
    return True


def mood_kept(mood: TrackMood) -> bool:
    return True


def mood_when(mood: TrackMood) -> tuple[str, str]:
    return (local_day(mood.created_at), mood.created_at)


def describe_mood(pleasantness: float, energy: float) -> str:
    """ "pleasant, more energy": the tap in words, as the grid's own labels put it."""
    if pleasantness > 0.2:
        feel = translate("Export", "pleasant")
    elif pleasantness < -0.2:
        feel = translate("Export", "unpleasant")
    else:
        feel = translate("Export", "neither pleasant nor unpleasant")
    if energy > 0.2:
        level = translate("Export", "more energy")
    elif energy < -0.2:
        level = translate("Export", "less energy")
    else:
        level = translate("Export", "some energy")
    return f"{feel}, {level}"


def mood_markdown(mood: TrackMood) -> list[str]:
    title = (
        translate("Export", "Before a track")
        if mood.moment == "before"
        else translate("Export", "After a track")
    )
    words = describe_mood(mood.pleasantness, mood.energy)
    text = f"*{mood.track_title}*: {words}" if mood.track_title else words
    return [heading(title, mood.created_at), "", text, ""]


MOOD_CSV_COLUMNS = ("track", "moment", "pleasantness", "energy")


def mood_csv(mood: TrackMood) -> dict[str, str]:
    return {
        "id": mood.uid,
        "kind": "tap",
        "day": local_day(mood.created_at),
        "created_at": mood.created_at,
        "track": mood.track_title,
        "moment": mood.moment,
        "pleasantness": number_cell(mood.pleasantness),
        "energy": number_cell(mood.energy),
    }
