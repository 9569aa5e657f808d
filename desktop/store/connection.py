"""A connection to the one SQLite file, plain or encrypted by SQLCipher, and why a write failed
in plain words whichever engine refused it."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

from desktop.store.problems import ProblemKind, StoreProblem
from desktop.texts import translate


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


def _error_classes() -> tuple[
    tuple[type[Exception], ...], tuple[type[Exception], ...], tuple[type[Exception], ...]
]:
    cipher = cipher_module()
    errors: list[type[Exception]] = [sqlite3.Error]
    operational: list[type[Exception]] = [sqlite3.OperationalError]
    bugs: list[type[Exception]] = [sqlite3.ProgrammingError, sqlite3.InterfaceError]
    if cipher is not None:
        errors.append(cipher.Error)
        operational.append(cipher.OperationalError)
        bugs += [cipher.ProgrammingError, cipher.InterfaceError]
    return tuple(errors), tuple(operational), tuple(bugs)


# sqlite3 and SQLCipher raise their own error classes; code that handles one handles both.
DATABASE_ERRORS, OPERATIONAL_ERRORS, PROGRAMMING_ERRORS = _error_classes()


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
        except DATABASE_ERRORS as e:
            last = e
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DATABASE_ERRORS as e:
            conn.close()
            if "unable to open" not in str(e):
                raise
            last = e
            continue
        return conn
    assert last is not None
    raise last
