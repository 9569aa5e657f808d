"""Small helpers for the exports a person reads (Markdown and CSV): times in their own zone,
feelings as words. Pure: no Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from desktop.store.records import Feeling
from desktop.texts import QT_TRANSLATE_NOOP, translate

INTENSITY_WORDS = {
    1: QT_TRANSLATE_NOOP("Export", "a little"),
    2: QT_TRANSLATE_NOOP("Export", "some"),
    3: QT_TRANSLATE_NOOP("Export", "a lot"),
}


def local_moment(stamp: str) -> dt.datetime | None:
    """A stored stamp (kept in UTC) in the person's own time zone, or None if unreadable."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo is not None else moment


def local_day(stamp: str) -> str:
    """The person's own calendar day of a stamp, as YYYY-MM-DD ("" if unreadable)."""
    moment = local_moment(stamp)
    return moment.date().isoformat() if moment else ""


def local_time(stamp: str) -> str:
    """ "14:05" in the person's own time ("" if unreadable)."""
    moment = local_moment(stamp)
    return moment.strftime("%H:%M") if moment else ""


def heading(title: str, stamp: str) -> str:
    """A Markdown heading for one record of the diary: "### Breathing session (14:05)"."""
    time = local_time(stamp)
    return f"### {title}" + (f" ({time})" if time else "")


def feelings_words(feelings: Iterable[Feeling]) -> str:
    """ "calm (a lot), lonely (a little)" for Markdown."""
    return ", ".join(
        f"{f.word} ({translate('Export', INTENSITY_WORDS[f.intensity])})" for f in feelings
    )


def feelings_cell(feelings: Iterable[Feeling]) -> str:
    """ "calm:3; lonely:1" for a CSV cell."""
    return "; ".join(f"{f.word}:{f.intensity}" for f in feelings)


def number_cell(value: float | int | None) -> str:
    """A number as a CSV cell: no trailing ".0", empty when there is none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"
