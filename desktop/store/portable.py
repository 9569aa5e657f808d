"""Records in their portable form: reading one record of an export field by field, and linking
records by uid while a batch is written. Pure: no Qt.

Every kind's ``from_data`` (see ``desktop/store/kinds.py``) reads its record through ``Fields``,
so a file that is wrong in any way gets one kind of message, naming the record and the field,
and every limit of ``desktop/store/limits.py`` is applied the same way.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from desktop.store import limits
from desktop.store.records import INTENSITY_RANGE, Feeling
from desktop.texts import translate

# Half of a character: JSON's \u escapes can name one (\ud83c), which UTF-8 cannot hold. Apps
# that count text in UTF-16 units leave one when they cut a note in the middle of an emoji;
# every reader of other apps' files and of our own export keeps text through storable().
_HALF_CHARACTER = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` as the journal can keep it: a lone half of a character becomes U+FFFD, the
    mark for a character that could not be read (the rest of the text stays as it is)."""
    if text.isascii() or _HALF_CHARACTER.search(text) is None:
        return text
    return _HALF_CHARACTER.sub("\ufffd", text)


class RecordProblem(ValueError):
    """One record of a file cannot be used; the message names it and says why."""


class Fields:
    """One record of a file (a JSON object), read field by field with its limits checked.

    ``where`` names the record in messages ("Entry 3"). Missing fields read as their default;
    a field of the wrong type or over its limit raises RecordProblem.
    """

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, Mapping):
            raise RecordProblem(
                translate("Store", "{where} is not a record of the kind its list holds.").format(
                    where=where
                )
            )
        self.raw: Mapping[str, Any] = raw
        self.where = where

    def problem(self, text: str) -> RecordProblem:
        return RecordProblem(f"{self.where}: {text}")

    def check(self, error: ValueError) -> RecordProblem:
        """A store check's message, said about this record."""
        return self.problem(str(error))

    def get(self, name: str) -> Any:
        return self.raw.get(name)

    def nested(self, name: str) -> Fields:
        """A field that is itself a set of named fields ("senses"); missing reads as empty."""
        value = self.raw.get(name)
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be a set of named fields.").format(
                    field=name
                )
            )
        return Fields(value, self.where)

    def uid(self) -> str:
        uid = self.text("id", limits.UID)
        if not uid.strip():
            raise RecordProblem(
                translate("Store", "{where} has no usable id.").format(where=self.where)
            )
        return uid

    def text(self, name: str, limit: int, default: str = "") -> str:
        value = self.raw.get(name)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be text.").format(field=name)
            )
        if len(value) > limit:
            raise self.problem(limits.too_long(name, len(value), limit))
        return storable(value)

    def optional_text(self, name: str, limit: int) -> str | None:
        return None if self.raw.get(name) is None else self.text(name, limit)

    def texts(self, name: str, limit: int, most: int) -> list[str]:
        value = self.raw.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be a list of words.").format(
                    field=name
                )
            )
        if len(value) > most:
            raise self.problem(limits.too_many(name, len(value), most))
        for item in value:
            if len(item) > limit:
                raise self.problem(limits.too_long(name, len(item), limit))
        return [storable(item) for item in value]

    def records(self, name: str, most: int) -> list[Fields]:
        """A list of smaller records ("body": the places marked in a check-in)."""
        value = self.raw.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be a list.").format(field=name)
            )
        if len(value) > most:
            raise self.problem(limits.too_many(name, len(value), most))
        return [Fields(item, self.where) for item in value]

    def day(self, name: str = "day") -> str:
        value = self.text(name, 40)
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be a date like 2026-11-28.").format(
                    field=name
                )
            ) from None

    def moment(self, name: str, default: str | None = None) -> str:
        """An ISO date and time, kept as written (it is the record's own stamp)."""
        value = self.text(name, 60) or default
        try:
            if value is None:
                raise ValueError
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be a date and time.").format(
                    field=name
                )
            ) from None
        return value

    def optional_moment(self, name: str) -> str | None:
        return None if self.raw.get(name) is None else self.moment(name)

    def number(self, name: str, low: float, high: float) -> float:
        value = self.raw.get(name)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            raise self.problem(
                translate(
                    "Store", "\u201c{field}\u201d should be a number from {low} to {high}."
                ).format(field=name, low=f"{low:g}", high=f"{high:g}")
            )
        return float(value) if isinstance(value, float) else value

    def optional_number(self, name: str, low: float, high: float) -> float | None:
        return None if self.raw.get(name) is None else self.number(name, low, high)

    def whole(self, name: str, low: int, high: int) -> int:
        value = self.raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.problem(
                translate(
                    "Store", "\u201c{field}\u201d should be a whole number from {low} to {high}."
                ).format(field=name, low=low, high=high)
            )
        return value

    def optional_whole(self, name: str, low: int, high: int) -> int | None:
        return None if self.raw.get(name) is None else self.whole(name, low, high)

    def flag(self, name: str) -> bool:
        value = self.raw.get(name, False)
        if not isinstance(value, bool):
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be true or false.").format(
                    field=name
                )
            )
        return value

    def choice(self, name: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.raw.get(name, default)
        if value not in choices:
            raise self.problem(
                translate("Store", "\u201c{field}\u201d should be one of: {choices}.").format(
                    field=name, choices=", ".join(choices)
                )
            )
        return str(value)

    def feelings(self, name: str = "feelings") -> tuple[Feeling, ...]:
        found = []
        for item in self.records(name, limits.FEELINGS):
            word = item.text("word", limits.FEELING_WORD).strip()
            intensity = item.get("intensity")
            if not word or isinstance(intensity, bool) or intensity not in INTENSITY_RANGE:
                raise self.problem(
                    translate("Store", "each feeling needs a word and an intensity of 1 to 3.")
                )
            found.append(Feeling(word, int(intensity)))
        return tuple(found)


class Links:
    """This journal's row ids of records named by uid, while one batch is written.

    A record that points at another (a check-in at its track) is exported with the other's uid;
    writing it asks ``row_id``. A kind that finds a record already there under another uid (the
    same music file) says so with ``note``, so the records pointing at it land on the right row.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._known: dict[tuple[str, str], int] = {}

    def note(self, table: str, uid: str, row_id: int) -> None:
        self._known[(table, uid)] = row_id

    def row_id(self, table: str, uid: str) -> int | None:
        known = self._known.get((table, uid))
        if known is not None:
            return known
        row = self._conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            return None
        self._known[(table, uid)] = int(row[0])
        return int(row[0])
