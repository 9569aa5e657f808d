"""Reading and importing another journal's file off the GUI thread: the worker has its own
connection to the database, and everything it finds comes back by signal. The executor is
handed in, so tests run the work inline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.store import Store, WriteFailed
from desktop.store.connection import database_errors
from desktop.store.imports import (
    ImportCancelled,
    ImportProblem,
    ReadOptions,
    detect,
    import_file,
    preview_file,
)
from desktop.texts import translate

Starter = Callable[[QRunnable], None]


def start_in_pool(runnable: QRunnable) -> None:
    QThreadPool.globalInstance().start(runnable)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class ImportJob(QObject):
    """One file: first a preview, then (if the person says so) the import itself."""

    progressed = Signal(int, int)  # bytes read, bytes in all
    previewed = Signal(object)  # Preview: what the file holds and how much is new
    imported = Signal(object)  # ImportResult: what was added and what was skipped
    failed = Signal(str)  # why; nothing was written
    cancelled = Signal()  # stopped by the person; nothing was written
    done = Signal()  # the worker has let go of the job (sent last, from the worker)

    def __init__(
        self,
        store: Store,
        path: Path,
        fmt: str | None,
        options: ReadOptions,
        start: Starter = start_in_pool,
        parent: QObject | None = None,
    ) -> None:
        # Owned by ``parent`` (in the GUI thread) until ``retire``: a job whose worker let go of
        # it last would otherwise be deleted on the worker's thread while its signals still
        # waited to be delivered here, and the app could crash.
        super().__init__(parent)
        self._store = store
        self.path = path
        self.format = fmt
        self.options = options
        self._start = start
        self._cancel = threading.Event()
        self.running = False
        self._working = 0  # runs started and not yet done (counted on the GUI thread)
        self._idle = threading.Event()  # no worker has the job (set by the worker, last)
        self._idle.set()
        self._retired = False
        self.done.connect(self._on_done)  # queued: sent from the worker, received here

    def preview(self) -> None:
        self._run(self._preview)

    def run_import(self, options: ReadOptions) -> None:
        self.options = options
        self._run(self._import)

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

    def _run(self, work: Callable[[Store], None]) -> None:
        self._cancel.clear()
        self.running = True
        self._working += 1
        self._idle.clear()
        self._start(_Runnable(lambda: self._guarded(work)))

    def _guarded(self, work: Callable[[Store], None]) -> None:
        """In the worker: do ``work``; every outcome is a signal, and ``done`` comes last."""
        try:
            self._work_on_own_connection(work)
        finally:
            self.done.emit()
            self._idle.set()

    def _work_on_own_connection(self, work: Callable[[Store], None]) -> None:
        try:
            worker = self._store.second_connection()
        except database_errors() as e:
            self.running = False
            self.failed.emit(str(e))
            return
        try:
            if self.format is None:
                self.format = detect(self.path)
            work(worker)
        except ImportCancelled:
            self.running = False
            self.cancelled.emit()
        except (ImportProblem, WriteFailed) as e:
            self.running = False
            self.failed.emit(str(e))
        except database_errors() as e:
            self.running = False
            self.failed.emit(
                translate("ImportJob", "Glimmers could not save this: {reason}.").format(reason=e)
            )
        except Exception as e:  # a fault of ours: say so rather than leave the dialog waiting
            self.running = False
            self.failed.emit(
                translate("ImportJob", "Something unexpected stopped the import: {reason}.").format(
                    reason=e
                )
            )
        finally:
            worker.close()

    def _preview(self, worker: Store) -> None:
        assert self.format is not None
        preview = preview_file(
            worker, self.path, self.format, self.options, self.progressed.emit, self._cancel.is_set
        )
        self.running = False
        self.previewed.emit(preview)

    def _import(self, worker: Store) -> None:
        assert self.format is not None
        result = import_file(
            worker, self.path, self.format, self.options, self.progressed.emit, self._cancel.is_set
        )
        self.running = False
        self.imported.emit(result)
