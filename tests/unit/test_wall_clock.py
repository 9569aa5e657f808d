"""Every record is dated by the wall clock the store was given, never by the machine's date."""

from __future__ import annotations

import datetime as dt

from desktop.store import Store
from desktop.store.backups import list_backups, make_backup
from desktop.store.breathing import StoredSession, minutes_in_week, recent_sessions, save_session
from desktop.store.journal import Entry, load_drafts, save_draft, save_entry
from desktop.store.listening import CheckIn, save_checkin
from tests.helpers import FakeWallClock

FAR_AWAY = dt.datetime(2031, 7, 4, 15, 30, tzinfo=dt.timezone.utc)


def test_every_kind_of_record_takes_its_day_and_time_from_the_wall_clock(
    store: Store, wall: FakeWallClock
) -> None:
    wall.set(FAR_AWAY)
    local_day = FAR_AWAY.astimezone().date().isoformat()
    entry = save_entry(store, Entry(body="a quiet morning"))
    session = save_session(
        store,
        StoredSession("Resonance", {"inhale": 5, "exhale": 5}, 60.0, 6, ended_early=False),
    )
    checkin = save_checkin(store, CheckIn(None, "", None, nothing_concrete=True))
    save_draft(store, "new", {"body": "half a thought"})
    assert (entry.day, session.day, checkin.day) == (local_day,) * 3
    assert entry.created_at.startswith("2031-07-04T15:30")
    assert session.created_at.startswith("2031-07-04T15:30")
    assert load_drafts(store)[0].saved_at.startswith("2031-07-04T15:30")
    assert minutes_in_week(store, FAR_AWAY.date()) == 1.0
    assert [s.uid for s in recent_sessions(store)] == [session.uid]


def test_backups_are_named_by_the_wall_clock(store: Store, wall: FakeWallClock) -> None:
    wall.set(FAR_AWAY)
    made = make_backup(store, store.path.parent / "backups")
    assert made.name.startswith(f"glimmers-{FAR_AWAY.astimezone():%Y%m%d-%H%M%S}")
    [info] = list_backups(store.path.parent / "backups")
    assert info.created == FAR_AWAY.astimezone().replace(tzinfo=None)
