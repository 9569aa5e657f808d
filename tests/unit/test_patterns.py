"""The Over time aggregates: what each picture is made of, and the derived tables kept in step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.store import Store, open_store
from desktop.store.breathing import StoredSession, save_session
from desktop.store.glimmers import keep_glimmer, restore_glimmer, trash_glimmer
from desktop.store.journal import (
    Entry,
    empty_trash,
    restore_entry,
    save_entry,
    trash_entry,
)
from desktop.store.listening import BodyMark, CheckIn, TrackInfo, add_tracks, save_checkin
from desktop.store.migrations import MIGRATIONS
from desktop.store.moods import save_mood
from desktop.store.patterns import (
    BodyFilter,
    body_options,
    body_totals,
    practice_days,
    settled_changes,
    totals_of,
    track_moments,
    words_used,
)
from desktop.store.records import Feeling
from desktop.store.timeline import TimelinePager
from desktop.store.together import CIRCLE, PAIR, TOUCH, TogetherRecord, save_record
from tests.helpers import FakeWallClock


def session(
    day: str, before: int | None = None, after: int | None = None, **more: object
) -> StoredSession:
    return StoredSession(
        "Resonance",
        {},
        60.0,
        6,
        False,
        settled_before=before,
        settled_after=after,
        day=day,
        **more,  # type: ignore[arg-type]
    )


def checkin(day: str, *marks: BodyMark, track: int | None = None, **more: object) -> CheckIn:
    return CheckIn(track, "", 1000, marks, day=day, **more)  # type: ignore[arg-type]


def test_days_with_a_practice_name_each_kind_once_and_leave_other_days_out(store: Store) -> None:
    save_session(store, session("2026-11-03"))
    save_session(store, session("2026-11-03"))
    save_entry(store, Entry(day="2026-11-03", body="a walk"))
    save_checkin(store, checkin("2026-11-10", BodyMark("chest")))
    trashed = save_entry(store, Entry(day="2026-11-12", body="gone"))
    trash_entry(store, trashed.uid)
    days = practice_days(store.conn)
    assert days.kinds == ("breathing", "listening", "writing", "glimmers", "together")
    assert days.kept_kinds == ("breathing", "listening", "writing")
    assert days.by_day == {"2026-11-03": ("breathing", "writing"), "2026-11-10": ("listening",)}
    assert days.days_of("breathing", "2026-11-01", "2026-11-30") == ["2026-11-03"]
    assert days.kinds_on("2026-11-12") == ()
    assert days.first_day == "2026-11-03"


def test_glimmers_and_practices_together_have_their_days_too(store: Store) -> None:
    keep_glimmer(store, "warm mug in cold hands")
    save_record(store, TogetherRecord(PAIR, 600.0, 2, 2, day="2026-11-20"))
    save_record(store, TogetherRecord(CIRCLE, 900.0, 2, 4, day="2026-11-21"))
    save_record(store, TogetherRecord(TOUCH, 120.0, 0, 2, day="2026-11-22", deleted_at="x"))
    days = practice_days(store.conn)
    assert days.by_day == {
        "2026-11-20": ("together",),
        "2026-11-21": ("together",),
        "2026-11-28": ("glimmers",),  # today, on the wall clock
    }
    assert days.kept_kinds == ("glimmers", "together")


def test_a_before_or_after_tap_counts_as_listening_on_its_local_day(store: Store) -> None:
    add_tracks(store, [TrackInfo("/a.wav", "A")])
    save_mood(store, 1, "before", 0.2, 0.1)
    assert practice_days(store.conn).kinds_on("2026-11-28") == ("listening",)


def test_body_totals_weigh_faint_clear_and_strong_one_two_three(store: Store) -> None:
    save_checkin(store, checkin("2026-11-01", BodyMark("chest", ("warm",), "strong")))
    save_checkin(store, checkin("2026-11-02", BodyMark("chest", ("warm", "open"), "faint")))
    save_checkin(store, checkin("2026-11-02", BodyMark("feet", (), "clear")))
    save_checkin(store, CheckIn(None, "", 5, nothing_concrete=True, day="2026-11-02"))
    totals = body_totals(store.conn)
    assert totals.weights() == {"chest": 4.0, "feet": 2.0}
    assert totals.marks == 3
    assert totals.regions["chest"].qualities == (("warm", 2), ("open", 1))


def test_a_glimmer_felt_somewhere_is_one_clear_mark_there(store: Store) -> None:
    save_checkin(store, checkin("2026-11-01", BodyMark("chest", ("warm",), "strong")))
    kept = keep_glimmer(store, "first coffee, both hands round the cup", "touch", "hands")
    keep_glimmer(store, "rain stopping all at once", "sound")  # nowhere in particular
    totals = body_totals(store.conn)
    assert totals.weights() == {"chest": 3.0, "hands": 2.0}
    assert totals.regions["hands"].qualities == ()
    assert body_totals(store.conn, BodyFilter(practice="glimmers")).weights() == {"hands": 2.0}
    assert body_totals(store.conn, BodyFilter(quality="warm")).weights() == {"chest": 3.0}
    assert body_options(store.conn).practices == (
        ("glimmers", "In your glimmers"),
        ("listening", "While listening"),
    )
    trash_glimmer(store, kept.uid)
    assert body_totals(store.conn).weights() == {"chest": 3.0}
    restore_glimmer(store, kept.uid)
    assert body_totals(store.conn).weights() == {"chest": 3.0, "hands": 2.0}


def test_body_filters_by_period_quality_practice_and_track(store: Store) -> None:
    add_tracks(store, [TrackInfo("/a.wav", "Alpha"), TrackInfo("/b.wav", "Beta")])
    save_checkin(store, checkin("2026-10-01", BodyMark("chest", ("warm",)), track=1))
    save_checkin(store, checkin("2026-11-20", BodyMark("feet", ("tingling",)), track=2))
    save_checkin(store, checkin("2026-11-21", BodyMark("hands", ("warm",), "strong"), track=2))
    assert set(body_totals(store.conn, BodyFilter(since="2026-11-01")).regions) == {"feet", "hands"}
    warm = body_totals(store.conn, BodyFilter(quality="warm"))
    assert warm.weights() == {"chest": 2.0, "hands": 3.0}
    assert warm.regions["hands"].qualities == (("warm", 1),)
    assert set(body_totals(store.conn, BodyFilter(track_id=1)).regions) == {"chest"}
    assert body_totals(store.conn, BodyFilter(practice="breathing")).marks == 0
    assert body_totals(store.conn, BodyFilter(practice="listening")).marks == 3
    options = body_options(store.conn)
    assert options.qualities == ("tingling", "warm")
    assert options.tracks == ((1, "Alpha"), (2, "Beta"))
    assert options.practices == (("listening", "While listening"),)


def test_the_derived_tables_follow_edits_the_trash_and_deletion(store: Store) -> None:
    entry = save_entry(store, Entry(day="2026-11-02", feelings=(Feeling("calm"),)))
    assert [w.word for w in words_used(store.conn).words] == ["calm"]
    save_entry(store, Entry(uid=entry.uid, day="2026-11-02", feelings=(Feeling("tender"),)))
    assert [w.word for w in words_used(store.conn).words] == ["tender"]
    trash_entry(store, entry.uid)
    assert words_used(store.conn).words == ()
    restore_entry(store, entry.uid)
    assert [w.word for w in words_used(store.conn).words] == ["tender"]
    trash_entry(store, entry.uid)
    empty_trash(store)
    assert store.conn.execute("SELECT COUNT(*) FROM feeling_uses").fetchone()[0] == 0
    saved = save_checkin(store, checkin("2026-11-02", BodyMark("chest", ("warm",))))
    with store.transaction("body_checkins") as conn:
        conn.execute("UPDATE body_checkins SET deleted_at = 'x' WHERE uid = ?", (saved.uid,))
    assert body_totals(store.conn).marks == 0
    assert store.conn.execute("SELECT COUNT(*) FROM body_mark_qualities").fetchone()[0] == 0


def test_the_pattern_migration_reads_what_was_kept_before_it(tmp_path: Path) -> None:
    from desktop.store.migrations import _v11_pattern_indexes

    before = MIGRATIONS.index(_v11_pattern_indexes)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:before]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(
        "INSERT INTO entries (uid, day, created_at, updated_at, feelings) VALUES "
        """('a', '2026-10-01', 'x', 'x', '[{"word": "numb", "intensity": 2}]')"""
    )
    conn.execute(
        "INSERT INTO body_checkins (uid, day, created_at, regions) VALUES ('b', '2026-10-02', 'x', "
        """'[{"region": "belly", "qualities": ["fluttery"], "strength": "strong"}]')"""
    )
    conn.execute(
        "INSERT INTO glimmers (uid, day, created_at, updated_at, text, region) VALUES "
        "('g', '2026-10-03', 'x', 'x', 'sun on my hands', 'hands')"
    )
    conn.commit()
    conn.close()
    store = open_store(path, tmp_path / "backups", FakeWallClock())
    try:
        assert [(w.word, w.first_day) for w in words_used(store.conn).words] == [
            ("numb", "2026-10-01")
        ]
        assert body_totals(store.conn, BodyFilter(quality="fluttery")).weights() == {"belly": 3.0}
        assert body_totals(store.conn).weights() == {"belly": 3.0, "hands": 2.0}
    finally:
        store.close()
    assert list((tmp_path / "backups").glob(f"*before-v{before + 1}.db"))  # backed up first


def test_words_used_say_when_each_word_came_and_keep_mixed_states_as_chosen(store: Store) -> None:
    save_entry(store, Entry(day="2026-09-05", feelings=(Feeling("numb", 2),)))
    save_session(store, session("2026-10-01", feelings_after=(Feeling("calm", 1),)))
    mixed = (Feeling("calm", 2), Feeling("sad", 1))
    save_entry(store, Entry(day="2026-11-02", feelings=mixed))
    save_entry(store, Entry(day="2026-11-04", feelings=mixed))  # the same mixed state again
    save_checkin(store, checkin("2026-11-06", feelings=(Feeling("fizzy", 3), Feeling("numb", 1))))
    used = words_used(store.conn)
    assert [(w.word, w.first_day, w.last_day, w.days) for w in used.words] == [
        ("numb", "2026-09-05", "2026-11-06", 2),
        ("calm", "2026-10-01", "2026-11-04", 3),
        ("sad", "2026-11-02", "2026-11-04", 2),
        ("fizzy", "2026-11-06", "2026-11-06", 1),
    ]
    assert [(m.day, m.feelings) for m in used.mixed] == [
        ("2026-11-06", (("fizzy", 3), ("numb", 1))),
        ("2026-11-04", (("calm", 2), ("sad", 1))),
    ]


def test_settled_changes_and_the_days_compared(store: Store) -> None:
    save_session(store, session("2026-11-01", 2, 4))
    save_session(store, session("2026-11-02", 3, 3))
    save_session(store, session("2026-11-03", 4, None))  # no after answer: not a change
    save_session(store, session("2026-11-03", 1, 2, feelings_after=(Feeling("own breath"),)))
    for day in ("2026-11-01", "2026-11-02", "2026-11-05", "2026-11-06"):
        save_entry(store, Entry(day=day, feelings=(Feeling("calm"),)))
    save_checkin(store, checkin("2026-11-06", feelings=(Feeling("tired"),)))
    (breathing,) = settled_changes(store.conn)
    assert breathing.kind == "breathing"
    assert sorted(breathing.changes) == [0, 1, 2]
    comparison = breathing.comparison
    assert comparison is not None
    # The words of the sessions themselves are left out; other records' words count.
    assert (comparison.days_with, comparison.days_without) == (2, 2)
    assert comparison.words == (("calm", 2, 2), ("tired", 0, 1))


def test_track_moments_follow_the_music(store: Store) -> None:
    add_tracks(store, [TrackInfo("/a.wav", "A", duration=200.0)])
    save_checkin(
        store, CheckIn(1, "A", 90_000, (BodyMark("chest", ("warm",), "strong"),), day="2026-11-01")
    )
    save_checkin(store, CheckIn(1, "A", 30_000, nothing_concrete=True, day="2026-11-02"))
    moments = track_moments(store.conn, 1)
    assert [m.position_ms for m in moments] == [30_000, 90_000]
    assert moments[0].nothing_concrete and moments[1].marks == (("chest", "strong", ("warm",)),)
    assert totals_of(moments).weights() == {"chest": 3.0}


def test_the_timeline_can_start_at_a_day(store: Store) -> None:
    for day in ("2026-11-01", "2026-11-03", "2026-11-05"):
        save_entry(store, Entry(day=day, body=f"on {day}"))
    save_session(store, session("2026-11-03"))
    page = TimelinePager(store, from_day="2026-11-03").next_page(10)
    assert [i.day for i in page] == ["2026-11-03", "2026-11-03", "2026-11-01"]
    assert {i.kind for i in page[:2]} == {"breath", "entry"}


def test_a_kind_added_later_shows_on_the_calendar_with_one_registry_entry(store: Store) -> None:
    import dataclasses

    from desktop.store.kinds import KINDS, OverTime
    from desktop.store.patterns import day_kinds

    sparks = dataclasses.replace(
        KINDS[0], key="sparks", table="sparks", over_time=OverTime("sparks", "sparks")
    )
    kinds = day_kinds((*KINDS, sparks))
    assert [k.key for k in kinds][-3:] == ["glimmers", "together", "sparks"]  # named, then others
    with store.transaction() as conn:
        conn.execute("CREATE TABLE sparks (id INTEGER PRIMARY KEY, day TEXT, deleted_at TEXT)")
        conn.execute("INSERT INTO sparks (day) VALUES ('2026-11-07')")
    days = practice_days(store.conn, kinds)
    assert days.kinds_on("2026-11-07") == ("sparks",)
    assert "sparks" in days.kinds


def test_a_rescued_journal_has_its_pictures_once(tmp_path: Path) -> None:
    from desktop.store.backups import make_backup
    from desktop.store.rescue import rescue

    wall = FakeWallClock()
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    save_entry(store, Entry(day="2026-11-02", feelings=(Feeling("calm"), Feeling("sad", 1))))
    save_checkin(store, checkin("2026-11-03", BodyMark("chest", ("warm",), "strong")))
    keep_glimmer(store, "sun on my hands", "touch", "hands")
    make_backup(store, folder / "backups", label="daily")  # the same rows again, to merge
    before = (words_used(store.conn), body_totals(store.conn))
    derived = [
        store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("feeling_uses", "body_marks", "body_mark_qualities")
    ]
    store.close()
    rescue(folder / "glimmers.db", folder / "backups", wall, None)
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    try:
        # The derived tables are made again by the rescued rows' own triggers: never twice.
        assert (words_used(store.conn), body_totals(store.conn)) == before
        assert [
            store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("feeling_uses", "body_marks", "body_mark_qualities")
        ] == derived
    finally:
        store.close()
