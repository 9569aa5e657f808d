"""The Listen tab: your own music, one player, and body check-ins stamped on the track.

Layout and coordination only: the library (``library_view.py``), the player's controls
(``player_controls.py``), the tap before and after a track (``mood_panel.py``) and the check-in's
three steps (``checkin_steps.py``) are views of their own, wired here to the one player and
the store. An empty library shows one thing: "Add a folder of your music". The tap shows only
around a track; a check-in takes the room while the music goes on below it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.body import region_labels
from desktop.checkin.feelings import Vocabulary
from desktop.checkin.mood_grid import MoodGrid
from desktop.controls import give_focus, named, switch_page
from desktop.icons import icon
from desktop.listen.checkin_steps import CheckInSteps
from desktop.listen.library_view import FilePicker, LibraryView, Picker
from desktop.listen.mood_panel import MoodPanel
from desktop.listen.player import Player
from desktop.listen.player_controls import PlayerControls
from desktop.listen.scanner import ScanJob
from desktop.listen.seek_bar import Marker, SeekBar
from desktop.look import GAP, SPACE, heading, tight
from desktop.settings import PAUSE_FOR_CHECKIN, Settings
from desktop.store import Store, WriteFailed
from desktop.store.listening import (
    CHECKINS,
    TRACKS,
    BodyMark,
    CheckIn,
    Track,
    checkins_for_track,
    count_tracks,
    format_position,
    mark_missing,
    refresh_missing,
    save_checkin,
)
from desktop.store.moods import MoodMoment, move_mood, save_mood
from desktop.store.records import Feeling
from desktop.store_signals import StoreSignals
from desktop.texts import translate
from desktop.worker_job import Starter, start_in_pool

SEEK_STEP_MS = 5000
BEFORE_WINDOW_MS = 20_000  # the "before" tap is offered at the start of a track
LISTENED_MS = 20_000  # moving on after this long asks "And now?" about the track left


class Message(QLabel):
    """A line that takes room only while it has something to say."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class ListenTab(QWidget):
    # Over time's hook (issue 17): the body map for the playing track. Only this signal and
    # the one button for it belong to it, so a rework of this layout can move them freely.
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
        self._checkin_track: Track | None = None  # the track and moment a check-in is about
        self._resume_after_checkin = False
        self._mood_uid: str | None = None  # the tap the dot on the grid stands for
        self._mood_track: Track | None = None  # the track the tap is about

        self._build_library()
        self._build_now_playing()
        self.controls = PlayerControls()
        self.controls.set_volume(player.volume())
        self.mood = MoodPanel()
        self.panel = CheckInSteps(body_svg, vocabulary)
        self.panel.set_pause_for_checkin(settings.get(PAUSE_FOR_CHECKIN))
        self.checkin_page = self.panel  # it takes the room while the music goes on below
        self._layout()
        self.controls.set_icons()
        self.checkin_button.setIcon(icon("mdi6.human", self.palette().buttonText().color()))
        self._connect_signals()
        self.model.set_filter("")
        self._show_page()
        self._show_mood(None)
        # Which files are gone is only a note, made again at every opening: a journal that
        # cannot be written to now (read-only, busy, full) still opens its music.
        with contextlib.suppress(WriteFailed):
            refresh_missing(store)

    # -- building -----------------------------------------------------------------------------

    def _build_library(self) -> None:
        self.empty_button = named(
            QPushButton(translate("ListenTab", "&Add a folder of your music")),
            translate("ListenTab", "Add a folder of your music"),
            translate("ListenTab", "Adds every music file in a folder and the folders inside it"),
            object_name="add_first_folder",
        )
        self.empty_button.setDefault(True)
        self.add_folder_button = self.empty_button  # the way in while the library is empty
        self.progress = named(
            QProgressBar(),
            translate("ListenTab", "Reading your music"),
            translate("ListenTab", "How much of your music has been read"),
            object_name="scan_progress",
        )
        self.cancel_scan_button = named(
            QPushButton(translate("ListenTab", "Stop reading")),
            translate("ListenTab", "Stop reading"),
            translate("ListenTab", "Stops reading your music; what is read so far stays"),
            object_name="cancel_scan",
        )
        self.library = LibraryView(self._store)
        # The names the tab and its tests know the library's parts by.
        self.add_button = self.library.add_button
        self.add_more_folder_action = self.library.add_more_folder_action
        self.add_files_action = self.library.add_files_action
        self.filter_edit = self.library.filter_edit
        self.model = self.library.model
        self.table = self.library.table

    def _build_now_playing(self) -> None:
        self.now_playing = QLabel(translate("ListenTab", "Choose a track to listen to."))
        self.now_playing.setObjectName("now_playing")
        self.now_playing.setWordWrap(True)
        self.landed_button = named(
            QPushButton(translate("ListenTab", "&Where this music has landed…")),
            translate("ListenTab", "Where this music has landed"),
            translate("ListenTab", "Shows on the body map where this track has been felt"),
            object_name="where_landed",
        )
        self.landed_button.setFlat(True)
        self.landed_button.hide()  # until a track is playing
        self.quick_nothing_button = named(
            QPushButton(translate("ListenTab", "I just listened")),
            translate("ListenTab", "I just listened"),
            translate("ListenTab", "Keeps a check-in that says you listened, nothing more"),
            object_name="quick_nothing",
        )
        self.quick_nothing_button.hide()  # until there is a track to have listened to
        self.checkin_button = named(
            QPushButton(translate("ListenTab", "&Check in")),
            translate("ListenTab", "Check in"),
            translate("ListenTab", "Notice where the music lands in your body (Ctrl+K)"),
            object_name="check_in",
        )
        self.message = named(
            Message(), translate("ListenTab", "Message"), object_name="listen_message"
        )
        self.message.setWordWrap(True)

    def _layout(self) -> None:
        empty = QWidget()
        empty.setObjectName("empty_library")
        empty_layout = QVBoxLayout(empty)
        # What Listen is for, in a few words, above its one button: a centred column that
        # keeps its lines short in a wide window.
        self.empty_heading = heading(QLabel(translate("ListenTab", "Listen to your own music")))
        self.empty_text = QLabel(
            translate(
                "ListenTab",
                "Play music you already have, and notice where it lands in your body: a warmth, "
                "a weight, or nothing much. Your files stay where they are; Glimmers only reads "
                "them.",
            )
        )
        column = QWidget()  # three fifths of the page (its words may need more: they get it)
        words = tight(QVBoxLayout(column), GAP)
        for label in (self.empty_heading, self.empty_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            words.addWidget(label)
        words.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        empty_layout.addStretch()
        empty_layout.addLayout(row)
        empty_layout.addStretch()
        self.empty_page = empty

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.mood)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.library_page = self.splitter

        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self.library_page)
        self.pages.addWidget(self.checkin_page)

        scan_row = tight(QHBoxLayout(), SPACE)
        scan_row.addWidget(self.progress, 1)
        scan_row.addWidget(self.cancel_scan_button)
        self.now_row = QWidget()
        now = tight(QHBoxLayout(self.now_row), SPACE)
        now.addWidget(self.now_playing, 1)
        now.addWidget(self.landed_button)
        now.addWidget(self.quick_nothing_button)
        now.addWidget(self.checkin_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(SPACE)
        layout.addWidget(self.pages, 1)
        layout.addLayout(scan_row)
        layout.addWidget(self.message)
        layout.addWidget(self.now_row)
        layout.addWidget(self.controls)
        self.progress.hide()
        self.cancel_scan_button.hide()
        self.message.hide()

    # Names the tests and the other floors knew the player's parts by.
    @property
    def seek_bar(self) -> SeekBar:
        return self.controls.seek_bar

    @property
    def volume(self) -> QSlider:
        return self.controls.volume

    @property
    def play_button(self) -> QPushButton:
        return self.controls.play_button

    @property
    def mood_grid(self) -> MoodGrid:
        return self.mood.grid

    @property
    def mood_label(self) -> QLabel:
        return self.mood.title

    @property
    def pause_box(self) -> QCheckBox:
        return self.panel.pause_box

    def _connect_signals(self) -> None:
        self.empty_button.clicked.connect(self.add_folder)
        self.add_more_folder_action.triggered.connect(self.add_folder)
        self.add_files_action.triggered.connect(self.add_files)
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.table.activated.connect(self._play_index)
        self.table.doubleClicked.connect(self._play_index)
        self.controls.play_requested.connect(self.toggle_play)
        self.controls.pause_requested.connect(self.player.pause)
        self.controls.previous_requested.connect(lambda: self.step_track(-1))
        self.controls.next_requested.connect(lambda: self.step_track(1))
        self.controls.seek_requested.connect(self.player.seek)
        self.controls.volume_changed.connect(self.player.set_volume)
        self.player.position_changed.connect(self._on_position)
        self.player.duration_changed.connect(self.controls.set_duration)
        self.player.playing_changed.connect(self.controls.set_playing)
        self.player.problem.connect(self._on_problem)
        self.player.track_ended.connect(self._on_track_ended)
        self.checkin_button.clicked.connect(self.open_checkin)
        self.quick_nothing_button.clicked.connect(self.just_listened)
        self.landed_button.clicked.connect(self._ask_where_landed)
        self.panel.pause_box.toggled.connect(self._on_pause_box)
        self.panel.save_requested.connect(self._save_checkin)
        self.panel.nothing_requested.connect(self.just_listened)
        self.panel.cancelled.connect(self._close_checkin)
        self.mood.chosen.connect(self._on_mood)
        self.mood.done.connect(lambda: self._show_mood(None))
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

    def event(self, event: QEvent) -> bool:
        # Space plays and pauses from anywhere on the tab, except on a button, a chip or a
        # checkbox with the focus: there Space presses what the person is on.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and isinstance(QApplication.focusWidget(), QAbstractButton)
        ):
            event.accept()
            return True
        return super().event(event)

    # -- which page -----------------------------------------------------------------------------

    def _show_page(self) -> None:
        """The empty library's one button, the library, or the check-in taking the room."""
        empty = count_tracks(self._store) == 0 and self.scan is None
        checking_in = self.pages.currentWidget() is self.checkin_page
        if empty and not checking_in:
            self.pages.setCurrentWidget(self.empty_page)
        elif not checking_in:
            self.pages.setCurrentWidget(self.library_page)
        self.now_row.setVisible(not empty and not checking_in)
        self.controls.setVisible(not empty)

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
        self.scan = ScanJob(sources, self._store, self._start_scan, parent=self)
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
        if self.scan is not None:
            self.scan.retire()  # deleted here once its worker has let go of it
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
        self._show_page()
        if self.pages.currentWidget() is self.library_page:
            self.table.setFocus()

    def _on_store_changed(self, table: str) -> None:
        if table == TRACKS and self.scan is None:
            self.model.reload()
            self._show_page()
        elif table == CHECKINS:
            self._reload_markers()

    # -- playing ------------------------------------------------------------------------------

    def _play_index(self, index: QModelIndex) -> None:
        track = self.model.track(index.row())
        if track is not None:
            self.play_track(track)

    def play_track(self, track: Track) -> bool:
        self.message.clear()
        left = self.track
        listened = left is not None and self.player.position() >= LISTENED_MS
        if not self.player.load(track.path):
            if not Path(track.path).exists():
                with contextlib.suppress(WriteFailed):  # only a note; the player says why
                    mark_missing(self._store, track.id)
            return False
        self.track = track
        self.landed_button.show()
        self.quick_nothing_button.show()
        self.controls.set_track_loaded(True)
        self.now_playing.setText(
            f"{track.title} \u2014 {track.artist}" if track.artist else track.title
        )
        self._reload_markers()
        if listened and left is not None:  # moving on: the track left gets its "And now?"
            self._show_mood("after", left)
        else:
            self._show_mood("before", track)
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
        self.controls.set_position(ms)
        if (
            self.mood.moment == "before"
            and not self.mood.answered
            and self._mood_track is self.track
            and ms > BEFORE_WINDOW_MS
        ):
            self._show_mood(None)

    def _on_problem(self, text: str) -> None:
        self.message.setText(text)

    def _on_track_ended(self) -> None:
        if self.track is not None:
            self._show_mood("after", self.track)

    # -- check-ins ----------------------------------------------------------------------------

    def _where(self, position: int | None) -> str:
        if self.track is None:
            return translate("ListenTab", "No track is playing; this check-in is kept on its own.")
        return translate("ListenTab", "{title}, at {time}").format(
            title=self.track.title, time=format_position(position)
        )

    def open_checkin(self) -> None:
        """Note the moment now, then open the check-in; the music goes on unless asked to pause."""
        self._checkin_track = self.track
        self._checkin_position = self.player.position() if self.track else None
        self._resume_after_checkin = False
        if self.panel.pause_box.isChecked() and self.player.is_playing():
            self.player.pause()
            self._resume_after_checkin = True
        self.panel.reset(self._where(self._checkin_position))
        self.message.clear()  # what it says is about the last check-in, not this one
        switch_page(self.pages, self.checkin_page)
        self._show_page()
        give_focus(self.panel.body_map)

    def _on_pause_box(self, on: bool) -> None:
        self._settings.set(PAUSE_FOR_CHECKIN, on)
        if self.pages.currentWidget() is not self.checkin_page:
            return
        if on and self.player.is_playing():  # asked while checking in: the music waits now
            self.player.pause()
            self._resume_after_checkin = True
        elif not on and self._resume_after_checkin:
            self.player.play()
            self._resume_after_checkin = False

    def _save_checkin(self) -> None:
        self.panel.keep_typed_qualities()  # a word still being typed counts
        marks = self.panel.marks()
        feelings = self.panel.chosen_feelings()
        note = self.panel.note.text()
        nothing = self.panel.nowhere() and not (marks or feelings or note.strip())
        self._store_checkin(marks=marks, feelings=feelings, note=note, nothing=nothing)

    def just_listened(self) -> None:
        """The one-click check-in: nothing concrete, and that is fine."""
        if self.pages.currentWidget() is not self.checkin_page:
            self._checkin_track = self.track
            self._checkin_position = self.player.position() if self.track else None
        self._store_checkin(marks=(), feelings=(), note="", nothing=True)

    def _store_checkin(
        self,
        marks: tuple[BodyMark, ...],
        feelings: tuple[Feeling, ...],
        note: str,
        nothing: bool,
    ) -> None:
        track = self._checkin_track  # the one it was opened on, whatever plays now
        try:
            saved = save_checkin(
                self._store,
                CheckIn(
                    track_id=track.id if track else None,
                    track_title=track.title if track else "",
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
        self.pages.setCurrentWidget(self.library_page)
        self._show_page()
        if self._resume_after_checkin:
            self.player.play()
        self._resume_after_checkin = False
        self.checkin_button.setFocus()

    def _reload_markers(self) -> None:
        if self.track is None:
            self.controls.set_markers([])
            return
        labels = region_labels()
        self.controls.set_markers(
            [
                Marker(
                    c.position_ms or 0,
                    f"{format_position(c.position_ms)}: {c.summary(labels)}",
                )
                for c in checkins_for_track(self._store, self.track.id)
            ]
        )

    # -- before and after ---------------------------------------------------------------------

    def _show_mood(self, moment: MoodMoment | None, track: Track | None = None) -> None:
        """Ask before or after ``track``, beside the library; None: the library alone."""
        self._mood_uid = None
        self._mood_track = track
        if moment is None:
            self.mood.moment = None
            self.mood.hide()
            return
        self.mood.ask(moment)
        self.mood.show()

    def _on_mood(self, moment: MoodMoment, pleasantness: float, energy: float) -> None:
        track = self._mood_track
        try:
            if self._mood_uid is None:
                self._mood_uid = save_mood(
                    self._store, track.id if track else None, moment, pleasantness, energy
                )
            else:
                move_mood(self._store, self._mood_uid, pleasantness, energy)
        except WriteFailed as e:
            self.message.setText(str(e))

    def prepare_to_close(self) -> None:
        if self.scan is not None:
            # The worker stops at its next file; wait for it, so it does not write to a
            # journal that is closing.
            self.scan.cancel()
            self.scan.wait(10.0)
        self.player.pause()
