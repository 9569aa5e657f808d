"""Reading a large JSON object member by member, and a chosen array in it element by element,
so a file of any size is read in the memory of its largest element. Pure.

Each value is decoded by the standard library's C decoder; only the commas, colons and brackets
between the top-level members and array elements are walked here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

CHUNK = 1 << 20
MAX_VALUE = 256 << 20  # one element larger than this is refused, not buffered further

NOT_AN_OBJECT = "the text does not start with a JSON object"  # JsonError.reason
_NUMBER_LOOKAHEAD = 64
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonError(ValueError):
    """The text stops being valid JSON at ``line`` and ``column`` (both counted from 1)."""

    def __init__(self, reason: str, line: int, column: int) -> None:
        super().__init__(f"{reason} (line {line}, column {column})")
        self.reason = reason
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Member:
    """A top-level member (``index`` None) or one element of a streamed array."""

    key: str
    index: int | None
    value: Any


class _Cursor:
    def __init__(self, stream: TextIO, chunk: int, max_value: int) -> None:
        self._stream = stream
        self._chunk = chunk
        self._max_value = max_value
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self._lines_before = 0  # newlines in the text already dropped from the buffer
        self._columns_before = 0  # characters of the current line already dropped

    def fill(self, size: int | None = None) -> bool:
        if self.eof:
            return False
        if self.pos:
            self._lines_before += self.buffer.count("\n", 0, self.pos)
            newline = self.buffer.rfind("\n", 0, self.pos)
            if newline < 0:
                self._columns_before += self.pos
            else:
                self._columns_before = self.pos - newline - 1
            self.buffer = self.buffer[self.pos :]
            self.pos = 0
        data = self._stream.read(size or self._chunk)
        if not data:
            self.eof = True
            return False
        self.buffer += data
        return True

    def error(self, reason: str, at: int | None = None) -> JsonError:
        at = self.pos if at is None else at
        line = self._lines_before + self.buffer.count("\n", 0, at) + 1
        newline = self.buffer.rfind("\n", 0, at)
        column = at - newline if newline >= 0 else self._columns_before + at + 1
        return JsonError(reason, line, column)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), without taking it."""
        while True:
            self.pos = _WHITESPACE.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.fill():
                return ""

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.error(what)
        self.pos += 1

    def value(self) -> Any:
        want = self._chunk
        while True:
            if not self.peek():
                raise self.error("the text ends where a value should be")
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as e:
                if self.eof:
                    raise self.error(e.msg, e.pos) from None
                if len(self.buffer) - self.pos > self._max_value:
                    raise self.error("a value here is too large to read") from None
                self.fill(want)  # perhaps only cut off by the end of the buffer
                want *= 2
                continue
            except RecursionError:
                raise self.error("the values here are nested too deeply") from None
            except ValueError:  # Python reads whole numbers of up to 4,300 digits, no longer
                raise self.error("a number here is too long to read") from None
            # A number near the end of the buffer may go on in the next chunk ("0." of "0.5").
            near_end = len(self.buffer) - end < _NUMBER_LOOKAHEAD
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if (near_end if number else end == len(self.buffer)) and not self.eof:
                self.fill(want)  # moves the buffer: decode again from the new position
                continue
            self.pos = end
            return value


def walk(
    stream: TextIO,
    arrays: Collection[str] = (),
    chunk: int = CHUNK,
    max_value: int = MAX_VALUE,
) -> Iterator[Member]:
    """The members of the JSON object in ``stream``, in file order. The arrays named in
    ``arrays`` come element by element (an empty one, or one of that name that is no array,
    comes whole).

    Raises JsonError, naming the line and column, where the text is not valid JSON.
    """
    cursor = _Cursor(stream, chunk, max_value)
    cursor.expect("{", NOT_AN_OBJECT)
    if cursor.peek() == "}":
        cursor.pos += 1
    else:
        while True:
            if cursor.peek() != '"':
                raise cursor.error("expected the name of a member in double quotes")
            key = cursor.value()
            cursor.expect(":", "expected ':' after the name of a member")
            if key in arrays and cursor.peek() == "[":
                cursor.pos += 1
                if cursor.peek() == "]":
                    cursor.pos += 1
                    yield Member(key, None, [])  # an empty array comes whole
                else:
                    index = 0
                    while True:
                        yield Member(key, index, cursor.value())
                        index += 1
                        following = cursor.peek()
                        cursor.pos += 1
                        if following == "]":
                            break
                        if following != ",":
                            cursor.pos -= 1
                            raise cursor.error("expected ',' or ']' after an element")
            else:
                yield Member(key, None, cursor.value())
            following = cursor.peek()
            cursor.pos += 1
            if following == "}":
                break
            if following != ",":
                cursor.pos -= 1
                raise cursor.error("expected ',' or '}' after a member")
    if cursor.peek():
        raise cursor.error("there is more text after the end of the JSON object")
