"""Opening the one SQLite file safely: check first, back up, migrate, then write.

A journal is only ever made whole: in a folder with no database file, under a temporary name
that is renamed into place once every migration has run. Any other file is first checked to be
what it claims: a sound SQLite file marked as a Glimmers journal (``PRAGMA application_id``),
or one from before that mark with the tables of its version. Where the file or its folder
cannot be written to, the journal opens for reading only and every save says why it failed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

from desktop.clock import SystemWallClock, WallClock, local_now
from desktop.paths import ensure_private_dir
from desktop.store.migrations import APPLICATION_ID, LATEST_VERSION, MARKED_SINCE, MIGRATIONS
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
MIN_PAGE_SIZE = 512
MAX_PAGE_SIZE = 65536

Listener = Callable[[str], None]


class WriteFailed(ValueError):
    """A write SQLite refused (a full disk, a busy or read-only file). Nothing of it was kept.

    It is a ValueError so that every screen that explains a refused save explains this too.
    """

    @classmethod
    def because(cls, error: BaseException) -> WriteFailed:
        return cls(
            translate("Store", "Glimmers could not save this: {reason}.").format(
                reason=failure_reason(error)
            )
        )

    @classmethod
    def read_only(cls, why: str) -> WriteFailed:
        return cls(
            translate("Store", "Glimmers could not save this: {reason}.").format(
                reason=read_only_reason(why)
            )
        )


class BackupFailed(WriteFailed):
    """A backup (or another copy of the journal) could not be written; nothing half-made is
    left behind to be taken for a backup later."""

    @classmethod
    def because(cls, error: BaseException, unwritable: str | None = None) -> BackupFailed:
        reason = failure_reason(
            error, unwritable or translate("Store", "the backups folder cannot be written to")
        )
        return cls(translate("Store", "No backup was made: {reason}.").format(reason=reason))


def cipher_module() -> Any:
    """SQLCipher's Python driver, or None where it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    return dbapi2


def encryption_available() -> bool:
    return cipher_module() is not None


def _errors() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """(every database error, the errors of a mistake in the code), of sqlite3 and, once its
    driver is loaded, of SQLCipher.

    The driver loads only for an encrypted journal (cipher_module()), and no error can come
    from a driver not loaded: start-up leaves out the 10 ms its loading takes. (Asked only
    while an error is on its way, so worked out each time.)"""
    errors: list[type[Exception]] = [sqlite3.Error]
    bugs: list[type[Exception]] = [sqlite3.ProgrammingError, sqlite3.InterfaceError]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        errors.append(cipher.Error)
        bugs += [cipher.ProgrammingError, cipher.InterfaceError]
    return tuple(errors), tuple(bugs)


def database_errors() -> tuple[type[Exception], ...]:
    """The error classes of sqlite3 and SQLCipher: code that handles one handles both."""
    return _errors()[0]


def programming_errors() -> tuple[type[Exception], ...]:
    """Of these, the ones a mistake in the code raises (a closed connection, a bad call)."""
    return _errors()[1]


def failure_reason(error: BaseException, unwritable: str | None = None) -> str:
    """Why a write failed, in the same plain words whichever engine (or the system) refused it.

    ``unwritable`` says which place could not be written to (the data folder by default).
    """
    unwritable = unwritable or translate("Store", "the data folder cannot be written to")
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return translate("Store", "the disk is full. Free some space and try again")
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return unwritable
        return error.strerror or str(error)
    text = str(error).lower()
    if "full" in text:
        return translate("Store", "the disk is full. Free some space and try again")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return unwritable
    if "locked" in text or "busy" in text:
        return translate("Store", "another program is using your data. Try again in a moment")
    if "disk i/o" in text:
        return translate("Store", "the disk could not be written to. Check that it is still there")
    if "malformed" in text or "not a database" in text:
        return translate("Store", "the file looks damaged")
    return str(error)


def read_only_reason(why: str) -> str:
    return translate("Store", "this journal can only be read, because {why}").format(why=why)


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
    # SQLCipher logs every page that fails its check to standard error: damage is explained
    # to the person instead (and a rescue expects many such pages).
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def read_only_uri(path: Path, how: str = "mode=ro") -> str:
    return path.resolve().as_uri() + "?" + how


def open_read_only(
    path: Path, key: bytes | None = None, at_rest: bool = False, **options: Any
) -> sqlite3.Connection:
    """A connection that can only read ``path``.

    ``mode=ro`` shares the file with writers and reads its log; in a folder SQLite cannot write
    its shared-memory file into (a read-only folder or disk), the file is read as unchanging.
    A file ``at_rest`` (a backup: nothing writes it) is always read as unchanging, which
    leaves no log files beside it.
    """
    last: Exception | None = None
    for how in ("immutable=1",) if at_rest else ("mode=ro", "immutable=1"):
        try:
            conn = connect(read_only_uri(path, how), key, uri=True, **options)
        except database_errors() as e:
            last = e
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except database_errors() as e:
            conn.close()
            if "unable to open" not in str(e):
                raise
            last = e
            continue
        return conn
    assert last is not None
    raise last


# -- what a file is -------------------------------------------------------------------------


def _damaged(path: Path, detail: str) -> StoreProblem:
    return StoreProblem(ProblemKind.DAMAGED, path, detail)


def _cut_short(path: Path) -> StoreProblem:
    return _damaged(path, translate("Store", "the file is cut short: part of it is missing"))


def plausible_btree_page(page: bytes, offset: int = 0) -> bool:
    """Whether ``page`` holds an SQLite b-tree page with a consistent header and cell pointers.

    Used to tell a journal whose first bytes were destroyed from a file that never was one.
    """
    if len(page) < offset + 12:
        return False
    kind = page[offset]
    if kind not in (2, 5, 10, 13):
        return False
    header = 12 if kind in (2, 5) else 8
    cells = int.from_bytes(page[offset + 3 : offset + 5], "big")
    content = int.from_bytes(page[offset + 5 : offset + 7], "big") or 65536
    pointers = offset + header
    if cells == 0 or pointers + 2 * cells > content or content > len(page):
        return False
    for i in range(cells):
        cell = int.from_bytes(page[pointers + 2 * i : pointers + 2 * i + 2], "big")
        if not content <= cell < len(page):
            return False
    return True


def guess_page_size(path: Path, sample: int = 64) -> int | None:
    """The page size of an SQLite file whose header is gone, from the pages after it; None
    when no page looks like SQLite's."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            best, best_count = None, 0
            for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
                if size % page_size or size < 2 * page_size:
                    continue
                count = 0
                for number in range(1, min(size // page_size, sample + 1)):
                    f.seek(number * page_size)
                    count += plausible_btree_page(f.read(page_size))
                if count > best_count:
                    best, best_count = page_size, count
    except OSError:
        return None
    return best


def _check_plain_header(path: Path, head: bytes, size: int) -> None:
    if not head.startswith(SQLITE_HEADER[: len(head)]):
        if guess_page_size(path) is not None:
            raise _damaged(path, translate("Store", "the beginning of the file is damaged"))
        raise StoreProblem(ProblemKind.NOT_A_DATABASE, path)
    if len(head) < HEADER_SIZE or size < MIN_PAGE_SIZE:
        raise _cut_short(path)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = MAX_PAGE_SIZE if page_size == 1 else page_size
    if page_size < MIN_PAGE_SIZE or page_size > MAX_PAGE_SIZE or page_size & (page_size - 1):
        raise _damaged(path, translate("Store", "the beginning of the file is damaged"))
    if size % page_size:
        raise _cut_short(path)
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the page count is only valid when these agree
    if counted and pages * page_size > size:
        raise _cut_short(path)


def _has_log(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


_CREATES_TABLE = re.compile(
    r"^\s*CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\"'`\[]?(\w+)", re.IGNORECASE
)


class _TableRecorder:
    """Stands in for a connection while the migrations run, and notes the tables they make.

    Running them in memory takes some 15 ms at every start; reading their statements, none.
    """

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def execute(self, sql: str, *args: object) -> _TableRecorder:
        match = _CREATES_TABLE.match(sql)
        if match:
            self.tables.add(match[1])
        return self

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[object]:
        return []


@functools.cache
def expected_tables(version: int) -> frozenset[str]:
    """The tables (not counting SQLite's own for full-text search) a journal of ``version``
    has: the ones the migrations up to it create."""
    recorder = _TableRecorder()
    for step in MIGRATIONS[:version]:
        step(recorder)  # type: ignore[arg-type]
    return frozenset(recorder.tables)


def _check_identity(path: Path, version: int, application_id: int, tables: set[str]) -> None:
    if application_id == APPLICATION_ID:
        if version > LATEST_VERSION:
            raise StoreProblem(
                ProblemKind.TOO_NEW,
                path,
                f"it has schema version {version}; this version knows up to {LATEST_VERSION}",
            )
        missing = sorted(expected_tables(max(version, MARKED_SINCE)) - tables)
        if missing:
            raise _damaged(
                path,
                translate("Store", "parts of the journal are missing: {tables}").format(
                    tables=", ".join(missing)
                ),
            )
        return
    # Journals from before the mark are known by the tables their version had (and so are
    # files whose mark an older conversion to or from a passphrase left out).
    known = application_id == 0 and 1 <= version <= LATEST_VERSION
    if known and expected_tables(version) <= tables:
        return
    detail = (
        translate("Store", "it has none of the tables a journal has")
        if not tables & expected_tables(LATEST_VERSION)
        else translate("Store", "it lacks tables every journal of its kind has")
    )
    raise StoreProblem(ProblemKind.FOREIGN, path, detail)


def inspect_database(path: Path, key: bytes | None = None, at_rest: bool = False) -> int:
    """Return the schema version of an existing journal, or raise StoreProblem. Never writes.

    A missing file is no journal yet: version 0. An empty or cut-short file is damage, and a
    sound SQLite file that is not a Glimmers journal is foreign. With ``key`` the file is
    expected to be encrypted with it. ``at_rest``: a backup, which nothing else writes.
    """
    try:
        if not path.exists():
            return 0
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(HEADER_SIZE)
    except OSError as e:
        raise StoreProblem(ProblemKind.UNREADABLE, path, e.strerror or str(e)) from e
    if size == 0:
        raise _damaged(path, translate("Store", "the file is empty"))
    if key is None:
        _check_plain_header(path, head, size)
    elif size < MIN_PAGE_SIZE:
        raise _cut_short(path)
    try:
        conn = open_read_only(path, key, at_rest)
    except database_errors() as e:
        if key is not None and "not a database" in str(e):
            raise StoreProblem(ProblemKind.WRONG_KEY, path, str(e)) from e
        kind = ProblemKind.UNREADABLE if "unable to open" in str(e) else ProblemKind.DAMAGED
        raise StoreProblem(kind, path, str(e)) from e
    try:
        results = [row[0] for row in conn.execute("PRAGMA quick_check")]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except (*database_errors(), MemoryError) as e:  # type: ignore[misc]
        # (junk where a cell should be can make SQLite ask for a huge allocation)
        wrong_key = key is not None and "not a database" in str(e)
        kind = ProblemKind.WRONG_KEY if wrong_key else ProblemKind.DAMAGED
        raise StoreProblem(kind, path, str(e)) from e
    finally:
        conn.close()
    if results != ["ok"]:
        raise _damaged(path, "; ".join(results[:3]))
    if key is not None and not _has_log(path) and pages * page_size > size:
        raise _cut_short(path)
    _check_identity(path, version, application_id, tables)
    return version


# -- files Glimmers writes ------------------------------------------------------------------


def create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system lets a folder be synced)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def partial_name(target: Path) -> Path:
    """Where a copy is written before it is checked: hidden, and never taken for a backup."""
    return target.with_name(f".{target.name}.partial")


def remove_with_companions(path: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def check_copy(path: Path, key: bytes | None = None) -> int:
    """Open a copy Glimmers has just written, run the full integrity check and count its
    entries. Raises BackupFailed when the copy is not sound."""
    try:
        conn = open_read_only(path, key, at_rest=True)
        try:
            results = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            has_entries = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'"
            ).fetchone()
            entries = (
                int(
                    conn.execute(
                        "SELECT COUNT(*) FROM entries WHERE deleted_at IS NULL"
                    ).fetchone()[0]
                )
                if has_entries
                else 0
            )
        finally:
            conn.close()
    except database_errors() as e:
        raise BackupFailed.because(e) from e
    if results != ["ok"]:
        raise BackupFailed(
            translate(
                "Store", "No backup was made: the copy did not pass SQLite's check ({problems})."
            ).format(problems="; ".join(results[:3]))
        )
    return entries


def write_checked_copy(
    source: sqlite3.Connection,
    target: Path,
    key: bytes | None = None,
    unwritable: str | None = None,
) -> int:
    """Copy a live database (SQLite's online backup API) into ``target``, which must not exist.

    The copy is written under a hidden temporary name, flushed to disk, checked (it opens,
    passes the integrity check, its entries are counted), and only then renamed into place;
    it is readable by its owner only, and encrypted with ``key`` like its source. Returns the
    number of entries. Raises BackupFailed, leaving nothing behind, when any step fails.
    """
    temporary = partial_name(target)
    try:
        remove_with_companions(temporary)
        create_private_file(temporary)
        dest = connect(temporary, key)
        try:
            source.backup(dest)
            # A backup is a file at rest: no log beside it to lose when it is copied.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        fsync_file(temporary)
        entries = check_copy(temporary, key)
        if target.exists():
            raise FileExistsError(
                errno.EEXIST, translate("Store", "that file exists already"), str(target)
            )
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except BackupFailed:
        remove_with_companions(temporary)
        raise
    except (OSError, *database_errors()) as e:  # type: ignore[misc]
        remove_with_companions(temporary)
        raise BackupFailed.because(e, unwritable) from e
    return entries


def backup_before_migration(
    path: Path, backups: Path, version: int, now: dt.datetime, key: bytes | None = None
) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = backups / f"glimmers-{stamp}-before-v{version + 1}.db"
    try:
        ensure_private_dir(backups)
        source = open_read_only(path, key)
    except (OSError, *database_errors()) as e:  # type: ignore[misc]
        raise BackupFailed.because(e) from e
    try:
        write_checked_copy(source, target, key)
    finally:
        source.close()
    return target


def why_read_only(path: Path) -> str | None:
    """Why the journal at ``path`` (which exists) cannot be written, or None if it can."""
    try:
        with path.open("r+b"):
            pass
    except OSError as e:
        if e.errno == errno.EROFS:
            return translate("Store", "the journal is on a disk that can only be read")
        if e.errno == errno.EPERM:
            return translate("Store", "the journal file is marked so that nothing may change it")
        if e.errno == errno.EACCES:
            return translate("Store", "you have permission only to read the journal file")
        return e.strerror or str(e)
    if not os.access(path.parent, os.W_OK):
        return translate("Store", "the data folder cannot be written to")
    return None


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
        if _has_log(path):  # a new journal would take in the old one's log: never
            raise _damaged(
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
