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


MIGRATIONS: list[Migration] = [_v1_contacts, _v2_journal, _v3_breathing]

LATEST_VERSION = len(MIGRATIONS)
