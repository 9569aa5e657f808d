"""What the timeline and search show, for every kind of record: one row shape (TimelineItem),
and what a person typed made into a search (an FTS5 query, the words to highlight, excerpts).

Every kind's module makes its rows into TimelineItems and its matches into a SearchPage, so
breath sessions, check-ins and entries share one timeline without importing each other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.store.database import Store, search_text_page
from desktop.store.records import Feeling, feelings_from_json, pleasantness_words
from desktop.texts import translate

SUMMARY_LENGTH = 160

# Markers around matched words in search snippets; the view turns them into highlighting.
MATCH_START = "\x02"
MATCH_END = "\x03"


# -- what a person typed ------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_PREFIX = 2  # letters of a word still being typed before it is looked up


def fts_query(text: str, prefix_last: bool = True) -> str | None:
    """Turn what a person typed into a safe FTS5 query.

    Words are ANDed; "quoted words" stay a phrase; the last word matches as a prefix while the
    person is still typing it, once it has two letters (the index keeps two- and three-letter
    prefixes; one letter would match nearly everything). Returns None when there is nothing
    to search for yet.
    """
    parts: list[str] = []
    for index, chunk in enumerate(text.split('"')):
        words = _WORD.findall(chunk)
        if not words:
            continue
        if index % 2 == 1:
            parts.append('"' + " ".join(words) + '"')
        else:
            parts += [f'"{w}"' for w in words]
    if not parts:
        return None
    still_typing = prefix_last and text and not text[-1].isspace() and not text.endswith('"')
    if still_typing and parts[-1].count(" ") == 0:
        if len(parts[-1]) - 2 < MIN_PREFIX:
            parts.pop()  # a first letter: wait for the next one
            return " ".join(parts) or None
        parts[-1] += "*"
    return " ".join(parts)


def waiting_for_more(text: str) -> bool:
    """True when ``text`` is a first letter still being typed: nothing is searched yet."""
    return fts_query(text) is None and bool(_WORD.search(text))


def search_terms(text: str) -> list[str]:
    """The words to highlight for what a person typed, lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


@functools.lru_cache(maxsize=64)
def _stems(terms: tuple[str, ...]) -> tuple[str, ...]:
    # The index stems words ("meditating" matches "meditate"), so a word matches when it starts
    # with the term, or with the term less a short ending.
    return tuple(sorted({t[: max(3, len(t) - 2)] if len(t) > 4 else t for t in terms}, key=len))


@functools.lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    stems = _stems(terms)
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in reversed(stems))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def highlight_excerpt(text: str, terms: Sequence[str], width: int = SUMMARY_LENGTH) -> str:
    """A window of ``text`` around the first match, matches wrapped in MATCH_START/MATCH_END."""
    text = " ".join(text.split())
    pattern = _term_pattern(tuple(terms))
    first = pattern.search(text) if pattern else None
    start = 0
    if first is not None and first.end() > width:
        start = max(0, first.start() - width // 4)
    window = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    if pattern is not None:
        window = pattern.sub(lambda m: f"{MATCH_START}{m.group(0)}{MATCH_END}", window)
    return prefix + window + suffix


@dataclass(frozen=True)
class Query:
    """What a person typed, made ready once for every table that is searched."""

    fts: str
    terms: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query | None:
        fts = fts_query(text)
        return None if fts is None else cls(fts, tuple(search_terms(text)))

    @classmethod
    def of(cls, text: str | Query) -> Query | None:
        """The query for ``text``, or ``text`` itself if it is one already."""
        return cls.parse(text) if isinstance(text, str) else text


# -- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineItem:
    """One row of the timeline, whatever kind of thing it shows.

    It carries the raw text it was read with; the summary, the feelings and the search
    highlighting are worked out only when a view asks (only the rows on screen are ever shown).
    """

    kind: str  # one of the registry's item kinds (desktop/store/kinds.py)
    uid: str
    day: str
    created_at: str
    row_id: int
    texts: tuple[str, ...] = ()  # the texts a summary is made from, in order
    feelings_json: str = "[]"
    tags_text: str = ""
    has_sketch: bool = False
    search_terms: tuple[str, ...] = ()  # set on search results: the words to highlight
    pleasantness: float | None = None
    has_pictures: bool = False

    @property
    def cursor(self) -> tuple[str, str, int]:
        return (self.day, self.created_at, self.row_id)

    @functools.cached_property
    def summary(self) -> str:
        text = " ".join(" · ".join(t for t in self.texts if t.strip()).split())
        if not text and self.pleasantness is not None:
            text = translate("Store", "Felt {words}").format(
                words=pleasantness_words(self.pleasantness)
            )
        if not text and self.has_sketch:
            return "A sketch"
        if not text and self.has_pictures:
            return translate("Store", "A picture")
        return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"

    @functools.cached_property
    def feelings(self) -> tuple[Feeling, ...]:
        return feelings_from_json(self.feelings_json)

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags_text.split("\n") if t)

    @functools.cached_property
    def snippet(self) -> str:
        """For search results: an excerpt with matched words between MATCH_START and MATCH_END."""
        if not self.search_terms:
            return ""
        words = " ".join(f.word for f in self.feelings)
        haystack = " · ".join(t for t in (*self.texts, words, *self.tags) if t.strip())
        return highlight_excerpt(haystack, self.search_terms)

    @functools.cached_property
    def closeness(self) -> float:
        """For search results: how closely this matches, higher is closer. The times the
        matched words appear, against the length of the text they appear in (the shape of
        bm25, for one record: cheap enough to work out for a page as it is shown)."""
        text = " ".join(self.texts).lower()
        hits = sum(text.count(stem) for stem in _stems(self.search_terms))
        length = (text.count(" ") + 1) / 40  # against a record of forty words
        return hits / (hits + 1.2 * (0.25 + 0.75 * length)) if hits else 0.0


@dataclass(frozen=True)
class Found:
    """One match: where it sits on the timeline, and how to make its row. Only the matches a
    page shows are ever made into rows (a kind hands over a page of matches; a few are shown)."""

    day: str
    created_at: str
    row_id: int
    make: Callable[[], TimelineItem]


@dataclass(frozen=True)
class SearchPage:
    """One kind's next matches, newest kept first, and where its search goes on from."""

    found: list[Found]
    resume: int | None  # look below this row id next time; None: there are no more


def found_rows(
    rows: Sequence[Sequence[Any]],
    make: Callable[[Sequence[Any]], TimelineItem],
    day: int = 2,
    created_at: int = 3,
) -> list[Found]:
    """Matches from rows that start with the record's id, with its day and its creation time
    at these places (after the id and the uid, as most tables have them)."""
    return [
        Found(str(row[day]), str(row[created_at]), int(row[0]), functools.partial(make, row))
        for row in rows
    ]


TextSearch = Callable[[Store, Query, int | None, int, Sequence[str], str | None], SearchPage]


def searched_by_text(
    table: str, columns: str, make: Callable[[Sequence[Any], tuple[str, ...]], TimelineItem]
) -> TextSearch:
    """The registry's search for a kind whose table keeps a ``search_text`` index: matches
    below row id ``before``, newest first, each made into its timeline item by ``make`` from
    its row (the id first, then ``columns``) and the query's terms to highlight."""

    def search(
        store: Store,
        query: Query,
        before: int | None,
        limit: int,
        shown: Sequence[str] = (),
        tag: str | None = None,
    ) -> SearchPage:
        rows, resume = search_text_page(store.conn, table, columns, query.fts, before, limit)
        terms = query.terms
        return SearchPage(found_rows(rows, lambda row: make(row, terms)), resume)

    return search
