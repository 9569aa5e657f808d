"""Export in open formats and import our JSON: every kind of record, idempotent, all or nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store, limits, open_store
from desktop.store.anchor_plan import keep_plan
from desktop.store.breathing import (
    StoredPattern,
    StoredSession,
    list_patterns,
    save_pattern,
    save_session,
)
from desktop.store.contacts import add_contact, list_contacts
from desktop.store.exchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ImportProblem,
    csv_columns,
    export,
    export_document,
    import_json,
    parse_json,
    write_batch,
)
from desktop.store.glimmers import keep_glimmer, trash_glimmer
from desktop.store.invitations import TakenInvitation, keep_invitation
from desktop.store.journal import (
    Entry,
    all_entries,
    count_entries,
    impressions_entry,
    save_entry,
    trash_entry,
)
from desktop.store.kinds import KINDS, count_records
from desktop.store.listening import (
    BodyMark,
    CheckIn,
    TrackInfo,
    add_tracks,
    count_tracks,
    recent_checkins,
    save_checkin,
    tracks_page,
)
from desktop.store.moods import save_mood
from desktop.store.pace import PaceFinding, save_finding
from desktop.store.pictures import TABLE as PICTURES
from desktop.store.pictures import Picture, write_pictures
from desktop.store.records import Feeling
from desktop.store.rhythm import answer_anchor
from desktop.store.together import TogetherRecord, save_record, trash_record
from tests.helpers import FakeWallClock

SKETCH = json.dumps({"version": 1, "strokes": [[[0.1, 0.1], [0.5, 0.5]]]}, separators=(",", ":"))


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh journal elsewhere, on the same wall clock (so an export of it is dated the same)."""
    opened = open_store(tmp_path / "other.db", tmp_path / "other-backups", FakeWallClock())
    yield opened
    opened.close()


def _fill(store: Store) -> list[Entry]:
    return [
        save_entry(
            store,
            Entry(
                day="2026-11-02",
                touch="wool",
                sound="kettle",
                feelings=(Feeling("calm", 3), Feeling("lonely", 1)),
                body='Line one\nLine two, with "quotes" and , commas',
                tags=("home", "evening"),
                sketch=SKETCH,
            ),
        ),
        save_entry(store, impressions_entry(["moss", "cold tap", "a cat"], day="2026-11-03")),
    ]


def _fill_everything(store: Store) -> None:
    """At least one record of every kind, with the awkward parts: links, trash, empty fields."""
    first = _fill(store)[0]
    let_go = save_entry(store, Entry(body="let this one go"))
    # Brought from another journal: a mood's pleasantness, a photo and a sketch drawn there.
    when = "2026-11-28T12:00:00.000+00:00"
    photo = Picture("p1", "image/png", b"\x89PNG\r\n\x1a\nphoto", 0, False, 6, 4, when)
    sketch = Picture("p2", "image/png", b"\x89PNG\r\n\x1a\nsketch", 1, True, added_at=when)
    in_trash = Picture("p3", "image/jpeg", b"\xff\xd8\xff", 0, added_at=when)
    with store.transaction(PICTURES) as conn:
        conn.execute("UPDATE entries SET pleasantness = -0.5 WHERE uid = ?", (first.uid,))
        write_pictures(conn, first.uid, [photo, sketch])
        write_pictures(conn, let_go.uid, [in_trash])
    trash_entry(store, let_go.uid)
    save_session(
        store,
        StoredSession(
            pattern_name="Resonance",
            pattern={"key": "resonance", "inhale": 5.5, "exhale": 5.5, "lengthen_to": None},
            actual_seconds=300.5,
            cycles=27,
            ended_early=True,
            planned_seconds=300.0,
            settled_before=2,
            settled_after=4,
            feelings_before=(Feeling("tired", 2),),
            feelings_after=(Feeling("calm", 1),),
            day="2026-11-03",
        ),
    )
    save_session(
        store,
        StoredSession(
            pattern_name="Box", pattern={}, actual_seconds=60.0, cycles=4, ended_early=False
        ),
    )
    keep_plan(
        store,
        json.dumps(
            [
                {
                    "key": "k1",
                    "kind": "own",
                    "name": "Water the fern",
                    "cue": "A glass of it",
                    "smaller": "Look at it",
                    "time": "09:30",
                },
                {
                    "key": "k2",
                    "kind": "move",
                    "name": "Stretch",
                    "cue": "",
                    "smaller": "",
                    "time": None,
                },
            ]
        ),
    )
    save_pattern(store, StoredPattern("Evening", 4, 0, 7, 0))
    save_pattern(store, StoredPattern("Sigh", 2, 0, 6, 0, top_up=1))
    add_tracks(
        store,
        [
            TrackInfo("/music/cello.ogg", "Cello suite", "Someone", "Suites", 126.5),
            TrackInfo("/music/rain.flac", "Rain"),
        ],
    )
    cello = tracks_page(store, "cello")[0]
    save_checkin(
        store,
        CheckIn(
            track_id=cello.id,
            track_title=cello.title,
            position_ms=19_000,
            marks=(BodyMark("chest", ("warm", "my own word"), "strong"),),
            feelings=(Feeling("moved", 3),),
            note="the low notes",
        ),
    )
    save_checkin(
        store, CheckIn(track_id=None, track_title="", position_ms=None, nothing_concrete=True)
    )
    save_mood(store, cello.id, "before", -0.25, 0.5)
    save_mood(store, cello.id, "after", 0.75, -0.5)
    save_mood(store, None, "after", 0.0, 0.0)
    add_contact(store, "Sam", "07700 900123, evenings")
    add_contact(store, "My GP surgery")
    keep_glimmer(store, "warm mug in cold hands", "touch", "hands")
    trash_glimmer(store, keep_glimmer(store, "a mistake").uid)
    answer_anchor(store, "move", "Move a little", "smaller")
    answer_anchor(store, "own-1", "Water the plant", "let_go")
    keep_invitation(store, TakenInvitation("walk", "A mindful walk", 7.5, "impressions", "e1"))
    keep_invitation(store, TakenInvitation("scent", "A scent from the kitchen"))
    save_finding(store, PaceFinding(((6.5, "fine"), (6.0, "easy")), 6.0, kept=True))
    save_finding(store, PaceFinding((), None))
    save_record(store, TogetherRecord("listening_pair", 512.5, 2, 2))
    kept: dict[str, list[str | int | None]] = {
        "names": ["Sam", ""],
        "words": ["warm", "seen"],
        "before": [3, None],
    }
    save_record(store, TogetherRecord("listening_pair", 430.0, 1, 2, kept, day="2026-11-03"))
    save_record(store, TogetherRecord("circle", 900.0, 3, 5))
    trash_record(store, save_record(store, TogetherRecord("touch", 120.0, 1, 2)).uid)


# -- the round trip -------------------------------------------------------------------------------


def test_every_kind_survives_export_import_export(store: Store, other_store: Store) -> None:
    _fill_everything(store)
    first = export(store, "json")
    document = json.loads(first)
    assert document["version"] == FORMAT_VERSION == 5
    assert all(document[kind.key] for kind in KINDS), "every kind has records in the test"

    result = import_json(other_store, first)
    counts = {kind.key: n for kind, n in count_records(store.conn)}
    assert dict(result.added_by_kind) == counts
    assert (result.added, result.already_there) == (sum(counts.values()), 0)
    assert export(other_store, "json") == first
    for fmt in ("markdown", "csv"):
        assert export(other_store, fmt) == export(store, fmt)

    again = import_json(other_store, first)
    assert (again.added, again.already_there) == (0, sum(counts.values()))
    assert export(other_store, "json") == first


def test_every_table_with_a_uid_is_a_kind_in_the_registry(store: Store) -> None:
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    with_uid = {
        t
        for t in tables
        if any(c[1] == "uid" for c in store.conn.execute(f"PRAGMA table_info({t})"))
    }
    assert with_uid == {kind.table for kind in KINDS}


def test_importing_into_the_same_journal_adds_nothing(store: Store) -> None:
    _fill_everything(store)
    before = export(store, "json")
    result = import_json(store, before)
    assert result.added == 0
    assert export(store, "json") == before


def test_importing_twice_adds_nothing(store: Store, other_store: Store) -> None:
    _fill(store)
    data = export(store, "json")
    import_json(other_store, data)
    again = import_json(other_store, data)
    assert (again.added, again.already_there) == (0, 2)
    assert count_entries(other_store) == 2


def test_json_round_trip_gives_equal_entries(store: Store, other_store: Store) -> None:
    _fill(store)
    trash_entry(store, all_entries(store)[1].uid)
    result = import_json(other_store, export(store, "json"))
    assert (result.added, result.already_there) == (2, 0)
    assert all_entries(other_store) == all_entries(store)


def test_a_version_1_file_still_imports(other_store: Store) -> None:
    # As Glimmers wrote them before sessions, patterns, music and contacts were exported.
    version_1 = {
        "format": FORMAT_NAME,
        "version": 1,
        "app_version": "0.1.0",
        "exported_at": "2026-11-01T10:00:00+00:00",
        "entries": [
            {
                "id": "e1",
                "kind": "entry",
                "day": "2026-10-30",
                "created_at": "2026-10-30T08:00:00.000+00:00",
                "updated_at": "2026-10-30T08:05:00.000+00:00",
                "deleted_at": None,
                "senses": {
                    "touch": "cold rail",
                    "sound": "",
                    "sight": "",
                    "smell_taste": "",
                    "breath_body": "",
                },
                "feelings": [{"word": "curious", "intensity": 2}],
                "text": "A walk.",
                "impressions": [],
                "tags": ["walk"],
                "sketch": None,
            },
            {
                "id": "e2",
                "kind": "impressions",
                "day": "2026-10-31",
                "created_at": "2026-10-31T08:00:00+00:00",
                "impressions": ["fog", "tea", ""],
            },
        ],
    }
    result = import_json(other_store, json.dumps(version_1))
    assert dict(result.added_by_kind) == {"entries": 2}
    entries = {e.uid: e for e in all_entries(other_store)}
    assert entries["e1"].touch == "cold rail" and entries["e1"].tags == ("walk",)
    assert entries["e2"].impressions == ("fog", "tea", "")


def test_write_batch_is_the_importers_building_block(store: Store) -> None:
    # What a reader of another journal's files does: build entries, hand them over, twice.
    entries = [
        Entry(uid="jrnl-1", day="2026-01-02", body="Snow.", created_at="2026-01-02T09:00:00"),
        Entry(uid="jrnl-2", day="2026-01-03", body="Sun.", created_at="2026-01-03T09:00:00"),
    ]
    first = write_batch(store, {"entries": entries})
    assert (first.added, first.describe_added()) == (2, "2 journal entries")
    second = write_batch(store, {"entries": entries})
    assert (second.added, second.already_there, second.describe_added()) == (0, 2, "nothing new")
    too_long = Entry(
        uid="jrnl-3",
        day="2026-01-04",
        body="x" * (limits.TEXT + 1),
        created_at="2026-01-04T09:00:00",
    )
    with pytest.raises(ImportProblem, match=r"Entry 2: .Anything else. can hold up to 200,000"):
        write_batch(store, {"entries": [entries[0], too_long]})
    assert count_entries(store) == 2


# -- links between records and records that are here under another uid ---------------------------


def test_a_check_in_links_to_the_track_already_in_the_library(
    store: Store, other_store: Store
) -> None:
    _fill_everything(store)
    add_tracks(other_store, [TrackInfo("/music/cello.ogg", "Cello suite (scanned here)")])
    result = import_json(other_store, export(store, "json"))
    assert count_tracks(other_store) == 2
    assert result.already_there == 1  # the cello file was there already
    here = tracks_page(other_store, "cello")[0]
    assert here.title == "Cello suite (scanned here)"
    linked = [c for c in recent_checkins(other_store) if c.track_title == "Cello suite"]
    assert [c.track_id for c in linked] == [here.id]


def test_a_pattern_of_the_same_name_is_kept_beside_yours(store: Store, other_store: Store) -> None:
    save_pattern(store, StoredPattern("Evening", 4, 0, 7, 0))
    save_pattern(store, StoredPattern("Night", 4, 0, 8, 0))
    save_pattern(other_store, StoredPattern("Evening", 3, 0, 6, 0))  # other timings
    save_pattern(other_store, StoredPattern("Night", 4, 0, 8, 0))  # the same one
    result = import_json(other_store, export(store, "json"))
    assert (result.added, result.already_there) == (1, 1)
    assert sorted((p.name, p.exhale) for p in list_patterns(other_store)) == [
        ("Evening", 6),
        ("Evening (2)", 7),
        ("Night", 8),
    ]
    assert import_json(other_store, export(store, "json")).added == 0


def test_renaming_a_pattern_keeps_its_uid(store: Store) -> None:
    save_pattern(store, StoredPattern("Evening", 4, 0, 7, 0))
    [before] = list_patterns(store)
    save_pattern(store, StoredPattern("Night", 4, 0, 8, 0), old_name="Evening")
    [after] = list_patterns(store)
    assert (after.name, after.uid) == ("Night", before.uid) and after.uid


def test_a_check_in_naming_a_track_nowhere_is_refused(store: Store, other_store: Store) -> None:
    _fill_everything(store)
    document = json.loads(export(store, "json"))
    document["tracks"] = []
    with pytest.raises(ImportProblem, match="Listening check-in 1: its track is in neither"):
        import_json(other_store, json.dumps(document))
    assert all(n == 0 for _, n in count_records(other_store.conn))


def test_an_export_beside_a_writer_is_one_moment_of_the_journal(
    store: Store, other_store: Store
) -> None:
    """``glimmers export`` reads beside the running app. Between its reading of the tracks and
    of the check-ins, the app adds a track and a check-in on it: the file must still import."""
    import dataclasses

    _fill_everything(store)
    app = store.second_connection()  # the app, writing while the export reads

    def and_meanwhile(read: Any) -> Any:
        def reading(conn: Any) -> Any:
            found = list(read(conn))
            add_tracks(app, [TrackInfo("/music/new.ogg", "Found while exporting")])
            new = tracks_page(app, "exporting")[0]
            save_checkin(app, CheckIn(new.id, new.title, 1, note="heard while exporting"))
            return found

        return reading

    def meanwhile(kind: Any) -> Any:
        portable = dataclasses.replace(kind.portable, read=and_meanwhile(kind.portable.read))
        return dataclasses.replace(kind, portable=portable)

    registry = [meanwhile(k) if k.key == "tracks" else k for k in KINDS]
    document = export_document(store, registry)
    app.close()
    import_json(other_store, json.dumps(document))  # every check-in's track is in the file
    assert count_tracks(other_store) == len(document["tracks"])


# -- Markdown and CSV -----------------------------------------------------------------------------


def test_markdown_reads_well(store: Store) -> None:
    _fill(store)
    text = export(store, "markdown")
    assert "## Monday 02 November 2026" in text
    assert "**Touch and temperature:** wool" in text
    assert "**Feelings:** calm (a lot), lonely (a little)" in text
    assert "- cold tap" in text
    assert "Tags: home, evening" in text


def test_markdown_holds_every_kind_outside_the_trash(store: Store) -> None:
    _fill_everything(store)
    text = export(store, "markdown")
    for part in (
        "### Breathing session",
        "Resonance, 5 minutes, ended when you chose; a little settled before, quite settled after.",
        "**Before:** tired (some)",
        "### Listening check-in",
        "*Cello suite at 0:19*",
        "chest: warm and my own word, felt strongly. the low notes",
        "Nothing concrete, I just listened",
        "### Before a track",
        "*Cello suite*: unpleasant, more energy",
        "### After a track",
        "neither pleasant nor unpleasant, some energy",
        "## My breathing patterns",
        "- **Sigh**: in 2 s, hold 0 s, out 6 s, hold 0 s, a little more in for 1 s",
        "## My music",
        "- **Cello suite**, Someone, Suites: `/music/cello.ogg`",
        "## People you trust",
        "- **Sam**: 07700 900123, evenings",
        "- **My GP surgery**",
        "**Felt:** unpleasant",
        "*(a picture is kept with an entry of this day)*",
        "*(a sketch drawn elsewhere is kept with an entry of this day)*",
    ):
        assert part in text, part
    assert "let this one go" not in text  # in the trash
    days = [line for line in text.splitlines() if line.startswith("## ")][:3]
    assert days == [
        "## Monday 02 November 2026",
        "## Tuesday 03 November 2026",
        "## Saturday 28 November 2026",
    ]


def test_csv_has_one_row_per_entry(store: Store) -> None:
    _fill(store)
    rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert len(rows) == 2
    assert rows[0]["text"] == 'Line one\nLine two, with "quotes" and , commas'
    assert rows[0]["feelings"] == "calm:3; lonely:1"
    assert rows[0]["has_sketch"] == "yes"
    assert rows[1]["impressions"] == "moss | cold tap | a cat"


def test_csv_is_one_table_with_a_row_per_record_of_every_kind(store: Store) -> None:
    _fill_everything(store)
    table = export(store, "csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert table.splitlines()[0].startswith("id,kind,day,created_at,updated_at,touch")
    kinds = [row["kind"] for row in rows]
    assert kinds == [
        "entry",
        "impressions",
        "picture",  # and a sketch; the third is on an entry in the trash
        "picture",
        "breath",
        "breath",
        "pattern",
        "pattern",
        "track",
        "track",
        "checkin",
        "checkin",
        "tap",
        "tap",
        "tap",
        "listening_pair",
        "listening_pair",
        "circle",  # the touch record is in the trash
        "contact",
        "contact",
        "glimmer",  # the other is in the trash
        "rhythm",
        "rhythm",
        "anchors",
        "invitation",
        "invitation",
        "pace",
        "pace",
    ]
    by_kind = {row["kind"]: row for row in rows}
    assert by_kind["circle"]["practice"] == "Circle, 5 people, 3 rounds"
    pairs = [r for r in rows if r["kind"] == "listening_pair"]
    assert [r["words"] for r in pairs] == ["", "Sam: warm \u00b7 seen"]
    assert by_kind["breath"]["pattern"] == "Box"
    assert (by_kind["pattern"]["name"], by_kind["pattern"]["top_up"]) == ("Sigh", "1")
    checkin = next(r for r in rows if r["kind"] == "checkin")
    assert (checkin["track"], checkin["position"]) == ("Cello suite", "0:19")
    assert checkin["body"] == "chest: strong warm, my own word"
    assert by_kind["track"]["path"] == "/music/rain.flac"
    assert by_kind["contact"]["name"] == "My GP surgery"
    assert by_kind["tap"]["moment"] == "after"
    assert (by_kind["glimmer"]["text"], by_kind["glimmer"]["body_region"]) == (
        "warm mug in cold hands",
        "hands",
    )
    assert by_kind["invitation"]["title"] == "A scent from the kitchen"
    assert by_kind["contact"]["touch"] == ""  # a column that is not about the kind stays empty
    assert len(set(csv_columns())) == len(csv_columns())


# -- malformed and oversized files ----------------------------------------------------------------

BAD_FILES = [
    (b"\xff\xfe\x00binary", "not text"),
    (b"{not json", "not valid JSON"),
    (b"[]", "not a Glimmers journal export"),
    (json.dumps({"format": "other"}).encode(), "not a Glimmers journal export"),
    (json.dumps({"format": FORMAT_NAME, "version": 99, "entries": []}).encode(), "newer version"),
    (json.dumps({"format": FORMAT_NAME, "version": 1}).encode(), "no list of entries"),
    (
        json.dumps({"format": FORMAT_NAME, "version": 2, "entries": [], "tracks": {}}).encode(),
        "“tracks” is not a list",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_malformed_files_are_refused_with_a_message(
    store: Store, data: bytes, message: str
) -> None:
    with pytest.raises(ImportProblem, match=message):
        import_json(store, data)
    assert count_entries(store, include_trash=True) == 0


def _one(kind: str, record: dict[str, Any]) -> str:
    return json.dumps({"format": FORMAT_NAME, "version": 2, "entries": [], kind: [record]})


ENTRY = {"id": "a", "day": "2026-11-01", "created_at": "2026-11-01T10:00:00"}
BAD_RECORDS = [
    ("entries", {**ENTRY, "feelings": [{"word": "calm", "intensity": 7}]}, "intensity of 1 to 3"),
    ("entries", {**ENTRY, "tags": "not a list"}, "list of words"),
    ("entries", {**ENTRY, "kind": "poem"}, "“kind” should be one of: entry, impressions"),
    ("entries", {**ENTRY, "sketch": {"strokes": [[[2, 0]]]}}, "not one Glimmers can draw"),
    ("breath_sessions", {**ENTRY, "actual_seconds": -1, "cycles": 1}, "actual_seconds"),
    ("breath_sessions", {**ENTRY, "actual_seconds": 60, "cycles": 1, "settled_after": 6}, "1 to 5"),
    (
        "breath_patterns",
        {"id": "p", "name": "", "inhale": 4, "hold_in": 0, "exhale": 6, "hold_out": 0},
        "needs a name|Give the pattern a name",
    ),
    (
        "breath_patterns",
        {"id": "p", "name": "Slow", "inhale": 90, "hold_in": 0, "exhale": 6, "hold_out": 0},
        "inhale",
    ),
    ("tracks", {"id": "t", "path": "", "title": "x", "added_at": "2026-11-01T10:00:00"}, "path"),
    ("listening_checkins", {**ENTRY}, "Mark a place on the body"),
    (
        "listening_checkins",
        {**ENTRY, "note": "n", "body": [{"region": "chest", "strength": "loud"}]},
        "strength",
    ),
    (
        "track_taps",
        {
            "id": "m",
            "moment": "during",
            "pleasantness": 0,
            "energy": 0,
            "created_at": "2026-11-01T10:00:00",
        },
        "moment",
    ),
    (
        "track_taps",
        {
            "id": "m",
            "moment": "after",
            "pleasantness": 2,
            "energy": 0,
            "created_at": "2026-11-01T10:00:00",
        },
        "pleasantness",
    ),
    ("contacts", {"id": "c", "name": "  "}, "needs a name"),
]


@pytest.mark.parametrize(("kind", "record", "message"), BAD_RECORDS)
def test_a_bad_record_of_any_kind_is_refused(
    store: Store, kind: str, record: dict[str, Any], message: str
) -> None:
    with pytest.raises(ImportProblem, match=message):
        import_json(store, _one(kind, record))
    assert all(n == 0 for _, n in count_records(store.conn))


def test_one_bad_entry_means_nothing_is_written(store: Store, other_store: Store) -> None:
    _fill_everything(store)
    document = json.loads(export(store, "json"))
    document["entries"].append({"id": "x1", "day": "not a day", "created_at": "2026-11-01T10:00"})
    with pytest.raises(ImportProblem, match=r"Entry 4: .day. should be a date"):
        import_json(other_store, json.dumps(document))
    assert all(n == 0 for _, n in count_records(other_store.conn))


def test_a_repeated_id_is_refused(store: Store) -> None:
    document = {"format": FORMAT_NAME, "version": 1, "entries": [ENTRY, ENTRY]}
    with pytest.raises(ImportProblem, match="Entry 2 repeats the id of an earlier one"):
        import_json(store, json.dumps(document))
    assert count_entries(store, include_trash=True) == 0


# The limits are the store's (desktop/store/limits.py): one over any of them is refused, never cut.
OVER_LIMITS = [
    ({"text": "x" * (limits.TEXT + 1)}, "“text” can hold up to 200,000 characters"),
    ({"senses": {"sound": "y" * 40_000}}, "“sound” can hold up to 10,000 characters"),
    (
        {"kind": "impressions", "impressions": ["a", "b", "c", "d"]},
        "“impressions” can hold up to 3",
    ),
    ({"tags": [f"t{i}" for i in range(limits.TAGS + 1)]}, "“Tags” can hold up to 50"),
    ({"tags": ["x" * 41]}, "Keep each tag under 40 characters"),
    ({"feelings": [{"word": "w" * 61, "intensity": 1}]}, "“word” can hold up to 60 characters"),
]


@pytest.mark.parametrize(("fields", "message"), OVER_LIMITS)
def test_anything_over_a_limit_is_refused_with_a_message(
    store: Store, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(ImportProblem, match=f"Entry 1: {message}"):
        import_json(store, _one("entries", {**ENTRY, **fields}))
    assert count_entries(store, include_trash=True) == 0


def test_a_fifty_megabyte_field_is_refused_and_nothing_is_written(store: Store) -> None:
    data = _one("entries", {**ENTRY, "text": "a" * 50 * 1024 * 1024})
    with pytest.raises(ImportProblem, match="can hold up to 200,000 characters, and this has"):
        import_json(store, data)
    assert count_entries(store, include_trash=True) == 0


def test_fields_at_their_limits_come_back_whole(store: Store, other_store: Store) -> None:
    entry = save_entry(
        store,
        Entry(
            body="b" * limits.TEXT,
            sound="s" * limits.LINE,
            tags=tuple(f"t{i}" for i in range(limits.TAGS)),
        ),
    )
    save_entry(store, impressions_entry(["i" * limits.LINE] * 3, day="2026-11-28"))
    import_json(other_store, export(store, "json"))
    assert all_entries(other_store) == all_entries(store)
    assert all_entries(other_store)[0] == entry


def test_an_imported_impression_with_a_line_break_stays_one_note(store: Store) -> None:
    import_json(
        store,
        _one(
            "entries",
            {**ENTRY, "kind": "impressions", "impressions": ["one\ntwo", "three", "four"]},
        ),
    )
    assert all_entries(store)[0].impressions == ("one two", "three", "four")


def test_unknown_export_format(store: Store) -> None:
    with pytest.raises(ValueError, match="Unknown export format"):
        export(store, "pdf")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_random_bytes_never_half_import(store: Store, data: bytes) -> None:
    with contextlib.suppress(ImportProblem):
        import_json(store, data)
    assert count_entries(store, include_trash=True) == 0


def test_export_of_nothing(store: Store) -> None:
    document = export_document(store)
    assert document["entries"] == [] and document["contacts"] == []
    assert parse_json(json.dumps(document)) == {kind.key: [] for kind in KINDS}


def test_contacts_keep_their_order(store: Store, other_store: Store) -> None:
    for name in ("Zoe", "Ana", "Mo"):
        add_contact(store, name)
    import_json(other_store, export(store, "json"))
    assert [c.name for c in list_contacts(other_store)] == ["Zoe", "Ana", "Mo"]
