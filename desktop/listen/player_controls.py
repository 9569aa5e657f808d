"""The player's controls: play or pause, previous, next, where the track is, and how loud.

Before a track is chosen only Play shows (it plays the track chosen in the library, or the
first): the rest comes with the track, to the right of Play, so Play never moves.

Shaped like the controls of Qt's own PySide6 player example: a view that says what the person
asks for (``play_requested``, ``seek_requested``, ...) and shows what it is told
(``set_playing()``, ``set_position()``, ...). The Listen tab connects it to the one player.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from desktop.controls import named
from desktop.icons import icon
from desktop.listen.library_model import format_duration
from desktop.listen.seek_bar import Marker, SeekBar
from desktop.look import SPACE, tight
from desktop.texts import translate


class PlayerControls(QWidget):
    play_requested = Signal()
    pause_requested = Signal()
    previous_requested = Signal()
    next_requested = Signal()
    seek_requested = Signal(int)  # milliseconds into the track
    volume_changed = Signal(float)  # from 0 (silent) to 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player_controls")
        self._playing = False
        self.previous_button = named(
            QPushButton(),
            translate("ListenPlayer", "Previous track"),
            translate("ListenPlayer", "Plays the track before this one"),
            object_name="previous_track",
        )
        self.play_button = named(
            QPushButton(translate("ListenPlayer", "&Play")),
            translate("ListenPlayer", "Play"),
            translate("ListenPlayer", "Starts or pauses the music (Space)"),
            object_name="play_pause",
        )
        self.next_button = named(
            QPushButton(),
            translate("ListenPlayer", "Next track"),
            translate("ListenPlayer", "Plays the track after this one"),
            object_name="next_track",
        )
        for button in (self.previous_button, self.next_button):
            button.setToolTip(button.accessibleName())
        self.seek_bar = SeekBar()
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setObjectName("time_label")
        self.volume = named(
            QSlider(Qt.Orientation.Horizontal),
            translate("ListenPlayer", "Volume"),
            translate("ListenPlayer", "How loud the music plays"),
            object_name="music_volume",
        )
        self.volume.setRange(0, 100)
        self.volume.setMaximumWidth(120)
        volume_label = QLabel(translate("ListenPlayer", "Volume"))
        volume_label.setBuddy(self.volume)
        self.track_parts: tuple[QWidget, ...] = (
            self.previous_button,
            self.next_button,
            self.seek_bar,
            self.time_label,
            volume_label,
            self.volume,
        )

        layout = tight(QHBoxLayout(self), SPACE)
        layout.addWidget(self.play_button)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.seek_bar, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(volume_label)
        layout.addWidget(self.volume)
        for part in self.track_parts:  # their room is kept, so nothing moves when they come
            policy = part.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            part.setSizePolicy(policy)
        self.set_track_loaded(False)

        self.play_button.clicked.connect(self._play_clicked)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.seek_bar.seek_requested.connect(self.seek_requested)
        self.volume.valueChanged.connect(lambda value: self.volume_changed.emit(value / 100))

    def set_icons(self) -> None:
        """The buttons' icons, once the page is first shown (qtawesome loads its font then)."""
        colour = self.palette().buttonText().color()
        for button, name in (
            (self.previous_button, "mdi6.skip-previous"),
            (self.play_button, "mdi6.play-pause"),
            (self.next_button, "mdi6.skip-next"),
        ):
            button.setIcon(icon(name, colour))

    # -- what the person asks for -------------------------------------------------------------

    def _play_clicked(self) -> None:
        if self._playing:
            self.pause_requested.emit()
        else:
            self.play_requested.emit()

    # -- what it is told ----------------------------------------------------------------------

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        text = (
            translate("ListenPlayer", "&Pause") if playing else translate("ListenPlayer", "&Play")
        )
        self.play_button.setText(text)
        named(self.play_button, text, self.play_button.accessibleDescription())

    def set_track_loaded(self, loaded: bool) -> None:
        """With a track: previous, next, the seek bar and the volume; without: Play alone."""
        for part in self.track_parts:
            part.setVisible(loaded)

    def set_position(self, ms: int) -> None:
        self.seek_bar.set_position(ms)
        self._show_time()

    def set_duration(self, ms: int) -> None:
        self.seek_bar.set_duration(ms)
        self._show_time()

    def set_volume(self, volume: float) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(round(volume * 100))
        self.volume.blockSignals(False)

    def set_markers(self, markers: list[Marker]) -> None:
        self.seek_bar.set_markers(markers)

    def _show_time(self) -> None:
        self.time_label.setText(
            f"{format_duration(self.seek_bar.position_ms / 1000)} / "
            f"{format_duration(self.seek_bar.duration_ms / 1000)}"
        )
