"""Reading the pictures' aggregates off the GUI thread; results come back by signal.

The loader reads through its own connection to the same file (opened by its first job, kept for
the view's life so its page cache stays warm), one job at a time in its own one-thread pool,
so a long query never holds the window. The view waits for it and closes it when it goes. The
executor is injectable: tests run the work inline.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.store import Store
from desktop.store.connection import database_errors
from desktop.worker_job import Runnable

Executor = Callable[[Callable[[], None]], None]
Job = Callable[[sqlite3.Connection], object]


def inline(work: Callable[[], None]) -> None:
    """Run the work at once, on the calling thread (tests, and screenshots)."""
    work()


class Loader(QObject):
    """Runs named jobs on a reading connection of its own; only the newest answer to each name
    counts."""

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
            pool.setMaxThreadCount(1)  # one reader, one job at a time
            executor = lambda work: pool.start(Runnable(work))  # noqa: E731
        self._executor = executor
        self._reader: Store | None = None
        self._reading = threading.Lock()  # whatever the executor, one job reads at a time
        self._serial = 0
        self._closed = False
        self._latest: dict[str, int] = {}
        self._finished.connect(self._deliver)

    def wait(self, ms: int = 5000) -> bool:
        """Wait for work still running in the loader's thread."""
        return self._pool.waitForDone(ms) if self._pool is not None else True

    def close(self) -> None:
        """When the view goes: let the running job finish, then close the connection."""
        self.wait()
        with self._reading:
            self._closed = True
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def pending(self, name: str) -> bool:
        return name in self._latest

    def request(self, name: str, job: Job) -> None:
        self._serial += 1
        number = self._serial
        self._latest[name] = number
        finished = self._finished
        reading = self._reading

        def work() -> None:
            with reading:
                if self._closed:
                    return  # the view has gone: nothing is read, nobody waits
                try:
                    # Opened by the first job, in the loader's thread: reading the journal's
                    # schema (and, for a protected one, its first pages) never holds the window.
                    if self._reader is None:
                        self._reader = self._store.second_connection()
                    result, problem = job(self._reader.conn), ""
                except database_errors() as e:
                    result, problem = None, str(e)
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
