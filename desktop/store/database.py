"""Opening the one SQLite file safely: check first, back up, migrate, then write.

A journal is only ever made whole: in a folder with no database file, under a temporary name
that is renamed into place once every migration has run. Any other file is first checked to be
what it claims: a sound SQLite file marked as a Glimmers journal (``PRAGMA application_id``),
or one from before that mark with the tables of its version. Where the file or its folder
cannot be written to, the journal opens for reading only and every save says why it failed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from desktop.clock import SystemWallClock, WallClock, local_now
from desktop.store.connection import (
    BackupFailed,
    WriteFailed,
    cipher_module,
    connect,
    database_errors,
    failure_reason,
    open_read_only,
    programming_errors,
    read_only_uri,
)
from desktop.store.copies import (
    backup_before_migration,
    create_private_file,
    fsync_file,
    fsync_folder,
    remove_with_companions,
    why_read_only,
)
from desktop.store.inspection import damaged, has_log, inspect_database
from desktop.store.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

Listener = Callable[[str], None]


class Store:
    """The open database. Owns the connection; every write goes through ``transaction()``."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        key: bytes | None = None,
        wall: WallClock | None = None,
        read_only: str | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self.key = key  # dropped when the store closes (the lock closes it)
        # What day and moment it is, for every record's stamp: the app's one wall clock.
        self.wall: WallClock = wall or SystemWallClock()
        # Why nothing can be saved, when the journal could only be opened for reading.
        self.read_only = read_only
        self._listeners: list[Listener] = []

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for schema work, export and import.

        Imported on first use: it pulls in click, dateutil and pluggy, too slow for start-up.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(table)`` after each committed write to that table."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @contextlib.contextmanager
    def transaction(self, *changed_tables: str) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write; listeners hear about the tables once it is committed.

        Raises WriteFailed, with the same plain words whichever engine refused, when the write
        could not be kept; nothing of it is.
        """
        if self.read_only is not None:
            raise WriteFailed.read_only(self.read_only)
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except programming_errors():
            raise  # a mistake in Glimmers, not bad luck: it must not pass for a full disk
        except database_errors() as e:
            raise WriteFailed.because(e) from e
        for table in changed_tables:
            for listener in list(self._listeners):
                listener(table)

    def second_connection(self) -> Store:
        """Another connection to the same (already opened and migrated) file, for work on
        another thread. WAL lets it write while this one reads; it has no listeners."""
        if self.read_only is not None:
            conn = open_read_only(
                self.path, self.key, isolation_level=None, check_same_thread=False
            )
            return Store(self.path, conn, self.key, self.wall, self.read_only)
        return Store(self.path, _configured_connection(self.path, self.key), self.key, self.wall)

    def close(self) -> None:
        self.conn.close()
        self.key = None  # the key is not kept once the journal is closed


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # 32 MB of pages kept in memory: searches reread the same index pages, and with
    # SQLCipher every page read from disk must also be decrypted.
    conn.execute("PRAGMA cache_size = -32768")
    # Temporary tables and sorts (an import's staging table, a large ORDER BY) stay in memory:
    # nothing of the journal is ever written into the system's temporary folder, outside the
    # private data folder (SQLCipher builds do this already; the plain sqlite3 may not).
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _configured_connection(path: Path, key: bytes | None) -> sqlite3.Connection:
    conn = connect(path, key, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return _configure(conn)


def _migrate_connection(conn: sqlite3.Connection, version: int) -> None:
    for step_version in range(version, LATEST_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step_version](conn)
            conn.execute(f"PRAGMA user_version = {step_version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def build_journal(path: Path, key: bytes | None) -> sqlite3.Connection:
    """A complete, empty journal at ``path`` (which must not exist yet), readable by its owner
    only; returns its connection, for the caller to fill or close."""
    remove_with_companions(path)
    create_private_file(path)
    conn = connect(path, key, isolation_level=None)
    try:
        _migrate_connection(conn, 0)
    except BaseException:
        conn.close()
        raise
    return conn


def place_new_journal(made: Path, path: Path) -> None:
    """Give a whole new journal its name, never over a journal that appeared meanwhile."""
    fsync_file(made)
    try:
        os.link(made, path)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(made, path)
    fsync_folder(path.parent)


def _create_journal(path: Path, key: bytes | None) -> None:
    """A new, complete journal at ``path``: made under a temporary name, renamed when whole,
    so that no half-made journal is ever found where the journal belongs."""
    temporary = path.with_name(f".{path.name}.new")
    try:
        build_journal(temporary, key).close()
        place_new_journal(temporary, path)
    except (OSError, *database_errors()) as e:  # type: ignore[misc]
        raise StoreProblem(ProblemKind.NOT_CREATED, path, failure_reason(e)) from e
    finally:
        remove_with_companions(temporary)


def _memory_copy(path: Path, key: bytes | None) -> sqlite3.Connection:
    """The journal copied into memory, for bringing an older one up to date without writing."""
    if key is None:
        source = open_read_only(path)
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            source.backup(memory)
        finally:
            source.close()
        return memory
    cipher = cipher_module()
    memory = cipher.connect(":memory:", isolation_level=None, check_same_thread=False)
    for how in ("mode=ro", "immutable=1"):
        try:
            memory.execute(
                f"ATTACH DATABASE ? AS source KEY \"x'{key.hex()}'\"", (read_only_uri(path, how),)
            )
            memory.execute("SELECT count(*) FROM source.sqlite_master").fetchone()
            break
        except database_errors():
            with contextlib.suppress(*database_errors()):
                memory.execute("DETACH DATABASE source")
            if how == "immutable=1":
                raise
    memory.execute("SELECT sqlcipher_export('main', 'source')")
    version = int(memory.execute("PRAGMA source.user_version").fetchone()[0])
    mark = int(memory.execute("PRAGMA source.application_id").fetchone()[0])
    memory.execute(f"PRAGMA main.user_version = {version}")
    memory.execute(f"PRAGMA main.application_id = {mark}")
    memory.execute("DETACH DATABASE source")
    result: sqlite3.Connection = memory
    return result


def _open_read_only_store(
    path: Path, key: bytes | None, wall: WallClock, version: int, why: str
) -> Store:
    try:
        if version < LATEST_VERSION:
            conn = _memory_copy(path, key)
            _migrate_connection(conn, version)
        else:
            conn = open_read_only(path, key, isolation_level=None, check_same_thread=False)
        _configure(conn)
    except database_errors() as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, str(e)) from e
    return Store(path, conn, key, wall, read_only=why)


def open_store(
    path: Path,
    backups: Path,
    wall: WallClock | None = None,
    key: bytes | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
) -> Store:
    """Open (creating or migrating) the journal at ``path``.

    Raises StoreProblem, leaving the file byte for byte as it was, when it is not a journal,
    is damaged, or was written by a newer version; or, without ``create``, when there is no
    journal there. A journal that cannot be written to (or with ``read_only``) opens for
    reading: an older one is brought up to date in memory, and every save says why it failed.
    """
    wall = wall or SystemWallClock()
    version = inspect_database(path, key)
    if not path.exists():
        if not create or read_only:
            raise StoreProblem(ProblemKind.MISSING, path)
        if has_log(path):  # a new journal would take in the old one's log: never
            raise damaged(
                path, translate("Store", "the journal file is missing, but its log is still there")
            )
        _create_journal(path, key)
        version = inspect_database(path, key)
    why = translate("Store", "it was opened only to read it") if read_only else None
    why = why or why_read_only(path)
    if why is not None:
        return _open_read_only_store(path, key, wall, version, why)
    if version < LATEST_VERSION:
        try:
            backup_before_migration(path, backups, version, local_now(wall), key)
        except BackupFailed as e:
            raise StoreProblem(ProblemKind.NOT_UPDATED, path, str(e)) from e
    try:
        conn = _configured_connection(path, key)
    except database_errors() as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, str(e)) from e
    store = Store(path, conn, key, wall)
    try:
        migrate(store)
    except (WriteFailed, *database_errors()) as e:  # type: ignore[misc]
        store.close()
        raise StoreProblem(ProblemKind.NOT_UPDATED, path, str(e)) from e
    return store


def migrate(store: Store) -> None:
    """Bring the schema up to date, one numbered step per transaction."""
    for version in range(store.schema_version, LATEST_VERSION):
        with store.transaction() as conn:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    if store.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        with store.transaction() as conn:  # a journal whose mark was lost gets it back
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def newest_first(
    conn: sqlite3.Connection,
    table: str,
    columns: str,
    after: tuple[str, str, int] | None,
    limit: int,
) -> list[Any]:
    """Rows of a timeline table outside the trash, newest first, after a keyset cursor of
    (day, created_at, id): each page costs the same however deep it is."""
    where = "deleted_at IS NULL"
    params: list[Any] = []
    if after is not None:
        where += " AND (day, created_at, id) < (?, ?, ?)"
        params += list(after)
    return conn.execute(
        f"SELECT id, {columns} FROM {table} WHERE {where} "
        "ORDER BY day DESC, created_at DESC, id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()


# How many matches one step of a filtered search looks at (a kind or a tag the matches may
# not have): enough to fill a page most of the time, few enough to answer within a frame.
SCAN_PER_STEP = 400


def fts_page(
    conn: sqlite3.Connection,
    fts_table: str,
    fts: str,
    before: int | None,
    limit: int,
    fetch: str,
    filters: str = "",
    params: Sequence[object] = (),
) -> tuple[list[Any], int | None]:
    """The next matches of ``fts``, newest kept first: (rows, resume).

    FTS5 hands row ids over newest first without ranking every match, so this costs the same
    on a word in every record as on a rare one (bm25 for "ORDER BY rank" is worked out for
    every match: 120 ms for a common word at 100,000 entries). The matches' row ids come
    first, at most ``SCAN_PER_STEP`` of them when ``filters`` may leave some out; then
    ``fetch`` (a SELECT whose rows start with the record's id, its table aliased ``t``)
    reads the kept ones among them. ``resume`` is where the next step starts, or None.
    """
    where = f"{fts_table} MATCH ?"
    values: list[object] = [fts]
    if before is not None:
        where += f" AND {fts_table}.rowid < ?"
        values.append(before)
    if not filters:
        # Only the trash is left out, and it is small: one query, walking the matches newest
        # first until the page is full, and a short page is the last.
        rows = conn.execute(
            f"{fetch} JOIN {fts_table} ON {fts_table}.rowid = t.id "
            f"WHERE {where} AND t.deleted_at IS NULL ORDER BY {fts_table}.rowid DESC LIMIT ?",
            [*values, limit],
        ).fetchall()
        return rows, int(rows[-1][0]) if len(rows) == limit else None
    scan = max(limit, SCAN_PER_STEP)
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT rowid FROM {fts_table} WHERE {where} ORDER BY rowid DESC LIMIT ?",
            [*values, scan],
        )
    ]
    if not ids:
        return [], None
    # The ids as a JSON array, written by hand: they are whole numbers, and the json module
    # would be one more to load before the first paint.
    rows = conn.execute(
        f"{fetch} WHERE t.id IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL"
        f"{filters} ORDER BY t.id DESC LIMIT ?",
        ["[" + ",".join(str(int(i)) for i in ids) + "]", *params, limit],
    ).fetchall()
    if len(rows) == limit:
        return rows, int(rows[-1][0])
    return rows, ids[-1] if len(ids) == scan else None


def search_text_page(
    conn: sqlite3.Connection, table: str, columns: str, fts: str, before: int | None, limit: int
) -> tuple[list[Any], int | None]:
    """``fts_page`` for a table searched through its ``search_text`` column (its index is
    ``{table}_fts``): rows of (id, *columns), newest first, and where to resume."""
    picked = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
    return fts_page(
        conn, f"{table}_fts", fts, before, limit, f"SELECT t.id, {picked} FROM {table} t"
    )
