"""Every kind of text a person can type is kept exactly (after its documented tidying) or
refused with a message; nothing is half-written and the database stays whole."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.breathe.patterns import PatternProblem, custom_pattern
from desktop.store import Store, limits
from desktop.store.breathing import StoredPattern, list_patterns, save_pattern
from desktop.store.contacts import add_contact, list_contacts
from desktop.store.journal import Entry, clean_tags, get_entry, save_entry
from desktop.store.listening import BodyMark, CheckIn, recent_checkins, save_checkin

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def whole(store: Store) -> bool:
    return str(store.conn.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"


@FUZZ
@given(name=any_text, reach=any_text)
def test_contacts(store: Store, name: str, reach: str) -> None:
    before = len(list_contacts(store))
    try:
        kept = add_contact(store, name, reach)
    except ValueError as e:
        assert str(e) and len(list_contacts(store)) == before
    else:
        assert kept in list_contacts(store)
        assert (kept.name, kept.how_to_reach) == (name.strip(), reach.strip())
    assert whole(store)


@FUZZ
@given(note=any_text, title=any_text, own=any_text)
def test_check_in_notes_titles_and_own_words(store: Store, note: str, title: str, own: str) -> None:
    checkin = CheckIn(
        track_id=None,
        track_title=title,
        position_ms=1234,
        marks=(BodyMark("chest", ("warm", own)),),
        note=note,
    )
    if len(own) > limits.FEELING_WORD:  # refused whole, with a message; nothing is kept
        with pytest.raises(ValueError, match="characters"):
            save_checkin(store, checkin)
        assert whole(store) and recent_checkins(store, 1000) == []
        return
    saved = save_checkin(store, checkin)
    again = next(c for c in recent_checkins(store, 1000) if c.uid == saved.uid)
    assert (again.note, again.track_title, again.marks) == (note, title, checkin.marks)
    assert whole(store)


@FUZZ
@given(tags=st.lists(any_text, max_size=5), body=any_text)
def test_tags(store: Store, tags: list[str], body: str) -> None:
    try:
        expected = clean_tags(tags)
    except ValueError as e:
        assert "under 40" in str(e)
        return
    saved = save_entry(store, Entry(body=body + " x", tags=tuple(tags)))
    again = get_entry(store, saved.uid)
    assert again is not None and again.tags == expected and again.body == body + " x"
    assert whole(store)


@FUZZ
@given(name=any_text, seconds=st.floats(allow_nan=True, allow_infinity=True))
def test_custom_pattern_names_and_numbers(store: Store, name: str, seconds: float) -> None:
    try:
        pattern = custom_pattern(name, seconds, 0, 6, 0)
    except PatternProblem as problem:
        assert str(problem) and problem.field in ("name", "inhale")
        return
    except OverflowError:  # pragma: no cover - a float too large for the comparison
        pytest.fail("a number must get a message, not an error")
    try:
        save_pattern(store, StoredPattern(pattern.name, pattern.inhale, 0, 6, 0))
    except ValueError as e:
        assert "already have" in str(e)
    assert pattern.name in [p.name for p in list_patterns(store)]
    assert whole(store)
