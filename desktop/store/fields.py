"""Checking one field of an imported record, with a message a person can act on. Pure.

Each kind of record reads its own fields with these; a problem raises RecordProblem (a
ValueError) naming the record and the field, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping
from typing import Any

from desktop.texts import translate

MAX_UID_LENGTH = 100


class RecordProblem(ValueError):
    """An imported record that cannot be kept; the message says which and why."""


def record(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise RecordProblem(translate("Store", "{where} is not a record.").format(where=where))
    return raw


def text(raw: Mapping[str, Any], key: str, where: str, max_length: int | None = None) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordProblem(
            translate("Store", "{where}: \u201c{field}\u201d should be text.").format(
                where=where, field=key
            )
        )
    if max_length is not None and len(value) > max_length:
        raise RecordProblem(
            translate(
                "Store", "{where}: \u201c{field}\u201d is longer than {length} characters."
            ).format(where=where, field=key, length=max_length)
        )
    return value


def uid(raw: Mapping[str, Any], where: str) -> str:
    value = text(raw, "id", where)
    if not value or len(value) > MAX_UID_LENGTH:
        raise RecordProblem(translate("Store", "{where} has no usable id.").format(where=where))
    return value


def day(raw: Mapping[str, Any], where: str) -> str:
    try:
        return dt.date.fromisoformat(text(raw, "day", where)).isoformat()
    except ValueError:
        raise RecordProblem(
            translate("Store", "{where}: \u201cday\u201d should be a date like 2026-11-28.").format(
                where=where
            )
        ) from None


def stamp(raw: Mapping[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = text(raw, key, where)
    if not value and not required:
        return None
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise RecordProblem(
            translate("Store", "{where}: \u201c{field}\u201d should be a date and time.").format(
                where=where, field=key
            )
        ) from None
    return value


def choice(raw: Mapping[str, Any], key: str, where: str, choices: Collection[str]) -> str:
    value = text(raw, key, where)
    if value not in choices:
        raise RecordProblem(
            translate(
                "Store", "{where}: \u201c{field}\u201d cannot be \u201c{value}\u201d."
            ).format(where=where, field=key, value=value)
        )
    return value


def number(raw: Mapping[str, Any], key: str, where: str, low: float, high: float) -> float | None:
    """An optional number between ``low`` and ``high``; None when it is absent."""
    value = raw.get(key)
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not low <= value <= high
    ):
        raise RecordProblem(
            translate(
                "Store", "{where}: \u201c{field}\u201d should be a number from {low} to {high}."
            ).format(where=where, field=key, low=f"{low:g}", high=f"{high:g}")
        )
    return float(value)


def flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise RecordProblem(
            translate("Store", "{where}: \u201c{field}\u201d should be true or false.").format(
                where=where, field=key
            )
        )
    return value
