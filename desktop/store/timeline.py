"""One timeline of everything kept, and one search across it, over the registry of kinds.

Every kind of record that declares ``timeline`` in ``desktop/store/kinds.py`` has its own table
and index; the pager walks them all newest first with one keyset cursor per kind and merges
them, so every page costs the same however deep it is. Search walks every kind that declares
``search`` the same way, newest match first by row id. Neither names a kind of record.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence
from typing import Any

from desktop.store.database import Store
from desktop.store.items import Query, SearchPage, TimelineItem
from desktop.store.kinds import (
    KINDS,
    Cursor,
    RecordKind,
    Search,
    TimelinePage,
    shown_on_timeline,
)

# Every TimelineItem.kind the registry shows, in its order.
ALL_KINDS = tuple(shown.item_kind for shown in shown_on_timeline())


def _sort_key(item: TimelineItem) -> tuple[str, str, str, int]:
    return (item.day, item.created_at, item.kind, item.row_id)


class TimelinePager:
    """Pages of the timeline, newest first: ``kinds`` limits it to some item kinds (None: all),
    ``tag`` to records with that tag (kinds without tags then show nothing)."""

    def __init__(
        self,
        store: Store,
        kinds: Sequence[str] | None = None,
        tag: str | None = None,
        registry: Sequence[RecordKind[Any]] = KINDS,
        from_day: str | None = None,
    ) -> None:
        """``from_day`` (YYYY-MM-DD) starts the pages at that day: its items, then older ones."""
        self._store = store
        self._tag = tag or None
        self._sources: dict[str, tuple[TimelinePage, tuple[str, ...]]] = {}
        for kind in registry:
            timeline = kind.timeline
            if timeline is None or (self._tag and not timeline.tagged):
                continue
            shown = tuple(
                s.item_kind for s in timeline.shown if kinds is None or s.item_kind in kinds
            )
            if shown:
                self._sources[kind.key] = (timeline.page, shown)
        start: Cursor | None = None
        if from_day is not None:
            # Just past the day's last item: the keyset cursor of the first moment of the next day.
            following = dt.date.fromisoformat(from_day) + dt.timedelta(days=1)
            start = (following.isoformat(), "", 0)
        self._cursors: dict[str, Cursor | None] = dict.fromkeys(self._sources, start)
        self._done: set[str] = set()

    @property
    def exhausted(self) -> bool:
        return len(self._done) == len(self._sources)

    def next_page(self, limit: int) -> list[TimelineItem]:
        batches: dict[str, list[TimelineItem]] = {}
        for name, (page, shown) in self._sources.items():
            if name not in self._done:
                batches[name] = page(self._store, self._cursors[name], limit, shown, self._tag)
        tagged = [[(item, name) for item in batch] for name, batch in batches.items()]
        merged = heapq.merge(*tagged, key=lambda pair: _sort_key(pair[0]), reverse=True)
        page_items: list[TimelineItem] = []
        taken: dict[str, int] = dict.fromkeys(batches, 0)
        for item, name in merged:
            if len(page_items) == limit:
                break
            page_items.append(item)
            taken[name] += 1
            self._cursors[name] = item.cursor
        for name, batch in batches.items():
            if len(batch) < limit and taken[name] == len(batch):
                self._done.add(name)
        return page_items


class SearchPager:
    """Pages of search results across every searchable kind, newest kept first.

    Each kind hands over its newest matches by row id (one keyset cursor per kind, as the
    timeline pager has), so a page costs the same for a word in every record as for a rare one.
    Within a page the closest matches of each day come first. A page may come back shorter
    than asked while the search goes on (a filter left matches out): ``exhausted`` says when
    there is nothing more.
    """

    def __init__(
        self,
        store: Store,
        text: str | Query,
        kinds: Sequence[str] | None = None,
        tag: str | None = None,
        registry: Sequence[RecordKind[Any]] = KINDS,
    ) -> None:
        self._store = store
        self._query = Query.of(text)
        self._tag = tag or None
        self._sources: dict[str, tuple[Search, tuple[str, ...]]] = {}
        for kind in registry:
            timeline = kind.timeline
            if kind.search is None or (self._tag and not (timeline and timeline.tagged)):
                continue
            shown = tuple(s.item_kind for s in timeline.shown) if timeline else (kind.key,)
            shown = tuple(k for k in shown if kinds is None or k in kinds)
            if shown and self._query is not None:
                self._sources[kind.key] = (kind.search, shown)
        self._cursors: dict[str, int | None] = dict.fromkeys(self._sources)
        self._done: set[str] = set()

    @property
    def exhausted(self) -> bool:
        return len(self._done) == len(self._sources)

    def next_page(self, limit: int) -> list[TimelineItem]:
        query = self._query
        if query is None:
            return []
        pages: dict[str, SearchPage] = {}
        for name, (search, shown) in self._sources.items():
            if name not in self._done:
                pages[name] = search(
                    self._store, query, self._cursors[name], limit, shown, self._tag
                )
        tagged = [[(found, name) for found in page.found] for name, page in pages.items()]
        merged = heapq.merge(
            *tagged,
            key=lambda pair: (pair[0].day, pair[0].created_at, pair[1], pair[0].row_id),
            reverse=True,
        )
        page_items: list[TimelineItem] = []
        taken: dict[str, int] = dict.fromkeys(pages, 0)
        for found, name in merged:
            if len(page_items) == limit:
                break
            page_items.append(found.make())
            taken[name] += 1
            self._cursors[name] = found.row_id
        for name, page in pages.items():
            if taken[name] == len(page.found):  # all of it shown: go on from where it stopped
                if page.resume is None:
                    self._done.add(name)
                else:
                    self._cursors[name] = page.resume
        # Newest first by day; within a day, the closest matches first.
        page_items.sort(key=lambda item: (item.day, item.closeness), reverse=True)
        return page_items


def search_everything(
    store: Store,
    text: str | Query,
    limit: int = 50,
    registry: Sequence[RecordKind[Any]] = KINDS,
) -> list[TimelineItem]:
    """Up to ``limit`` records of every searchable kind that match, newest kept first."""
    pager = SearchPager(store, text, registry=registry)
    found: list[TimelineItem] = []
    while len(found) < limit and not pager.exhausted:
        found += pager.next_page(limit - len(found))
    return found
