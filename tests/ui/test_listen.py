"""The Listen tab with real (generated) audio and the one shared player."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.listen.player import Player
from desktop.listen.scanner import ScanJob
from desktop.listen.tab import ListenTab
from desktop.store import Store
from desktop.store.listening import count_tracks, moods_for_track, recent_checkins, tracks_page
from desktop.store.timeline import TimelinePager, search_everything
from tests.audio import convert, have_sox, make_wav, tag
from tests.helpers import FakePicker, InlineScans

needs_sox = pytest.mark.skipif(not have_sox(), reason="sox makes the ogg, flac and mp3 fixtures")


@pytest.fixture
def music(tmp_path: Path) -> Path:
    folder = tmp_path / "music"
    (folder / "nested").mkdir(parents=True)
    wav = make_wav(folder / "morning_rain.wav", seconds=6)
    if have_sox():
        tag(convert(wav, folder / "nested" / "river.ogg"), "River", "Ana Lund", "Water")
        tag(convert(wav, folder / "low.flac"), "Low Light", "Ben Ode", "Night")
        tag(convert(wav, folder / "hum.mp3"), "Hum", "Ana Lund", "Water")
    (folder / "notes.txt").write_text("not music")
    return folder


@pytest.fixture
def tab(listen_tab: ListenTab) -> ListenTab:
    return listen_tab


def titles(tab: ListenTab) -> list[str]:
    """The titles the library shows, top to bottom."""
    tracks = (tab.model.track(row) for row in range(tab.model.rowCount()))
    return [track.title for track in tracks if track is not None]


def add_music(qtbot: QtBot, tab: ListenTab, picker: FakePicker, folder: Path) -> None:
    picker.chosen_folder = folder
    qtbot.mouseClick(tab.add_folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.scan is None)


def play_row(qtbot: QtBot, tab: ListenTab, title: str) -> None:
    row = titles(tab).index(title)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.player.is_playing() and tab.player.position() > 300, timeout=10_000)


@needs_sox
def test_add_a_folder_and_see_tags(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    assert tab.empty_label.isVisible()
    add_music(qtbot, tab, picker, music)
    assert count_tracks(store) == 4
    shown = {
        tuple(tab.model.index(r, c).data() for c in range(3)) for r in range(tab.model.rowCount())
    }
    assert ("River", "Ana Lund", "Water") in shown
    assert ("morning rain", "", "") in shown  # a WAV without tags is named after its file
    assert tab.model.index(0, 3).data() == "0:06"
    assert "Read 4 files" in tab.message.text()
    assert not tab.empty_label.isVisible()
    qtbot.keyClicks(tab.filter_edit, "ana wat")
    assert sorted(titles(tab)) == ["Hum", "River"]


def test_scan_can_be_cancelled(
    qtbot: QtBot, tab: ListenTab, scans: InlineScans, music: Path, store: Store
) -> None:
    scans.hold = True  # the worker waits until the test lets it run
    tab.start_scan([music])
    assert tab.progress.isVisible() and tab.cancel_scan_button.isVisible()
    qtbot.mouseClick(tab.cancel_scan_button, Qt.MouseButton.LeftButton)
    scans.pending[0].run()
    assert tab.scan is None
    assert "Stopped after 0 files" in tab.message.text()
    assert count_tracks(store) == 0


def test_scan_runs_off_the_gui_thread_by_default(qtbot: QtBot, music: Path, store: Store) -> None:
    job = ScanJob([music], store)
    with qtbot.waitSignal(job.finished, timeout=20_000) as finished:
        job.start()
    assert finished.args[1] is False
    assert count_tracks(store) == finished.args[0] >= 1


def test_play_check_in_at_a_known_position_and_see_the_marker(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    add_music(qtbot, tab, picker, music)
    play_row(qtbot, tab, "morning rain")
    qtbot.waitUntil(lambda: tab.player.position() > 1000, timeout=10_000)
    before = tab.player.position()
    qtbot.mouseClick(tab.checkin_button, Qt.MouseButton.LeftButton)
    after = tab.player.position()
    assert tab.player.is_playing()  # the music goes on
    panel = tab.panel
    assert panel.isVisible()
    assert "morning rain, at 0:0" in panel.where.text()

    qtbot.mouseClick(
        panel.body_map,
        Qt.MouseButton.LeftButton,
        pos=panel.body_map.region_centre("chest").toPoint(),
    )
    qtbot.mouseClick(
        panel.body_map,
        Qt.MouseButton.LeftButton,
        pos=panel.body_map.region_centre("hands").toPoint(),
    )
    assert [panel.marked_list.item(i).text() for i in range(panel.marked_list.count())] == [
        "Chest",
        "Hands",
    ]
    panel.marked_list.setCurrentRow(0)
    qtbot.mouseClick(panel.quality_boxes["warm"], Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    qtbot.mouseClick(panel.quality_boxes["open"], Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    panel.strength.setFocus()
    qtbot.keyClick(panel.strength, Qt.Key.Key_Down)  # clear -> strong
    panel.marked_list.setCurrentRow(1)
    qtbot.keyClicks(panel.own_quality, "prickly")
    qtbot.keyClick(panel.own_quality, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.note, "the cello part")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    [kept] = recent_checkins(store)
    assert before - 100 <= (kept.position_ms or 0) <= after + 100
    assert kept.track_title == "morning rain"
    assert [(m.region, m.qualities, m.strength) for m in kept.marks] == [
        ("chest", ("warm", "open"), "strong"),
        ("hands", ("prickly",), "clear"),
    ]
    assert kept.note == "the cello part"
    assert not panel.isVisible()
    [marker] = tab.seek_bar.markers
    assert marker.position_ms == kept.position_ms
    assert "Chest: strong warm, open" in marker.summary
    x = round(tab.seek_bar.x_for(marker.position_ms))
    image = tab.seek_bar.grab().toImage()
    ink = tab.seek_bar.palette().windowText().color()
    y = round(tab.seek_bar.height() / 2 - 3 - 2 - 4)
    assert image.pixelColor(x, y).lightness() == pytest.approx(ink.lightness(), abs=60)
    # Clicking the marker goes back there.
    qtbot.waitUntil(lambda: tab.player.position() > (kept.position_ms or 0) + 500, timeout=10_000)
    qtbot.mouseClick(
        tab.seek_bar, Qt.MouseButton.LeftButton, pos=QPoint(x + 2, tab.seek_bar.height() // 2)
    )
    qtbot.waitUntil(
        lambda: abs(tab.player.position() - (kept.position_ms or 0)) < 400, timeout=5_000
    )
    # The check-in joins the journal's timeline and search.
    assert TimelinePager(store, kinds=["checkin"]).next_page(10)[0].uid == kept.uid
    assert [i.uid for i in search_everything(store, "cello")] == [kept.uid]


def test_one_click_just_listened(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    add_music(qtbot, tab, picker, music)
    play_row(qtbot, tab, "morning rain")
    qtbot.mouseClick(tab.quick_nothing_button, Qt.MouseButton.LeftButton)
    [kept] = recent_checkins(store)
    assert kept.nothing_concrete and kept.position_ms is not None
    assert "Nothing concrete, I just listened" in tab.message.text()
    assert len(tab.seek_bar.markers) == 1


def test_empty_check_in_is_explained_not_saved(qtbot: QtBot, tab: ListenTab, store: Store) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert tab.panel.isVisible()
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    assert "Nothing concrete" in tab.panel.message.text()
    assert recent_checkins(store) == []
    qtbot.mouseClick(tab.panel.nothing_button, Qt.MouseButton.LeftButton)
    assert recent_checkins(store)[0].nothing_concrete


def test_pause_while_checking_in_when_asked(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path
) -> None:
    add_music(qtbot, tab, picker, music)
    tab.pause_box.setChecked(True)
    play_row(qtbot, tab, "morning rain")
    qtbot.mouseClick(tab.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.player.is_playing())
    qtbot.mouseClick(tab.panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.player.is_playing)


def test_space_and_arrows_control_the_player(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path
) -> None:
    add_music(qtbot, tab, picker, music)
    play_row(qtbot, tab, "morning rain")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not tab.player.is_playing())
    start = tab.player.position()
    qtbot.keyClick(tab.table, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: tab.player.position() >= start + 4000, timeout=5000)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    qtbot.waitUntil(tab.player.is_playing)


def test_corrupt_and_missing_files_get_messages(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, tmp_path: Path, store: Store
) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "broken.mp3").write_bytes(b"\x00\x01 definitely not audio " * 500)
    gone = make_wav(folder / "gone soon.wav", seconds=2)
    add_music(qtbot, tab, picker, folder)
    assert count_tracks(store) == 2
    tab.play_track(next(t for t in tracks_page(store) if t.title == "broken"))
    qtbot.waitUntil(
        lambda: (
            "could not be played" in tab.message.text() or "could not open" in tab.message.text()
        ),
        timeout=10_000,
    )
    gone.unlink()
    track = next(t for t in tracks_page(store) if t.title == "gone soon")
    assert not tab.play_track(track)
    assert "not there any more" in tab.message.text()
    assert next(t for t in tracks_page(store) if t.title == "gone soon").missing
    assert "(missing)" in " ".join(
        tab.model.index(r, 0).data() for r in range(tab.model.rowCount())
    )
    assert count_tracks(store) == 2  # marked, not dropped


def test_a_web_address_is_refused(qtbot: QtBot, player: Player) -> None:
    with qtbot.waitSignal(player.problem) as said:
        assert not player.load("https://example.org/song.mp3")
    assert "files on this computer only" in said.args[0]
    assert player.path is None


def test_before_and_after_taps_are_kept(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    add_music(qtbot, tab, picker, music)
    play_row(qtbot, tab, "morning rain")
    assert "Before" in tab.mood_label.text()
    grid = tab.mood_grid
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.point_for(0.5, -0.5).toPoint())
    assert tab.track is not None
    [(moment, pleasant, energy)] = moods_for_track(store, tab.track.id)
    assert moment == "before"
    assert pleasant == pytest.approx(0.5, abs=0.05) and energy == pytest.approx(-0.5, abs=0.05)
    with qtbot.waitSignal(tab.player.track_ended, timeout=15_000):
        pass
    assert "After" in tab.mood_label.text()
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert [m[0] for m in moods_for_track(store, tab.track.id)] == ["before", "after"]
