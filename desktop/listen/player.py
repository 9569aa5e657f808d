"""The one music player of the app: a QMediaPlayer made once and reused for every track.

Creating and destroying players while FFmpeg threads run can deadlock (see shared/NOTES.md),
so the app builds one Player in app.py and hands it to the Listen tab.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from desktop.listen.library import NotLocal, local_path
from desktop.texts import QT_TRANSLATE_NOOP, translate

ERROR_TEXT = {
    QMediaPlayer.Error.ResourceError: QT_TRANSLATE_NOOP(
        "Player",
        "Glimmers could not open this file. It may have been moved, or you may not have "
        "permission to read it.",
    ),
    QMediaPlayer.Error.FormatError: QT_TRANSLATE_NOOP(
        "Player",
        "This file could not be played. It may be damaged, or in a format Glimmers cannot read.",
    ),
    QMediaPlayer.Error.AccessDeniedError: QT_TRANSLATE_NOOP(
        "Player", "Glimmers is not allowed to read this file."
    ),
}

UNKNOWN_ERROR = QT_TRANSLATE_NOOP("Player", "This file could not be played.")


class Player(QObject):
    # QMediaPlayer speaks in 64-bit milliseconds; a plain int signal would refuse the connection.
    position_changed = Signal("qlonglong")  # type: ignore[arg-type]
    duration_changed = Signal("qlonglong")  # type: ignore[arg-type]
    playing_changed = Signal(bool)
    problem = Signal(str)
    track_ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.media = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.media.setAudioOutput(self.output)
        self.output.setVolume(0.8)
        self.path: Path | None = None
        self.media.positionChanged.connect(self.position_changed)
        self.media.durationChanged.connect(self.duration_changed)
        self.media.playbackStateChanged.connect(self._on_state)
        self.media.errorOccurred.connect(self._on_error)
        self.media.mediaStatusChanged.connect(self._on_status)

    def load(self, source: str | Path) -> bool:
        """Make ``source`` the current track. Only local files: a web address is refused."""
        try:
            path = local_path(source)
        except NotLocal as refusal:
            self.problem.emit(str(refusal))
            return False
        if not path.is_file():
            self.problem.emit(
                translate("Player", "This file is not there any more: {file}").format(file=path)
            )
            return False
        if not os.access(path, os.R_OK):
            self.problem.emit(
                translate("Player", "Glimmers is not allowed to read this file: {file}").format(
                    file=path
                )
            )
            return False
        self.path = path
        self.media.setSource(QUrl.fromLocalFile(str(path)))
        return True

    def play(self) -> None:
        if self.path is not None:
            self.media.play()

    def pause(self) -> None:
        self.media.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self.media.stop()

    def seek(self, ms: int) -> None:
        self.media.setPosition(max(0, ms))

    def set_volume(self, volume: float) -> None:
        self.output.setVolume(min(max(volume, 0.0), 1.0))

    def volume(self) -> float:
        return float(self.output.volume())

    def position(self) -> int:
        return int(self.media.position())

    def duration(self) -> int:
        return int(self.media.duration())

    def is_playing(self) -> bool:
        return self.media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self.playing_changed.emit(state == QMediaPlayer.PlaybackState.PlayingState)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.track_ended.emit()

    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        text = translate(
            "Player",
            ERROR_TEXT.get(error, QT_TRANSLATE_NOOP("Player", "This file could not be played.")),
        )
        name = self.path.name if self.path else translate("Player", "the file")
        self.problem.emit(translate("Player", "{file}: {problem}").format(file=name, problem=text))

    def shutdown(self) -> None:
        """Stop and let go of the file; the player itself lives until the app ends."""
        self.media.stop()
        self.media.setSource(QUrl())
        self.path = None
