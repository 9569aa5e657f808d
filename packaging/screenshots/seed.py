"""Fill a data folder with four months of gentle, real-looking example items (breathing,
listening, writing, glimmers and practices together), for the README and AppStream screenshots
(the "Over time" pictures need that much to show anything).

python packaging/screenshots/seed.py DIR
glimmers --data-dir DIR --screenshot packaging/screenshots/journal.png --tab journal --size 1100x760

Every date counts back from the store's wall clock, so the items are always recent. The same
folder seeded twice gets the items twice: seed an empty folder.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.clock import today
from desktop.store import Store, open_store
from desktop.store.breathing import StoredSession, save_session
from desktop.store.glimmers import TABLE as GLIMMERS
from desktop.store.glimmers import Glimmer, write_glimmer
from desktop.store.journal import Entry, impressions_entry, save_entry
from desktop.store.listening import BodyMark, CheckIn, TrackInfo, add_tracks, save_checkin
from desktop.store.records import Feeling
from desktop.store.together import CIRCLE, PAIR, TogetherRecord, save_record

DAYS = 120  # about four months
TRACKS = [
    ("Morning Rain", "Ana Lund"),
    ("Low Light", "Ben Ode"),
    ("River", "Ana Lund"),
    ("Hum", "The Quiet"),
    ("Slow Tide", "Mira Sol"),
]
PATTERNS = [
    ("Resonance", {"inhale": 5, "exhale": 5}),
    ("Longer out-breath", {"inhale": 4, "exhale": 6}),
    ("Cyclic sigh", {"inhale": 3, "top_up": 1, "exhale": 6}),
]
# Where music tends to land, and how it feels there.
PLACES = {
    "chest": ("warm", "open", "tight"),
    "shoulders": ("heavy", "tight"),
    "belly": ("fluttery", "warm"),
    "throat": ("tight",),
    "hands": ("tingling", "warm"),
    "head": ("buzzing", "heavy"),
    "face_jaw": ("tight",),
    "upper_back": ("warm", "heavy"),
    "legs": ("heavy", "light"),
}
PLACE_WEIGHTS = [9, 6, 5, 3, 4, 2, 1, 2, 2]
# Early on mostly numb and flat; the range widens as the weeks go by, with words of one's own.
EARLY_WORDS = ["numb", "flat", "tired", "nothing in particular", "heavy"]
LATER_WORDS = ["calm", "curious", "tender", "sad", "settled", "warm", "restless", "hopeful"]
OWN_WORDS = ["fizzy", "thawing", "soft around the edges"]
NOTICED = [
    ("Warm mug between my hands", "Rain on the window", "Shoulders a little lower"),
    ("Cold air on my face", "A blackbird singing", "Breath slower than this morning"),
    ("The weight of the blanket", "The kettle ticking as it cooled", "Jaw unclenched a bit"),
    ("Sun on the back of my neck", "Traffic, far off", "Feet warm for once"),
    ("Rough bark under my palm", "Children in the park", "A deep breath on its own"),
]
SMALL_GOOD_THINGS = [
    ("Warm bread from the oven", "smell_taste", ""),
    ("The cat asleep against my leg", "touch", "legs"),
    ("Sun through the kitchen window", "sight", ""),
    ("A friend's voice message", "sound", "chest"),
    ("First coffee, both hands round the cup", "touch", "hands"),
    ("Rain stopping all at once", "sound", ""),
]
IMPRESSIONS = [
    ["Cold air on my face", "A blackbird singing", "Bread smell from the bakery"],
    ["Wet pavement shining", "Someone laughing next door", "Orange peel on my fingers"],
    ["Steam from the bath", "The radiator clicking", "Clean sheets"],
]


def words_for(rng: random.Random, progress: float) -> tuple[Feeling, ...]:
    """One to three feelings; the later in the months, the wider the choice."""
    pool = list(EARLY_WORDS)
    pool += LATER_WORDS[: int(len(LATER_WORDS) * progress) + 1]
    if progress > 0.5:
        pool += OWN_WORDS[: int(len(OWN_WORDS) * (progress - 0.5) * 2) + 1]
    count = rng.choice([1, 1, 2, 2, 3])
    words = rng.sample(pool, min(count, len(pool)))
    return tuple(
        Feeling(w, 2 if w == "nothing in particular" else rng.randint(1, 3)) for w in words
    )


def stamp_at(day: dt.date, hour: int, minute: int) -> str:
    local = dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()
    return local.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def make_music(folder: Path) -> list[TrackInfo]:
    music = folder / "music"
    music.mkdir(exist_ok=True)
    tracks = []
    for i, (name, artist) in enumerate(TRACKS):
        path = music / f"{name}.wav"
        with wave.open(str(path), "wb") as f:  # a second of silence stands in for the music
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(8000)
            f.writeframes(b"\0\0" * 8000)
        tracks.append(TrackInfo(str(path), name, artist, "Slow Songs", 200.0 + i * 31))
    return tracks


def seed_day(store: Store, rng: random.Random, day: dt.date, progress: float) -> None:
    if rng.random() < 0.45:
        name, pattern = rng.choice(PATTERNS)
        minutes = rng.choice([3, 5, 5, 6])
        before = rng.choice([1, 2, 2, 3, 3]) if rng.random() < 0.8 else None
        after = None
        if before is not None:
            after = max(1, min(5, before + rng.choice([-1, 0, 1, 1, 1, 2])))
        save_session(
            store,
            StoredSession(
                pattern_name=name,
                pattern=pattern,
                actual_seconds=minutes * 60,
                cycles=minutes * 6,
                ended_early=rng.random() < 0.1,
                planned_seconds=minutes * 60,
                settled_before=before,
                settled_after=after,
                feelings_after=words_for(rng, progress) if rng.random() < 0.3 else (),
                day=day.isoformat(),
                created_at=stamp_at(day, 8, rng.randint(0, 59)),
            ),
        )
    if rng.random() < 0.3:
        track_id = rng.randint(1, len(TRACKS))
        places = rng.choices(list(PLACES), PLACE_WEIGHTS, k=rng.randint(1, 3))
        nothing = rng.random() < 0.12
        marks = tuple(
            BodyMark(
                place,
                tuple(rng.sample(PLACES[place], rng.randint(1, len(PLACES[place])))),
                rng.choice(["faint", "clear", "clear", "strong"]),
            )
            for place in dict.fromkeys(places)
        )
        save_checkin(
            store,
            CheckIn(
                track_id=track_id,
                track_title=TRACKS[track_id - 1][0],
                position_ms=rng.randint(10, 190) * 1000,
                marks=() if nothing else marks,
                feelings=() if nothing or rng.random() < 0.5 else words_for(rng, progress),
                nothing_concrete=nothing,
                day=day.isoformat(),
                created_at=stamp_at(day, 19, rng.randint(0, 59)),
            ),
        )
    if progress > 0.3 and rng.random() < 0.2:  # glimmers come once the app is familiar
        text, sense, region = rng.choice(SMALL_GOOD_THINGS)
        moment = stamp_at(day, 13, rng.randint(0, 59))
        with store.transaction(GLIMMERS) as conn:
            write_glimmer(
                conn,
                Glimmer(text, sense, region, day=day.isoformat(), created_at=moment),
            )
    if progress > 0.25 and day.weekday() == 5 and rng.random() < 0.8:  # a Saturday together
        pair = rng.random() < 0.7
        save_record(
            store,
            TogetherRecord(
                PAIR if pair else CIRCLE,
                seconds=rng.choice([9, 12, 14]) * 60.0 if pair else rng.choice([20, 25]) * 60.0,
                rounds=2,
                people=2 if pair else rng.choice([3, 4, 5]),
                day=day.isoformat(),
                created_at=stamp_at(day, 17, rng.randint(0, 59)),
            ),
        )
    if rng.random() < 0.35:
        created = stamp_at(day, 21, rng.randint(0, 59))
        if rng.random() < 0.25:
            entry = impressions_entry(rng.choice(IMPRESSIONS), day=day.isoformat())
            save_entry(store, Entry(**{**entry.__dict__, "created_at": created}))
        else:
            touch, sound, body = rng.choice(NOTICED)
            save_entry(
                store,
                Entry(
                    day=day.isoformat(),
                    touch=touch,
                    sound=sound,
                    breath_body=body,
                    feelings=words_for(rng, progress),
                    created_at=created,
                ),
            )


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "glimmers.db", folder / "backups")
    now = today(store.wall)
    add_tracks(store, make_music(folder))
    rng = random.Random(5)
    for back in range(DAYS, 3, -1):
        seed_day(store, rng, now - dt.timedelta(days=back), 1 - back / DAYS)
    # The last few days, written by hand: what the journal's screenshot shows first.
    day = lambda n: (now - dt.timedelta(days=n)).isoformat()  # noqa: E731
    save_entry(
        store,
        Entry(
            day=day(3),
            feelings=(Feeling("numb", 2), Feeling("nothing in particular", 2)),
            body="Not much today. That is fine too.",
        ),
    )
    save_entry(store, impressions_entry(IMPRESSIONS[0], day=day(1)))
    save_session(
        store,
        StoredSession(
            pattern_name="Resonance",
            pattern={"inhale": 5, "exhale": 5},
            actual_seconds=300,
            cycles=30,
            ended_early=False,
            planned_seconds=300,
            settled_before=2,
            settled_after=4,
            day=day(1),
        ),
    )
    save_checkin(
        store,
        CheckIn(
            track_id=1,
            track_title="Morning Rain",
            position_ms=83_000,
            marks=(
                BodyMark("chest", ("warm", "open"), "clear"),
                BodyMark("shoulders", ("heavy",), "faint"),
            ),
            note="the cello came in",
        ),
    )
    save_entry(
        store,
        Entry(
            day=day(0),
            touch="Warm mug between my hands",
            sound="Rain on the window",
            breath_body="Shoulders a little lower",
            feelings=(Feeling("calm", 2), Feeling("sad", 1)),
            body="Sat by the window for a while.",
            tags=("morning", "rain"),
        ),
    )
    store.close()


if __name__ == "__main__":
    main()
