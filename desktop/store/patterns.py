"""What the "Over time" pictures show, as aggregate queries over what is stored. No Qt.

Read-only: nothing here writes. Each picture asks SQLite for the smallest aggregate it needs
(days per kind of practice, weight per body region, first use per word, before/after changes).
Feeling words and body marks are read from the derived tables that migration 9 keeps in step by
triggers (feeling_uses, body_marks, body_mark_qualities), not by parsing JSON in every row, so a
journal of 100,000 records answers in tens of milliseconds. The SQL is kept in named statements
so the benchmark can run exactly the same statements raw, as the floor.

Kinds of practice are registered in tables below (one entry per kind): a kind added later (a
glimmer, a together practice) shows up in the pictures with one entry, and a kind whose table is
not in this database yet is skipped.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.store.kinds import KINDS, RecordKind
from desktop.texts import QT_TRANSLATE_NOOP

# -- the kinds of practice -------------------------------------------------------------------


@dataclass(frozen=True)
class DayKind:
    """A kind of practice the calendar marks: the SQL lists the days it happened on."""

    key: str  # the practice: "breathing", "listening", "writing"...
    label: str  # QT_TRANSLATE_NOOP("Patterns", ...): translate where shown
    tables: tuple[str, ...]  # all must exist, or the kind is skipped
    days_sql: str  # SELECT DISTINCT day ...: the person's own calendar days, YYYY-MM-DD


# The calendar's order, as the tabs go; a practice not named here follows, in the registry's.
PRACTICE_ORDER = ("breathing", "listening", "writing", "glimmers", "together")


def day_kinds(registry: Sequence[RecordKind[Any]] = KINDS) -> tuple[DayKind, ...]:
    """The practices of the registry; record kinds of the same practice (check-ins and taps
    are both listening) share one mark."""
    found: dict[str, DayKind] = {}
    for kind in registry:
        shows = kind.over_time
        if shows is None:
            continue
        days = shows.days_sql or f"SELECT DISTINCT day FROM {kind.table} WHERE deleted_at IS NULL"
        if shows.practice in found:
            known = found[shows.practice]
            found[shows.practice] = DayKind(
                known.key,
                known.label,
                (*known.tables, kind.table),
                f"{known.days_sql} UNION {days}",
            )
        else:
            found[shows.practice] = DayKind(shows.practice, shows.label, (kind.table,), days)
    ranked = {key: i for i, key in enumerate(PRACTICE_ORDER)}
    return tuple(sorted(found.values(), key=lambda k: ranked.get(k.key, len(ranked))))


DAY_KINDS = day_kinds()


def existing_tables(conn: sqlite3.Connection) -> frozenset[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return frozenset(str(r[0]) for r in rows)


def available_kinds(
    conn: sqlite3.Connection, kinds: Sequence[DayKind] = DAY_KINDS
) -> list[DayKind]:
    tables = existing_tables(conn)
    return [k for k in kinds if all(t in tables for t in k.tables)]


# -- days with a practice ---------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeDays:
    """Which kinds of practice happened on which days. Days with nothing are simply absent."""

    kinds: tuple[str, ...]  # every kind this database knows, in the registry's order
    by_day: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def kinds_on(self, day: str) -> tuple[str, ...]:
        return self.by_day.get(day, ())

    def days_of(self, kind: str, first: str, last: str) -> list[str]:
        """The days from ``first`` to ``last`` (inclusive) with ``kind``, in order."""
        return sorted(d for d, ks in self.by_day.items() if first <= d <= last and kind in ks)

    @property
    def first_day(self) -> str | None:
        return min(self.by_day) if self.by_day else None

    @functools.cached_property
    def kept_kinds(self) -> tuple[str, ...]:
        """The kinds with at least one day, in the registry's order: what the legend explains."""
        found = {kind for kinds in self.by_day.values() for kind in kinds}
        return tuple(kind for kind in self.kinds if kind in found)


def practice_days(conn: sqlite3.Connection, kinds: Sequence[DayKind] = DAY_KINDS) -> PracticeDays:
    """Every day with any practice, over the whole journal (a few thousand days at most), so
    moving between months and years needs no further query."""
    known = available_kinds(conn, kinds)
    found: dict[str, list[str]] = {}
    for kind in known:
        for (day,) in conn.execute(kind.days_sql):
            if day:
                found.setdefault(str(day), []).append(kind.key)
    return PracticeDays(tuple(k.key for k in known), {d: tuple(ks) for d, ks in found.items()})


def calendar_statements(conn: sqlite3.Connection) -> list[str]:
    """The SQL the calendar runs, for the benchmark's floor."""
    return [k.days_sql for k in available_kinds(conn)]


# -- the body map over time ----------------------------------------------------------------------
#
# Every body mark (a region, its strength and qualities) is kept one row per mark in body_marks
# and one row per mark and quality in body_mark_qualities, by triggers (migration 9). A glimmer
# with a place on the body is one clear mark there, of no quality.

STRENGTH_WEIGHTS = {"faint": 1.0, "clear": 2.0, "strong": 3.0}

# The practices that keep body marks, with the words for them in the map's filter.
BODY_PRACTICES = {
    "listening": QT_TRANSLATE_NOOP("Patterns", "While listening"),
    "glimmers": QT_TRANSLATE_NOOP("Patterns", "In your glimmers"),
}


@dataclass(frozen=True)
class BodyFilter:
    """Which marks the map gathers. None means any."""

    since: str | None = None  # YYYY-MM-DD, inclusive
    quality: str | None = None
    practice: str | None = None
    track_id: int | None = None


@dataclass(frozen=True)
class RegionTotal:
    region: str
    weight: float  # faint 1, clear 2, strong 3, summed over the marks
    marks: int
    qualities: tuple[tuple[str, int], ...] = ()  # the qualities noted there, most often first


@dataclass(frozen=True)
class BodyTotals:
    regions: dict[str, RegionTotal] = field(default_factory=dict)

    @property
    def marks(self) -> int:
        return sum(r.marks for r in self.regions.values())

    def weights(self) -> dict[str, float]:
        return {key: r.weight for key, r in self.regions.items()}


def _body_where(chosen: BodyFilter) -> tuple[str, list[object]]:
    clauses = ["region IS NOT NULL"]
    params: list[object] = []
    for column, value, test in (
        ("quality", chosen.quality, "="),
        ("day", chosen.since, ">="),
        ("practice", chosen.practice, "="),
        ("track_id", chosen.track_id, "="),
    ):
        if value is not None:
            clauses.append(f"{column} {test} ?")
            params.append(value)
    return " WHERE " + " AND ".join(clauses), params


def body_statements(chosen: BodyFilter) -> list[tuple[str, list[object]]]:
    where, params = _body_where(chosen)
    # With a quality chosen, each mark with it has one row in body_mark_qualities.
    marks = "body_mark_qualities" if chosen.quality is not None else "body_marks"
    return [
        (
            f"SELECT region, strength, COUNT(*) FROM {marks}{where} GROUP BY region, strength",
            params,
        ),
        (
            f"SELECT region, quality, COUNT(*) FROM body_mark_qualities{where} "
            "GROUP BY region, quality",
            params,
        ),
    ]


def _totals(
    weights: Iterable[tuple[object, object, int]], qualities: Iterable[tuple[object, object, int]]
) -> BodyTotals:
    weight: dict[str, float] = {}
    marks: dict[str, int] = {}
    for region, strength, count in weights:
        key = str(region)
        weight[key] = weight.get(key, 0.0) + STRENGTH_WEIGHTS.get(str(strength), 2.0) * count
        marks[key] = marks.get(key, 0) + int(count)
    noted: dict[str, list[tuple[str, int]]] = {}
    for region, quality, count in qualities:
        noted.setdefault(str(region), []).append((str(quality), int(count)))
    return BodyTotals(
        {
            key: RegionTotal(
                key,
                weight[key],
                marks[key],
                tuple(sorted(noted.get(key, []), key=lambda pair: (-pair[1], pair[0]))),
            )
            for key in weight
        }
    )


def body_totals(conn: sqlite3.Connection, chosen: BodyFilter | None = None) -> BodyTotals:
    """How much was felt in each region, weighted by strength, for the marks the filter lets
    through. "Nothing concrete" check-ins have no marks; the trash is left out."""
    (weights_sql, params), (qualities_sql, _) = body_statements(chosen or BodyFilter())
    return _totals(conn.execute(weights_sql, params), conn.execute(qualities_sql, params))


@dataclass(frozen=True)
class BodyOptions:
    """What the map's filters can offer: only what is in the journal."""

    practices: tuple[tuple[str, str], ...] = ()  # (practice key, label to translate)
    qualities: tuple[str, ...] = ()
    tracks: tuple[tuple[int, str], ...] = ()  # (track id, title) of tracks with marks


def _distinct_sql(table: str, column: str) -> str:
    # One index seek per distinct value instead of a walk over every row.
    return f"""WITH RECURSIVE found (value) AS (
            SELECT MIN({column}) FROM {table}
            UNION ALL
            SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.value)
            FROM found WHERE found.value IS NOT NULL
        ) SELECT value FROM found WHERE value IS NOT NULL"""


OPTIONS_STATEMENTS: tuple[tuple[str, list[object]], ...] = (
    (_distinct_sql("body_marks", "practice"), []),
    (_distinct_sql("body_mark_qualities", "quality"), []),
    (
        "SELECT d.value, COALESCE(t.title, (SELECT c.track_title FROM body_checkins c "
        "WHERE c.track_id = d.value LIMIT 1), '') "
        f"FROM ({_distinct_sql('body_marks', 'track_id')}) d "
        "LEFT JOIN tracks t ON t.id = d.value ORDER BY 2 COLLATE NOCASE, 1",
        [],
    ),
)


def body_options(conn: sqlite3.Connection) -> BodyOptions:
    practices, qualities, tracks = (conn.execute(*s).fetchall() for s in OPTIONS_STATEMENTS)
    return BodyOptions(
        tuple((str(p), BODY_PRACTICES.get(str(p), str(p))) for (p,) in practices),
        tuple(sorted((str(q) for (q,) in qualities), key=str.casefold)),
        tuple((int(i), str(t)) for i, t in tracks),
    )


@dataclass(frozen=True)
class TrackMoment:
    """One check-in on a track: when in the track, and where in the body."""

    position_ms: int | None
    day: str
    marks: tuple[tuple[str, str, tuple[str, ...]], ...]  # (region, strength, qualities)
    nothing_concrete: bool = False
    note: str = ""


TRACK_MOMENTS_SQL = (
    "SELECT position_ms, day, regions, nothing_concrete, note FROM body_checkins "
    "WHERE track_id = ? AND deleted_at IS NULL ORDER BY position_ms, created_at"
)


def track_moments(conn: sqlite3.Connection, track_id: int) -> list[TrackMoment]:
    """Every check-in on one track, in the order of the music."""
    moments = []
    for position, day, regions, nothing, note in conn.execute(TRACK_MOMENTS_SQL, (track_id,)):
        marks = tuple(
            (
                str(m.get("region", "")),
                str(m.get("strength", "clear")),
                tuple(str(q) for q in m.get("qualities", ())),
            )
            for m in json.loads(regions or "[]")
        )
        moments.append(TrackMoment(position, str(day), marks, bool(nothing), str(note or "")))
    return moments


def totals_of(moments: Iterable[TrackMoment]) -> BodyTotals:
    """The same totals as body_totals(), for moments already read (one track's check-ins)."""
    weights: dict[tuple[str, str], int] = {}
    qualities: dict[tuple[str, str], int] = {}
    for moment in moments:
        for region, strength, words in moment.marks:
            weights[region, strength] = weights.get((region, strength), 0) + 1
            for word in set(words):
                qualities[region, word] = qualities.get((region, word), 0) + 1
    return _totals(
        ((r, s, n) for (r, s), n in weights.items()), ((r, q, n) for (r, q), n in qualities.items())
    )


# -- words you have used --------------------------------------------------------------------------
#
# Every feeling word of every record is one row of feeling_uses, kept by triggers (migration 9).


@dataclass(frozen=True)
class WordUse:
    word: str
    first_day: str
    last_day: str
    days: int  # on how many days it was noted


@dataclass(frozen=True)
class MixedState:
    day: str
    feelings: tuple[tuple[str, int], ...]  # (word, intensity) as the person chose them


@dataclass(frozen=True)
class WordsUsed:
    words: tuple[WordUse, ...] = ()  # in the order they first appeared
    mixed: tuple[MixedState, ...] = ()  # the newest mixed states, newest first


MIXED_LIMIT = 6

WORDS_SQL = (
    "SELECT word, MIN(day), MAX(day), COUNT(DISTINCT day) FROM feeling_uses "
    "WHERE word IS NOT NULL AND word != '' GROUP BY word ORDER BY 2, 1"
)

# Where mixed states are read from: (table, feelings column). Newest first, a few per table.
MIXED_SOURCES: tuple[tuple[str, str], ...] = tuple(
    (kind.table, column)
    for kind in KINDS
    if kind.over_time is not None
    for column in kind.over_time.mixed
)


def words_statements(conn: sqlite3.Connection) -> list[tuple[str, list[object]]]:
    tables = existing_tables(conn)
    sources = [(t, c) for t, c in MIXED_SOURCES if t in tables]
    newest = " UNION ALL ".join(
        f"SELECT * FROM (SELECT day, created_at, {column} AS feelings FROM {table} "
        f"WHERE deleted_at IS NULL AND json_array_length({column}) > 1 "
        "ORDER BY day DESC, created_at DESC LIMIT ?)"
        for table, column in sources
    )
    limit = MIXED_LIMIT * 2  # room for repeats, which are shown once
    return [
        (WORDS_SQL, []),
        (
            f"SELECT day, feelings FROM ({newest}) ORDER BY day DESC, created_at DESC LIMIT ?",
            [limit] * (len(sources) + 1),
        ),
    ]


def words_used(conn: sqlite3.Connection, mixed_limit: int = MIXED_LIMIT) -> WordsUsed:
    """Every feeling word with when it was first and last noted, and the newest mixed states
    (several feelings at once) exactly as they were chosen."""
    words_sql, mixed_sql = words_statements(conn)
    words = tuple(
        WordUse(str(w), str(first), str(last), int(days))
        for w, first, last, days in conn.execute(*words_sql)
    )
    mixed: list[MixedState] = []
    seen: set[tuple[tuple[str, int], ...]] = set()
    for day, feelings in conn.execute(*mixed_sql):
        chosen = tuple(
            (str(f.get("word", "")), int(f.get("intensity", 2)))
            for f in json.loads(feelings or "[]")
        )
        if chosen in seen:
            continue  # the same mixed state again: shown once, the newest time
        seen.add(chosen)
        mixed.append(MixedState(str(day), chosen))
        if len(mixed) == mixed_limit:
            break
    return WordsUsed(words, tuple(mixed))


# -- what seems to help ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SettledSource:
    """A practice with "how settled" answers (1 to 5) before and after."""

    kind: str  # a DayKind's key
    tables: tuple[str, ...]
    changes_sql: str  # one row per session with both answers: after - before, oldest first


SETTLED_SOURCES: tuple[SettledSource, ...] = tuple(
    SettledSource(kind.over_time.practice, (kind.table,), kind.over_time.settled_sql)
    for kind in KINDS
    if kind.over_time is not None and kind.over_time.settled_sql
)


@dataclass(frozen=True)
class DayComparison:
    """Days with a practice and other days, each with feeling words noted elsewhere that day
    (in the journal, in other practices): the practice's own answers are left out."""

    kind: str
    days_with: int
    days_without: int
    # (word, days with the practice it was noted on, other days it was noted on)
    words: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class PracticeChanges:
    kind: str
    # after - before, in steps of the 1-to-5 answer -> how many sessions changed so
    counts: dict[int, int] = field(default_factory=dict)
    comparison: DayComparison | None = None

    @property
    def sessions(self) -> int:
        return sum(self.counts.values())

    @property
    def changes(self) -> tuple[int, ...]:
        """Every session's change, smallest first."""
        return tuple(c for c in sorted(self.counts) for _ in range(self.counts[c]))


def _comparison_sql(kind: DayKind) -> str:
    # Each (word, day) once, read in the index's own order; then, per word and for all words,
    # on how many of those days the practice happened and on how many days in all.
    return (
        f"WITH practice (day) AS MATERIALIZED ({kind.days_sql}), "
        "noted AS MATERIALIZED (SELECT word, day FROM feeling_uses "
        "WHERE kind != ? AND word IS NOT NULL AND word != '' GROUP BY word, day) "
        "SELECT NULL, SUM(day IN practice), COUNT(*) FROM (SELECT DISTINCT day FROM noted) "
        "UNION ALL SELECT word, SUM(day IN practice), COUNT(*) FROM noted GROUP BY word"
    )


def _counted(changes_sql: str) -> str:
    return f"SELECT *, COUNT(*) FROM ({changes_sql}) GROUP BY 1"


def _settled_sources(conn: sqlite3.Connection) -> list[tuple[SettledSource, DayKind]]:
    tables = existing_tables(conn)
    kinds = {k.key: k for k in available_kinds(conn)}
    return [
        (s, kinds[s.kind])
        for s in SETTLED_SOURCES
        if all(t in tables for t in s.tables) and s.kind in kinds
    ]


def helps_statements(conn: sqlite3.Connection) -> list[tuple[str, list[object]]]:
    statements: list[tuple[str, list[object]]] = []
    for source, kind in _settled_sources(conn):
        statements += [(_counted(source.changes_sql), []), (_comparison_sql(kind), [kind.key])]
    return statements


def settled_changes(conn: sqlite3.Connection) -> list[PracticeChanges]:
    """For each practice with before and after answers: every change, and the feeling words
    noted elsewhere on days with it and on other days (for the comparison, where enough)."""
    found = []
    for source, kind in _settled_sources(conn):
        counts = {int(c): int(n) for c, n in conn.execute(_counted(source.changes_sql))}
        days_with, days_without = 0, 0
        per_word: list[tuple[str, int, int]] = []
        for word, with_it, days in conn.execute(_comparison_sql(kind), (kind.key,)):
            with_it, days = int(with_it or 0), int(days)  # SUM() of no rows is NULL
            if word is None:
                days_with, days_without = with_it, days - with_it
            else:
                per_word.append((str(word), with_it, days - with_it))
        words = tuple(sorted(per_word, key=lambda t: (-(t[1] + t[2]), t[0])))
        comparison = DayComparison(kind.key, days_with, days_without, words)
        found.append(PracticeChanges(kind.key, counts, comparison))
    return found
