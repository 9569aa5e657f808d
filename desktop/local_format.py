"""Dates, times and sizes written the way the person's locale writes them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop.texts import translate


def day_and_time(moment: dt.datetime) -> str:
    """ "Saturday, 28 November 2026, 18:05" in English; each locale its own way."""
    locale = QLocale()
    long_date = locale.dateFormat(QLocale.FormatType.LongFormat)
    short_time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    when = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return locale.toString(when, f"{long_date}, {short_time}")


def data_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def short_day(iso_day: str) -> str:
    """A stored day ("2026-11-28") as the locale writes a short date."""
    try:
        day = dt.date.fromisoformat(iso_day)
    except ValueError:
        return iso_day
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def day_label(day: str, current: dt.date) -> str:
    date = dt.date.fromisoformat(day)
    if date == current:
        return translate("JournalTimeline", "Today")
    if date == current - dt.timedelta(days=1):
        return translate("JournalTimeline", "Yesterday")
    # The patterns are QLocale's (dddd: weekday, MMMM: month); a translation can reorder them.
    pattern = (
        translate("JournalTimeline", "dddd d MMMM")
        if date.year == current.year
        else translate("JournalTimeline", "dddd d MMMM yyyy")
    )
    return QLocale().toString(QDate(date.year, date.month, date.day), pattern)
