"""Work done off the GUI thread by a job that lives on it: a scan of music, an import.

The job is a QObject of the GUI thread, owned by a widget until it is retired. Its worker holds it
while it runs; were the worker the last to let go of it, the job would be deleted on the worker's
thread while its signals still waited to be delivered, and the app could crash. So the worker says
``done`` last, and a retired job is deleted here once every worker it started is done. Closing
waits for the workers (``wait``), so none still writes to a store that is closing.

The executor is handed in, so tests run the work inline or hold it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Starter = Callable[[QRunnable], None]


def start_in_pool(runnable: QRunnable) -> None:
    QThreadPool.globalInstance().start(runnable)


class Runnable(QRunnable):
    """A QRunnable that runs ``work``."""

    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class WorkerJob(QObject):
    """A job whose work runs in a worker; see the module's note for who deletes it, and when."""

    done = Signal()  # the worker has let go of the job (sent last, from the worker)

    def __init__(self, start: Starter = start_in_pool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._cancel = threading.Event()
        self._working = 0  # runs started and not yet done (counted on the GUI thread)
        self._idle = threading.Event()  # no worker has the job (set by the worker, last)
        self._idle.set()
        self._retired = False
        self.done.connect(self._on_done)  # queued: sent from the worker, received here

    def cancel(self) -> None:
        self._cancel.set()

    def retire(self) -> None:
        """Stop, and be deleted here once the worker has finished with the job."""
        self.cancel()
        self._retired = True
        if not self._working:
            self.deleteLater()

    def wait(self, seconds: float) -> bool:
        """Wait until no worker has the job (cancel it first); False if one still has it."""
        return self._idle.wait(seconds)

    def _on_done(self) -> None:
        self._working -= 1
        if self._retired and not self._working:
            self.deleteLater()

    def _run(self, work: Callable[[], None]) -> None:
        """Start ``work`` in a worker (from the GUI thread)."""
        self._cancel.clear()
        self._working += 1
        self._idle.clear()
        self._start(Runnable(lambda: self._guarded(work)))

    def _guarded(self, work: Callable[[], None]) -> None:
        """In the worker: do ``work``; whatever happens, ``done`` comes last."""
        try:
            work()
        finally:
            self.done.emit()
            self._idle.set()
