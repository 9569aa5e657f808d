"""What a file is, before anything opens it for writing: a sound SQLite file marked as a Glimmers
journal (``PRAGMA application_id``), or one from before that mark with the tables of its
version; damaged, cut short, or something else entirely."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from desktop.store.connection import DATABASE_ERRORS, open_read_only
from desktop.store.migrations import APPLICATION_ID, LATEST_VERSION, MARKED_SINCE, MIGRATIONS
from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
MIN_PAGE_SIZE = 512
MAX_PAGE_SIZE = 65536


def damaged(path: Path, detail: str) -> StoreProblem:
    return StoreProblem(ProblemKind.DAMAGED, path, detail)


def _cut_short(path: Path) -> StoreProblem:
    return damaged(path, translate("Store", "the file is cut short: part of it is missing"))


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


def check_plain_header(path: Path, head: bytes, size: int) -> None:
    if not head.startswith(SQLITE_HEADER[: len(head)]):
        if guess_page_size(path) is not None:
            raise damaged(path, translate("Store", "the beginning of the file is damaged"))
        raise StoreProblem(ProblemKind.NOT_A_DATABASE, path)
    if len(head) < HEADER_SIZE or size < MIN_PAGE_SIZE:
        raise _cut_short(path)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = MAX_PAGE_SIZE if page_size == 1 else page_size
    if page_size < MIN_PAGE_SIZE or page_size > MAX_PAGE_SIZE or page_size & (page_size - 1):
        raise damaged(path, translate("Store", "the beginning of the file is damaged"))
    if size % page_size:
        raise _cut_short(path)
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the page count is only valid when these agree
    if counted and pages * page_size > size:
        raise _cut_short(path)


def has_log(path: Path) -> bool:
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
            raise damaged(
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
        raise damaged(path, translate("Store", "the file is empty"))
    if key is None:
        check_plain_header(path, head, size)
    elif size < MIN_PAGE_SIZE:
        raise _cut_short(path)
    try:
        conn = open_read_only(path, key, at_rest)
    except DATABASE_ERRORS as e:
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
    except (*DATABASE_ERRORS, MemoryError) as e:  # type: ignore[misc]
        # (junk where a cell should be can make SQLite ask for a huge allocation)
        wrong_key = key is not None and "not a database" in str(e)
        kind = ProblemKind.WRONG_KEY if wrong_key else ProblemKind.DAMAGED
        raise StoreProblem(kind, path, str(e)) from e
    finally:
        conn.close()
    if results != ["ok"]:
        raise damaged(path, "; ".join(results[:3]))
    if key is not None and not has_log(path) and pages * page_size > size:
        raise _cut_short(path)
    _check_identity(path, version, application_id, tables)
    return version
