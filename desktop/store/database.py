"""Opening the one SQLite file safely: check first, back up, migrate, then write."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from desktop.clock import SystemWallClock, WallClock, local_now
from desktop.store.migrations import LATEST_VERSION, MIGRATIONS
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

SQLITE_HEADER = b"SQLite format 3\x00"

Listener = Callable[[str], None]


class WriteFailed(ValueError):
    """A write SQLite refused (a full disk, a read-only folder). Nothing of it was kept.

    It is a ValueError so that every screen that explains a refused save explains this too.
    """


def cipher_module() -> Any:
    """SQLCipher's Python driver, or None where it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    return dbapi2


def encryption_available() -> bool:
    return cipher_module() is not None


def _error_classes() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    cipher = cipher_module()
    errors: list[type[Exception]] = [sqlite3.Error]
    operational: list[type[Exception]] = [sqlite3.OperationalError]
    if cipher is not None:
        errors.append(cipher.Error)
        operational.append(cipher.OperationalError)
    return tuple(errors), tuple(operational)


# sqlite3 and SQLCipher raise their own error classes; code that handles one handles both.
DATABASE_ERRORS, OPERATIONAL_ERRORS = _error_classes()


def key_pragma(key: bytes) -> str:
    """The raw 256-bit key, as SQLCipher takes it (no passphrase derivation of its own)."""
    if len(key) != 32:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(target: str | Path, key: bytes | None = None, **options: Any) -> sqlite3.Connection:
    """A connection to a plain file, or (with ``key``) to a file SQLCipher encrypts."""
    if key is None:
        plain: sqlite3.Connection = sqlite3.connect(target, **options)
        return plain
    cipher = cipher_module()
    if cipher is None:
        raise StoreProblem(
            ProblemKind.UNREADABLE,
            Path(str(target)),
            "this installation cannot open protected journals",
        )
    conn: sqlite3.Connection = cipher.connect(str(target), **options)
    conn.execute(key_pragma(key))
    return conn


def _plain_reason(error: Exception) -> str:
    text = str(error)
    if "full" in text:
        return translate("Store", "the disk is full. Free some space and try again")
    if "readonly" in text or "read-only" in text:
        return translate("Store", "the data folder cannot be written to")
    if "locked" in text or "busy" in text:
        return translate("Store", "another program is using your data. Try again in a moment")
    return text


def read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_database(path: Path, key: bytes | None = None) -> int:
    """Return the schema version of an existing file, or raise StoreProblem. Never writes.

    A missing or empty file is a new database: version 0. With ``key`` the file is expected to
    be encrypted with it.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return 0
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, e.strerror or str(e)) from e
    if key is None and header != SQLITE_HEADER:
        raise StoreProblem(ProblemKind.NOT_A_DATABASE, path)
    try:
        conn = connect(read_only_uri(path), key, uri=True)
    except DATABASE_ERRORS as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, str(e)) from e
    try:
        results = [row[0] for row in conn.execute("PRAGMA quick_check")]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except DATABASE_ERRORS as e:
        kind = ProblemKind.WRONG_KEY if key is not None and "not a database" in str(e) else None
        raise StoreProblem(kind or ProblemKind.DAMAGED, path, str(e)) from e
    finally:
        conn.close()
    if results != ["ok"]:
        raise StoreProblem(ProblemKind.DAMAGED, path, "; ".join(results[:3]))
    if version > LATEST_VERSION:
        raise StoreProblem(
            ProblemKind.TOO_NEW,
            path,
            f"it has schema version {version}; this version knows up to {LATEST_VERSION}",
        )
    return version


def create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def copy_database(source: sqlite3.Connection, target: Path, key: bytes | None = None) -> None:
    """Copy a live database with SQLite's online backup API into a new file only its owner
    reads; a copy of an encrypted database is encrypted with the same key."""
    create_private_file(target)
    dest = connect(target, key)
    try:
        source.backup(dest)
    finally:
        dest.close()


def backup_before_migration(
    path: Path, backups: Path, version: int, now: dt.datetime, key: bytes | None = None
) -> Path:
    backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups / f"glimmers-{stamp}-before-v{version + 1}.db"
    source = connect(read_only_uri(path), key, uri=True)
    try:
        copy_database(source, target, key)
    finally:
        source.close()
    return target


class Store:
    """The open database. Owns the connection; every write goes through ``transaction()``."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        key: bytes | None = None,
        wall: WallClock | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self.key = key  # dropped when the store closes (the lock closes it)
        # What day and moment it is, for every record's stamp: the app's one wall clock.
        self.wall: WallClock = wall or SystemWallClock()
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
        """One all-or-nothing write; listeners hear about the tables once it is committed."""
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
        except sqlite3.OperationalError as e:
            raise WriteFailed(
                translate("Store", "Glimmers could not save this: {reason}.").format(
                    reason=_plain_reason(e)
                )
            ) from e
        for table in changed_tables:
            for listener in list(self._listeners):
                listener(table)

    def second_connection(self) -> Store:
        """Another connection to the same (already opened and migrated) file, for work on
        another thread. WAL lets it write while this one reads; it has no listeners."""
        return Store(self.path, _configured_connection(self.path, self.key), self.key, self.wall)

    def close(self) -> None:
        self.conn.close()
        self.key = None  # the key is not kept once the journal is closed


def _configured_connection(path: Path, key: bytes | None) -> sqlite3.Connection:
    conn = connect(path, key, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # 32 MB of pages kept in memory: searches reread the same index pages, and with
    # SQLCipher every page read from disk must also be decrypted.
    conn.execute("PRAGMA cache_size = -32768")
    return conn


def open_store(
    path: Path,
    backups: Path,
    wall: WallClock | None = None,
    key: bytes | None = None,
) -> Store:
    """Open (creating or migrating) the database at ``path``.

    Raises StoreProblem, leaving the file byte for byte as it was, when it is not a database,
    is damaged, or was written by a newer version.
    """
    wall = wall or SystemWallClock()
    version = inspect_database(path, key)
    existed = path.exists() and path.stat().st_size > 0
    if existed and version < LATEST_VERSION:
        backup_before_migration(path, backups, version, local_now(wall), key)
    if not existed:
        create_private_file(path)
    elif os.name == "posix":
        os.chmod(path, 0o600)
    try:
        conn = _configured_connection(path, key)
    except DATABASE_ERRORS as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, str(e)) from e
    store = Store(path, conn, key, wall)
    try:
        migrate(store)
    except (WriteFailed, *DATABASE_ERRORS) as e:  # type: ignore[misc]
        store.close()
        raise StoreProblem(ProblemKind.NOT_UPDATED, path, str(e)) from e
    return store


def migrate(store: Store) -> None:
    """Bring the schema up to date, one numbered step per transaction."""
    for version in range(store.schema_version, LATEST_VERSION):
        with store.transaction() as conn:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


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


def fts_ranked(
    conn: sqlite3.Connection, table: str, columns: str, fts: str, limit: int
) -> list[Any]:
    """Rows of ``table`` outside the trash whose ``search_text`` matches ``fts``, best first:
    (id, *columns, rank). The table's index is ``{table}_fts``."""
    picked = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
    return conn.execute(
        f"SELECT t.id, {picked}, {table}_fts.rank FROM {table}_fts "
        f"JOIN {table} t ON t.id = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH ? AND t.deleted_at IS NULL ORDER BY rank LIMIT ?",
        (fts, limit),
    ).fetchall()
