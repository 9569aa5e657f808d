"""One timeline of everything kept: journal entries, breathing sessions, and later more kinds.

Each kind has its own table and index; the pager walks them all newest first with one keyset
cursor per table and merges them, so every page costs the same however deep it is.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Sequence

from desktop.store import breathing, journal, listening
from desktop.store.database import Store
from desktop.store.journal import TimelineItem

Cursor = tuple[str, str, int]
Source = Callable[[Store, "Cursor | None", int], list[TimelineItem]]

JOURNAL_KINDS = ("entry", "impressions")
ALL_KINDS = (*JOURNAL_KINDS, "breath", "checkin")


def _sort_key(item: TimelineItem) -> tuple[str, str, str, int]:
    return (item.day, item.created_at, item.kind, item.row_id)


class TimelinePager:
    def __init__(
        self,
        store: Store,
        kinds: Sequence[str] | None = None,
        tag: str | None = None,
        from_day: str | None = None,
    ) -> None:
        """``from_day`` (YYYY-MM-DD) starts the pages at that day: its items, then older ones."""
        wanted = set(ALL_KINDS if kinds is None else kinds)
        self._store = store
        self._sources: dict[str, Source] = {}
        journal_kinds = [k for k in JOURNAL_KINDS if k in wanted]
        if journal_kinds:
            self._sources["journal"] = lambda s, after, limit: journal.timeline_page(
                s, after=after, limit=limit, kinds=journal_kinds, tag=tag
            )
        if "breath" in wanted and not tag:  # sessions have no tags
            self._sources["breath"] = lambda s, after, limit: breathing.timeline_rows(
                s.conn, after, limit
            )
        if "checkin" in wanted and not tag:  # check-ins have no tags
            self._sources["checkin"] = lambda s, after, limit: listening.timeline_rows(
                s.conn, after, limit
            )
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
        for name, source in self._sources.items():
            if name not in self._done:
                batches[name] = source(self._store, self._cursors[name], limit)
        tagged = [[(item, name) for item in batch] for name, batch in batches.items()]
        merged = heapq.merge(*tagged, key=lambda pair: _sort_key(pair[0]), reverse=True)
        page: list[TimelineItem] = []
        taken: dict[str, int] = dict.fromkeys(batches, 0)
        for item, name in merged:
            if len(page) == limit:
                break
            page.append(item)
            taken[name] += 1
            self._cursors[name] = item.cursor
        for name, batch in batches.items():
            if len(batch) < limit and taken[name] == len(batch):
                self._done.add(name)
        return page


def search_everything(store: Store, text: str, limit: int = 50) -> list[TimelineItem]:
    """Journal entries and listening check-ins that match, best first across both."""
    query = journal.Query.parse(text)
    if query is None:
        return []
    ranked = journal.search_ranked(store, query, limit) + listening.search_checkins(
        store, query, limit
    )
    ranked.sort(key=lambda pair: pair[0])
    return [item for _, item in ranked[:limit]]
