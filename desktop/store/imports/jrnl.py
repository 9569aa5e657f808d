"""jrnl: its JSON export (``jrnl --format json``) and its own plain-text journal file.

jrnl keeps local times with no zone, splits each entry into a title (up to the end of the first
sentence) and a body, and marks tags with a symbol (``@`` unless the person chose another).
Here the title and body are joined again, tags lose their symbol, and a starred entry gets the
tag of the person's choice. Entries with no id of their own get one from their date and text,
the same from either file, so importing both adds each entry once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.store import limits
from desktop.store.imports.jsonstream import JsonError, walk
from desktop.store.imports.records import (
    ContentIds,
    Findings,
    Imported,
    ImportProblem,
    Progress,
    ReadOptions,
    aware,
    bounded_lines,
    is_empty,
    list_of_text,
    make_entry,
    not_utf8,
    problem,
    source_uid,
    text_field,
    text_stream,
)
from desktop.texts import translate

SOURCE = "jrnl"
MAX_TAG_SYMBOLS = 10

# The end of jrnl's first sentence: punctuation, then closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.?!]+[\"'\u2019\u201d)\]]*$")
_DATE_LINE = re.compile(
    r"^\[(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\] ?(.*)$"
)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def join_title(title: str, body: str) -> str:
    """jrnl's title and body as one text: a space after a finished sentence, else a new line
    (jrnl split there because the title had its own line)."""
    title, body = title.strip(), body.strip("\n").rstrip()
    if not body:
        return title
    if not title:
        return body
    return title + (" " if _SENTENCE_END.search(title) else "\n") + body


def strip_symbol(tag: str) -> str:
    """A jrnl tag without its symbol (``@`` by default, or the one the person chose)."""
    tag = tag.strip()
    return tag[1:] if tag and not tag[0].isalnum() else tag


def check_tag_symbols(symbols: str) -> str:
    """The characters that start a tag in a jrnl journal (its "tagsymbols" setting, ``@`` by
    default), or ValueError saying what they may be: one or more, none a letter, a digit, a
    space or an underscore."""
    if (
        not symbols
        or len(symbols) > MAX_TAG_SYMBOLS
        or any(c.isalnum() or c.isspace() or c == "_" for c in symbols)
    ):
        raise ValueError(
            translate(
                "Imports",
                "Tag symbols are the characters that start a tag in jrnl, such as @ or @#; "
                "“{symbols}” cannot be used.",
            ).format(symbols=symbols)
        )
    return symbols


@functools.lru_cache(maxsize=8)
def _tag_pattern(symbols: str) -> re.Pattern[str]:
    # A symbol not after a letter, digit or another symbol. The symbol comes first in the
    # pattern, so the search jumps from one to the next (ten times faster than looking back
    # at every character of an entry).
    marks = re.escape(symbols)
    return re.compile(rf"[{marks}](?<![\w{marks}][{marks}])([^\W_][\w\-+/]*)")


def find_tags(text: str, symbols: str = "@") -> list[str]:
    """Tags written in the text, as jrnl finds them: a symbol at the start of a word."""
    return _tag_pattern(symbols).findall(text) if symbols in text or len(symbols) > 1 else []


def _hour(hour: int, meridiem: str | None) -> int:
    if meridiem:
        hour = hour % 12 + (12 if meridiem.lower() == "pm" else 0)
    return hour


def _moment(date: str, time: str, place: str) -> dt.datetime:
    d, t = _DATE.match(date.strip()), _TIME.match(time.strip())
    if d is None:
        raise problem(
            translate(
                "Imports",
                "{place}: \u201cdate\u201d should be a date such as 2019-03-01, "
                "not \u201c{value}\u201d.",
            ),
            place=place,
            value=date,
        )
    if t is None:
        raise problem(
            translate(
                "Imports",
                "{place}: \u201ctime\u201d should be a time such as 09:30, "
                "not \u201c{value}\u201d.",
            ),
            place=place,
            value=time,
        )
    try:
        return dt.datetime(
            int(d[1]), int(d[2]), int(d[3]), _hour(int(t[1]), t[4]), int(t[2]), int(t[3] or 0)
        )
    except ValueError:
        raise problem(
            translate("Imports", "{place}: {date} {time} is not a real date and time."),
            place=place,
            date=date,
            time=time,
        ) from None


def _entry(
    moment: dt.datetime,
    text: str,
    tags: list[str],
    starred: bool,
    own_id: str,
    ids: ContentIds,
    place: str,
    options: ReadOptions,
    findings: Findings,
) -> Imported | None:
    stamp = moment.isoformat(" ", "minutes")  # "2019-03-01 09:15", as jrnl writes it
    uid = source_uid(SOURCE, own_id) if own_id else ids.uid(stamp, text)
    tags = [strip_symbol(t) for t in tags]
    if starred:
        findings.starred += 1
        tags.append(options.starred_tag)
    when = aware(moment, options.zone, place)
    entry = make_entry(uid, when, moment.date().isoformat(), text, tags, place, options)
    if is_empty(entry):
        findings.empty += 1
        return None
    return Imported(entry, place)


def read_json(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """The entries of a jrnl JSON export, one at a time."""
    progress.total = path.stat().st_size
    ids = ContentIds(SOURCE)
    seen_entries = False
    entry_place = translate("Imports", "Entry {number}")  # once: read for each entry
    with path.open("rb") as raw:
        text = text_stream(raw, progress)
        try:
            for member in walk(text, arrays=("entries",)):
                if member.key != "entries":
                    continue
                seen_entries = True
                if member.index is None:
                    if member.value == []:
                        continue
                    raise problem(
                        translate(
                            "Imports", "In this jrnl export, \u201centries\u201d is not a list."
                        )
                    )
                number = member.index + 1
                place = entry_place.format(number=number)
                made = _json_entry(member.value, place, ids, options, findings)
                if made is not None:
                    yield made
        except JsonError as e:
            raise problem(
                translate(
                    "Imports",
                    "This file stops being valid JSON at line {line}, column {column} ({reason}).",
                ),
                line=e.line,
                column=e.column,
                reason=e.reason,
            ) from None
        except UnicodeDecodeError:
            raise not_utf8(path.name) from None
    if not seen_entries:
        raise problem(
            translate(
                "Imports", "This JSON file has no list of entries, so it is not a jrnl export."
            )
        )


def _json_entry(
    raw: Any, place: str, ids: ContentIds, options: ReadOptions, findings: Findings
) -> Imported | None:
    if not isinstance(raw, dict):
        raise problem(translate("Imports", "{place} is not an entry."), place=place)
    moment = _moment(text_field(raw, "date", place), text_field(raw, "time", place), place)
    text = join_title(text_field(raw, "title", place), text_field(raw, "body", place))
    starred = raw.get("starred") is True
    own_id = text_field(raw, "uuid", place).strip()
    tags = list_of_text(raw, "tags", place)
    return _entry(moment, text, tags, starred, own_id, ids, place, options, findings)


def read_text(
    path: Path, options: ReadOptions, findings: Findings, progress: Progress
) -> Iterator[Imported]:
    """The entries of a jrnl journal file: ``[2019-03-01 09:15] Title`` then body lines.
    Tags are the words that start with one of ``options.tag_symbols`` (jrnl's "tagsymbols")."""
    progress.total = path.stat().st_size
    symbols = check_tag_symbols(options.tag_symbols)
    findings.tags_by_symbol = True
    ids = ContentIds(SOURCE)
    with path.open("rb") as raw:
        lines = text_stream(raw, progress)
        header: tuple[dt.datetime, str, int] | None = None
        line_place = translate("Imports", "The entry on line {line}")  # once, for every entry
        body: list[str] = []
        gathered = 0  # characters in body: no entry holds more than limits.TEXT
        try:
            for number, line in enumerate(bounded_lines(lines), start=1):
                line = line.rstrip("\r\n")
                match = _DATE_LINE.match(line)
                if match is None:
                    if header is None and line.strip():
                        raise problem(
                            translate(
                                "Imports",
                                "Line {line} should start an entry with its date, such as "
                                "[2019-03-01 09:15]. Is this a jrnl journal file?",
                            ),
                            line=number,
                        )
                    if header is None:
                        continue  # blank lines before the first entry: nothing to keep
                    gathered += len(line) + 1
                    if gathered > limits.TEXT:
                        raise _too_long(line_place.format(line=header[2]))
                    body.append(line)
                    continue
                if header is not None:
                    made = _text_entry(line_place, header, body, symbols, ids, options, findings)
                    if made is not None:
                        yield made
                place = line_place.format(line=number)
                try:
                    moment = dt.datetime(
                        int(match[1]),
                        int(match[2]),
                        int(match[3]),
                        _hour(int(match[4]), match[7]),
                        int(match[5]),
                        int(match[6] or 0),
                    )
                except ValueError:
                    raise problem(
                        translate("Imports", "{place}: {value} is not a real date and time."),
                        place=place,
                        value=line[1 : line.index("]")],
                    ) from None
                header, body, gathered = (moment, match[8], number), [], 0
        except UnicodeDecodeError:
            raise not_utf8(path.name) from None
        if header is not None:
            made = _text_entry(line_place, header, body, symbols, ids, options, findings)
            if made is not None:
                yield made


def _too_long(place: str) -> ImportProblem:
    return problem(
        translate(
            "Imports",
            "{place} goes on for more than {limit} characters, more than an entry can hold.",
        ),
        place=place,
        limit=f"{limits.TEXT:,}",
    )


def _text_entry(
    line_place: str,
    header: tuple[dt.datetime, str, int],
    body: list[str],
    symbols: str,
    ids: ContentIds,
    options: ReadOptions,
    findings: Findings,
) -> Imported | None:
    moment, title, line = header
    title = title.rstrip()
    starred = title.endswith(" *") or title == "*"
    if starred:
        title = title[:-1].rstrip()
    text = join_title(title, "\n".join(body))
    place = line_place.format(line=line)
    return _entry(
        moment, text, find_tags(text, symbols), starred, "", ids, place, options, findings
    )
