"""Imported entries reach the journal many rows a statement: the indexes kept by triggers
(the full-text search, the feeling words of "Over time") stay in step with the rows, after an
import, a cancelled one and a refused one, in a plain journal and in a protected one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from desktop.store import Store, WriteFailed, open_store
from desktop.store.connection import encryption_available
from desktop.store.exchange import export_json
from desktop.store.imports import ImportCancelled, ImportProblem, ReadOptions, import_file
from desktop.store.items import Query
from desktop.store.journal import Entry, count_entries, save_entry, search, search_page
from desktop.store.records import Feeling
from tests.helpers import TEST_NOON, FakeWallClock
from tests.import_samples import JRNL_ENTRIES, jrnl_json

OPTIONS = ReadOptions(now=TEST_NOON, zone=ZoneInfo("Europe/Madrid"))
MANY = 700  # more than one batch of entries written at once


def _many(count: int = MANY) -> list[dict[str, Any]]:
    return [
        {**JRNL_ENTRIES[0], "title": f"Morning number{i}.", "body": f"Heron by the weir {i}."}
        for i in range(count)
    ]


def _index_is_whole(store: Store) -> None:
    """FTS5's own check of the search index against the rows it indexes (raises if not)."""
    store.conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    indexed = store.conn.execute("SELECT COUNT(*) FROM entries_fts_docsize").fetchone()[0]
    assert indexed == count_entries(store, include_trash=True)


def _found(store: Store, text: str) -> list[str]:
    return [item.uid for item in search(store, text, limit=1000)]


def _check_search_after_import(store: Store, tmp_path: Path) -> None:
    save_entry(store, Entry(body="A heron of my own.", tags=("mine",)))
    result = import_file(store, jrnl_json(tmp_path / "j.json", _many()), "jrnl", OPTIONS)
    assert result.added == MANY
    _index_is_whole(store)
    assert len(_found(store, "heron")) == MANY + 1
    assert len(_found(store, "number345")) == 1
    assert len(_found(store, "anna")) == MANY  # the tag's word, as the search box finds it
    query = Query.parse("weir")
    assert query is not None
    by_tag = search_page(store, query, None, 1000, tag="anna")  # the tag chosen in the filter
    assert len(by_tag.found) == MANY
    # The rows come in the file's own order, as entries imported one by one would.
    bodies = store.conn.execute("SELECT body FROM entries WHERE body LIKE '%weir%' ORDER BY id")
    assert [b for (b,) in bodies] == [
        f"Morning number{i}. Heron by the weir {i}." for i in range(MANY)
    ]
    again = import_file(store, jrnl_json(tmp_path / "j.json", _many()), "jrnl", OPTIONS)
    assert (again.added, again.already_there) == (0, MANY)
    _index_is_whole(store)


def test_search_finds_imported_words_and_tags_at_once(tmp_path: Path, store: Store) -> None:
    _check_search_after_import(store, tmp_path)


@pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")
def test_search_finds_imported_words_in_a_protected_journal(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(folder / "glimmers.db", folder / "backups", FakeWallClock(), key=bytes(32))
    try:
        _check_search_after_import(store, tmp_path)
    finally:
        store.close()


def test_a_cancelled_import_leaves_the_index_as_the_rows(tmp_path: Path, store: Store) -> None:
    save_entry(store, Entry(body="A heron of my own."))
    path = jrnl_json(tmp_path / "j.json", _many())
    asked = []

    def cancelled() -> bool:  # asked every 200 entries: the first batch is written by then
        asked.append(True)
        return len(asked) >= 3

    with pytest.raises(ImportCancelled):
        import_file(store, path, "jrnl", OPTIONS, cancelled=cancelled)
    assert count_entries(store) == 1
    _index_is_whole(store)
    assert len(_found(store, "heron")) == 1 and _found(store, "weir") == []
    assert import_file(store, path, "jrnl", OPTIONS).added == MANY
    _index_is_whole(store)
    assert len(_found(store, "weir")) == MANY


def test_a_refused_write_midway_leaves_the_index_as_the_rows(tmp_path: Path, store: Store) -> None:
    store.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON entries WHEN new.body LIKE '%weir 600.' "
        "BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(WriteFailed):
        import_file(store, jrnl_json(tmp_path / "j.json", _many()), "jrnl", OPTIONS)
    assert count_entries(store, include_trash=True) == 0
    _index_is_whole(store)
    store.conn.execute("DROP TRIGGER refuse")
    assert import_file(store, tmp_path / "j.json", "jrnl", OPTIONS).added == MANY
    _index_is_whole(store)


def test_imported_feelings_reach_over_time(tmp_path: Path, store: Store) -> None:
    """Our own export's entries carry feeling words: the trigger that keeps them for the
    "Over time" pictures runs for every row written at once, and only for rows not in the
    trash."""
    for i in range(MANY):
        save_entry(
            store,
            Entry(
                body=f"Entry {i}",
                feelings=(Feeling("calm", 2), Feeling("tender", 1)) if i % 2 else (),
                deleted_at="2026-11-01T10:00:00.000+00:00" if i % 7 == 0 else None,
            ),
        )
    expected = store.conn.execute(
        "SELECT word, COUNT(*) FROM feeling_uses GROUP BY word ORDER BY word"
    ).fetchall()
    assert expected and len(expected) == 2
    exported = tmp_path / "mine.json"
    exported.write_text(export_json(store))
    assert json.loads(exported.read_text())["entries"]
    folder = tmp_path / "other"
    folder.mkdir()
    other = open_store(folder / "glimmers.db", folder / "backups", FakeWallClock())
    try:
        assert import_file(other, exported, "glimmers", OPTIONS).added == MANY
        uses = other.conn.execute(
            "SELECT word, COUNT(*) FROM feeling_uses GROUP BY word ORDER BY word"
        ).fetchall()
        assert uses == expected
        _index_is_whole(other)
        assert len(_found(other, "tender")) == len(_found(store, "tender")) > 0
    finally:
        other.close()


def test_a_malformed_entry_after_batches_written_leaves_nothing(
    tmp_path: Path, store: Store
) -> None:
    """Two batches are written (one perhaps still being written) when entry 650 is refused:
    nothing of the file is kept, and the index is as the rows."""
    save_entry(store, Entry(body="A heron of my own."))
    entries = _many()
    entries[649] = {**entries[649], "date": "2019-02-31"}
    with pytest.raises(ImportProblem, match="Entry 650: 2019-02-31 07:45 is not a real date"):
        import_file(store, jrnl_json(tmp_path / "j.json", entries), "jrnl", OPTIONS)
    assert count_entries(store, include_trash=True) == 1
    _index_is_whole(store)
    assert _found(store, "weir") == []
