"""The words beside each picture: text alternatives and honest small-sample wording. Pure.

Each picture has a sentence (or a few) a screen reader can read and anyone can take in instead
of the picture. Dates are written by formatters the caller hands in (the locale lives in Qt).
Nothing here grades: no verdicts, rankings of practices or scores, and no counts of what was
not done.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desktop.checkin.feelings import Feeling, Vocabulary, phrase
from desktop.store.patterns import BodyTotals, DayComparison, PracticeDays, RegionTotal, WordsUsed
from desktop.texts import translate

DayText = Callable[[dt.date], str]  # "3 November"
Label = Callable[[str], str]  # a kind's or region's key -> its words

TOO_FEW = 5  # fewer sessions than this: too few to say anything
FEW = 10  # fewer than this: a first impression only
COMPARE_MIN_DAYS = 3  # days with a practice, and other days, needed for a comparison
COMPARED_WORDS = 5


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return translate("OverTime", "{first} and {last}").format(
        first=translate("OverTime", ", ").join(parts[:-1]), last=parts[-1]
    )


# -- days with a practice ---------------------------------------------------------------------


def month_days(year: int, month: int) -> tuple[str, str]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first.isoformat(), (following - dt.timedelta(days=1)).isoformat()


def month_summary(
    days: PracticeDays, year: int, month: int, title: str, label: Label, month_name: str
) -> str:
    """ "November 2026. Breathing: 2, 5 and 9 November. Writing: 3 November." The days
    themselves, without a count of them: the month's picture is what was kept, not a tally."""
    first, last = month_days(year, month)
    parts = []
    for kind in days.kinds:
        found = days.days_of(kind, first, last)
        if found:
            parts.append(
                translate("OverTime", "{kind}: {days}.").format(
                    kind=label(kind).capitalize(),
                    days=translate("OverTime", "{days} {month}").format(
                        days=_join([str(int(d[8:])) for d in found]), month=month_name
                    ),
                )
            )
    if not parts:
        return translate("OverTime", "{title}: nothing kept in this month.").format(title=title)
    return " ".join([translate("OverTime", "{title}.").format(title=title), *parts])


def year_summary(
    days: PracticeDays, year: int, label: Label, month_name: Callable[[int], str]
) -> str:
    """ "2026. Breathing on 80 days, in March to November. ..." """
    parts = []
    for kind in days.kinds:
        found = days.days_of(kind, f"{year:04d}-01-01", f"{year:04d}-12-31")
        if not found:
            continue
        months = sorted({int(d[5:7]) for d in found})
        count = len(found)
        parts.append(
            translate("OverTime", "{kind} on %n day(s), in {months}.", None, count).format(
                kind=label(kind).capitalize(), months=_join([month_name(m) for m in months])
            )
        )
    if not parts:
        return translate("OverTime", "{year}: nothing kept in this year.").format(year=year)
    return " ".join([f"{year}.", *parts])


def day_description(kinds: Sequence[str], when: str, label: Label) -> str:
    """What a screen reader says on one day of the calendar."""
    if not kinds:
        return when
    return translate("OverTime", "{day}: {kinds}. Enter shows them in the journal.").format(
        day=when, kinds=_join([label(k) for k in kinds])
    )


# -- the body map ---------------------------------------------------------------------------------


def region_description(total: RegionTotal | None, place: str) -> str:
    if total is None or total.marks == 0:
        return translate("OverTime", "{place}: nothing marked here.").format(place=place)
    marks = total.marks
    text = translate("OverTime", "{place}: marked %n time(s)", None, marks).format(place=place)
    if total.qualities:
        text += translate("OverTime", ", often {qualities}").format(
            qualities=_join([q for q, _ in total.qualities[:3]])
        )
    return text + "."


def body_summary(totals: BodyTotals, label: Label, weights_order: Sequence[str]) -> str:
    """Where something was felt, warmest first, as a sentence with a short clause per place."""
    if totals.marks == 0:
        return translate(
            "OverTime",
            "Nothing marked on the body for this choice yet. Check-ins while you listen, and "
            "where you felt your glimmers, show here.",
        )
    parts = [region_description(totals.regions.get(key), label(key)) for key in weights_order]
    marks = totals.marks
    lead = translate("OverTime", "%n mark(s) on the body, the warmest places first.", None, marks)
    return " ".join([lead, *parts])


# -- words you have used --------------------------------------------------------------------------


def is_own(word: str, vocabulary: Vocabulary) -> bool:
    """A word the person typed themselves, not one of the offered words."""
    return vocabulary.get(word) is None


def words_by_month(words: WordsUsed) -> list[tuple[str, list[str]]]:
    """(YYYY-MM, words first noted that month), oldest first; months with none are absent."""
    groups: dict[str, list[str]] = {}
    for use in words.words:
        groups.setdefault(use.first_day[:7], []).append(use.word)
    return sorted(groups.items())


def range_steps(words: WordsUsed) -> list[tuple[str, int]]:
    """(day, how many different words had been noted by then), one point per day a word first
    appeared: how the range of words has widened."""
    steps: list[tuple[str, int]] = []
    for count, use in enumerate(words.words, start=1):
        if steps and steps[-1][0] == use.first_day:
            steps[-1] = (use.first_day, count)
        else:
            steps.append((use.first_day, count))
    return steps


def mixed_phrases(words: WordsUsed, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(day, the mixed state as a phrase: "calm, with a little sadness"), newest first."""
    found = []
    for state in words.mixed:
        try:
            feelings = [Feeling(word, intensity) for word, intensity in state.feelings]
        except ValueError:
            continue
        found.append((state.day, phrase(feelings, vocabulary)))
    return found


def words_summary(
    words: WordsUsed, vocabulary: Vocabulary, month_text: Callable[[str], str]
) -> str:
    if not words.words:
        return translate(
            "OverTime",
            "No feeling words yet. When you choose or write one in a check-in or the "
            "journal, it shows here.",
        )
    own = [u.word for u in words.words if is_own(u.word, vocabulary)]
    first, last = words.words[0], words.words[-1]
    count, owned = len(words.words), len(own)
    text = translate("OverTime", "You have used %n different feeling word(s).", None, count)
    if own:
        text += " " + translate("OverTime", "%n of them your own: {words}.", None, owned).format(
            words=_join(own)
        )
    if first.first_day[:7] != last.first_day[:7]:
        text += " " + translate(
            "OverTime", "The first was noted in {first}, the newest in {last}."
        ).format(first=month_text(first.first_day), last=month_text(last.first_day))
    return text


# -- what seems to help ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    sessions: int
    median: float
    low: float  # the first quartile: a quarter of the changes were smaller
    high: float  # the third quartile


Changes = Sequence[int] | Mapping[int, int]  # every change, or change -> how many sessions


def counted(changes: Changes) -> dict[int, int]:
    if isinstance(changes, Mapping):
        return {int(c): int(n) for c, n in changes.items() if n > 0}
    found: dict[int, int] = {}
    for change in changes:
        found[change] = found.get(change, 0) + 1
    return found


def spread(changes: Changes) -> Spread | None:
    """Median and the middle half of the changes; None for fewer than two.

    The quarters are answers that were given (nearest rank), not values between them: the
    answers are whole steps, and "a quarter step" would be a precision nobody answered with.
    """
    counts = counted(changes)
    total = sum(counts.values())
    if total < 2:
        return None
    order = sorted(counts)

    def at(rank: int) -> int:  # the rank-th smallest change, from 1
        seen = 0
        for change in order:
            seen += counts[change]
            if seen >= rank:
                return change
        return order[-1]

    middle = total // 2 + 1
    median = float(at(middle)) if total % 2 else (at(middle - 1) + at(middle)) / 2
    low, high = at(math.ceil(total / 4)), at(math.ceil(total * 3 / 4))
    return Spread(total, median, float(low), float(high))


def steps_text(value: float) -> str:
    """A change in the 1-to-5 answer in words: "no change", "1 step more settled"."""
    if abs(value) < 0.01:
        return translate("OverTime", "no change")
    amount = abs(value)
    if abs(amount - 0.5) < 0.01:
        size = translate("OverTime", "half a step")
    elif abs(amount - 1) < 0.01:
        size = translate("OverTime", "1 step")
    else:
        size = translate("OverTime", "{number} steps").format(number=f"{amount:.2g}")
    if value > 0:
        return translate("OverTime", "{size} more settled").format(size=size)
    return translate("OverTime", "{size} less settled").format(size=size)


def describe_changes(practice: str, changes: Changes) -> str:
    """Honest words for the before/after changes of one practice; never a verdict."""
    count = sum(counted(changes).values())
    if not count:
        return translate(
            "OverTime",
            "When you answer how settled you feel before and after {practice}, the change "
            "shows here.",
        ).format(practice=practice)
    if count < TOO_FEW:
        return translate("OverTime", "%n session(s) so far: too few to say anything.", None, count)
    found = spread(changes)
    assert found is not None
    text = translate(
        "OverTime",
        "Across %n sessions with an answer before and after, the change in the middle was "
        "{median}; half of them lay between {low} and {high}.",
        None,
        count,
    ).format(
        median=steps_text(found.median), low=steps_text(found.low), high=steps_text(found.high)
    )
    if count < FEW:
        text = translate("OverTime", "A first impression from a few sessions only.") + " " + text
    return text


def comparison_ready(comparison: DayComparison | None) -> bool:
    return (
        comparison is not None
        and comparison.days_with >= COMPARE_MIN_DAYS
        and comparison.days_without >= COMPARE_MIN_DAYS
    )


def describe_comparison(practice: str, comparison: DayComparison | None) -> list[str]:
    """Sentences comparing the words noted on days with a practice and on other days, or the
    one sentence saying when the comparison will appear."""
    if comparison is None or not comparison_ready(comparison):
        return [
            translate(
                "OverTime",
                "A comparison of days with {practice} and other days shows here once there "
                "are at least three of each with feeling words noted.",
            ).format(practice=practice)
        ]
    lines = [
        translate(
            "OverTime",
            "Feeling words noted elsewhere on {with_days} days with {practice} and on "
            "{other_days} other days:",
        ).format(
            with_days=comparison.days_with, other_days=comparison.days_without, practice=practice
        )
    ]
    for word, with_it, without in comparison.words[:COMPARED_WORDS]:
        lines.append(
            translate(
                "OverTime",
                "{word}: on {with_it} of the {with_days} days with {practice}, "
                "on {without} of the {other_days} other days.",
            ).format(
                word=word,
                with_it=with_it,
                with_days=comparison.days_with,
                practice=practice,
                without=without,
                other_days=comparison.days_without,
            )
        )
    return lines
