"""The rhythm's pure rules: anchors, a day, reminders, "Remember this?", invitations, the pace."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from desktop.breathe.pace import (
    COMFORT_RANK,
    PACE_RATES,
    PaceFinder,
    breath_lengths,
    choose_pace,
    step_pattern,
)
from desktop.rhythm import remember, reminders
from desktop.rhythm.anchors import (
    Anchor,
    AnchorProblem,
    DayAnchor,
    anchor_to_offer,
    anchors_from_text,
    anchors_to_text,
    answer_words,
    clean_anchor,
    day_of,
    default_anchors,
)
from desktop.rhythm.invitations import INVITATIONS, invitation
from desktop.store import Store
from desktop.store.pace import COMFORTS

NOON = dt.datetime(2026, 11, 28, 12, 0)


def test_the_offered_anchors_are_the_four_of_the_practice() -> None:
    names = [a.name for a in default_anchors()]
    assert names == [
        "Move a little",
        "Eat something",
        "A moment of breathing",
        "A brief contact with someone",
    ]
    assert all(a.cue and a.smaller and a.time for a in default_anchors())
    assert {a.kind for a in default_anchors()} == {"move", "eat", "breathe", "contact"}


def test_anchors_survive_the_settings_and_bad_values_fall_back() -> None:
    mine = [
        *default_anchors()[:2],
        Anchor("own-1", "Water the plant", "One glass of water for it.", "Touch a leaf.", None),
    ]
    assert anchors_from_text(anchors_to_text(mine)) == mine
    for bad in (None, "", "not json", "{}", 42, json.dumps({"key": "x"}), "[" * 100_000):
        assert anchors_from_text(bad) is None  # (the last is deeper than json will go)
    # One unreadable anchor among good ones is left out; the rest are kept.
    mixed = json.loads(anchors_to_text(mine))
    mixed.insert(1, {"key": "", "name": "no key"})
    mixed.append({"key": "own-2", "name": "   "})
    mixed.append({"key": "own-1", "name": "a repeated key"})
    mixed.append({"key": "own-3", "name": "At a bad time", "time": "25:99"})
    kept = anchors_from_text(json.dumps(mixed))
    assert kept is not None
    assert [a.key for a in kept] == ["move", "eat", "own-1", "own-3"]
    assert kept[-1].time is None


def test_an_anchor_needs_a_short_name() -> None:
    with pytest.raises(AnchorProblem, match="short name") as problem:
        clean_anchor(Anchor("k", "   ", "", ""))
    assert problem.value.field == "name"
    with pytest.raises(AnchorProblem, match="under 60"):
        clean_anchor(Anchor("k", "x" * 61, "", ""))
    with pytest.raises(AnchorProblem) as long_cue:
        clean_anchor(Anchor("k", "Walk", "y" * 201, ""))
    assert long_cue.value.field == "cue"
    tidy = clean_anchor(Anchor("k", "  Walk   a bit ", " out ", "", kind="weird"))
    assert (tidy.name, tidy.cue, tidy.kind) == ("Walk a bit", "out", "own")


def test_a_day_orders_anchors_by_time_and_never_marks_a_miss() -> None:
    move, eat, breathe, contact = default_anchors()
    untimed = Anchor("own-1", "Water the plant", "", "")
    day = day_of([contact, untimed, move, eat, breathe], {"move": "done", "eat": "let_go"})
    assert [d.anchor.key for d in day] == ["move", "eat", "breathe", "contact", "own-1"]
    assert [d.answer for d in day] == ["done", "let_go", None, None, None]
    assert [answer_words(d.answer) for d in day] == ["done", "let go for today", "", "", ""]


def test_the_anchor_in_front_is_the_open_one_whose_time_came_last() -> None:
    day = day_of(default_anchors(), {})
    assert anchor_to_offer(day, dt.time(9, 0)) == 0  # nothing has come: the first to come
    assert anchor_to_offer(day, dt.time(13, 0)) == 1  # eat (12:30) came last
    answered = day_of(default_anchors(), {"eat": "smaller"})
    assert anchor_to_offer(answered, dt.time(13, 0)) == 0  # eat answered: move is still open
    every = day_of(default_anchors(), dict.fromkeys(["move", "eat", "breathe", "contact"], "done"))
    assert anchor_to_offer(every, dt.time(20, 0)) == 0
    assert anchor_to_offer([DayAnchor(Anchor("a", "A", "", ""), None)], dt.time(1, 0)) == 0


def test_a_reminder_is_due_once_at_its_time_and_never_after_an_answer() -> None:
    anchors = default_anchors()
    at = dt.datetime(2026, 11, 28, 10, 0)
    assert [a.key for a in reminders.due(anchors, at, set(), set())] == ["move"]
    assert reminders.due(anchors, at - dt.timedelta(seconds=1), set(), set()) == []
    assert [a.key for a in reminders.due(anchors, at + dt.timedelta(minutes=29), set(), set())]
    assert reminders.due(anchors, at + dt.timedelta(minutes=30), set(), set()) == []  # too late
    assert reminders.due(anchors, at, {"move"}, set()) == []  # answered already
    assert reminders.due(anchors, at, set(), {"move"}) == []  # shown already
    title, text = reminders.message(anchors[0])
    assert title == "Move a little"
    assert "smaller version is fine" in text
    assert "miss" not in (title + text).lower()


def test_which_reminders_were_shown_is_kept_for_the_day_only() -> None:
    today = dt.date(2026, 11, 28)
    text = reminders.shown_to_text(today, {"move", "eat"})
    assert text == "2026-11-28 eat move"
    assert reminders.shown_from_text(text, today) == {"move", "eat"}
    assert reminders.shown_from_text(text, today + dt.timedelta(days=1)) == set()
    for bad in (None, "", "nonsense", 3):
        assert reminders.shown_from_text(bad, today) == set()


def test_remember_this_offers_one_from_the_past_now_and_then() -> None:
    today = dt.date(2026, 11, 28)
    assert remember.oldest_day_offered(today) == dt.date(2026, 11, 22)
    assert remember.choose(today, None, 0, random.Random(1)) is None  # no past yet
    first = remember.choose(today, None, 10, random.Random(1))
    assert first is not None and 0 <= first < 10
    assert first == remember.choose(today, None, 10, random.Random(1))  # seeded: the same
    yesterday = remember.Offered(today - dt.timedelta(days=1), "abc")
    assert remember.choose(today, yesterday, 10, random.Random(1)) is None  # not every day
    three_ago = remember.Offered(today - dt.timedelta(days=3), "abc")
    assert remember.choose(today, three_ago, 10, random.Random(1)) is not None
    kept = remember.Offered(today, "abc")
    assert remember.offered_from_text(remember.offered_to_text(kept)) == kept
    assert remember.offered_from_text("2026-11-28") == remember.Offered(today, "")
    assert remember.offered_from_text("garbage") is None
    assert remember.offered_from_text(None) is None


def test_every_invitation_can_be_said_and_ends_gently() -> None:
    keys = [card.key for card in INVITATIONS]
    assert keys == ["walk", "warm", "scent", "texture", "colour", "song", "pace"]
    assert invitation("walk").timer == (5, 15, 10)
    assert invitation("song").opens == "listen"
    assert invitation("pace").opens == "pace"
    for card in INVITATIONS:
        words = " ".join([card.shown_title(), *card.shown_lines()])
        assert "!" not in words
        assert "should" not in words.lower()
    with pytest.raises(KeyError):
        invitation("nowhere")


def test_the_paces_step_down_with_a_longer_out_breath() -> None:
    assert PACE_RATES == (6.5, 6.0, 5.5, 5.0, 4.5)
    for rate in PACE_RATES:
        inhale, exhale = breath_lengths(rate)
        assert exhale > inhale
        assert exhale < inhale * 1.5  # a little longer, not a lot
        assert abs(60 / (inhale + exhale) - rate) < 0.05
        pattern = step_pattern(rate)
        assert (pattern.inhale, pattern.exhale) == (inhale, exhale)
        assert not pattern.has_holds
    assert breath_lengths(6.0) == (4.5, 5.5)


def test_the_most_comfortable_pace_wins_and_a_tie_goes_to_the_faster() -> None:
    assert tuple(COMFORT_RANK) == COMFORTS
    assert choose_pace([]) is None
    assert choose_pace([(6.5, "fine"), (6.0, "easy"), (5.5, "easy"), (5.0, "effortful")]) == 6.0
    assert choose_pace([(6.5, "effortful"), (4.5, "effortful")]) == 6.5
    assert choose_pace([(5.0, "fine"), (4.5, "easy")]) == 4.5


def test_a_pace_finder_walks_five_steps_or_stops_early() -> None:
    finder = PaceFinder()
    seen = []
    for comfort in ("fine", "easy", "easy", "fine", "effortful"):
        assert not finder.finished
        seen.append(finder.rate)
        finder.answer(comfort)
    assert seen == list(PACE_RATES)
    assert finder.finished and finder.chosen() == 6.0
    finder.answer("easy")  # after the last step nothing more is added
    assert len(finder.answers) == 5
    with pytest.raises(ValueError):
        PaceFinder().answer("great")
    early = PaceFinder()
    early.answer("fine")
    early.stop()
    assert early.finished and early.chosen() == 6.5


def test_the_rhythm_settings_fall_back_on_anything_a_file_holds(store: Store) -> None:
    from desktop.rhythm.settings import RhythmSettings
    from desktop.settings import MemoryBackend, Settings

    garbage = MemoryBackend(
        {
            "rhythm/anchors": "{{not json",
            "rhythm/reminders": "maybe",
            "rhythm/reminded": 42,
            "rhythm/remembered": "yesterday-ish",
        }
    )
    rhythm = RhythmSettings(Settings(garbage), store)
    assert [a.key for a in rhythm.anchors()] == ["move", "eat", "breathe", "contact"]
    assert not rhythm.reminders_on()
    assert rhythm.reminded(dt.date(2026, 11, 28)) == set()
    assert rhythm.remembered() is None
    rhythm.set_anchors(default_anchors()[:1])
    rhythm.set_reminders_on(True)
    rhythm.set_reminded(dt.date(2026, 11, 28), {"move"})
    assert [a.key for a in rhythm.anchors()] == ["move"]
    assert rhythm.reminders_on()
    assert rhythm.reminded(dt.date(2026, 11, 28)) == {"move"}
