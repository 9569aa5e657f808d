"""Practices together in the store: what is kept, the timeline line, search, export data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from desktop.store.exchange import FORMAT_NAME, ImportProblem, export, import_json
from desktop.store.portable import Fields, RecordProblem
from desktop.store.timeline import TimelinePager, search_everything
from desktop.store.together import (
    TogetherRecord,
    all_records,
    check_words,
    count_records,
    describe,
    describe_words,
    get_record,
    recent_records,
    record_from_data,
    record_to_data,
    save_record,
    timeline_rows,
    trash_record,
)
from tests.helpers import FakeWallClock


def test_an_unkept_pair_keeps_only_its_shape(store: Store) -> None:
    saved = save_record(store, TogetherRecord("listening_pair", 512.0, 2, 2))
    row = store.conn.execute(
        "SELECT kind, seconds, rounds, people, kept, words, day FROM together_sessions"
    ).fetchone()
    assert row == ("listening_pair", 512.0, 2, 2, 0, "{}", "2026-11-28")
    assert describe(saved) == "You practised listening together, 2 rounds"
    assert get_record(store, saved.uid) == saved


@pytest.mark.parametrize(
    ("record", "line"),
    [
        (TogetherRecord("circle", 900, 3, 5), "Circle, 5 people, 3 rounds"),
        (TogetherRecord("circle", 60, 1, 3), "Circle, 3 people, 1 round"),
        (TogetherRecord("listening_pair", 30, 0, 2), "You practised listening together"),
        (TogetherRecord("touch", 118, 1, 2), "Time together with consent, 2 min"),
        (TogetherRecord("touch", 40, 1, 2), "Time together with consent, 40 s"),
    ],
)
def test_the_line_each_record_has(record: TogetherRecord, line: str) -> None:
    assert describe(record) == line


def test_kept_words_join_the_line_and_search(store: Store) -> None:
    words = {"names": ["Sam", "Ana"], "words": ["warm", "seen"], "topics": ["A sound"]}
    save_record(store, TogetherRecord("listening_pair", 500, 2, 2, words))
    save_record(store, TogetherRecord("circle", 600, 2, 4))
    [item] = [i for i in timeline_rows(store.conn, None, 10) if i.kind == "listening_pair"]
    assert "Sam: warm" in item.summary and "Ana: seen" in item.summary
    assert [i.kind for i in search_everything(store, "warm")] == ["listening_pair"]
    assert [i.kind for i in search_everything(store, "circle")] == ["circle"]
    assert search_everything(store, "   ") == []


def test_unkept_words_are_not_searchable(store: Store) -> None:
    save_record(store, TogetherRecord("listening_pair", 500, 2, 2))
    assert search_everything(store, "Sam") == []
    assert [i.kind for i in search_everything(store, "listening")] == ["listening_pair"]


def test_the_timeline_pages_newest_first_and_skips_the_trash(store: Store) -> None:
    first = save_record(store, TogetherRecord("circle", 600, 2, 4, created_at="2026-11-28T09:00"))
    second = save_record(store, TogetherRecord("touch", 60, 1, 2, created_at="2026-11-28T10:00"))
    assert timeline_rows(store.conn, None, 5, kinds=("circle",))[0].uid == first.uid
    page = timeline_rows(store.conn, None, 1)
    assert [i.uid for i in page] == [second.uid]
    assert [i.uid for i in timeline_rows(store.conn, page[-1].cursor, 5)] == [first.uid]
    trash_record(store, second.uid)
    assert [r.uid for r in recent_records(store)] == [first.uid]
    assert count_records(store) == 1
    assert len(all_records(store)) == 2


@pytest.mark.parametrize(
    "record",
    [
        TogetherRecord("duet", 60, 1, 2),
        TogetherRecord("circle", 60, 1, 9),
        TogetherRecord("listening_pair", 60, 1, 3),
        TogetherRecord("touch", -1, 1, 2),
        TogetherRecord("touch", float("nan"), 1, 2),
        TogetherRecord("touch", 60, -1, 2),
        TogetherRecord("touch", 60, 1, 2, {"contact": {"nested": "no"}}),  # type: ignore[dict-item]
    ],
)
def test_records_that_cannot_be_kept_say_why_and_write_nothing(
    store: Store, record: TogetherRecord
) -> None:
    with pytest.raises(ValueError):
        save_record(store, record)
    assert count_records(store) == 0


def test_the_export_holds_words_only_where_kept_and_imports_once(
    store: Store, tmp_path: Path, wall: FakeWallClock
) -> None:
    kept = save_record(store, TogetherRecord("touch", 90, 1, 2, {"answers": ["wanted", ""]}))
    save_record(store, TogetherRecord("circle", 600, 2, 4))
    data = json.loads(export(store, "json"))
    assert [r["words"] for r in data["together"]] == [{"answers": ["wanted", ""]}, None]
    other = open_store(tmp_path / "other.db", tmp_path / "other-backups", wall)
    try:
        assert import_json(other, json.dumps(data)).added == 2
        assert import_json(other, json.dumps(data)).added == 0  # already there
        assert get_record(other, kept.uid) == kept
        assert [i.kind for i in search_everything(other, "wanted")] == ["touch"]
    finally:
        other.close()


def _document(record: dict[str, object]) -> str:
    return json.dumps({"format": FORMAT_NAME, "version": 3, "entries": [], "together": [record]})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ""}, "usable id"),
        ({"day": "yesterday"}, "should be a date"),
        ({"seconds": "long"}, "should be a number"),
        ({"rounds": 1.5}, "whole number"),
        ({"people": True}, "whole number"),
        ({"people": 9}, "whole number"),
        ({"kind": "duet"}, "should be one of"),
        ({"kind": "circle", "people": 2}, "3 to 8 people"),
        ({"words": ["a"]}, "named values"),
        ({"words": {"names": [True]}}, "words or small numbers"),
        ({"words": {"names": "x" * 3000}}, "longer than"),
    ],
)
def test_import_refuses_bad_data_with_a_clear_message_and_writes_nothing(
    store: Store, change: dict[str, object], message: str
) -> None:
    raw = record_to_data(
        TogetherRecord("listening_pair", 60, 1, 2, day="2026-11-01", created_at="2026-11-01T10:00")
    )
    with pytest.raises(RecordProblem, match=message) as caught:
        record_from_data(Fields({**raw, **change}, "Practice together 3"))
    assert str(caught.value).startswith("Practice together 3")
    with pytest.raises(ImportProblem, match=message):
        import_json(store, _document({**raw, **change}))
    assert count_records(store) == 0


def test_the_journal_timeline_and_search_hold_practices_together(store: Store) -> None:
    save_record(store, TogetherRecord("circle", 600, 2, 4, created_at="2026-11-28T09:00"))
    pair = save_record(
        store,
        TogetherRecord(
            "listening_pair", 500, 2, 2, {"words": ["moss"]}, created_at="2026-11-28T10:00"
        ),
    )
    assert [i.kind for i in TimelinePager(store).next_page(10)] == ["listening_pair", "circle"]
    assert [i.kind for i in TimelinePager(store, kinds=["circle"]).next_page(10)] == ["circle"]
    assert [i.uid for i in search_everything(store, "moss")] == [pair.uid]


def test_check_words_takes_plain_values_only() -> None:
    assert check_words({"before": [None, 3], "words": "a b"}) == {
        "before": [None, 3],
        "words": "a b",
    }
    with pytest.raises(ValueError):
        check_words({"": "x"})
    with pytest.raises(ValueError):
        check_words({"many": list(range(51))})


def test_words_line_for_a_circle_and_a_touch() -> None:
    circle = TogetherRecord("circle", 60, 1, 3, {"names": ["Sam", "Lee"], "words": "rain"})
    assert describe_words(circle) == "rain \u00b7 Sam, Lee"
    touch = TogetherRecord("touch", 60, 1, 2, {"contact": "Holding hands", "answers": ["", "x"]})
    assert describe_words(touch) == "Holding hands \u00b7 x"
