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
     id DESC)`` for the timeline; if it is on the timeline, a ``search_text`` column with its
     words and an FTS5 index over it (``migrations._fts_on_search_text`` with
     ``migrations.FTS_PREFIXES``), since everything the timeline shows is searched;
   - its save function, which checks every value against ``desktop/store/limits.py`` (add the
     kind's limits there) and raises ``ValueError`` with a message a person can read;
   - the functions its ``RecordKind`` points at (see the field comments below). The easiest
     model is ``desktop/store/contacts.py`` (undated, no timeline) or
     ``desktop/store/breathing.py`` (dated, on the timeline).
2. Add one ``RecordKind(...)`` to ``KINDS`` below, after every kind its records link to (a
   listening check-in names its track, so tracks come first: import writes in this order).
3. Give it ``since=`` the next version of the JSON export's format.
   ``exchange.FORMAT_VERSION`` is the highest ``since`` here, so the export's version rises by
   itself, and older versions of Glimmers refuse the new files instead of dropping records.

4. If it is a practice, give it ``over_time=OverTime(...)``: its days then carry a mark in the
   Over time calendar (the mark's shape is ``desktop/over_time/marks.py``'s, a ring until it
   has one), its mixed feelings show as written and its before/after answers are described.
   Its feeling words reach the pictures through ``feeling_uses``: its migration calls
   ``migrations.feeling_use_triggers`` (and ``body_mark_triggers`` for body marks).

That is all: the kind is then exported (JSON, Markdown, CSV), imported, counted by ``check``,
shown on the journal's timeline with its own label and filter (``timeline.shown``) and searched.
``tests/unit/test_exchange.py`` holds the new kind to it: it fails while a table with a ``uid``
column is missing from ``KINDS``, and until ``_fill_everything`` there makes a record of every
kind and each one survives export, import into a fresh journal and export again unchanged.
``tests/unit/test_kinds.py`` adds a kind from the test alone, as a worked example.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from desktop.store import (
    anchor_plan,
    breathing,
    contacts,
    glimmers,
    invitations,
    journal,
    listening,
    moods,
    pace,
    pictures,
    rhythm,
    together,
)
from desktop.store.database import Store
from desktop.store.items import Query, SearchPage, TimelineItem
from desktop.store.portable import Fields, Links
from desktop.texts import QT_TRANSLATE_NOOP, translate

Cursor = tuple[str, str, int]  # (day, created_at, row id): where a timeline page stops

# The next ``limit`` items older than the cursor, newest first, of the item kinds asked for
# and, when a tag is given, with that tag only.
TimelinePage = Callable[[Store, Cursor | None, int, Sequence[str], str | None], list[TimelineItem]]
# The next ``limit`` records matching a query with a row id below the cursor (None: from the
# newest), newest kept first, of the item kinds asked for and, when a tag is given, with that
# tag only; with the row id to go on from (``database.search_text_page`` does all of it for a
# table with a ``search_text`` column and its ``{table}_fts`` index).
Search = Callable[[Store, Query, int | None, int, Sequence[str], str | None], SearchPage]


R = TypeVar("R")


def _always(record: object) -> bool:
    """For kinds without a trash: every record is kept."""
    return True


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
class Portable(Generic[R]):
    """How one kind's records leave in the JSON export and come back (see ``exchange.py``)."""

    read: Callable[[sqlite3.Connection], Iterable[R]]  # every record, trash included, oldest first
    uid: Callable[[R], str]  # the record's stable id
    to_data: Callable[[R], dict[str, Any]]  # its JSON shape: plain values; links by uid
    from_data: Callable[[Fields], R]  # one record of a file, its shape checked (RecordProblem)
    check: Callable[[R], None]  # the store's own check before it saves one (ValueError)
    # Write one checked record this journal has no record of that uid for, inside the
    # caller's transaction. False: it is here already under another uid (the same music file).
    write: Callable[[sqlite3.Connection, R, Links], bool]
    where: str  # "Entry {number}": names a record of the file in messages (marked)
    # Optional, for kinds that link to nothing and come by the thousand (journal entries):
    # write many checked records at once, those whose uids the journal lacks, inside the
    # caller's transaction; returns how many it wrote. Imports use it in place of ``write``.
    write_new: Callable[[sqlite3.Connection, Sequence[R]], int] | None = None
    # For kinds whose ``write`` can find the record here under another uid: whether it would
    # (an import's preview says what the import will do, without writing).
    held: Callable[[sqlite3.Connection, R], bool] | None = None


@dataclass(frozen=True)
class Readable(Generic[R]):
    """How one kind's records read in the Markdown and CSV exports (the trash is left out)."""

    kept: Callable[[R], bool]  # False: it is in the trash
    markdown: Callable[[R], list[str]]  # its lines; a dated record's start with a "### " heading
    csv_columns: tuple[str, ...]  # its own columns, after id, kind, day, created_at, updated_at
    csv_row: Callable[[R], dict[str, str]]  # its row, by column; "kind" says what it is
    # (day, created_at) puts a record on its day in the Markdown diary; kinds without dates
    # (None) get a section of their own, under ``section``.
    when: Callable[[R], tuple[str, str]] | None = None
    section: str = ""  # marked for translation


@dataclass(frozen=True)
class OverTime:
    """How a kind of record shows in the Over time pictures (``desktop/store/patterns.py``)."""

    practice: str  # the calendar's mark: "breathing", "listening", "writing"... (never changes)
    label: str  # the practice in words, lower case: "breathing" (marked, translated when shown)
    days_sql: str = ""  # SELECT DISTINCT day ...; "" for its table's days outside the trash
    mixed: tuple[str, ...] = ()  # its columns of feelings (JSON), for mixed states as written
    settled_sql: str = ""  # one row per session answered before and after: after - before


@dataclass(frozen=True)
class RecordKind(Generic[R]):
    """What the export, import, ``check``, the timeline and search need of one kind."""

    key: str  # its name here and its list's name in the JSON export; never changes
    table: str  # the table its records live in (counted by ``check``; writes notify it)
    count_text: str  # "%n journal entr(y|ies)": marked for translation, counted by ``check``
    since: int  # the JSON export's format version that first held this kind
    portable: Portable[R]
    readable: Readable[R]
    timeline: OnTimeline | None = None
    # Every kind the timeline shows is searched (tests/unit/test_kinds.py holds them to it):
    # a searched kind keeps a ``search_text`` column and an FTS5 index (see migrations.py).
    search: Search | None = None
    over_time: OverTime | None = None  # None: not a practice the Over time pictures show


KINDS: tuple[RecordKind[Any], ...] = (
    RecordKind(
        key="entries",
        table=journal.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n journal entr(y|ies)"),
        since=1,
        portable=Portable(
            read=journal.read_entries,
            uid=journal.entry_uid,
            to_data=journal.entry_to_data,
            from_data=journal.entry_from_data,
            check=journal.check_entry,
            write=journal.add_entry,
            where=journal.ENTRY_WHERE,
            write_new=journal.add_new_entries,
        ),
        readable=Readable(
            kept=journal.entry_kept,
            when=journal.entry_when,
            markdown=journal.entry_markdown,
            csv_columns=journal.ENTRY_CSV_COLUMNS,
            csv_row=journal.entry_csv,
        ),
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
        search=journal.search_page,
        over_time=OverTime(
            "writing", QT_TRANSLATE_NOOP("Patterns", "writing"), mixed=("feelings",)
        ),
    ),
    RecordKind(
        key="entry_pictures",  # after the entries they belong to
        table=pictures.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n picture(s)"),
        since=4,
        portable=Portable(
            read=pictures.read_pictures,
            uid=pictures.picture_uid,
            to_data=pictures.picture_to_data,
            from_data=pictures.picture_from_data,
            check=pictures.check_entry_picture,
            write=pictures.add_picture,
            where=pictures.PICTURE_WHERE,
        ),
        readable=Readable(
            kept=pictures.picture_kept,
            when=pictures.picture_when,
            markdown=pictures.picture_markdown,
            csv_columns=pictures.PICTURE_CSV_COLUMNS,
            csv_row=pictures.picture_csv,
        ),
    ),
    RecordKind(
        key="breath_sessions",
        table=breathing.SESSIONS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n breathing session(s)"),
        since=2,
        portable=Portable(
            read=breathing.read_sessions,
            uid=breathing.session_uid,
            to_data=breathing.session_to_data,
            from_data=breathing.session_from_data,
            check=breathing.check_session,
            write=breathing.add_session,
            where=breathing.SESSION_WHERE,
        ),
        readable=Readable(
            kept=breathing.session_kept,
            when=breathing.session_when,
            markdown=breathing.session_markdown,
            csv_columns=breathing.SESSION_CSV_COLUMNS,
            csv_row=breathing.session_csv,
        ),
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
        search=breathing.search_sessions,
        over_time=OverTime(
            "breathing",
            QT_TRANSLATE_NOOP("Patterns", "breathing"),
            mixed=("feelings_before", "feelings_after"),
            settled_sql="SELECT settled_after - settled_before FROM breath_sessions "
            "WHERE deleted_at IS NULL AND settled_before IS NOT NULL "
            "AND settled_after IS NOT NULL",
        ),
    ),
    RecordKind(
        key="breath_patterns",
        table=breathing.PATTERNS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n breathing pattern(s) of your own"),
        since=2,
        portable=Portable(
            read=breathing.read_patterns,
            uid=breathing.pattern_uid,
            to_data=breathing.pattern_to_data,
            from_data=breathing.pattern_from_data,
            check=breathing.check_pattern,
            write=breathing.add_pattern,
            held=breathing.pattern_held,
            where=breathing.PATTERN_WHERE,
        ),
        readable=Readable(
            kept=_always,
            markdown=breathing.pattern_markdown,
            csv_columns=breathing.PATTERN_CSV_COLUMNS,
            csv_row=breathing.pattern_csv,
            section=QT_TRANSLATE_NOOP("Export", "My breathing patterns"),
        ),
    ),
    RecordKind(
        key="tracks",
        table=listening.TRACKS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n track(s)"),
        since=2,
        portable=Portable(
            read=listening.read_tracks,
            uid=listening.track_uid,
            to_data=listening.track_to_data,
            from_data=listening.track_from_data,
            check=listening.check_track,
            write=listening.add_track,
            held=listening.track_held,
            where=listening.TRACK_WHERE,
        ),
        readable=Readable(
            kept=_always,
            markdown=listening.track_markdown,
            csv_columns=listening.TRACK_CSV_COLUMNS,
            csv_row=listening.track_csv,
            section=QT_TRANSLATE_NOOP("Export", "My music"),
        ),
    ),
    RecordKind(
        key="listening_checkins",
        table=listening.CHECKINS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n listening check-in(s)"),
        since=2,
        portable=Portable(
            read=listening.read_checkins,
            uid=listening.checkin_uid,
            to_data=listening.checkin_to_data,
            from_data=listening.checkin_from_data,
            check=listening.check_checkin,
            write=listening.add_checkin,
            where=listening.CHECKIN_WHERE,
        ),
        readable=Readable(
            kept=listening.checkin_kept,
            when=listening.checkin_when,
            markdown=listening.checkin_markdown,
            csv_columns=listening.CHECKIN_CSV_COLUMNS,
            csv_row=listening.checkin_csv,
        ),
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
        over_time=OverTime(
            "listening", QT_TRANSLATE_NOOP("Patterns", "listening"), mixed=("feelings",)
        ),
    ),
    RecordKind(
        key="track_taps",
        table=moods.MOODS,
        count_text=QT_TRANSLATE_NOOP("Store", "%n before-and-after tap(s)"),
        since=2,
        portable=Portable(
            read=moods.read_moods,
            uid=moods.mood_uid,
            to_data=moods.mood_to_data,
            from_data=moods.mood_from_data,
            check=moods.check_track_mood,
            write=moods.add_mood,
            where=moods.TAP_WHERE,
        ),
        readable=Readable(
            kept=_always,
            when=moods.mood_when,
            markdown=moods.mood_markdown,
            csv_columns=moods.MOOD_CSV_COLUMNS,
            csv_row=moods.mood_csv,
        ),
        # A tap before or after a track is listening too; its time is in UTC, its day local.
        over_time=OverTime(
            "listening",
            QT_TRANSLATE_NOOP("Patterns", "listening"),
            days_sql=f"SELECT DISTINCT date(created_at, 'localtime') FROM {moods.MOODS}",
        ),
    ),
    RecordKind(
        key="together",
        table=together.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n practice(s) together"),
        since=3,
        portable=Portable(
            read=together.read_records,
            uid=together.record_uid,
            to_data=together.record_to_data,
            from_data=together.record_from_data,
            check=together.check_for_store,
            write=together.add_record,
            where=together.WHERE,
        ),
        readable=Readable(
            kept=together.record_kept,
            when=together.record_when,
            markdown=together.record_markdown,
            csv_columns=together.CSV_COLUMNS,
            csv_row=together.record_csv,
        ),
        timeline=OnTimeline(
            shown=(
                Shown(
                    together.PAIR,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Listening together"),
                    QT_TRANSLATE_NOOP("JournalTab", "Listening together"),
                ),
                Shown(
                    together.CIRCLE,
                    QT_TRANSLATE_NOOP("JournalTimeline", "A circle"),
                    QT_TRANSLATE_NOOP("JournalTab", "Circles"),
                ),
                Shown(
                    together.TOUCH,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Together"),
                    QT_TRANSLATE_NOOP("JournalTab", "Together, with consent"),
                ),
            ),
            page=together.timeline_page,
        ),
        search=together.search_records,
        over_time=OverTime("together", QT_TRANSLATE_NOOP("Patterns", "together")),
    ),
    RecordKind(
        key="contacts",
        table=contacts.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n contact(s)"),
        since=2,
        portable=Portable(
            read=contacts.read_contacts,
            uid=contacts.contact_uid,
            to_data=contacts.contact_to_data,
            from_data=contacts.contact_from_data,
            check=contacts.check_stored_contact,
            write=contacts.add_imported_contact,
            where=contacts.CONTACT_WHERE,
        ),
        readable=Readable(
            kept=_always,
            markdown=contacts.contact_markdown,
            csv_columns=contacts.CONTACT_CSV_COLUMNS,
            csv_row=contacts.contact_csv,
            section=QT_TRANSLATE_NOOP("Export", "People you trust"),
        ),
    ),
    # The everyday half: glimmers, the daily rhythm, invitations, the comfortable pace.
    RecordKind(
        key="glimmers",
        table=glimmers.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n glimmer(s)"),
        since=3,
        portable=Portable(
            read=glimmers.read_glimmers,
            uid=glimmers.glimmer_uid,
            to_data=glimmers.glimmer_to_data,
            from_data=glimmers.glimmer_from_data,
            check=glimmers.check_glimmer,
            write=glimmers.add_glimmer,
            where=glimmers.GLIMMER_WHERE,
        ),
        readable=Readable(
            kept=glimmers.glimmer_kept,
            when=glimmers.glimmer_when,
            markdown=glimmers.glimmer_markdown,
            csv_columns=glimmers.GLIMMER_CSV_COLUMNS,
            csv_row=glimmers.glimmer_csv,
        ),
        timeline=OnTimeline(
            shown=(
                Shown(
                    glimmers.KIND,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Glimmer"),
                    QT_TRANSLATE_NOOP("JournalTab", "Glimmers"),
                ),
            ),
            page=glimmers.timeline_page,
        ),
        search=glimmers.search_glimmers,
        over_time=OverTime("glimmers", QT_TRANSLATE_NOOP("Patterns", "glimmers")),
    ),
    RecordKind(
        key="rhythm_answers",
        table=rhythm.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n answer(s) in your daily rhythm"),
        since=3,
        portable=Portable(
            read=rhythm.read_answers,
            uid=rhythm.answer_uid,
            to_data=rhythm.answer_to_data,
            from_data=rhythm.answer_from_data,
            check=rhythm.check_answer,
            write=rhythm.add_answer,
            held=rhythm.answer_held,
            where=rhythm.ANSWER_WHERE,
        ),
        readable=Readable(
            kept=rhythm.answer_kept,
            when=rhythm.answer_when,
            markdown=rhythm.answer_markdown,
            csv_columns=rhythm.ANSWER_CSV_COLUMNS,
            csv_row=rhythm.answer_csv,
        ),
        timeline=OnTimeline(
            shown=(
                Shown(
                    rhythm.KIND,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Your day"),
                    QT_TRANSLATE_NOOP("JournalTab", "Your daily rhythm"),
                ),
            ),
            page=rhythm.timeline_page,
        ),
        search=rhythm.search_answers,
    ),
    RecordKind(
        key="anchors",  # the person's own anchors: a journal that has its own keeps them
        table=anchor_plan.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n list(s) of your daily anchors"),
        since=5,
        portable=Portable(
            read=anchor_plan.read_plans,
            uid=anchor_plan.plan_uid,
            to_data=anchor_plan.plan_to_data,
            from_data=anchor_plan.plan_from_data,
            check=anchor_plan.check_plan,
            write=anchor_plan.add_plan,
            where=anchor_plan.PLAN_WHERE,
        ),
        readable=Readable(
            kept=_always,
            markdown=anchor_plan.plan_markdown,
            csv_columns=anchor_plan.PLAN_CSV_COLUMNS,
            csv_row=anchor_plan.plan_csv,
            section=QT_TRANSLATE_NOOP("Export", "Your daily anchors"),
        ),
    ),
    RecordKind(
        key="invitations",
        table=invitations.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n invitation(s) taken up"),
        since=3,
        portable=Portable(
            read=invitations.read_invitations,
            uid=invitations.invitation_uid,
            to_data=invitations.invitation_to_data,
            from_data=invitations.invitation_from_data,
            check=invitations.check_invitation,
            write=invitations.add_invitation,
            where=invitations.INVITATION_WHERE,
        ),
        readable=Readable(
            kept=invitations.invitation_kept,
            when=invitations.invitation_when,
            markdown=invitations.invitation_markdown,
            csv_columns=invitations.INVITATION_CSV_COLUMNS,
            csv_row=invitations.invitation_csv,
        ),
        timeline=OnTimeline(
            shown=(
                Shown(
                    invitations.KIND,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Invitation"),
                    QT_TRANSLATE_NOOP("JournalTab", "Invitations"),
                ),
            ),
            page=invitations.timeline_page,
        ),
        search=invitations.search_invitations,
    ),
    RecordKind(
        key="pace_findings",
        table=pace.TABLE,
        count_text=QT_TRANSLATE_NOOP("Store", "%n comfortable pace(s) found"),
        since=3,
        portable=Portable(
            read=pace.read_findings,
            uid=pace.finding_uid,
            to_data=pace.finding_to_data,
            from_data=pace.finding_from_data,
            check=pace.check_finding,
            write=pace.add_finding,
            where=pace.FINDING_WHERE,
        ),
        readable=Readable(
            kept=pace.finding_kept,
            when=pace.finding_when,
            markdown=pace.finding_markdown,
            csv_columns=pace.FINDING_CSV_COLUMNS,
            csv_row=pace.finding_csv,
        ),
        timeline=OnTimeline(
            shown=(
                Shown(
                    pace.KIND,
                    QT_TRANSLATE_NOOP("JournalTimeline", "Comfortable pace"),
                    QT_TRANSLATE_NOOP("JournalTab", "Finding a comfortable pace"),
                ),
            ),
            page=pace.timeline_page,
        ),
        search=pace.search_findings,
    ),
)


# -- questions every reader of the registry asks ------------------------------------------------


def shown_on_timeline(registry: Sequence[RecordKind[Any]] = KINDS) -> list[Shown]:
    """Every kind of timeline row, in the registry's order."""
    return [shown for kind in registry if kind.timeline for shown in kind.timeline.shown]


def timeline_tables(registry: Sequence[RecordKind[Any]] = KINDS) -> frozenset[str]:
    """The tables whose writes change what the timeline shows."""
    return frozenset(kind.table for kind in registry if kind.timeline)


def count_records(
    conn: sqlite3.Connection, registry: Sequence[RecordKind[Any]] = KINDS
) -> list[tuple[RecordKind[Any], int]]:
    """How many records of each kind the database holds, trash included. A kind whose table
    this file does not have yet (an older schema) is left out. Reads only."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [
        (kind, int(conn.execute(f"SELECT COUNT(*) FROM {kind.table}").fetchone()[0]))
        for kind in registry
        if kind.table in tables
    ]


def describe_counts(counts: Iterable[tuple[RecordKind[Any], int]]) -> str:
    """ "2 journal entries, 1 breathing session, ..." in the person's language."""
    return ", ".join(translate("Store", kind.count_text, None, n) for kind, n in counts)
