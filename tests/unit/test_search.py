"""Search across every kind: newest first by row id, page after page, filters and the trash."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from desktop.store import Store, open_store
from desktop.store import migrations as migrations_module
from desktop.store.breathing import StoredSession, save_session
from desktop.store.database import SCAN_PER_STEP
from desktop.store.items import fts_query, waiting_for_more
from desktop.store.journal import Entry, impressions_entry, save_entry, trash_entry, write_entry
from desktop.store.listening import CheckIn, save_checkin
from desktop.store.records import Feeling
from desktop.store.timeline import SearchPager, search_everything
from tests.helpers import FakeWallClock


def every_page(pager: SearchPager, size: int) -> list[list[str]]:
    pages = []
    while not pager.exhausted:
        pages.append([item.uid for item in pager.next_page(size)])
    return pages


def fill(store: Store, count: int, body: str, kind: str = "entry", tag: str = "") -> list[str]:
    uids = []
    with store.transaction("entries") as conn:
        for i in range(count):
            day = f"2026-{1 + i // 28 % 11:02d}-{1 + i % 28:02d}"
            entry = (
                impressions_entry([body, "b", "c"], day)
                if kind == "impressions"
                else Entry(day=day, body=body, tags=(tag,) if tag else ())
            )
            entry = replace(entry, created_at=f"{day}T10:00:00", updated_at=f"{day}T10:00:00")
            write_entry(conn, entry)
            uids.append(entry.uid)
    return uids


def test_pages_go_on_where_the_last_stopped_without_repeats(store: Store) -> None:
    uids = fill(store, 130, "rain on the window")
    pages = every_page(SearchPager(store, "rain "), 50)
    assert [len(p) for p in pages] == [50, 50, 30]
    seen = [uid for page in pages for uid in page]
    assert sorted(seen) == sorted(uids)
    assert len(set(seen)) == len(seen)


def test_newest_first_and_within_a_day_the_closest_first(store: Store) -> None:
    old = save_entry(store, Entry(day="2026-11-01", body="moss moss moss"))
    far = save_entry(store, Entry(day="2026-11-20", body="a long walk " * 30 + "moss"))
    near = save_entry(store, Entry(day="2026-11-20", body="moss on the stone, moss"))
    assert [i.uid for i in search_everything(store, "moss ")] == [near.uid, far.uid, old.uid]


def test_a_kind_filter_finds_the_few_among_many(store: Store) -> None:
    """Impressions hidden far below hundreds of matching entries are reached, step by step,
    each step reading at most a few hundred matches."""
    wanted = fill(store, 3, "river light", kind="impressions")
    fill(store, 2 * SCAN_PER_STEP + 10, "river light")
    pager = SearchPager(store, "river", kinds=["impressions"])
    pages = every_page(pager, 50)
    assert len(pages) >= 3  # short pages while it goes on: the view asks again
    assert sorted(uid for page in pages for uid in page) == sorted(wanted)


def test_a_tag_filter_and_the_trash(store: Store) -> None:
    tagged = save_entry(store, Entry(body="bread in the oven", tags=("kitchen",)))
    save_entry(store, Entry(body="bread at the market"))
    gone = save_entry(store, Entry(body="bread for the ducks", tags=("kitchen",)))
    trash_entry(store, gone.uid)
    save_session(
        store,
        StoredSession("bread", {}, 60.0, 6, False, feelings_after=(Feeling("bread", 2),)),
    )
    pager = SearchPager(store, "bread", tag="kitchen")
    assert [i.uid for i in pager.next_page(50)] == [tagged.uid]  # sessions have no tags
    assert pager.exhausted
    kinds = {i.kind for i in search_everything(store, "bread")}
    assert kinds == {"entry", "breath"}
    assert gone.uid not in {i.uid for i in search_everything(store, "bread")}


def test_every_kind_the_timeline_shows_is_found(store: Store) -> None:
    save_entry(store, Entry(body="lanterns"))
    save_session(store, StoredSession("Lanterns", {}, 120.0, 12, False))
    save_checkin(store, CheckIn(None, "Lanterns", None, note="a hum"))
    assert {i.kind for i in search_everything(store, "lanterns")} == {"entry", "breath", "checkin"}


def test_a_first_letter_waits_for_the_second() -> None:
    assert fts_query("w") is None and waiting_for_more("w")
    assert fts_query("wi") == '"wi"*'
    assert fts_query("cold w") == '"cold"'  # the words before it are looked up already
    assert fts_query("w ") == '"w"'  # a word of one letter, finished
    assert not waiting_for_more("?!")


def test_an_older_journal_gains_search_of_sessions_and_prefixes(tmp_path: Path) -> None:
    """A journal made before breathing sessions were searched: the step adds their words and
    gives every index its prefixes, keeping what was kept."""
    path = tmp_path / "glimmers.db"
    step = migrations_module.MIGRATIONS.index(migrations_module._v8_search_everything)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for migration in migrations_module.MIGRATIONS[:step]:
        migration(conn)
    conn.execute(f"PRAGMA user_version = {step}")
    conn.execute(
        "INSERT INTO entries (uid, day, created_at, updated_at, body) "
        "VALUES ('e1', '2026-11-01', '2026-11-01T09:00:00', '2026-11-01T09:00:00', 'warm tea')"
    )
    conn.execute(
        "INSERT INTO breath_sessions (uid, day, created_at, pattern, pattern_name, "
        "actual_seconds, cycles, ended_early, feelings_before, feelings_after) VALUES "
        "('s1', '2026-11-02', '2026-11-02T09:00:00', '{}', 'Resonance', 300, 30, 0, ?, '[]')",
        (json.dumps([{"word": "heavy eyelids", "intensity": 2}]),),
    )
    conn.execute("COMMIT")
    conn.close()

    store = open_store(path, tmp_path / "backups", FakeWallClock())
    assert [i.uid for i in search_everything(store, "eyelids")] == ["s1"]
    assert [i.uid for i in search_everything(store, "resonance ")] == ["s1"]
    assert [i.uid for i in search_everything(store, "wa")] == ["e1"]  # a prefix, by its index
    again = save_entry(store, Entry(body="warm hands"))  # the triggers feed the new index
    assert {i.uid for i in search_everything(store, "warm ")} == {"e1", again.uid}
    store.close()
