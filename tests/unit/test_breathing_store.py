"""Breathing sessions and custom patterns in the store, and their place in the timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop.store import Store
from desktop.store.breathing import (
    StoredPattern,
    StoredSession,
    delete_pattern,
    describe_session,
    list_patterns,
    minutes_in_week,
    recent_sessions,
    save_pattern,
    save_session,
)
from desktop.store.journal import Entry, save_entry
from desktop.store.records import Feeling
from desktop.store.timeline import TimelinePager, search_everything


def session(**changes: object) -> StoredSession:
    values: dict[str, Any] = {
        "pattern_name": "Resonance",
        "pattern": {"inhale": 5, "exhale": 5},
        "actual_seconds": 300.0,
        "cycles": 30,
        "ended_early": False,
        "planned_seconds": 300.0,
    }
    return StoredSession(**{**values, **changes})


def test_session_is_stored_with_before_and_after(store: Store) -> None:
    saved = save_session(
        store,
        session(
            settled_before=2,
            settled_after=4,
            feelings_after=(Feeling("calm", 2),),
        ),
    )
    [again] = recent_sessions(store)
    assert again == saved
    assert again.day == "2026-11-28"
    assert again.feelings_after == (Feeling("calm", 2),)


def test_settled_scale_is_checked(store: Store) -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        save_session(store, session(settled_before=9))
    assert recent_sessions(store) == []


def test_minutes_this_week_count_from_monday(store: Store) -> None:
    save_session(store, session(day="2026-11-23", actual_seconds=120))  # Monday
    save_session(store, session(day="2026-11-28", actual_seconds=300))  # today
    save_session(store, session(day="2026-11-22", actual_seconds=600))  # last Sunday
    assert minutes_in_week(store, dt.date(2026, 11, 28)) == pytest.approx(7.0)


def test_custom_patterns_saved_renamed_and_deleted(store: Store) -> None:
    save_pattern(store, StoredPattern("Evening", 4, 0, 7, 0))
    with pytest.raises(ValueError, match="already have"):
        save_pattern(store, StoredPattern("Evening", 3, 0, 6, 0))
    save_pattern(store, StoredPattern("Night", 4, 0, 8, 0), old_name="Evening")
    assert [p.name for p in list_patterns(store)] == ["Night"]
    delete_pattern(store, "Night")
    assert list_patterns(store) == []


def test_timeline_merges_entries_and_sessions_newest_first(store: Store) -> None:
    for i in range(7):
        day = f"2026-11-{10 + i:02d}"
        save_entry(store, Entry(day=day, body=f"entry {i}"))
        save_session(store, session(day=day, created_at=f"{day}T0{i}:00:00"))
    pager = TimelinePager(store)
    seen = []
    while page := pager.next_page(3):
        seen += page
    assert len(seen) == 14
    keys = [(i.day, i.created_at) for i in seen]
    assert keys == sorted(keys, reverse=True)
    assert {i.kind for i in seen} == {"entry", "breath"}
    assert pager.exhausted
    breath_only = TimelinePager(store, kinds=["breath"]).next_page(50)
    assert len(breath_only) == 7
    assert breath_only[0].summary == "Resonance, 5 minutes"
    assert TimelinePager(store, tag="anything").next_page(50) == []


@pytest.mark.parametrize(
    ("seconds", "breaths", "said"),
    [
        (300.0, 30, "Resonance, 5 minutes"),
        (61.0, 6, "Resonance, 1 minute"),
        (24.0, 3, "Resonance, 3 breaths"),
        (9.0, 1, "Resonance, one breath"),
        (6.0, 0, "Resonance, a moment"),  # kept by an older version: no "0 breaths", no "6 s"
    ],
)
def test_a_session_reads_as_a_person_would_say_it(seconds: float, breaths: int, said: str) -> None:
    assert describe_session(session(actual_seconds=seconds, cycles=breaths)) == said


def test_how_settled_reads_in_words_not_as_a_score() -> None:
    said = describe_session(session(settled_before=2, settled_after=4))
    assert said == "Resonance, 5 minutes; a little settled before, quite settled after"
    assert not any(digit in said.replace("5 minutes", "") for digit in "0123456789")
    # One answer without the other says nothing of a change.
    assert describe_session(session(settled_before=1)) == "Resonance, 5 minutes"


def test_sessions_are_found_by_their_pattern_and_their_words(store: Store) -> None:
    saved = save_session(
        store,
        session(
            pattern_name="Resonance breathing",
            feelings_before=(Feeling("heavy eyelids", 2),),
            feelings_after=(Feeling("warm", 1),),
        ),
    )
    save_entry(store, Entry(body="a walk in the resonant hall"))
    for words in ("eyelids", "Resonance ", "warm", "reso"):
        found = search_everything(store, words)
        assert saved.uid in [i.uid for i in found], words
    [item] = search_everything(store, "eyelids")
    assert item.kind == "breath"
    assert "\x02eyelids\x03" in item.snippet  # the words chosen before show, highlighted
