"""Every kind of record Glimmers keeps, declared once: the registry the rest of the store walks.

Export and import, the Markdown and CSV exports, the ``check`` command's counts, the timeline
(``desktop/store/timeline.py``) and search do not name kinds of records; they iterate over
``KINDS``. Each entry is plain data (a frozen ``RecordKind`` holding the kind's functions), and
``KINDS`` is a tuple built once at import: nothing registers itself at run time, and a test can
hand the timeline or the exchange a registry of its own.

How to add a kind of record
---------------------------
1. Give it a store module of its own, ``desktop/store/<kind>.py`` (pure, no Qt):
   - its table(s) as a migration appended to ``MIGRATIONS``, with ``uid TEXT NOT NULL UNIQUE``
     (export, import and rescue match rows by uid, never by row id) and, if it is dated,
     ``day``, ``created_at``, ``deleted_at`` and an index on ``(day DESC, created_at DESC,
     id DESC)`` for the timeline;
   - its save function, which checks every value against ``desktop/store/limits.py`` (add the
     kind's limits there) and raises ``ValueError`` with a message a person can read;
   - the functions its ``RecordKind`` points at (see the field comments below). The easiest
     model is ``desktop/store/contacts.py`` (undated, no timeline) or
     ``desktop/store/breathing.py`` (dated, on the timeline).
2. Add one ``RecordKind(...)`` to ``KINDS`` below, after every kind its records link to (a
   listening check-in names its track, so tracks come first: import writes in this order).
3. If its records go into the JSON export, give it ``since=`` the next format version.
   ``exchange.FORMAT_VERSION`` is the highest ``since`` here, so the export's version rises by
   itself, and older versions of Glimmers refuse the new files instead of skipping records.

That is all: the kind is then exported, imported, counted by ``check``, shown on the timeline
(with its own filter) and searched. Its tests go in ``tests/unit/test_<kind>.py``;
``tests/unit/test_exchange.py`` fails until a kind's records survive the round trip.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from desktop.store import breathing, contacts, journal, listening
from desktop.store.database import Store
from desktop.store.journal import Query, TimelineItem
from desktop.texts import QT_TRANSLATE_NOOP, translate

Cursor = tuple[str, str, int]  # (day, created_at, row id): where a timeline page stops

# The next ``limit`` items older than the cursor, newest first, of the item kinds asked for
# and, when a tag is given, with that tag only.
TimelinePage = Callable[[Store, Cursor | None, int, Sequence[str], str | None], list[TimelineItem]]
# (rank, item) for the records matching a query, best (lowest rank) first.
Search = Callable[[Store, Query, int], list[tuple[float, TimelineItem]]]


@dataclass(frozen=True)
class Shown:
    """One kind of row the timeline shows (a kind of record can show as several)."""

    item_kind: str  # TimelineItem.kind
    label: str  # one of them, on its row: "Breathing session" (marked, translated when shown)
    filter_label: str  # the timeline's filter for them: "Breathing sessions"


@dataclass(frozen=True)
class OnTimeline:
    """How a kind of record joins the journal's timeline."""

    shown: tuple[Shown, ...]
    page: TimelinePage
    tagged: bool = False  # False: a timeline filtered by a tag leaves these out


@dataclass(frozen=True)
class RecordKind:
    """What the export, import, ``check``, the timeline and search need of one kind."""

    key: str  # its name here and its list's name in the JSON export; never changes
    table: str  # the table its records live in (counted by ``check``; writes notify it)
    count_text: str  # "%n journal entr(y|ies)": marked for translation, counted by ``check``
    timeline: OnTimeline | None = None
    search: Search | None = None  # None: search does not look at this kind


KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        key="entries",
        table=journal.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n journal entr(y|ies)"),
        timeline=OnTimeline(
            shown=(
                Shown(
                    "entry",
                    QT_TRANSLATE_NOOP("JournalTimeline", "Journal entry"),
                    QT_TRANSLATE_NOOP("JournalTab", "Journal entries"),
                ),
                Shown(
                    "impressions",
                    QT_TRANSLATE_NOOP("JournalTimeline", "Three impressions"),
                    QT_TRANSLATE_NOOP("JournalTab", "Three impressions"),
                ),
            ),
            page=journal.timeline_page,
            tagged=True,
        ),
        search=journal.search_ranked,
    ),
    RecordKind(
        key="breath_sessions",
        table=breathing.SESSIONS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n breathing session(s)"),
        timeline=OnTimeline(
            shown=(
                Shown(
                    "breath",
                    QT_TRANSLATE_NOOP("JournalTimeline", "Breathing session"),
                    QT_TRANSLATE_NOOP("JournalTab", "Breathing sessions"),
                ),
            ),
            page=breathing.timeline_page,
        ),
    ),
    RecordKind(
        key="breath_patterns",
        table=breathing.PATTERNS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n breathing pattern(s) of your own"),
    ),
    RecordKind(
        key="tracks",
        table=listening.TRACKS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n track(s)"),
    ),
    RecordKind(
        key="listening_checkins",
        table=listening.CHECKINS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n listening check-in(s)"),
        timeline=OnTimeline(
            shown=(
                Shown(
                    "checkin",
                    QT_TRANSLATE_NOOP("JournalTimeline", "Listening check-in"),
                    QT_TRANSLATE_NOOP("JournalTab", "Listening check-ins"),
                ),
            ),
            page=listening.timeline_page,
        ),
        search=listening.search_checkins,
    ),
    RecordKind(
        key="track_taps",
        table=listening.MOODS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n before-and-after tap(s)"),
    ),
    RecordKind(
        key="contacts",
        table=contacts.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n contact(s)"),
    ),
)


# -- questions every reader of the registry asks ------------------------------------------------


def shown_on_timeline(registry: Sequence[RecordKind] = KINDS) -> list[Shown]:
    """Every kind of timeline row, in the registry's order."""
    return [shown for kind in registry if kind.timeline for shown in kind.timeline.shown]


def timeline_tables(registry: Sequence[RecordKind] = KINDS) -> frozenset[str]:
    """The tables whose writes change what the timeline shows."""
    return frozenset(kind.table for kind in registry if kind.timeline)


def count_records(
    conn: sqlite3.Connection, registry: Sequence[RecordKind] = KINDS
) -> list[tuple[RecordKind, int]]:
    """How many records of each kind the database holds, trash included. A kind whose table
    this file does not have yet (an older schema) is left out. Reads only."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [
        (kind, int(conn.execute(f"SELECT COUNT(*) FROM {kind.table}").fetchone()[0]))
        for kind in registry
        if kind.table in tables
    ]


def describe_counts(counts: Iterable[tuple[RecordKind, int]]) -> str:
    """ "2 journal entries, 1 breathing session, ..." in the person's language."""
    return ", ".join(translate("Store", kind.count_text, None, n) for kind, n in counts)
