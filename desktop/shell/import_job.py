"""Reading and importing another journal's file off the GUI thread: the worker has its own
connection to the database, and everything it finds comes back by signal. The executor is
handed in, so tests run the work inline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

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
from desktop.worker_job import Starter, WorkerJob, start_in_pool


class ImportJob(WorkerJob):
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
        parent: QObject | None = None,
    ) -> None:
        # Owned by ``parent`` until retired (see desktop.worker_job).
        super().__init__(start, parent)
        self._store = store
        self.path = path
        self.format = fmt
        self.options = options
        self.running = False

    def preview(self) -> None:
        self._run_on_connection(self._preview)

    def run_import(self, options: ReadOptions) -> None:
        self.options = options
        self._run_on_connection(self._import)

    def _run_on_connection(self, work: Callable[[Store], None]) -> None:
        self.running = True
        super()._run(lambda: self._work_on_own_connection(work))

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
