"""One Glimmers per journal: a lock file in the data folder, held by whoever may change it. No Qt.

The lock is the operating system's own lock on ``glimmers.lock`` (``flock`` on Linux and macOS,
``LockFileEx`` through ``msvcrt`` on Windows), so it ends with the process that took it: a lock
file left by a crash or a kill is stale by construction and the next start takes it over. The
file's text only says who holds it, for the message the next one shows. No network is involved.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from typing import NamedTuple

from desktop.paths import LOCK_NAME
from desktop.store.problems import ProblemKind, StoreProblem

APP = "app"

_UNWRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)
_WINDOWS_LOCK_AT = 1 << 20  # the byte Windows locks, past the text others read


class Holder(NamedTuple):
    """Who holds a journal: the app, or a command (``"import"``, ``"backup"`` …)."""

    what: str
    pid: int

    @property
    def is_app(self) -> bool:
        return self.what == APP


def _plain(what: str) -> str:
    """A command's name, as it may stand inside a JSON string unescaped."""
    return "".join(ch for ch in what if ch.isalnum() or ch in " -_")


class JournalLock:
    """The right to change the journal in ``data_dir``; ``what`` says who asks for it."""

    def __init__(self, data_dir: Path, what: str = APP) -> None:
        self.path = data_dir / LOCK_NAME
        self.what = what
        self._fd: int | None = None
        self.unguarded = False  # the folder cannot be written, so there is nothing to guard

    @property
    def held(self) -> bool:
        return self._fd is not None or self.unguarded

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it. Taking it twice is fine.

        Raises StoreProblem (NO_LOCK) when the lock file cannot be used at all (it is a
        folder, a broken link, the disk has no room left for it): the journal is not safe
        to change then."""
        if self.held:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            if e.errno not in _UNWRITABLE:
                raise StoreProblem(ProblemKind.NO_LOCK, self.path, e.strerror or str(e)) from e
            try:  # a read-only folder or file: a lock is still a lock on a file we can read
                fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                self.unguarded = True  # nobody can change this journal: nothing to guard
                return True
        try:
            locked = _lock(fd)
        except OSError as e:  # a file system that cannot lock files
            os.close(fd)
            raise StoreProblem(ProblemKind.NO_LOCK, self.path, e.strerror or str(e)) from e
        if not locked:
            os.close(fd)
            return False
        self._fd = fd
        text = f'{{"what": "{_plain(self.what)}", "pid": {os.getpid()}}}'.encode()
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text)
        except OSError:
            pass  # a read-only lock file still locks; only the note of who holds it is missing
        return True

    def release(self) -> None:
        self.unguarded = False
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def holder(self) -> Holder | None:
        """Who holds the lock, as its holder wrote it; None when nobody does."""
        if self._fd is not None:
            return Holder(self.what, os.getpid())
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        try:
            if _lock(fd):  # free: whatever the file says is left from a process now gone
                _unlock(fd)
                return None
            import json  # only when someone else holds it: start-up does not pay for it

            try:
                os.lseek(fd, 0, os.SEEK_SET)
                data = json.loads(os.read(fd, 4096).decode("utf-8"))
                return Holder(str(data["what"]), int(data["pid"]))
            except (ValueError, KeyError, TypeError, OSError):
                return Holder(APP, 0)  # held, by someone who has not said who yet
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
