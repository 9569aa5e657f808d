"""Fill a data folder with a few gentle example items, for the README and AppStream screenshots.

python packaging/screenshots/seed.py DIR
glimmers --data-dir DIR --screenshot packaging/screenshots/journal.png --tab journal --size 1100x760
"""

from __future__ import annotations

import datetime as dt
import sys
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.store import open_store
from desktop.store.breathing import StoredSession, save_session
from desktop.store.journal import Entry, impressions_entry, save_entry
from desktop.store.listening import BodyMark, CheckIn, TrackInfo, add_tracks, save_checkin
from desktop.store.records import Feeling


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "glimmers.db", folder / "backups")
    today = dt.date.today()
    day = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731
    save_entry(
        store,
        Entry(
            day=day(3),
            feelings=(Feeling("numb", 2), Feeling("nothing in particular", 2)),
            body="Not much today. That is fine too.",
        ),
    )
    save_entry(
        store,
        impressions_entry(
            ["Cold air on my face", "A blackbird singing", "Bread smell from the bakery"],
            day=day(1),
        ),
    )
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
    music = folder / "music"
    music.mkdir(exist_ok=True)
    tracks = []
    for i, (name, artist) in enumerate(
        [
            ("Morning Rain", "Ana Lund"),
            ("Low Light", "Ben Ode"),
            ("River", "Ana Lund"),
            ("Hum", "The Quiet"),
        ]
    ):
        path = music / f"{name}.wav"
        with wave.open(str(path), "wb") as f:  # a second of silence stands in for the music
            f.setnchannels(1)
            f.setsampwidth(2)
            f.setframerate(8000)
            f.writeframes(b"\0\0" * 8000)
        tracks.append(TrackInfo(str(path), name, artist, "Slow Songs", 200.0 + i * 31))
    add_tracks(store, tracks)
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
