"""Schema changes as numbered steps. Each step runs inside the caller's transaction.

Never edit a step that has shipped; add a new one. The position in MIGRATIONS is the version
it brings the database to (the first step makes version 1).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _v1_contacts(conn: sqlite3.Connection) -> None:
    # People the person trusts, shown on the "If this feels like too much" page.
    conn.execute(
        """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            how_to_reach TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )


def _v2_journal(conn: sqlite3.Connection) -> None:
    # One row per journal entry. ``uid`` is stable across export and import; ``id`` orders pages.
    conn.execute(
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'entry' CHECK (kind IN ('entry', 'impressions')),
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            touch TEXT NOT NULL DEFAULT '',
            sound TEXT NOT NULL DEFAULT '',
            sight TEXT NOT NULL DEFAULT '',
            smell_taste TEXT NOT NULL DEFAULT '',
            breath_body TEXT NOT NULL DEFAULT '',
            feelings TEXT NOT NULL DEFAULT '[]',
            feelings_text TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            tags_text TEXT NOT NULL DEFAULT '',
            sketch TEXT NOT NULL DEFAULT ''
        )
        """
    )
    # The timeline walks this index newest first (keyset paging, never OFFSET).
    conn.execute("CREATE INDEX entries_timeline ON entries (day DESC, created_at DESC, id DESC)")
    conn.execute(
        """
        CREATE TABLE entry_tags (
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (tag, entry_id)
        )
        """
    )
    conn.execute("CREATE INDEX entry_tags_entry ON entry_tags (entry_id)")
    # Full-text search over every text field, feeling word and tag, kept in step by triggers.
    columns = "touch, sound, sight, smell_taste, breath_body, feelings_text, body, tags_text"
    conn.execute(
        f"""
        CREATE VIRTUAL TABLE entries_fts USING fts5 (
            {columns}, content='entries', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """
    )
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    conn.execute(
        f"""CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts (rowid, {columns}) VALUES (new.id, {new}); END"""
    )
    conn.execute(
        f"""CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, {columns})
            VALUES ('delete', old.id, {old}); END"""
    )
    conn.execute(
        f"""CREATE TRIGGER entries_au AFTER UPDATE OF {columns} ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, {columns})
            VALUES ('delete', old.id, {old});
            INSERT INTO entries_fts (rowid, {columns}) VALUES (new.id, {new}); END"""
    )
    # Unsaved work in the editor, one row per editor ("new" or an entry's uid).
    conn.execute(
        """
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            saved_at TEXT NOT NULL,
            content TEXT NOT NULL
        )
        """
    )


def _v3_breathing(conn: sqlite3.Connection) -> None:
    # One row per finished breathing session; the pattern is kept as it was used.
    conn.execute(
        """
        CREATE TABLE breath_sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            pattern TEXT NOT NULL,
            pattern_name TEXT NOT NULL,
            planned_seconds REAL,
            planned_cycles INTEGER,
            actual_seconds REAL NOT NULL,
            cycles INTEGER NOT NULL,
            ended_early INTEGER NOT NULL,
            settled_before INTEGER CHECK (settled_before BETWEEN 1 AND 5),
            settled_after INTEGER CHECK (settled_after BETWEEN 1 AND 5),
            feelings_before TEXT NOT NULL DEFAULT '[]',
            feelings_after TEXT NOT NULL DEFAULT '[]',
            deleted_at TEXT
        )
        """
    )
    conn.execute(
        "CREATE INDEX breath_sessions_timeline "
        "ON breath_sessions (day DESC, created_at DESC, id DESC)"
    )
    # The person's own patterns, saved by name.
    conn.execute(
        """
        CREATE TABLE breath_patterns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            inhale REAL NOT NULL,
            hold_in REAL NOT NULL,
            exhale REAL NOT NULL,
            hold_out REAL NOT NULL,
            top_up REAL NOT NULL DEFAULT 0
        )
        """
    )


def _v4_listening(conn: sqlite3.Connection) -> None:
    # The music library: files on this computer only. A file that goes missing is marked.
    conn.execute(
        """
        CREATE TABLE tracks (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            album TEXT NOT NULL DEFAULT '',
            duration REAL,
            missing INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX tracks_by_title ON tracks (title COLLATE NOCASE, id)")
    # Body-response check-ins, stamped with the track and the position in it.
    conn.execute(
        """
        CREATE TABLE body_checkins (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,
            track_title TEXT NOT NULL DEFAULT '',
            position_ms INTEGER,
            nothing_concrete INTEGER NOT NULL DEFAULT 0,
            regions TEXT NOT NULL DEFAULT '[]',
            feelings TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        )
        """
    )
    conn.execute(
        "CREATE INDEX body_checkins_timeline ON body_checkins (day DESC, created_at DESC, id DESC)"
    )
    conn.execute("CREATE INDEX body_checkins_track ON body_checkins (track_id, position_ms)")
    conn.execute(
        """
        CREATE VIRTUAL TABLE body_checkins_fts USING fts5 (
            search_text, content='body_checkins', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """
    )
    conn.execute(
        """CREATE TRIGGER body_checkins_ai AFTER INSERT ON body_checkins BEGIN
            INSERT INTO body_checkins_fts (rowid, search_text) VALUES (new.id, new.search_text);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER body_checkins_ad AFTER DELETE ON body_checkins BEGIN
            INSERT INTO body_checkins_fts (body_checkins_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END"""
    )
    # Quick pleasantness x energy taps before and after a track.
    conn.execute(
        """
        CREATE TABLE track_moods (
            id INTEGER PRIMARY KEY,
            track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,
            moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
            pleasantness REAL NOT NULL CHECK (pleasantness BETWEEN -1 AND 1),
            energy REAL NOT NULL CHECK (energy BETWEEN -1 AND 1),
            created_at TEXT NOT NULL
        )
        """
    )


# "GLMR" in the database header: tells a Glimmers journal from every other SQLite file.
APPLICATION_ID = 0x474C4D52
# The version whose step writes that mark: journals below it are known by their tables instead.
MARKED_SINCE = 5

# Tables whose rows had no stable id before version 5. Export, import and rescue match rows by uid.
_UID_TABLES = ("contacts", "breath_patterns", "tracks", "track_moods")


def _v5_identity(conn: sqlite3.Connection) -> None:
    # Mark the file as ours, so a foreign SQLite file is never mistaken for a journal.
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    # Every kind of record gets a stable uid. A row inserted without one is given one at once,
    # so writers that predate uids keep working.
    for table in _UID_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        conn.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        conn.execute(
            f"""CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN new.uid IS NULL
            BEGIN UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE rowid = new.rowid;
            END"""
        )


def _fts_on_search_text(
    conn: sqlite3.Connection, table: str, options: str = "", timeline_index: bool = True
) -> None:
    """Full-text search over ``table``'s search_text column, kept in step by triggers.
    ``options`` are more FTS5 options (``, prefix='2 3'``)."""
    conn.execute(
        f"""
        CREATE VIRTUAL TABLE {table}_fts USING fts5 (
            search_text, content='{table}', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'{options}
        )
        """
    )
    conn.execute(
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {table}_fts (rowid, search_text) VALUES (new.id, new.search_text);
        END"""
    )
    conn.execute(
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {table}_fts ({table}_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END"""
    )
    conn.execute(
        f"""CREATE TRIGGER {table}_au AFTER UPDATE OF search_text ON {table} BEGIN
            INSERT INTO {table}_fts ({table}_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
            INSERT INTO {table}_fts (rowid, search_text) VALUES (new.id, new.search_text);
        END"""
    )
    if timeline_index:
        conn.execute(
            f"CREATE INDEX {table}_timeline ON {table} (day DESC, created_at DESC, id DESC)"
        )


def _v6_rhythm(conn: sqlite3.Connection) -> None:
    # Glimmers: small moments kept in a few words, with the sense and the place in the body
    # if the person gave them.
    conn.execute(
        """
        CREATE TABLE glimmers (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            text TEXT NOT NULL,
            sense TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT ''
        )
        """
    )
    # The daily rhythm: one answer per anchor and day (done, made smaller, or let go). Days
    # without an answer have no row: nothing is ever recorded as missed.
    conn.execute(
        """
        CREATE TABLE rhythm_answers (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            anchor_key TEXT NOT NULL,
            anchor_name TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('done', 'smaller', 'let_go')),
            search_text TEXT NOT NULL DEFAULT '',
            UNIQUE (day, anchor_key)
        )
        """
    )
    # Invitations the person took up, and what they ended in (three impressions, a glimmer).
    conn.execute(
        """
        CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT,
            invitation TEXT NOT NULL,
            title TEXT NOT NULL,
            minutes REAL,
            ended_in TEXT NOT NULL DEFAULT '' CHECK (ended_in IN ('', 'impressions', 'glimmer')),
            ending_uid TEXT,
            search_text TEXT NOT NULL DEFAULT ''
        )
        """
    )
    # "Find my comfortable pace": each pace tried with the one-tap answer, and the pace offered.
    conn.execute(
        """
        CREATE TABLE pace_findings (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deleted_at TEXT,
            steps TEXT NOT NULL DEFAULT '[]',
            chosen_rate REAL,
            kept INTEGER NOT NULL DEFAULT 0,
            search_text TEXT NOT NULL DEFAULT ''
        )
        """
    )
    for table in ("glimmers", "rhythm_answers", "invitations", "pace_findings"):
        _fts_on_search_text(conn, table)


def _v7_together(conn: sqlite3.Connection) -> None:
    # Practices for people together: a listening pair, a circle, touch with consent. Only the
    # kind, the length, the rounds and how many took part are kept, unless everyone chose to
    # keep the words too ("words": JSON, "{}" otherwise).
    conn.execute(
        """
        CREATE TABLE together_sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('listening_pair', 'circle', 'touch')),
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            seconds REAL NOT NULL CHECK (seconds >= 0),
            rounds INTEGER NOT NULL DEFAULT 0 CHECK (rounds >= 0),
            people INTEGER NOT NULL CHECK (people BETWEEN 2 AND 8),
            kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)),
            words TEXT NOT NULL DEFAULT '{}',
            search_text TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        )
        """
    )
    _fts_on_search_text(conn, "together_sessions")


def _feeling_words_sql(column: str) -> str:
    """The words of a stored feelings list (JSON), space-separated, in SQL."""
    return (
        f"COALESCE((SELECT group_concat(json_extract(value, '$.word'), ' ') "
        f"FROM json_each({column})), '')"
    )


def _v8_search_everything(conn: sqlite3.Connection) -> None:
    # Breathing sessions become searchable by their pattern's name and the feeling words
    # chosen before and after, like every other kind the timeline shows.
    conn.execute("ALTER TABLE breath_sessions ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "UPDATE breath_sessions SET search_text = pattern_name || ' \n' || "
        f"{_feeling_words_sql('feelings_before')} || ' \n' || "
        f"{_feeling_words_sql('feelings_after')}"
    )
    _fts_on_search_text(conn, "breath_sessions", FTS_PREFIXES, timeline_index=False)
    conn.execute("INSERT INTO breath_sessions_fts (breath_sessions_fts) VALUES ('rebuild')")
    # Every other index is made again with the prefix indexes; the triggers that keep each in
    # step name it by name, so they go on working with the new one.
    conn.execute("DROP TABLE entries_fts")
    conn.execute(
        f"""
        CREATE VIRTUAL TABLE entries_fts USING fts5 (
            {_ENTRY_FTS_COLUMNS}, content='entries', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'{FTS_PREFIXES}
        )
        """
    )
    conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
    for table in _SEARCH_TEXT_TABLES:
        conn.execute(f"DROP TABLE {table}_fts")
        conn.execute(
            f"""
            CREATE VIRTUAL TABLE {table}_fts USING fts5 (
                search_text, content='{table}', content_rowid='id',
                tokenize='porter unicode61 remove_diacritics 2'{FTS_PREFIXES}
            )
            """
        )
        conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
    # Check-ins had no trigger for a changed search text (none is changed today; one may be).
    conn.execute(
        """CREATE TRIGGER body_checkins_au AFTER UPDATE OF search_text ON body_checkins BEGIN
            INSERT INTO body_checkins_fts (body_checkins_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
            INSERT INTO body_checkins_fts (rowid, search_text) VALUES (new.id, new.search_text);
        END"""
    )


def _v9_track_order(conn: sqlite3.Connection) -> None:
    # Tags as people wrote them: an album plays in its own order (disc, then track number),
    # and the library's filter also looks at the file's own name.
    conn.execute("ALTER TABLE tracks ADD COLUMN disc_number INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE tracks ADD COLUMN track_number INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE tracks ADD COLUMN file_name TEXT NOT NULL DEFAULT ''")
    # The file's name: what is left of the path once everything up to its last "/" (or "\\")
    # is taken away; rtrim takes away its last part's characters, leaving the folder.
    slashed = "replace(path, '\\', '/')"
    conn.execute(
        f"UPDATE tracks SET file_name = "
        f"replace({slashed}, rtrim({slashed}, replace({slashed}, '/', '')), '')"
    )
    conn.execute(
        "CREATE INDEX tracks_in_order ON tracks "
        "(album COLLATE NOCASE, disc_number, track_number, title COLLATE NOCASE, id)"
    )


def _v10_pictures_and_pleasantness(conn: sqlite3.Connection) -> None:
    # How pleasant an entry felt, from -1 to 1 (the scale of the listening tap), for moods
    # brought from another app. NULL for nearly every entry: Glimmers itself never asks for it.
    conn.execute(
        "ALTER TABLE entries ADD COLUMN pleasantness REAL "
        "CHECK (pleasantness IS NULL OR pleasantness BETWEEN -1 AND 1)"
    )
    # Pictures kept with an entry, in the one database file, so backups, protection and the
    # trash treat them like the entry itself. A sketch drawn elsewhere is a picture marked so.
    conn.execute(
        """
        CREATE TABLE entry_pictures (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            media_type TEXT NOT NULL,
            width INTEGER,
            height INTEGER,
            is_sketch INTEGER NOT NULL DEFAULT 0 CHECK (is_sketch IN (0, 1)),
            data BLOB NOT NULL,
            added_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX entry_pictures_entry ON entry_pictures (entry_id, position, id)")


def feeling_use_triggers(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], kind: str
) -> None:
    """Keep ``feeling_uses`` in step with the feeling words in ``table``'s JSON ``columns``.

    A kind of record added later calls this in its own migration; its words then show in the
    "Over time" pictures. Rows in the trash (deleted_at set) have no uses.
    """

    def inserts(where: str) -> str:
        return "".join(
            f"""INSERT INTO feeling_uses (source, row_id, kind, day, word)
            SELECT '{table}', new.id, '{kind}', new.day, json_extract(f.value, '$.word')
            FROM json_each(new.{column}) f WHERE {where} AND new.{column} != '[]';"""
            for column in columns
        )

    watched = ", ".join(("day", "deleted_at", *columns))
    conn.execute(
        f"""CREATE TRIGGER {table}_feeling_uses_ai AFTER INSERT ON {table} BEGIN
        {inserts("new.deleted_at IS NULL")} END"""
    )
    conn.execute(
        f"""CREATE TRIGGER {table}_feeling_uses_au AFTER UPDATE OF {watched} ON {table} BEGIN
        DELETE FROM feeling_uses WHERE source = '{table}' AND row_id = old.id;
        {inserts("new.deleted_at IS NULL")} END"""
    )
    conn.execute(
        f"""CREATE TRIGGER {table}_feeling_uses_ad AFTER DELETE ON {table} BEGIN
        DELETE FROM feeling_uses WHERE source = '{table}' AND row_id = old.id; END"""
    )
    conn.execute(
        "INSERT INTO feeling_uses (source, row_id, kind, day, word) "
        + " UNION ALL ".join(
            f"SELECT '{table}', t.id, '{kind}', t.day, json_extract(f.value, '$.word') "
            f"FROM {table} t, json_each(t.{column}) f "
            f"WHERE t.deleted_at IS NULL AND t.{column} != '[]'"
            for column in columns
        )
    )


def body_mark_triggers(conn: sqlite3.Connection, table: str, practice: str) -> None:
    """Keep ``body_marks`` and ``body_mark_qualities`` in step with ``table``'s ``regions``
    JSON (as body_checkins keeps it). ``table`` needs a ``track_id`` column (NULL if none)."""
    marks = f"""INSERT INTO body_marks (source, row_id, position, practice, day, track_id,
            region, strength)
        SELECT '{table}', new.id, m.key, '{practice}', new.day, new.track_id,
            json_extract(m.value, '$.region'), json_extract(m.value, '$.strength')
        FROM json_each(new.regions) m WHERE new.deleted_at IS NULL AND new.regions != '[]';
        INSERT INTO body_mark_qualities (source, row_id, practice, day, track_id, region,
            strength, quality)
        SELECT DISTINCT '{table}', new.id, '{practice}', new.day, new.track_id,
            json_extract(m.value, '$.region'), json_extract(m.value, '$.strength'), q.value
        FROM json_each(new.regions) m, json_each(m.value, '$.qualities') q
        WHERE new.deleted_at IS NULL AND new.regions != '[]';"""
    forget = f"""DELETE FROM body_marks WHERE source = '{table}' AND row_id = old.id;
        DELETE FROM body_mark_qualities WHERE source = '{table}' AND row_id = old.id;"""
    conn.execute(f"CREATE TRIGGER {table}_body_marks_ai AFTER INSERT ON {table} BEGIN {marks} END")
    conn.execute(
        f"""CREATE TRIGGER {table}_body_marks_au
        AFTER UPDATE OF day, deleted_at, track_id, regions ON {table} BEGIN {forget} {marks} END"""
    )
    conn.execute(f"CREATE TRIGGER {table}_body_marks_ad AFTER DELETE ON {table} BEGIN {forget} END")
    live = (
        f"FROM {table} t, json_each(t.regions) m WHERE t.deleted_at IS NULL AND t.regions != '[]'"
    )
    conn.execute(
        "INSERT INTO body_marks (source, row_id, position, practice, day, track_id, region, "
        f"strength) SELECT '{table}', t.id, m.key, '{practice}', t.day, t.track_id, "
        f"json_extract(m.value, '$.region'), json_extract(m.value, '$.strength') {live}"
    )
    conn.execute(
        "INSERT INTO body_mark_qualities (source, row_id, practice, day, track_id, region, "
        f"strength, quality) SELECT DISTINCT '{table}', t.id, '{practice}', t.day, t.track_id, "
        "json_extract(m.value, '$.region'), json_extract(m.value, '$.strength'), q.value "
        f"FROM {table} t, json_each(t.regions) m, json_each(m.value, '$.qualities') q "
        "WHERE t.deleted_at IS NULL AND t.regions != '[]'"
    )


def place_mark_triggers(conn: sqlite3.Connection, table: str, practice: str) -> None:
    """Keep one ``body_marks`` row for each record of ``table`` with a place on the body (its
    ``region`` column, '' for none), as a glimmer has: a clear mark, of no quality or track."""
    mark = f"""INSERT INTO body_marks (source, row_id, position, practice, day, track_id,
            region, strength)
        SELECT '{table}', new.id, 0, '{practice}', new.day, NULL, new.region, 'clear'
        WHERE new.deleted_at IS NULL AND new.region != '';"""
    forget = f"DELETE FROM body_marks WHERE source = '{table}' AND row_id = old.id;"
    conn.execute(f"CREATE TRIGGER {table}_body_marks_ai AFTER INSERT ON {table} BEGIN {mark} END")
    conn.execute(
        f"""CREATE TRIGGER {table}_body_marks_au
        AFTER UPDATE OF day, deleted_at, region ON {table} BEGIN {forget} {mark} END"""
    )
    conn.execute(f"CREATE TRIGGER {table}_body_marks_ad AFTER DELETE ON {table} BEGIN {forget} END")
    conn.execute(
        "INSERT INTO body_marks (source, row_id, position, practice, day, track_id, region, "
        f"strength) SELECT '{table}', id, 0, '{practice}', day, NULL, region, 'clear' "
        f"FROM {table} WHERE deleted_at IS NULL AND region != ''"
    )


def _v11_pattern_indexes(conn: sqlite3.Connection) -> None:
    # Derived from what is stored, like the full-text indexes, and kept in step by triggers:
    # the "Over time" pictures read these instead of parsing JSON in every row, so a journal of
    # 100,000 records still answers in milliseconds. Never exported: they are rebuilt from rows.
    conn.execute(
        """
        CREATE TABLE feeling_uses (
            source TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            word TEXT
        )
        """
    )
    conn.execute("CREATE INDEX feeling_uses_word ON feeling_uses (word, day, kind)")
    conn.execute("CREATE INDEX feeling_uses_row ON feeling_uses (source, row_id)")
    conn.execute(
        """
        CREATE TABLE body_marks (
            source TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            practice TEXT NOT NULL,
            day TEXT NOT NULL,
            track_id INTEGER,
            region TEXT,
            strength TEXT
        )
        """
    )
    conn.execute("CREATE INDEX body_marks_all ON body_marks (region, strength, practice)")
    conn.execute("CREATE INDEX body_marks_day ON body_marks (day)")
    conn.execute("CREATE INDEX body_marks_track ON body_marks (track_id)")
    conn.execute("CREATE INDEX body_marks_practice ON body_marks (practice)")
    conn.execute("CREATE INDEX body_marks_row ON body_marks (source, row_id)")
    conn.execute(
        """
        CREATE TABLE body_mark_qualities (
            source TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            practice TEXT NOT NULL,
            day TEXT NOT NULL,
            track_id INTEGER,
            region TEXT,
            strength TEXT,
            quality TEXT NOT NULL
        )
        """
    )
    conn.execute(
        "CREATE INDEX body_mark_qualities_all "
        "ON body_mark_qualities (region, quality, strength, practice)"
    )
    conn.execute("CREATE INDEX body_mark_qualities_quality ON body_mark_qualities (quality, day)")
    conn.execute("CREATE INDEX body_mark_qualities_row ON body_mark_qualities (source, row_id)")
    # The calendar lists the days of each kind outside the trash: one index entry per row.
    for table in ("entries", "breath_sessions", "body_checkins", "glimmers", "together_sessions"):
        conn.execute(f"CREATE INDEX {table}_days ON {table} (day) WHERE deleted_at IS NULL")
    feeling_use_triggers(conn, "entries", ("feelings",), "writing")
    feeling_use_triggers(
        conn, "breath_sessions", ("feelings_before", "feelings_after"), "breathing"
    )
    feeling_use_triggers(conn, "body_checkins", ("feelings",), "listening")
    body_mark_triggers(conn, "body_checkins", "listening")
    place_mark_triggers(conn, "glimmers", "glimmers")  # where a small good thing was felt


def _v12_anchor_plan(conn: sqlite3.Connection) -> None:
    # The person's daily anchors, once kept only in settings.ini, out of the backups and the
    # export: one plan, a JSON list (see desktop/store/anchor_plan.py).
    conn.execute(
        """
        CREATE TABLE anchor_plans (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            anchors TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


# Tables derived from others (kept by triggers): backups keep them, exports never carry them.
DERIVED_TABLES = ("feeling_uses", "body_marks", "body_mark_qualities")


# Prefix indexes for the words a person is still typing: "wa" and "war" are looked up as
# quickly as whole words (without one, a short prefix merges the lists of every word it starts,
# 30 to 90 ms at 100,000 entries). Longer prefixes match few words and need none.
FTS_PREFIXES = ", prefix='2 3'"
_ENTRY_FTS_COLUMNS = "touch, sound, sight, smell_taste, breath_body, feelings_text, body, tags_text"
_SEARCH_TEXT_TABLES = (
    "body_checkins",
    "glimmers",
    "rhythm_answers",
    "invitations",
    "pace_findings",
    "together_sessions",
)


MIGRATIONS: list[Migration] = [
    _v1_contacts,
    _v2_journal,
    _v3_breathing,
    _v4_listening,
    _v5_identity,
    _v6_rhythm,
    _v7_together,
    _v8_search_everything,
    _v9_track_order,
    _v10_pictures_and_pleasantness,
    _v11_pattern_indexes,
    _v12_anchor_plan,
]

LATEST_VERSION = len(MIGRATIONS)
