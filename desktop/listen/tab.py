"""The Listen tab: your own music, one player, and body check-ins stamped on the track."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.body import region_labels
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.mood_grid import MoodGrid
from desktop.icons import icon
from desktop.listen.checkin_panel import CheckInPanel
from desktop.listen.library import AUDIO_EXTENSIONS
from desktop.listen.library_model import LibraryModel, format_duration
from desktop.listen.player import Player
from desktop.listen.scanner import ScanJob, Starter, start_in_pool
from desktop.listen.seek_bar import Marker, SeekBar
from desktop.settings import PAUSE_FOR_CHECKIN, Settings
from desktop.store import Store, WriteFailed
from desktop.store.listening import (
    CHECKINS,
    TRACKS,
    BodyMark,
    CheckIn,
    MoodMoment,
    Track,
    checkins_for_track,
    count_tracks,
    format_position,
    mark_missing,
    refresh_missing,
    save_checkin,
    save_mood,
)
from desktop.store.records import Feeling
from desktop.store_signals import StoreSignals
from desktop.texts import translate

SEEK_STEP_MS = 5000
BEFORE_WINDOW_MS = 20_000  # the "before" tap is offered at the start of a track


class Picker(Protocol):
    """Asks which music files or folder to add."""

    def files(self, parent: QWidget) -> list[Path]: ...
    def folder(self, parent: QWidget) -> Path | None: ...


class FilePicker:
    """The desktop's file chooser; tests answer with their own Picker."""

    def files(self, parent: QWidget) -> list[Path]:
        patterns = " ".join(f"*{ext}" for ext in AUDIO_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileNames(
            parent,
            translate("ListenTab", "Add music"),
            "",
            translate("ListenTab", "Music ({patterns})").format(patterns=patterns),
        )
        return [Path(p) for p in chosen]

    def folder(self, parent: QWidget) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            parent, translate("ListenTab", "Add a music folder")
        )
        return Path(chosen) if chosen else None


class ListenTab(QWidget):
    # Over time's hook (issue 17): the body map for the playing track. Only this signal and
    # the one button below belong to it, so a later rework of this layout can move them freely.
    landed_requested = Signal(int, str)  # track id, title

    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        settings: Settings,
        player: Player,
        vocabulary: Vocabulary,
        body_svg: str,
        picker: Picker | None = None,
        start_scan: Starter = start_in_pool,
    ) -> None:
        super().__init__()
        self.setObjectName("listen_tab")
        self._store = store
        self._signals = signals
        self._settings = settings
        self.player = player
        self._picker = picker or FilePicker()
        self._start_scan = start_scan
        self.scan: ScanJob | None = None
        self._scan_problem = ""
        self.track: Track | None = None
        self._checkin_position: int | None = None
        self._resume_after_checkin = False
        self._mood_moment: MoodMoment | None = None

        self.add_files_button = QPushButton(translate("ListenTab", "Add &files…"))
        self.add_files_button.setAccessibleName(translate("ListenTab", "Add music files"))
        self.add_files_button.setAccessibleDescription(
            translate("ListenTab", "Choose music files on this computer")
        )
        self.add_folder_button = QPushButton(translate("ListenTab", "Add f&older…"))
        self.add_folder_button.setAccessibleName(translate("ListenTab", "Add a music folder"))
        self.add_folder_button.setAccessibleDescription(
            translate("ListenTab", "Adds every music file in a folder and the folders inside it")
        )
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("library_filter")
        self.filter_edit.setPlaceholderText(
            translate("ListenTab", "Filter by title, artist or album")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(translate("ListenTab", "Filter the library"))
        self.filter_edit.setAccessibleDescription(
            translate("ListenTab", "Shows only tracks whose title, artist or album has these words")
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("scan_progress")
        self.progress.setAccessibleName(translate("ListenTab", "Reading your music"))
        self.cancel_scan_button = QPushButton(translate("ListenTab", "Cancel"))
        self.cancel_scan_button.setAccessibleName(
            translate("ListenTab", "Cancel reading your music")
        )
        self.model = LibraryModel(store)
        self.table = QTableView()
        self.table.setObjectName("library")
        self.table.setAccessibleName(translate("ListenTab", "Your music"))
        self.table.setAccessibleDescription(
            translate("ListenTab", "Press Enter on a track to play it")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(
            translate("ListenTab", "Add a few of your own music files to begin.")
        )
        self.empty_label.setObjectName("library_empty")

        self.previous_button = QPushButton(translate("ListenTab", "Previous"))
        self.previous_button.setAccessibleName(translate("ListenTab", "Previous track"))
        self.previous_button.setAccessibleDescription(
            translate("ListenTab", "Plays the track before this one")
        )
        self.play_button = QPushButton(translate("ListenTab", "&Play"))
        self.play_button.setObjectName("play_pause")
        self.play_button.setAccessibleName(translate("ListenTab", "Play or pause"))
        self.play_button.setAccessibleDescription(
            translate("ListenTab", "Starts or pauses the current track")
        )
        self.next_button = QPushButton(translate("ListenTab", "Next"))
        self.next_button.setAccessibleName(translate("ListenTab", "Next track"))
        self.next_button.setAccessibleDescription(
            translate("ListenTab", "Plays the track after this one")
        )
        self.seek_bar = SeekBar()
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setObjectName("time_label")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("music_volume")
        self.volume.setAccessibleName(translate("ListenTab", "Volume"))
        self.volume.setAccessibleDescription(translate("ListenTab", "How loud the music plays"))
        self.volume.setRange(0, 100)
        self.volume.setValue(round(player.volume() * 100))
        self.volume.setMaximumWidth(120)
        self.now_playing = QLabel(translate("ListenTab", "Nothing playing"))
        self.now_playing.setObjectName("now_playing")
        self.checkin_button = QPushButton(translate("ListenTab", "&Check in"))
        self.checkin_button.setObjectName("check_in")
        self.checkin_button.setAccessibleName(translate("ListenTab", "Check in"))
        self.checkin_button.setToolTip(translate("ListenTab", "Ctrl+K"))
        self.quick_nothing_button = QPushButton(translate("ListenTab", "I just listened"))
        self.quick_nothing_button.setObjectName("quick_nothing")
        self.quick_nothing_button.setAccessibleName(
            translate("ListenTab", "Nothing concrete, I just listened")
        )
        self.quick_nothing_button.setAccessibleDescription(
            translate("ListenTab", "Keeps a check-in that says you listened, without details")
        )
        self.pause_box = QCheckBox(translate("ListenTab", "Pause the music while I check in"))
        self.pause_box.setObjectName("pause_while_checking_in")
        self.pause_box.setAccessibleName(self.pause_box.text())
        self.pause_box.setAccessibleDescription(
            translate("ListenTab", "The music waits while the check-in is open")
        )
        self.pause_box.setChecked(settings.get(PAUSE_FOR_CHECKIN))
        self.message = QLabel()
        self.message.setObjectName("listen_message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("ListenTab", "Message"))

        self.panel = CheckInPanel(body_svg, vocabulary)
        self.mood_label = QLabel()
        self.mood_label.setWordWrap(True)
        self.mood_grid = MoodGrid()
        self.mood_skip = QPushButton(translate("ListenTab", "Skip"))
        self.mood_skip.setAccessibleName(translate("ListenTab", "Skip the quick tap"))
        self.mood_skip.setAccessibleDescription(
            translate("ListenTab", "Goes on without the before-and-after tap for this track")
        )
        self.landed_button = QPushButton(translate("ListenTab", "&Where this music has landed…"))
        self.landed_button.setObjectName("where_landed")
        self.landed_button.setAccessibleName(translate("ListenTab", "Where this music has landed"))
        self.landed_button.setAccessibleDescription(
            translate("ListenTab", "Shows on the body map where this track has been felt")
        )
        self.landed_button.setEnabled(False)
        mood_page = QWidget()
        mood_layout = QVBoxLayout(mood_page)
        mood_layout.addWidget(self.mood_label)
        mood_layout.addWidget(self.mood_grid, 1)
        mood_layout.addWidget(self.mood_skip)
        mood_layout.addStretch()
        mood_layout.addWidget(self.landed_button)  # Over time's hook
        # The panel scrolls when space is short (large text, a small window).
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setObjectName("checkin_scroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setWidget(self.panel)
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side = QStackedWidget()
        self.side.addWidget(mood_page)
        self.side.addWidget(self.panel_scroll)

        self._layout()
        self._set_icons()
        self._connect_signals()
        self.model.set_filter("")
        self._update_empty()
        self._show_mood(None)
        refresh_missing(store)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.add_files_button)
        top.addWidget(self.add_folder_button)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_scan_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        controls = QHBoxLayout()
        for widget in (self.previous_button, self.play_button, self.next_button):
            controls.addWidget(widget)
        controls.addWidget(self.seek_bar, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(QLabel(translate("ListenTab", "Volume")))
        controls.addWidget(self.volume)
        actions = QHBoxLayout()
        actions.addWidget(self.now_playing, 1)
        actions.addWidget(self.pause_box)
        actions.addWidget(self.quick_nothing_button)
        actions.addWidget(self.checkin_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(controls)
        layout.addLayout(actions)
        self.progress.hide()
        self.cancel_scan_button.hide()

    def _set_icons(self) -> None:
        # The Listen tab is built only when first shown, so qtawesome's font loading never
        # delays start-up.
        for button, name in (
            (self.previous_button, "mdi6.skip-previous"),
            (self.play_button, "mdi6.play-pause"),
            (self.next_button, "mdi6.skip-next"),
            (self.checkin_button, "mdi6.human"),
        ):
            button.setIcon(icon(name, button.palette().buttonText().color()))

    def _connect_signals(self) -> None:
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button.clicked.connect(self.add_folder)
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.table.activated.connect(self._play_index)
        self.table.doubleClicked.connect(self._play_index)
        self.play_button.clicked.connect(self.toggle_play)
        self.previous_button.clicked.connect(lambda: self.step_track(-1))
        self.next_button.clicked.connect(lambda: self.step_track(1))
        self.seek_bar.seek_requested.connect(self.player.seek)
        self.volume.valueChanged.connect(lambda v: self.player.set_volume(v / 100))
        self.player.position_changed.connect(self._on_position)
        self.player.duration_changed.connect(self._on_duration)
        self.player.playing_changed.connect(self._on_playing)
        self.player.problem.connect(self._on_problem)
        self.player.track_ended.connect(self._on_track_ended)
        self.checkin_button.clicked.connect(self.open_checkin)
        self.quick_nothing_button.clicked.connect(self.just_listened)
        self.pause_box.toggled.connect(lambda on: self._settings.set(PAUSE_FOR_CHECKIN, on))
        self.panel.save_requested.connect(self._save_checkin)
        self.panel.nothing_requested.connect(self.just_listened)
        self.panel.cancelled.connect(self._close_checkin)
        self.mood_grid.tapped.connect(self._on_mood)
        self.mood_skip.clicked.connect(lambda: self._show_mood(None))
        self.landed_button.clicked.connect(self._ask_where_landed)
        self._signals.changed.connect(self._on_store_changed)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Space), self.toggle_play),
            (QKeySequence(Qt.Key.Key_Left), lambda: self.seek_by(-SEEK_STEP_MS)),
            (QKeySequence(Qt.Key.Key_Right), lambda: self.seek_by(SEEK_STEP_MS)),
            (QKeySequence("Ctrl+K"), self.open_checkin),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- the library --------------------------------------------------------------------------

    def add_files(self) -> None:
        self.start_scan(self._picker.files(self))

    def add_folder(self) -> None:
        folder = self._picker.folder(self)
        if folder is not None:
            self.start_scan([folder])

    def start_scan(self, sources: list[Path]) -> None:
        if not sources or self.scan is not None:
            return
        self.scan = ScanJob(sources, self._store, self._start_scan)
        self.scan.progress.connect(self._on_scan_progress)
        self.scan.failed.connect(self._on_scan_failed)
        self.scan.finished.connect(self._on_scan_finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_scan_button.show()
        self.message.setText(translate("ListenTab", "Reading your music…"))
        self.scan.start()

    def cancel_scan(self) -> None:
        if self.scan is not None:
            self.scan.cancel()

    def _on_scan_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_scan_failed(self, text: str) -> None:
        self._scan_problem = translate("ListenTab", "{problem} The scan stopped.").format(
            problem=text
        )

    def _on_scan_finished(self, done: int, cancelled: bool) -> None:
        self.scan = None
        self.progress.hide()
        self.cancel_scan_button.hide()
        if self._scan_problem:
            self.message.setText(self._scan_problem)
        elif cancelled:
            self.message.setText(
                translate(
                    "ListenTab", "Stopped after %n file(s); those are in your library.", None, done
                )
            )
        else:
            tracks = count_tracks(self._store)
            self.message.setText(
                translate("ListenTab", "Read %n file(s).", None, done)
                + " "
                + translate("ListenTab", "Your library has %n track(s).", None, tracks)
            )
        self._scan_problem = ""
        self.model.reload()
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0 and not self.filter_edit.text())

    def _on_store_changed(self, table: str) -> None:
        if table == TRACKS and self.scan is None:
            self.model.reload()
            self._update_empty()
        elif table == CHECKINS:
            self._reload_markers()

    # -- playing ------------------------------------------------------------------------------

    def _play_index(self, index: QModelIndex) -> None:
        track = self.model.track(index.row())
        if track is not None:
            self.play_track(track)

    def play_track(self, track: Track) -> bool:
        self.message.clear()
        if not self.player.load(track.path):
            if not Path(track.path).exists():
                mark_missing(self._store, track.id)
            return False
        self.track = track
        self.landed_button.setEnabled(True)
        self.now_playing.setText(
            f"{track.title} \u2014 {track.artist}" if track.artist else track.title
        )
        self._reload_markers()
        self._show_mood("before")
        self.player.play()
        return True

    def _ask_where_landed(self) -> None:
        if self.track is not None:
            self.landed_requested.emit(self.track.id, self.track.title)

    def toggle_play(self) -> None:
        if self.track is None:
            row = max(0, self.table.currentIndex().row())
            track = self.model.track(row)
            if track is not None:
                self.play_track(track)
            return
        self.player.toggle()

    def step_track(self, step: int) -> None:
        row = self.model.row_of(self.track.id) if self.track else -1
        track = self.model.track(row + step)
        if track is not None:
            self.table.selectRow(row + step)
            self.play_track(track)

    def seek_by(self, ms: int) -> None:
        if self.track is not None:
            self.player.seek(self.player.position() + ms)

    def _on_position(self, ms: int) -> None:
        self.seek_bar.set_position(ms)
        self.time_label.setText(
            f"{format_duration(ms / 1000)} / {format_duration(self.player.duration() / 1000)}"
        )
        if self._mood_moment == "before" and ms > BEFORE_WINDOW_MS:
            self._show_mood(None)

    def _on_duration(self, ms: int) -> None:
        self.seek_bar.set_duration(ms)

    def _on_playing(self, playing: bool) -> None:
        self.play_button.setText(
            translate("ListenTab", "&Pause") if playing else translate("ListenTab", "&Play")
        )

    def _on_problem(self, text: str) -> None:
        self.message.setText(text)

    def _on_track_ended(self) -> None:
        self._show_mood("after")

    # -- check-ins ----------------------------------------------------------------------------

    def _where(self, position: int | None) -> str:
        if self.track is None:
            return translate("ListenTab", "No track is playing; this check-in is kept on its own.")
        return translate("ListenTab", "{title}, at {time}").format(
            title=self.track.title, time=format_position(position)
        )

    def open_checkin(self) -> None:
        """Note the moment now, then open the panel; the music goes on unless asked to pause."""
        self._checkin_position = self.player.position() if self.track else None
        self._resume_after_checkin = False
        if self.pause_box.isChecked() and self.player.is_playing():
            self.player.pause()
            self._resume_after_checkin = True
        self.panel.reset(self._where(self._checkin_position))
        self.side.setCurrentWidget(self.panel_scroll)
        self.panel.body_map.setFocus()

    def _save_checkin(self) -> None:
        self.panel.keep_typed_qualities()  # a word still being typed counts
        self._store_checkin(
            marks=self.panel.marks(),
            feelings=self.panel.chosen_feelings(),
            note=self.panel.note.text(),
            nothing=False,
        )

    def just_listened(self) -> None:
        """The one-click check-in: nothing concrete, and that is fine."""
        if self.side.currentWidget() is not self.panel_scroll:
            self._checkin_position = self.player.position() if self.track else None
        self._store_checkin(marks=(), feelings=(), note="", nothing=True)

    def _store_checkin(
        self,
        marks: tuple[BodyMark, ...],
        feelings: tuple[Feeling, ...],
        note: str,
        nothing: bool,
    ) -> None:
        try:
            saved = save_checkin(
                self._store,
                CheckIn(
                    track_id=self.track.id if self.track else None,
                    track_title=self.track.title if self.track else "",
                    position_ms=self._checkin_position,
                    marks=marks,
                    feelings=feelings,
                    note=note,
                    nothing_concrete=nothing,
                ),
            )
        except ValueError as e:
            self.panel.show_message(str(e))
            return
        self.message.setText(
            translate("ListenTab", "Check-in kept: {summary}.").format(
                summary=saved.summary(region_labels())
            )
        )
        self._close_checkin()

    def _close_checkin(self) -> None:
        self.side.setCurrentIndex(0)
        if self._resume_after_checkin:
            self.player.play()
        self._resume_after_checkin = False

    def _reload_markers(self) -> None:
        if self.track is None:
            self.seek_bar.set_markers([])
            return
        labels = region_labels()
        self.seek_bar.set_markers(
            [
                Marker(
                    c.position_ms or 0,
                    f"{format_position(c.position_ms)}: {c.summary(labels)}",
                )
                for c in checkins_for_track(self._store, self.track.id)
            ]
        )

    # -- before and after ---------------------------------------------------------------------

    def _show_mood(self, moment: MoodMoment | None) -> None:
        self._mood_moment = moment
        self.mood_grid.clear()
        if moment is None:
            self.mood_label.setText(
                translate(
                    "ListenTab",
                    "Before and after a track you can tap here: how pleasant, and how much energy.",
                )
            )
            self.mood_grid.setEnabled(False)
        else:
            self.mood_label.setText(
                translate(
                    "ListenTab",
                    "<b>Before this track</b>, if you like: "
                    "how pleasant does it feel, and how much energy is there?",
                )
                if moment == "before"
                else translate(
                    "ListenTab",
                    "<b>After this track</b>, if you like: "
                    "how pleasant does it feel, and how much energy is there?",
                )
            )
            self.mood_grid.setEnabled(True)

    def _on_mood(self, pleasantness: float, energy: float) -> None:
        if self._mood_moment is None:
            return
        try:
            self._save_mood(pleasantness, energy)
        except WriteFailed as e:
            self.message.setText(str(e))
            return
        self.message.setText(translate("ListenTab", "Noted."))
        self._show_mood(None)

    def _save_mood(self, pleasantness: float, energy: float) -> None:
        assert self._mood_moment is not None
        save_mood(
            self._store,
            self.track.id if self.track else None,
            self._mood_moment,
            pleasantness,
            energy,
        )

    def prepare_to_close(self) -> None:
        self.cancel_scan()
        self.player.pause()
