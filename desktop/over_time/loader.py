"""Reading the pictures' aggregates off the GUI thread; results come back by signal.

Each request gets its own connection to the same file (opened here, closed by the worker), so a
long query never holds the window. The work runs in the loader's own small thread pool, which
the view waits for when it closes; the executor is injectable, and tests run the work inline.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.store import Store
from desktop.store.database import DATABASE_ERRORS

Executor = Callable[[Callable[[], None]], None]
Job = Callable[[sqlite3.Connection], object]


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


def inline(work: Callable[[], None]) -> None:
    """Run the work at once, on the calling thread (tests, and screenshots)."""
    work()


class Loader(QObject):
    """Runs named jobs on their own connections; only the newest answer to each name counts."""

    loaded = Signal(str, object)  # the job's name, its result
    failed = Signal(str, str)  # the job's name, what went wrong
    _finished = Signal(str, int, object, str)  # from the worker: name, number, result, problem

    def __init__(
        self, store: Store, executor: Executor | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._pool: QThreadPool | None = None
        if executor is None:
            pool = self._pool = QThreadPool(self)
            pool.setMaxThreadCount(2)
            executor = lambda work: pool.start(_Runnable(work))  # noqa: E731
        self._executor = executor
        self._serial = 0
        self._latest: dict[str, int] = {}
        self._finished.connect(self._deliver)

    def wait(self, ms: int = 5000) -> bool:
        """Wait for work still running in the loader's threads (when its view closes)."""
        return self._pool.waitForDone(ms) if self._pool is not None else True

    def pending(self, name: str) -> bool:
        return name in self._latest

    def request(self, name: str, job: Job) -> None:
        self._serial += 1
        number = self._serial
        self._latest[name] = number
        try:
            reader = self._store.second_connection()
        except DATABASE_ERRORS as e:
            self._finished.emit(name, number, None, str(e))
            return
        finished = self._finished

        def work() -> None:
            try:
                result, problem = job(reader.conn), ""
            except DATABASE_ERRORS as e:
                result, problem = None, str(e)
            finally:
                reader.close()
            # If the view went away meanwhile, nobody is waiting for this any more.
            with contextlib.suppress(RuntimeError):
                finished.emit(name, number, result, problem)

        self._executor(work)

    def _deliver(self, name: str, number: int, result: object, problem: str) -> None:
        if self._latest.get(name) != number:
            return  # a newer request for the same picture is on its way
        del self._latest[name]
        if problem:
            self.failed.emit(name, problem)
        else:
            self.loaded.emit(name, result)
