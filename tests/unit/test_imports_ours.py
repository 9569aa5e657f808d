"""Our own JSON export, streamed record by record: the same records, checks and messages as the
exchange's whole-file import, with progress, a cancel, and nothing written on any problem."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store, open_store
from desktop.store.exchange import FORMAT_NAME, export, write_batch
from desktop.store.imports import ImportCancelled, ImportProblem, import_file, preview_file
from desktop.store.imports.ours import read_ours
from desktop.store.imports.records import Progress
from desktop.store.journal import Entry, count_entries
from desktop.store.kinds import KINDS, count_records
from tests.helpers import FakeWallClock
from tests.unit.test_exchange import BAD_RECORDS, ENTRY, OVER_LIMITS, _fill_everything, _one
from tests.unit.test_imports_importer import OPTIONS


def _write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _nothing_kept(store: Store) -> bool:
    return all(n == 0 for _, n in count_records(store.conn))


@pytest.fixture
def other(tmp_path: Path) -> Any:
    opened = open_store(tmp_path / "other.db", tmp_path / "other-backups", FakeWallClock())
    yield opened
    opened.close()


def test_every_kind_comes_in_as_it_went_out(tmp_path: Path, store: Store, other: Store) -> None:
    _fill_everything(store)
    first = export(store, "json")
    path = _write(tmp_path / "export.json", first)
    counts = {kind.key: n for kind, n in count_records(store.conn) if n}

    preview = preview_file(other, path, "glimmers", OPTIONS)
    assert dict(preview.kinds) == counts and preview.already == 0
    assert _nothing_kept(other)
    reports: list[tuple[int, int]] = []
    result = import_file(other, path, "glimmers", OPTIONS, lambda d, t: reports.append((d, t)))
    assert dict(result.added_by_kind) == counts
    assert export(other, "json") == first
    assert reports[-1] == (path.stat().st_size, path.stat().st_size)

    assert preview_file(other, path, "glimmers", OPTIONS).already == sum(counts.values())
    again = import_file(other, path, "glimmers", OPTIONS)
    assert (again.added, again.already_there) == (0, sum(counts.values()))
    assert export(other, "json") == first


def _many(store: Store, n: int) -> None:
    entries = [
        Entry(uid=f"e{i}", day="2026-01-02", body=f"snow {i} " * 100, created_at="2026-01-02T09:00")
        for i in range(n)
    ]
    write_batch(store, {"entries": entries})


def test_a_large_export_is_read_a_record_at_a_time_with_progress(
    tmp_path: Path, store: Store, other: Store
) -> None:
    _many(store, 3000)
    path = _write(tmp_path / "export.json", export(store, "json"))
    progress = Progress()
    records = read_ours(path, KINDS, progress)
    next(records)
    assert 0 < progress.done < progress.total / 2  # the first record came before the rest
    records.close()

    reports: list[tuple[int, int]] = []
    import_file(other, path, "glimmers", OPTIONS, lambda d, t: reports.append((d, t)))
    done = [d for d, _ in reports]
    assert len(reports) >= 10 and done == sorted(done)
    assert count_entries(other) == 3000


def test_cancelling_our_own_import_writes_nothing(
    tmp_path: Path, store: Store, other: Store
) -> None:
    _many(store, 1000)
    path = _write(tmp_path / "export.json", export(store, "json"))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after some records are written

    with pytest.raises(ImportCancelled):
        import_file(other, path, "glimmers", OPTIONS, None, cancelled)
    assert count_entries(other, include_trash=True) == 0
    with pytest.raises(ImportCancelled):
        preview_file(other, path, "glimmers", OPTIONS, None, lambda: True)


def test_a_file_with_its_kinds_in_another_order_still_links_them(
    tmp_path: Path, store: Store, other: Store
) -> None:
    _fill_everything(store)
    document = json.loads(export(store, "json"))
    reordered = dict(reversed(list(document.items())))  # pictures before their entries
    path = _write(tmp_path / "export.json", json.dumps(reordered))
    result = import_file(other, path, "glimmers", OPTIONS)
    assert dict(result.added_by_kind) == {k.key: n for k, n in count_records(store.conn) if n}
    assert export(other, "json") == export(store, "json")


def test_a_bad_record_late_in_the_file_means_nothing_is_written(
    tmp_path: Path, store: Store, other: Store
) -> None:
    _fill_everything(store)
    document = json.loads(export(store, "json"))
    last = KINDS[-1].key
    document[last].append({**document[last][0], "id": "x", "day": "someday"})
    number = len(document[last])
    path = _write(tmp_path / "export.json", json.dumps(document))
    with pytest.raises(ImportProblem, match=f" {number}: .day. should be a date"):
        import_file(other, path, "glimmers", OPTIONS)
    assert _nothing_kept(other)


BAD_FILES = [
    (b"\xff\xfe\x00binary", "is not UTF-8 text"),
    (b"{not json", "stops being valid JSON at line 1, column 2"),
    (b'{"format": "glimmers-journal",\n "version": 2, "entries": [}', "at line 2, column"),
    (b"[]", "not a Glimmers journal export"),
    (json.dumps({"format": "other"}).encode(), "not a Glimmers journal export"),
    (json.dumps({"version": 2, "entries": []}).encode(), "not a Glimmers journal export"),
    (json.dumps({"format": FORMAT_NAME, "version": 99, "entries": []}).encode(), "newer version"),
    (json.dumps({"format": FORMAT_NAME, "entries": []}).encode(), "no format version"),
    (json.dumps({"format": FORMAT_NAME, "version": 1}).encode(), "no list of entries"),
    (
        json.dumps({"format": FORMAT_NAME, "version": 2, "entries": [], "tracks": {}}).encode(),
        "“tracks” is not a list",
    ),
    (
        json.dumps({"format": FORMAT_NAME, "version": 1, "entries": [ENTRY, ENTRY]}).encode(),
        "Entry 2 repeats the id of an earlier one",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_a_malformed_export_is_refused_with_what_and_where(
    tmp_path: Path, store: Store, data: bytes, message: str
) -> None:
    path = _write(tmp_path / "export.json", data)
    for step in (preview_file, import_file):
        with pytest.raises(ImportProblem, match=message):
            step(store, path, "glimmers", OPTIONS)
    assert _nothing_kept(store)


@pytest.mark.parametrize(
    ("kind", "record", "message"),
    BAD_RECORDS + [("entries", {**ENTRY, **cast(dict[str, Any], f)}, m) for f, m in OVER_LIMITS],
)
def test_each_record_gets_the_exchanges_own_checks(
    tmp_path: Path, store: Store, kind: str, record: dict[str, Any], message: str
) -> None:
    path = _write(tmp_path / "export.json", _one(kind, record))
    for step in (preview_file, import_file):
        with pytest.raises(ImportProblem, match=message):
            step(store, path, "glimmers", OPTIONS)
    assert _nothing_kept(store)


_any_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
_record = st.dictionaries(
    st.sampled_from(["id", "day", "created_at", "text", "kind", "tags", "entry", "data"]),
    _any_value,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from([kind.key for kind in KINDS] + ["format", "version", "other"]),
        st.lists(_record, max_size=3) | _any_value,
    ),
    st.booleans(),
)
def test_fuzz_odd_exports_are_read_or_refused_cleanly(
    tmp_path: Path, store: Store, document: dict[str, Any], ours: bool
) -> None:
    if ours:
        document = {"format": FORMAT_NAME, "version": 1, **document}
    path = _write(tmp_path / "export.json", json.dumps(document))
    before = {kind.key: n for kind, n in count_records(store.conn)}
    with contextlib.suppress(ImportProblem):
        preview = preview_file(store, path, "glimmers", OPTIONS)
        result = import_file(store, path, "glimmers", OPTIONS)
        assert result.added + result.already_there == preview.entries
        return
    assert {kind.key: n for kind, n in count_records(store.conn)} == before


def test_the_preview_finds_what_the_import_will_find_under_other_ids(
    tmp_path: Path, store: Store, other: Store
) -> None:
    """That day's answer to an anchor, a pattern of the same name and timings, a music file in
    the library already: each is here under another id, which the import keeps as it is. The
    preview counts them as the import does, and names records that have no day."""
    from desktop.store.breathing import StoredPattern, save_pattern
    from desktop.store.listening import TrackInfo, add_tracks
    from desktop.store.rhythm import answer_anchor

    for journal, answer in ((store, "done"), (other, "let_go")):
        answer_anchor(journal, "water", "Water the plant", answer)
        save_pattern(journal, StoredPattern("Slow", 4, 0, 6, 0))
        add_tracks(journal, [TrackInfo(path="/music/rain.ogg", title="Rain")])
    path = _write(tmp_path / "export.json", export(store, "json"))
    preview = preview_file(other, path, "glimmers", OPTIONS)
    result = import_file(other, path, "glimmers", OPTIONS)
    assert (result.added, result.already_there) == (0, 3)
    assert preview.already == 3
    assert preview.summary().endswith(
        "all of them are in your journal already, so nothing would change."
    )

    data = json.loads(export(store, "json"))
    data["rhythm_answers"] = []  # only records without a day of their own
    undated = _write(tmp_path / "undated.json", json.dumps(data))
    empty = open_store(tmp_path / "empty.db", tmp_path / "empty-backups", FakeWallClock())
    try:
        summary = preview_file(empty, undated, "glimmers", OPTIONS).summary()
    finally:
        empty.close()
    assert summary == "This file has 1 breathing pattern of your own, 1 track."
