"""The registry of record kinds: the timeline, search and counts walk it and name no kind."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.store import Store, open_store
from desktop.store.database import newest_first
from desktop.store.exchange import (
    export_csv,
    export_document,
    export_markdown,
    parse_json,
    write_batch,
)
from desktop.store.items import Query, SearchPage, TimelineItem, found_rows
from desktop.store.journal import Entry, save_entry
from desktop.store.kinds import (
    KINDS,
    OnTimeline,
    Portable,
    Readable,
    RecordKind,
    Shown,
    count_records,
    describe_counts,
    shown_on_timeline,
    timeline_tables,
)
from desktop.store.portable import Fields, Links
from desktop.store.timeline import ALL_KINDS, TimelinePager, search_everything
from tests.helpers import FakeWallClock


def test_every_kind_has_its_own_key_and_table_in_the_schema(store: Store) -> None:
    keys = [kind.key for kind in KINDS]
    assert len(set(keys)) == len(keys)
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {kind.table for kind in KINDS} <= tables
    assert ALL_KINDS == (
        "entry",
        "impressions",
        "breath",
        "checkin",
        "listening_pair",
        "circle",
        "touch",
        "glimmer",
        "rhythm",
        "invitation",
        "pace",
    )
    assert timeline_tables() == {
        "entries",
        "breath_sessions",
        "body_checkins",
        "together_sessions",
        "glimmers",
        "rhythm_answers",
        "invitations",
        "pace_findings",
    }


def test_counts_name_every_kind_in_registry_order(store: Store) -> None:
    save_entry(store, Entry(body="a warm cup"))
    counts = count_records(store.conn)
    assert [kind.key for kind, _ in counts] == [kind.key for kind in KINDS]
    assert describe_counts(counts).startswith("1 journal entry, 0 pictures, 0 breathing sessions, ")


# -- a kind that arrives later, with its own table and one entry in the registry --------------


@dataclass(frozen=True)
class Win:
    uid: str
    day: str
    created_at: str
    what: str


def _make_wins_table(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "CREATE TABLE small_wins (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, "
            "day TEXT NOT NULL, created_at TEXT NOT NULL, what TEXT NOT NULL, deleted_at TEXT)"
        )


def _read_wins(conn: sqlite3.Connection) -> list[Win]:
    rows = conn.execute("SELECT uid, day, created_at, what FROM small_wins ORDER BY id")
    return [Win(*row) for row in rows]


def _win_from_data(fields: Fields) -> Win:
    return Win(fields.uid(), fields.day(), fields.moment("created_at"), fields.text("what", 200))


def _check_win(win: Win) -> None:
    if not win.what.strip():
        raise ValueError("A small win needs a few words.")


def _write_win(conn: sqlite3.Connection, win: Win, links: Links) -> bool:
    conn.execute(
        "INSERT INTO small_wins (uid, day, created_at, what) VALUES (?, ?, ?, ?)",
        (win.uid, win.day, win.created_at, win.what),
    )
    return True


def _wins_page(
    store: Store,
    after: tuple[str, str, int] | None,
    limit: int,
    shown: Sequence[str],
    tag: str | None,
) -> list[TimelineItem]:
    rows = newest_first(store.conn, "small_wins", "uid, day, created_at, what", after, limit)
    return [TimelineItem("win", r[1], r[2], r[3], r[0], (r[4],)) for r in rows]


def _wins_search(
    store: Store,
    query: Query,
    before: int | None,
    limit: int,
    shown: Sequence[str],
    tag: str | None,
) -> SearchPage:
    # A kind may search however it likes, as long as it pages newest first by row id.
    rows = store.conn.execute(
        "SELECT id, uid, day, created_at, what FROM small_wins WHERE what LIKE ? "
        "AND id < ? ORDER BY id DESC LIMIT ?",
        (f"%{query.terms[0]}%", before if before is not None else 2**62, limit),
    ).fetchall()

    def make(row: Sequence[Any]) -> TimelineItem:
        return TimelineItem("win", row[1], row[2], row[3], row[0], (row[4],))

    return SearchPage(found_rows(rows, make), rows[-1][0] if len(rows) == limit else None)


WINS = RecordKind(
    key="small_wins",
    table="small_wins",
    count_text="%n small win(s)",
    since=max(kind.since for kind in KINDS) + 1,
    portable=Portable(
        read=_read_wins,
        uid=lambda win: win.uid,
        to_data=dataclasses.asdict,
        from_data=_win_from_data,
        check=_check_win,
        write=_write_win,
        where="Small win {number}",
    ),
    readable=Readable(
        kept=lambda win: True,
        when=lambda win: (win.day, win.created_at),
        markdown=lambda win: [f"### A small win: {win.what}", ""],
        csv_columns=("what",),
        csv_row=lambda win: {"id": win.uid, "kind": "win", "day": win.day, "what": win.what},
    ),
    timeline=OnTimeline(shown=(Shown("win", "Small win", "Small wins"),), page=_wins_page),
    search=_wins_search,
)
WIN = {"uid": "w1", "day": "2026-11-27", "created_at": "2026-11-27T09:00:00", "what": "made tea"}


def test_a_new_kind_joins_timeline_search_and_counts_with_one_entry(store: Store) -> None:
    _make_wins_table(store)
    registry = (*KINDS, WINS)
    write_batch(store, {"small_wins": [Win(**WIN)]}, registry)
    save_entry(store, Entry(day="2026-11-28", body="tea in the garden"))

    everything = TimelinePager(store, registry=registry).next_page(10)
    assert [i.kind for i in everything] == ["entry", "win"]
    only_wins = TimelinePager(store, kinds=["win"], registry=registry).next_page(10)
    assert [i.uid for i in only_wins] == ["w1"]
    assert TimelinePager(store, tag="garden", registry=registry).next_page(10) == []

    found = search_everything(store, "tea", registry=registry)
    assert [i.kind for i in found] == ["entry", "win"]  # newest first across kinds

    counts = dict((k.key, n) for k, n in count_records(store.conn, registry))
    assert counts["small_wins"] == 1
    assert [s.item_kind for s in shown_on_timeline(registry)][-1] == "win"


def test_a_new_kind_joins_export_and_import_with_one_entry(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _make_wins_table(store)
    registry = (*KINDS, WINS)
    write_batch(store, {"small_wins": [Win(**WIN)]}, registry)
    document = export_document(store, registry)
    assert document["version"] == WINS.since  # the new kind raised the format's version
    wins = document["small_wins"]
    assert wins == [
        {"uid": "w1", "day": "2026-11-27", "created_at": "2026-11-27T09:00:00", "what": "made tea"}
    ]
    assert "### A small win: made tea" in export_markdown(store, registry)
    assert export_csv(store, registry).splitlines()[-1].startswith("w1,win,2026-11-27,")

    other = open_store(tmp_path / "o.db", tmp_path / "ob", FakeWallClock())
    _make_wins_table(other)
    wins[0]["id"] = wins[0].pop("uid")  # the file names a record's uid "id"
    batch = parse_json(json.dumps(document), registry)
    assert write_batch(other, batch, registry).describe_added(registry) == "1 small win"
    assert write_batch(other, batch, registry).added == 0
    other.close()


def test_counts_leave_out_a_kind_an_older_file_lacks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY)")
    assert [k.key for k, _ in count_records(conn)] == ["entries"]
    conn.close()


def test_every_kind_the_timeline_shows_is_searched() -> None:
    """Search finds everything the timeline shows, kinds added later included."""
    unsearched = [kind.key for kind in KINDS if kind.timeline and kind.search is None]
    assert unsearched == []


def test_every_search_index_looks_up_words_still_being_typed(store: Store) -> None:
    """Each kind's index keeps two- and three-letter prefixes, so a keystroke answers at once."""
    indexes = {
        row[0]: row[1]
        for row in store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        )
    }
    searched = {kind.table for kind in KINDS if kind.search is not None}
    for table in searched:
        assert "prefix='2 3'" in indexes[f"{table}_fts"], table
