"""Journal entries in the store: save, edit, trash, drafts, timeline pages and search."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store, limits
from desktop.store.items import fts_query
from desktop.store.journal import (
    Entry,
    all_tags,
    count_entries,
    discard_draft,
    empty_trash,
    get_entry,
    impressions_entry,
    insert_new_entries,
    load_drafts,
    restore_entry,
    save_draft,
    save_entry,
    search,
    timeline_page,
    trash_entry,
    trashed_entries,
)
from desktop.store.records import Feeling
from tests.helpers import FakeWallClock


def test_save_and_read_back_every_field(store: Store) -> None:
    entry = Entry(
        day="2026-11-20",
        touch="cold railing",
        sound="rain on the skylight",
        sight="grey light",
        smell_taste="toast",
        breath_body="shoulders dropped",
        feelings=(Feeling("calm", 2), Feeling("sad", 1)),
        body="A slow morning.",
        tags=("Rain", "morning", "rain"),
        sketch='{"strokes": [[[0.1, 0.2], [0.3, 0.4]]]}',
    )
    saved = save_entry(store, entry)
    assert saved.tags == ("rain", "morning")
    assert saved.created_at.startswith("2026-11-28T12:00")
    assert get_entry(store, entry.uid) == saved


def test_blank_entry_is_refused_but_nothing_in_particular_is_kept(store: Store) -> None:
    with pytest.raises(ValueError, match="nothing to save"):
        save_entry(store, Entry(touch="   "))
    save_entry(store, Entry(feelings=(Feeling("nothing in particular", 2),)))
    assert count_entries(store) == 1


def test_future_day_is_refused_and_earlier_day_kept(store: Store) -> None:
    with pytest.raises(ValueError, match="not a later one"):
        save_entry(store, Entry(day="2026-12-25", body="x"))
    with pytest.raises(ValueError, match="a date such as"):
        save_entry(store, Entry(day="yesterday", body="x"))
    assert save_entry(store, Entry(day="2026-01-03", body="x")).day == "2026-01-03"


def test_editing_keeps_identity_and_creation_time(store: Store, wall: FakeWallClock) -> None:
    first = save_entry(store, Entry(body="first words"))
    wall.advance(5 * 60)
    edited = save_entry(store, dataclasses.replace(first, body="better words"))
    assert edited.created_at == first.created_at
    assert edited.updated_at > first.updated_at
    assert count_entries(store) == 1
    assert search(store, "first") == []
    assert [i.uid for i in search(store, "better")] == [first.uid]


def test_trash_undo_and_empty(store: Store) -> None:
    kept = save_entry(store, Entry(body="kept"))
    gone = save_entry(store, Entry(body="gone soon"))
    trash_entry(store, gone.uid)
    assert [i.uid for i in timeline_page(store)] == [kept.uid]
    assert search(store, "gone") == []
    assert [e.uid for e in trashed_entries(store)] == [gone.uid]
    restore_entry(store, gone.uid)
    assert {i.uid for i in timeline_page(store)} == {kept.uid, gone.uid}
    trash_entry(store, gone.uid)
    assert empty_trash(store) == 1
    assert get_entry(store, gone.uid) is None
    assert get_entry(store, kept.uid) is not None


def test_three_impressions(store: Store) -> None:
    entry = impressions_entry(["warm mug", "bird  outside\n", "soft jumper"], day="2026-11-28")
    saved = save_entry(store, entry)
    again = get_entry(store, saved.uid)
    assert again is not None
    assert again.impressions == ("warm mug", "bird outside", "soft jumper")
    assert timeline_page(store)[0].summary == "warm mug · bird outside · soft jumper"
    assert [i.uid for i in search(store, "jumper")] == [saved.uid]


def test_timeline_is_newest_first_by_day_and_pages_without_gaps(
    store: Store, wall: FakeWallClock
) -> None:
    saved = []
    for i in range(23):
        day = (dt.date(2026, 11, 1) + dt.timedelta(days=i % 7)).isoformat()
        wall.advance(60)
        saved.append(save_entry(store, Entry(day=day, body=f"note {i}")))
    seen: list[str] = []
    cursor = None
    while page := timeline_page(store, after=cursor, limit=5):
        seen += [item.uid for item in page]
        cursor = page[-1].cursor
    expected = sorted(saved, key=lambda e: (e.day, e.created_at), reverse=True)
    assert seen == [e.uid for e in expected]


def test_timeline_filters_by_kind_and_tag(store: Store) -> None:
    walk = save_entry(store, Entry(body="walk", tags=("outside",)))
    quick = save_entry(store, impressions_entry(["a", "b", "c"], day=""))
    assert [i.uid for i in timeline_page(store, kinds=["impressions"])] == [quick.uid]
    assert [i.uid for i in timeline_page(store, tag="outside")] == [walk.uid]
    assert timeline_page(store, kinds=["breath"]) == []
    assert all_tags(store) == ["outside"]


def test_search_covers_every_field_feeling_word_and_tag(store: Store) -> None:
    entry = save_entry(
        store,
        Entry(
            touch="velvet",
            sound="cello",
            sight="lantern",
            smell_taste="cinnamon",
            breath_body="ribcage",
            feelings=(Feeling("tender", 2),),
            body="harbour",
            tags=("pilgrimage",),
        ),
    )
    for word in [
        "velvet",
        "cello",
        "lantern",
        "cinnamon",
        "ribcage",
        "tender",
        "harbour",
        "pilgrimage",
    ]:
        results = search(store, word + " ")
        assert [r.uid for r in results] == [entry.uid], word
        assert "\x02" in results[0].snippet


def test_search_as_you_type_phrases_and_stemming(store: Store) -> None:
    a = save_entry(store, Entry(body="I was meditating by the window"))
    b = save_entry(store, Entry(body="the window was open and cold air came in"))
    assert {r.uid for r in search(store, "wind")} == {a.uid, b.uid}  # prefix while typing
    assert [r.uid for r in search(store, '"cold air"')] == [b.uid]
    assert [r.uid for r in search(store, "meditate ")] == [a.uid]  # same stem
    assert search(store, "   ") == []
    for odd in ['AND OR NOT "(', "*", "a:b", "^x", "NEAR(a b)"]:
        search(store, odd)  # FTS syntax is quoted away: no error, whatever the person types


def test_fts_query_quotes_everything() -> None:
    assert fts_query("cold air") == '"cold" "air"*'
    assert fts_query("cold air ") == '"cold" "air"'
    assert fts_query('"cold air" wi') == '"cold air" "wi"*'
    assert fts_query("NOT -*") == '"NOT"*'
    assert fts_query("?!") is None


def test_drafts_round_trip_and_go_with_the_save(store: Store) -> None:
    save_draft(store, "new", {"body": "half a thought"})
    assert [(d.key, d.content) for d in load_drafts(store)] == [("new", {"body": "half a thought"})]
    save_entry(store, Entry(body="a whole thought"), draft_key="new")
    assert load_drafts(store) == []
    save_draft(store, "other", {"x": 1})
    discard_draft(store, "other")
    assert load_drafts(store) == []


awkward_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=300
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=awkward_text)
def test_any_text_is_stored_exactly_and_found_again(store: Store, text: str) -> None:
    body = text + " zebrafinch"
    saved = save_entry(store, Entry(body=body, sound=text))
    again = get_entry(store, saved.uid)
    assert again is not None
    assert again.body == body
    assert again.sound == text
    assert saved.uid in {r.uid for r in search(store, "zebrafinch", limit=1000)}


def test_very_long_text_with_nul_survives(store: Store) -> None:
    body = ("long\x00line " * 20_000)[: limits.TEXT]
    saved = save_entry(store, Entry(body=body))
    again = get_entry(store, saved.uid)
    assert again is not None and again.body == body


def test_text_over_its_limit_is_refused_not_cut(store: Store) -> None:
    for entry, message in [
        (Entry(body="x" * (limits.TEXT + 1)), "can hold up to 200,000 characters"),
        (Entry(sight="y" * (limits.LINE + 1)), "\u201cSight\u201d can hold up to 10,000"),
        (Entry(kind="impressions", body="a\nb\nc\nd"), "holds 3 notes, and this has 4"),
        (Entry(body="x", feelings=(Feeling("w" * 61, 1),)), "up to 60 characters"),
    ]:
        with pytest.raises(ValueError, match=message):
            save_entry(store, entry)
    with pytest.raises(ValueError, match="holds 3 notes"):
        impressions_entry(["a", "b", "c", "d"], day="2026-11-28")
    assert count_entries(store, include_trash=True) == 0


def test_highlight_excerpt_marks_matches_and_centres_on_the_first() -> None:
    from desktop.store.items import highlight_excerpt

    assert highlight_excerpt("I was meditating today", ["meditate"]) == (
        "I was \x02meditating\x03 today"
    )
    long_text = "x " * 200 + "the Harbour lights" + " y" * 200
    excerpt = highlight_excerpt(long_text, ["harb"], width=60)
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert "\x02Harbour\x03" in excerpt
    assert highlight_excerpt("nothing here", []) == "nothing here"


def test_an_entrys_day_changes_only_when_the_person_changes_it(store: Store) -> None:
    entry = save_entry(store, Entry(body="on the 28th"))
    store.wall.set(dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.timezone.utc))  # type: ignore[attr-defined]
    again = save_entry(store, dataclasses.replace(entry, body="on the 28th, and more"))
    assert again.day == "2026-11-28"
    with pytest.raises(ValueError, match="not a later one"):
        save_entry(store, dataclasses.replace(entry, day="2026-11-27"))  # still later than today
    assert save_entry(store, dataclasses.replace(entry, day="2026-11-19")).day == "2026-11-19"


def test_many_new_entries_at_once_skip_what_is_kept_and_come_after_it(store: Store) -> None:
    kept = save_entry(store, Entry(body="kept already", tags=("old",)))
    last = save_entry(store, Entry(body="let go"))
    trash_entry(store, last.uid)
    empty_trash(store)  # the highest row id is free again
    entries = [
        Entry(uid="n1", day="2026-11-01", body="first", tags=("walk", "rain")),
        Entry(uid=kept.uid, day="2026-11-02", body="not this one"),
        Entry(uid="n1", day="2026-11-03", body="nor a second n1"),
        Entry(uid="n2", day="2026-11-04", body="second", feelings=(Feeling("calm", 2),)),
    ]
    with store.transaction("entries") as conn:
        ids = insert_new_entries(conn, entries)
        assert insert_new_entries(conn, []) == {}
    assert list(ids) == ["n1", "n2"] and ids["n2"] == ids["n1"] + 1
    assert get_entry(store, kept.uid) == kept
    first, second = get_entry(store, "n1"), get_entry(store, "n2")
    assert first is not None and (first.body, first.tags) == ("first", ("walk", "rain"))
    assert second is not None and second.feelings == (Feeling("calm", 2),)
    assert [i.uid for i in search(store, "rain")] == ["n1"]  # in the search index too
    assert [i.uid for i in timeline_page(store, tag="walk")] == ["n1"]
