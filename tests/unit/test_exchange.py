"""Export in open formats and import our JSON: complete, idempotent, all or nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store, open_store
from desktop.store.exchange import (
    FORMAT_NAME,
    ImportProblem,
    export,
    export_json,
    import_json,
)
from desktop.store.journal import (
    Entry,
    all_entries,
    count_entries,
    impressions_entry,
    save_entry,
    trash_entry,
)
from desktop.store.records import Feeling
from tests.helpers import TEST_NOON, FakeWallClock


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
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
                sketch=json.dumps({"version": 1, "strokes": [[[0.1, 0.1], [0.5, 0.5]]]}),
            ),
        ),
        save_entry(store, impressions_entry(["moss", "cold tap", "a cat"], day="2026-11-03")),
    ]


def test_json_round_trip_gives_equal_entries(store: Store, other_store: Store) -> None:
    _fill(store)
    trash_entry(store, all_entries(store)[1].uid)
    result = import_json(other_store, export(store, "json"))
    assert (result.added, result.already_there) == (2, 0)
    assert all_entries(other_store) == all_entries(store)


def test_importing_twice_adds_nothing(store: Store, other_store: Store) -> None:
    _fill(store)
    data = export(store, "json")
    import_json(other_store, data)
    again = import_json(other_store, data)
    assert (again.added, again.already_there) == (0, 2)
    assert count_entries(other_store) == 2


def test_json_has_format_version_and_sketch(store: Store) -> None:
    _fill(store)
    document = json.loads(export(store, "json"))
    assert document["format"] == FORMAT_NAME
    assert document["version"] == 1
    first = document["entries"][0]
    assert first["sketch"]["strokes"] == [[[0.1, 0.1], [0.5, 0.5]]]
    assert first["feelings"] == [
        {"word": "calm", "intensity": 3},
        {"word": "lonely", "intensity": 1},
    ]
    assert document["entries"][1]["impressions"] == ["moss", "cold tap", "a cat"]


def test_markdown_reads_well(store: Store) -> None:
    _fill(store)
    text = export(store, "markdown")
    assert "## Monday 02 November 2026" in text
    assert "**Touch and temperature:** wool" in text
    assert "**Feelings:** calm (a lot), lonely (a little)" in text
    assert "- cold tap" in text
    assert "Tags: home, evening" in text


def test_csv_has_one_row_per_entry(store: Store) -> None:
    _fill(store)
    rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert len(rows) == 2
    assert rows[0]["text"] == 'Line one\nLine two, with "quotes" and , commas'
    assert rows[0]["feelings"] == "calm:3; lonely:1"
    assert rows[0]["has_sketch"] == "yes"
    assert rows[1]["impressions"] == "moss | cold tap | a cat"


BAD_FILES = [
    (b"\xff\xfe\x00binary", "not text"),
    (b"{not json", "not valid JSON"),
    (b"[]", "not a Glimmers journal export"),
    (json.dumps({"format": "other"}).encode(), "not a Glimmers journal export"),
    (json.dumps({"format": FORMAT_NAME, "version": 99, "entries": []}).encode(), "newer version"),
    (json.dumps({"format": FORMAT_NAME, "version": 1}).encode(), "no list of entries"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_malformed_files_are_refused_with_a_message(
    store: Store, data: bytes, message: str
) -> None:
    with pytest.raises(ImportProblem, match=message):
        import_json(store, data)
    assert count_entries(store, include_trash=True) == 0


def test_one_bad_entry_means_nothing_is_written(store: Store, other_store: Store) -> None:
    _fill(store)
    document = json.loads(export(store, "json"))
    document["entries"].append({"id": "x1", "day": "not a day", "created_at": "2026-11-01T10:00"})
    with pytest.raises(ImportProblem, match=r"Entry 3: .day. should be a date"):
        import_json(other_store, json.dumps(document))
    assert count_entries(other_store, include_trash=True) == 0


def test_bad_feelings_and_duplicate_ids_are_refused(store: Store) -> None:
    base = {"id": "a", "day": "2026-11-01", "created_at": "2026-11-01T10:00:00"}
    for entries, message in [
        ([{**base, "feelings": [{"word": "calm", "intensity": 7}]}], "intensity of 1 to 3"),
        ([{**base, "tags": "not a list"}], "list of words"),
        ([base, base], "repeats the id"),
        ([{**base, "kind": "poem"}], "unknown kind"),
    ]:
        document = {"format": FORMAT_NAME, "version": 1, "entries": entries}
        with pytest.raises(ImportProblem, match=message):
            import_json(store, json.dumps(document))
    assert count_entries(store, include_trash=True) == 0


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


def test_export_json_of_nothing() -> None:
    assert json.loads(export_json([], TEST_NOON))["entries"] == []
