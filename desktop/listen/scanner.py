"""Scanning folders off the GUI thread: tags are read in a worker; results come back by signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.listen.library import find_audio_files, is_audio_file, scan
from desktop.store import Store
from desktop.store.listening import TrackInfo, add_tracks
from desktop.worker_job import Starter, WorkerJob, start_in_pool

BATCH = 25


class ScanJob(WorkerJob):
    """One scan of some files and folders. Tags are read and stored in the worker, on its own
    connection, so the GUI thread never waits for the disk. Signals arrive queued; the job is
    owned by ``parent`` until retired (see desktop.worker_job)."""

    progress = Signal(int, int)  # files read, files in all
    finished = Signal(int, bool)  # files read, cancelled
    failed = Signal(str)  # a message, when storing stopped (a full disk, say)

    def __init__(
        self,
        sources: list[Path],
        store: Store,
        start: Starter = start_in_pool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(start, parent)
        self._sources = sources
        self._store = store

    def start(self) -> None:
        self._run(self.run)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        """In the worker: list the files, read their tags in batches, report as it goes."""
        files: list[Path] = []
        for source in self._sources:
            if source.is_dir():
                files += find_audio_files(source)
            elif is_audio_file(source):
                files.append(source)
        total = len(files)
        self.progress.emit(0, total)
        done = 0
        writer = self._store.second_connection()
        # Tags can always be read again, so these commits need not wait for the disk each time;
        # in WAL mode that risks the last batches on a power cut, never the file.
        writer.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            batch: list[TrackInfo] = []
            for info in scan(files, cancelled=self._cancel.is_set):
                batch.append(info)
                done += 1
                if len(batch) == BATCH:
                    add_tracks(writer, batch)
                    self.progress.emit(done, total)
                    batch = []
            if batch:
                add_tracks(writer, batch)
        except ValueError as e:  # WriteFailed (a full disk), or tags longer than the store keeps
            self._cancel.set()
            self.failed.emit(str(e))
        finally:
            writer.close()
        self.progress.emit(done, total)
        self.finished.emit(done, self._cancel.is_set())
