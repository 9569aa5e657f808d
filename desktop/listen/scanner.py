"""Scanning folders off the GUI thread: tags are read in a worker; results come back by signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.listen.library import find_audio_files, is_audio_file, scan

BATCH = 25

Starter = Callable[[QRunnable], None]


def start_in_pool(runnable: QRunnable) -> None:
    QThreadPool.globalInstance().start(runnable)


class _Runnable(QRunnable):
    def __init__(self, job: ScanJob) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


class ScanJob(QObject):
    """One scan of some files and folders. Signals arrive on the GUI thread, queued."""

    progress = Signal(int, int)  # files read, files in all
    found = Signal(object)  # a list of TrackInfo
    finished = Signal(int, bool)  # files read, cancelled

    def __init__(self, sources: list[Path], start: Starter = start_in_pool) -> None:
        super().__init__()
        self._sources = sources
        self._start = start
        self._cancel = threading.Event()

    def start(self) -> None:
        self._start(_Runnable(self))

    def cancel(self) -> None:
        self._cancel.set()

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
        batch = []
        done = 0
        for info in scan(files, cancelled=self._cancel.is_set):
            batch.append(info)
            done += 1
            if len(batch) == BATCH:
                self.found.emit(batch)
                self.progress.emit(done, total)
                batch = []
        if batch:
            self.found.emit(batch)
        self.progress.emit(done, total)
        self.finished.emit(done, self._cancel.is_set())
