"""The words beside the Over time pictures: honest about small numbers, never a grade."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.checkin.vocabularies import load_feelings
from desktop.over_time.summaries import (
    body_summary,
    comparison_ready,
    describe_changes,
    describe_comparison,
    month_summary,
    range_steps,
    spread,
    steps_text,
    words_by_month,
    words_summary,
    year_summary,
)
from desktop.store.patterns import (
    BodyTotals,
    DayComparison,
    PracticeDays,
    RegionTotal,
    WordsUsed,
    WordUse,
)

JUDGING = re.compile(r"streak|missed|score|better|worse|great|well done|!|\b0 ", re.IGNORECASE)


def day_text(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')}"


def test_below_five_sessions_there_is_too_little_to_say() -> None:
    assert describe_changes("breathing", [1, 2]) == "2 sessions so far: too few to say anything."
    assert describe_changes("breathing", [1, 0, 2]) == (
        "3 sessions so far: too few to say anything."
    )
    assert describe_changes("breathing", [1]) == "1 session so far: too few to say anything."


def test_no_sessions_invite_rather_than_count() -> None:
    text = describe_changes("breathing", [])
    assert "breathing" in text and not re.search(r"\d", text)


def test_a_few_sessions_give_a_first_impression_with_the_middle_and_the_spread() -> None:
    text = describe_changes("breathing", [0, 1, 1, 2, -1, 1])
    assert text.startswith("A first impression from a few sessions only.")
    assert "the change in the middle was 1 step more settled" in text
    assert "between no change and 1 step more settled" in text


def test_enough_sessions_are_described_plainly() -> None:
    text = describe_changes("breathing", [1] * 6 + [2] * 4 + [-1, 0])
    assert "first impression" not in text
    assert "Across 12 sessions" in text
    assert not JUDGING.search(text)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "no change"),
        (1, "1 step more settled"),
        (-1, "1 step less settled"),
        (0.5, "half a step more settled"),
        (-1.5, "1.5 steps less settled"),
        (2, "2 steps more settled"),
    ],
)
def test_steps_in_words(value: float, words: str) -> None:
    assert steps_text(value) == words


def test_spread_is_the_median_and_the_middle_half() -> None:
    found = spread([0, 1, 1, 2, 3])
    assert found is not None
    assert (found.median, found.low, found.high) == (1.0, 1.0, 2.0)
    assert spread([1]) is None


def test_days_are_compared_only_with_three_of_each() -> None:
    few = DayComparison("breathing", 2, 5, (("calm", 1, 3),))
    assert not comparison_ready(few)
    (only,) = describe_comparison("breathing", few)
    assert "at least three of each" in only
    enough = DayComparison("breathing", 3, 4, (("calm", 2, 1), ("tired", 1, 3)))
    assert comparison_ready(enough)
    lines = describe_comparison("breathing", enough)
    assert lines[1] == "calm: on 2 of the 3 days with breathing, on 1 of the 4 other days."
    assert all(not JUDGING.search(line) for line in lines)


def test_a_month_is_told_kind_by_kind_with_its_days() -> None:
    days = PracticeDays(
        ("breathing", "listening", "writing"),
        {"2026-11-03": ("breathing", "writing"), "2026-11-10": ("breathing",)},
    )
    text = month_summary(days, 2026, 11, "November 2026", str, "November")
    assert text == ("November 2026. Breathing: 3 and 10 November. Writing: 3 November.")
    assert "listening" not in text.lower()  # nothing said about what did not happen
    empty = month_summary(days, 2026, 10, "October 2026", str, "October")
    assert empty == "October 2026: nothing kept in this month."
    year = year_summary(days, 2026, str, lambda m: dt.date(2026, m, 1).strftime("%B"))
    assert year == "2026. Breathing on 2 days, in November. Writing on 1 day, in November."


def test_the_body_is_told_warmest_first() -> None:
    totals = BodyTotals(
        {
            "chest": RegionTotal("chest", 9.0, 4, (("warm", 3), ("open", 1))),
            "feet": RegionTotal("feet", 1.0, 1),
        }
    )
    text = body_summary(totals, str.capitalize, ["chest", "feet"])
    assert text == (
        "5 marks on the body, the warmest places first. Chest: marked 4 times, often warm "
        "and open. Feet: marked 1 time."
    )
    assert "Nothing marked" in body_summary(BodyTotals(), str, [])


def test_words_say_how_the_range_widened_and_which_are_ones_own() -> None:
    vocabulary = load_feelings()
    used = WordsUsed(
        (
            WordUse("numb", "2026-08-03", "2026-11-01", 9),
            WordUse("calm", "2026-08-03", "2026-11-20", 4),
            WordUse("fizzy", "2026-10-12", "2026-10-12", 1),
        )
    )
    assert words_by_month(used) == [("2026-08", ["numb", "calm"]), ("2026-10", ["fizzy"])]
    assert range_steps(used) == [("2026-08-03", 2), ("2026-10-12", 3)]
    text = words_summary(used, vocabulary, lambda day: day[:7])
    assert text == (
        "You have used 3 different feeling words. 1 of them your own: fizzy. "
        "The first was noted in 2026-08, the newest in 2026-10."
    )


@pytest.mark.parametrize(
    "changes",
    [[0, 1], [2, -1, 0, 1, 1], [1] * 7 + [-2] * 3 + [0] * 5, [4, -4, 0, 0, 1, 2, 3, -1]],
)
def test_the_spread_of_counted_changes_is_the_spread_of_the_changes(changes: list[int]) -> None:
    import statistics

    counts: dict[int, int] = {}
    for change in changes:
        counts[change] = counts.get(change, 0) + 1
    assert spread(counts) == spread(changes)
    found = spread(changes)
    assert found is not None and found.median == statistics.median(changes)
