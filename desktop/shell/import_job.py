"""Reading and importing another journal's file off the GUI thread: the worker has its own
connection to the database, and everything it finds comes back by signal. The executor is
handed in, so tests run the work inline."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.store import Store, WriteFailed
from desktop.store.connection import DATABASE_ERRORS
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

    def __init__(
        self,
        store: Store,
        path: Path,
        fmt: str | None,
        options: ReadOptions,
        start: Starter = start_in_pool,
    ) -> None:
        super().__init__()
        self._store = store
        self.path = path
        self.format = fmt
        self.options = options
        self._start = start
        self._cancel = threading.Event()
        self.running = False

    def preview(self) -> None:
        self._run(self._preview)

    def run_import(self, options: ReadOptions) -> None:
        self.options = options
        self._run(self._import)

    def cancel(self) -> None:
        self._cancel.set()

    def _run(self, work: Callable[[Store], None]) -> None:
        self._cancel.clear()
        self.running = True
        self._start(_Runnable(lambda: self._guarded(work)))

    def _guarded(self, work: Callable[[Store], None]) -> None:
        """In the worker: do ``work`` on a connection of its own; every outcome is a signal."""
        try:
            worker = self._store.second_connection()
        except DATABASE_ERRORS as e:
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
        except DATABASE_ERRORS as e:
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
