"""The Listen tab with real (generated) audio and the one shared player."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.accessible import role_of, spoken
from desktop.app import Lifecycle
from desktop.checkin.body_map import RegionButton
from desktop.listen.player import Player
from desktop.listen.player_controls import PlayerControls
from desktop.listen.scanner import ScanJob
from desktop.listen.seek_bar import Marker
from desktop.listen.tab import ListenTab
from desktop.shell.theme import calm_palette
from desktop.shell.theme_colours import colours, contrast
from desktop.store import Store
from desktop.store.listening import (
    TrackInfo,
    add_tracks,
    count_tracks,
    recent_checkins,
    tracks_page,
)
from desktop.store.moods import moods_for_track
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


def close(a: QColor, b: QColor, within: int = 60) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < within


def showing_controls(root: QWidget) -> list[str]:
    """The controls a person sees in ``root``."""
    from tests.ui.test_accessibility import INTERACTIVE

    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and w.isVisibleTo(root)
        and not w.objectName().startswith("qt_")
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        and not isinstance(w, QScrollBar)
    ]


def titles(tab: ListenTab) -> list[str]:
    """The titles the library shows, top to bottom."""
    tracks = (tab.model.track(row) for row in range(tab.model.rowCount()))
    return [track.title for track in tracks if track is not None]


def add_music(qtbot: QtBot, tab: ListenTab, picker: FakePicker, folder: Path) -> None:
    picker.chosen_folder = folder
    if tab.empty_button.isVisible():
        qtbot.mouseClick(tab.empty_button, Qt.MouseButton.LeftButton)
    else:
        tab.add_more_folder_action.trigger()
    qtbot.waitUntil(lambda: tab.scan is None)


def play_row(qtbot: QtBot, tab: ListenTab, title: str) -> None:
    row = titles(tab).index(title)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.player.is_playing() and tab.player.position() > 300, timeout=10_000)


@needs_sox
def test_an_empty_library_says_one_thing(qtbot: QtBot, tab: ListenTab) -> None:
    assert tab.empty_button.isVisible()
    assert tab.empty_button.text().replace("&", "") == "Add a folder of your music"
    assert showing_controls(tab) == ["QPushButton 'add_first_folder'"]
    assert not tab.mood.isVisible()  # the tap waits for a track
    # A few words say what Listen is for, above the button.
    assert tab.empty_heading.isVisible() and tab.empty_text.isVisible()
    assert "where it lands in your body" in tab.empty_text.text()
    assert tab.empty_text.geometry().bottom() < tab.empty_button.geometry().top()


@needs_sox
def test_add_a_folder_and_see_tags(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    assert tab.empty_page.isVisibleTo(tab)
    add_music(qtbot, tab, picker, music)
    assert count_tracks(store) == 4
    shown = {
        tuple(tab.model.index(r, c).data() for c in range(3)) for r in range(tab.model.rowCount())
    }
    assert ("River", "Ana Lund", "Water") in shown
    assert ("morning rain", "", "") in shown  # a WAV without tags is named after its file
    assert tab.model.index(0, 3).data() == "0:06"
    assert "Read 4 files" in tab.message.text()
    assert not tab.empty_page.isVisibleTo(tab)
    assert tab.table.isVisible() and tab.controls.isVisible()
    qtbot.keyClicks(tab.filter_edit, "ana wat")
    assert sorted(titles(tab)) == ["Hum", "River"]


@needs_sox
def test_before_a_track_only_play_shows_and_it_stays_put(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path
) -> None:
    add_music(qtbot, tab, picker, music)
    controls = tab.controls
    assert controls.play_button.isVisible()
    waiting = [controls.previous_button, controls.next_button, controls.seek_bar, controls.volume]
    assert not any(part.isVisible() for part in waiting)
    assert not tab.quick_nothing_button.isVisible()  # nothing listened to yet
    where = controls.play_button.mapTo(tab, controls.play_button.rect().topLeft())
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)  # the first track
    qtbot.waitUntil(lambda: tab.player.is_playing(), timeout=10_000)
    assert all(part.isVisible() for part in waiting)
    assert tab.quick_nothing_button.isVisible()
    assert controls.play_button.mapTo(tab, controls.play_button.rect().topLeft()) == where


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


def fits(tab: ListenTab, widget: QWidget) -> bool:
    """``widget`` is on screen, whole, and the step it is in needs no scrolling."""
    window = tab.window()
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    steps = tab.panel.step_area
    if steps.isAncestorOf(widget):
        viewport = steps.viewport()
        in_view = widget.mapTo(viewport, QPoint(0, 0))
        inside = inside and viewport.rect().contains(QRect(in_view, widget.size()))
    return widget.isVisible() and inside and steps.verticalScrollBar().maximum() == 0


def click_region(qtbot: QtBot, tab: ListenTab, region: str) -> None:
    body = tab.panel.body_map
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=body.region_centre(region).toPoint())


@pytest.mark.parametrize("size", [(800, 600), (1100, 760)])
def test_check_in_in_three_steps_in_the_window(
    qtbot: QtBot, app: Lifecycle, music: Path, size: tuple[int, int]
) -> None:
    window, store = app.window, app.store
    assert window is not None and store is not None
    window.resize(*size)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.show_page("listen")
    assert isinstance(tab, ListenTab)
    try:
        tab.start_scan([music])
        qtbot.waitUntil(lambda: tab.scan is None, timeout=20_000)
        play_row(qtbot, tab, "morning rain")
        qtbot.waitUntil(lambda: tab.player.position() > 1000, timeout=10_000)
        before = tab.player.position()
        qtbot.mouseClick(tab.checkin_button, Qt.MouseButton.LeftButton)
        after = tab.player.position()
        assert tab.player.is_playing()  # the music goes on
        panel = tab.panel
        assert tab.checkin_page.isVisible() and not tab.table.isVisible()  # it takes the room
        assert "morning rain, at 0:0" in panel.where.text()

        # 1 Where
        assert panel.step_label.text() == "Step 1 of 3: Where"
        assert fits(tab, panel.heading) and fits(tab, panel.save_button)
        assert fits(tab, panel.body_map)
        click_region(qtbot, tab, "chest")
        click_region(qtbot, tab, "hands")
        assert panel.chosen_places.text() == "Marked: Chest, Hands"
        assert panel.body_map.buttons["chest"].isChecked()
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)

        # 2 What it is like, place by place
        assert panel.step_label.text() == "Step 2 of 3: What it is like"
        assert fits(tab, panel.save_button) and fits(tab, panel.own_quality)
        assert [b.text() for b in panel.region_chips if not b.isHidden()] == ["Chest", "Hands"]
        assert panel.region_chips[0].isChecked()
        assert panel.like_hint.text() == "How does it feel in your chest?"
        qtbot.mouseClick(panel.quality_chips["warm"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.quality_chips["open"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.strength_chips["strong"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.region_chips[1], Qt.MouseButton.LeftButton)
        assert not panel.quality_chips["warm"].isChecked()  # the hands have their own words
        assert panel.strength_chips["clear"].isChecked()
        qtbot.keyClicks(panel.own_quality, "prickly")
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)

        # 3 Anything else
        assert panel.step_label.text() == "Step 3 of 3: Anything else"
        assert fits(tab, panel.save_button) and fits(tab, panel.note)
        assert fits(tab, panel.feelings)
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
        assert not tab.checkin_page.isVisible() and tab.table.isVisible()

        # Its marker on the seek bar, in the accent colour, and there to click.
        [marker] = tab.seek_bar.markers
        assert marker.position_ms == kept.position_ms
        assert "Chest: warm and open, felt strongly" in marker.summary
        centre = tab.seek_bar.marker_centre(marker).toPoint()
        image = tab.seek_bar.grab().toImage()
        accent = tab.seek_bar.palette().color(QPalette.ColorRole.Highlight)
        assert close(image.pixelColor(centre), accent)
        qtbot.waitUntil(
            lambda: tab.player.position() > (kept.position_ms or 0) + 500, timeout=10_000
        )
        qtbot.mouseClick(tab.seek_bar, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.waitUntil(
            lambda: abs(tab.player.position() - (kept.position_ms or 0)) < 400, timeout=5_000
        )

        # Opened again: a fresh check-in, at the top, its heading in sight.
        qtbot.keyClick(tab.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert panel.step == 0 and panel.chosen_places.text() == ""
        assert fits(tab, panel.heading)
        assert tab.panel.step_area.verticalScrollBar().value() == 0
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        tab.prepare_to_close()
    # The check-in joins the journal's timeline and search.
    assert TimelinePager(store, kinds=["checkin"]).next_page(10)[0].uid == kept.uid
    assert [i.uid for i in search_everything(store, "cello")] == [kept.uid]


def test_a_marker_reads_in_dark_mode_too(qtbot: QtBot, tab: ListenTab) -> None:
    bar = tab.seek_bar
    bar.setPalette(calm_palette(dark=True))
    bar.set_duration(120_000)
    bar.set_markers([Marker(60_000, "1:00: warm")])
    image = bar.grab().toImage()
    centre = bar.marker_centre(bar.markers[0]).toPoint()
    assert close(image.pixelColor(centre), QColor(colours(True)["highlight"]))
    assert contrast(colours(True)["highlight"], colours(True)["window"]) >= 3


def test_choosing_a_place_moves_nothing(qtbot: QtBot, tab: ListenTab) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = tab.panel
    parts = (panel.next_button, panel.save_button, panel.nowhere_button, panel.body_map)
    where = [w.mapTo(tab, QPoint(0, 0)) for w in parts]
    sizes = [w.size() for w in parts]
    click_region(qtbot, tab, "upper_back")
    click_region(qtbot, tab, "shoulders")
    assert "Upper back" in panel.chosen_places.text()
    assert [w.mapTo(tab, QPoint(0, 0)) for w in parts] == where
    assert [w.size() for w in parts] == sizes


def test_nowhere_in_particular_goes_on_to_the_words(
    qtbot: QtBot, tab: ListenTab, store: Store
) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = tab.panel
    click_region(qtbot, tab, "belly")
    qtbot.mouseClick(panel.nowhere_button, Qt.MouseButton.LeftButton)
    assert panel.marks() == () and panel.chosen_places.text() == ""
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.step == 2  # nothing marked: no place to describe
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.step == 0
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    [kept] = recent_checkins(store)
    assert kept.nothing_concrete  # "nowhere in particular", and nothing more: also an answer


def test_body_regions_are_toggle_buttons_for_screen_readers_and_keys(
    qtbot: QtBot, tab: ListenTab
) -> None:
    tab.open_checkin()
    body = tab.panel.body_map
    chest = body.buttons["chest"]
    assert chest.accessibleName() == "Chest" and chest.isCheckable()
    assert role_of(chest) in (QAccessible.Role.Button, QAccessible.Role.CheckBox)
    body.setFocus()
    first = QApplication.focusWidget()
    assert isinstance(first, RegionButton)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = QApplication.focusWidget()
    assert isinstance(second, RegionButton) and second is not first
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert second.isChecked() and second.key in tab.panel.marks()[0].region


def test_every_button_is_named_by_the_words_it_shows(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path
) -> None:
    """No two buttons share a name when they read differently on screen."""
    add_music(qtbot, tab, picker, music)
    for opened in (False, True):
        if opened:
            tab.open_checkin()
        names: dict[str, str] = {}
        for button in tab.findChildren(QAbstractButton):
            if not button.isVisibleTo(tab) or not button.text():
                continue
            text = button.text().replace("&", "").rstrip("\u2026")
            assert text in button.accessibleName(), (text, button.accessibleName())
            assert names.setdefault(button.accessibleName(), text) == text, button.accessibleName()


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
    assert tab.quick_nothing_button.accessibleName() == "I just listened"


def test_a_check_in_stays_with_the_track_it_was_opened_on(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, tmp_path: Path, store: Store
) -> None:
    """The check-in notes the track and the moment when it opens ("morning rain, at 0:01"):
    moving on to the next track while answering (the player stays below) must not move the
    check-in to that track, at the first one's moment."""
    folder = tmp_path / "two"
    folder.mkdir()
    make_wav(folder / "a_first.wav", seconds=6)
    make_wav(folder / "b_second.wav", seconds=6)
    add_music(qtbot, tab, picker, folder)
    play_row(qtbot, tab, "a first")
    qtbot.mouseClick(tab.checkin_button, Qt.MouseButton.LeftButton)
    assert tab.panel.where.text().startswith("a first, at ")
    qtbot.mouseClick(tab.controls.next_button, Qt.MouseButton.LeftButton)
    assert tab.track is not None and tab.track.title == "b second"
    click_region(qtbot, tab, "chest")
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    [kept] = recent_checkins(store)
    assert kept.track_title == "a first"
    first = next(t for t in tracks_page(store) if t.title == "a first")
    assert kept.track_id == first.id
    assert tab.seek_bar.markers == []  # none on the track playing now


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


def test_the_grid_shows_before_and_after_a_track_with_its_dot(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, music: Path, store: Store
) -> None:
    assert not tab.mood.isVisible()  # no music, no grid
    add_music(qtbot, tab, picker, music)
    assert not tab.mood.isVisible()  # music, but no track yet
    play_row(qtbot, tab, "morning rain")
    assert tab.mood.isVisible() and tab.mood.title.text() == "Before this track\u2026"
    skip = tab.mood.skip_button
    assert skip.isFlat() and skip.width() < tab.mood.width() / 3  # a small text button
    grid = tab.mood_grid
    point = grid.point_for(0.5, -0.5).toPoint()
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=point)
    assert tab.track is not None
    [(moment, pleasant, energy)] = moods_for_track(store, tab.track.id)
    assert moment == "before"
    assert pleasant == pytest.approx(0.5, abs=0.05) and energy == pytest.approx(-0.5, abs=0.05)
    image = grid.grab().toImage()
    accent = grid.palette().color(QPalette.ColorRole.Highlight)
    assert close(image.pixelColor(point), accent)  # the dot, where it was tapped
    assert spoken(grid) == "pleasant, low energy"
    # The dot moves, and the tap with it (one tap, not two).
    target = grid.point_for(-0.5, 0.5).toPoint()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseMove(grid, target)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    [(moment, pleasant, energy)] = moods_for_track(store, tab.track.id)
    assert pleasant == pytest.approx(-0.5, abs=0.05) and energy == pytest.approx(0.5, abs=0.05)
    assert spoken(grid) == "unpleasant, high energy"
    assert skip.text() == "Done"
    qtbot.mouseClick(skip, Qt.MouseButton.LeftButton)
    assert not tab.mood.isVisible()
    with qtbot.waitSignal(tab.player.track_ended, timeout=15_000):
        pass
    assert tab.mood.isVisible() and tab.mood.title.text() == "And now?"
    assert grid.value is None  # a fresh grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert [m[0] for m in moods_for_track(store, tab.track.id)] == ["before", "after"]


def test_the_grid_has_a_label_at_each_edge_and_soft_tints(qtbot: QtBot, tab: ListenTab) -> None:
    tab.mood.ask("before")
    tab.mood.show()
    grid = tab.mood_grid
    image = grid.grab().toImage()
    square = grid._square()
    corners = [
        image.pixelColor(QPoint(int(x), int(y)))
        for x in (square.left() + 10, square.right() - 10)
        for y in (square.top() + 10, square.bottom() - 10)
    ]
    assert len({c.name() for c in corners}) == 4  # four tints, one per corner
    lightness = [c.lightness() for c in corners]
    assert max(lightness) - min(lightness) < 25  # none brighter than another
    for colour in corners:  # none red, none green: no corner reads as good or bad
        hue = colour.hslHue()
        saturation = colour.hslSaturation()
        assert saturation < 90 or not (hue < 20 or hue > 340 or 90 < hue < 150)
    # A label beside each edge: ink to the left, right, above and below the square.
    for x, y in (
        (square.left() - 20, square.center().y()),
        (square.right() + 20, square.center().y()),
        (square.center().x(), square.top() - 8),
        (square.center().x(), square.bottom() + 8),
    ):
        band = [
            image.pixelColor(QPoint(int(x + dx), int(y + dy)))
            for dx in range(-12, 13)
            for dy in range(-4, 5)
        ]
        ink = grid.palette().color(QPalette.ColorRole.WindowText)
        assert any(close(c, ink, 200) for c in band), (x, y)


def test_the_seek_bar_is_a_slider_with_a_value_in_words(qtbot: QtBot, tab: ListenTab) -> None:
    bar = tab.seek_bar
    bar.set_duration(126_000)
    bar.set_position(19_400)
    assert role_of(bar) == QAccessible.Role.Slider
    assert spoken(bar) == "0:19 of 2:06"
    assert spoken(bar, QAccessible.Text.Name) == "Position in the track"


def test_the_player_controls_are_a_view_of_their_own(qtbot: QtBot) -> None:
    controls = PlayerControls()
    qtbot.addWidget(controls)
    with qtbot.waitSignal(controls.play_requested):
        qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    controls.set_playing(True)
    assert controls.play_button.accessibleName() == "Pause"
    with qtbot.waitSignal(controls.pause_requested):
        qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(controls.volume_changed) as volume:
        controls.volume.setValue(40)
    assert volume.args == [pytest.approx(0.4)]
    controls.set_duration(126_000)
    controls.set_position(19_000)
    assert controls.time_label.text() == "0:19 / 2:06"


def write_tags(path: Path, **tags: list[str]) -> Path:
    """Tags with several values each, as some people's files carry them (mutagen writes them)."""
    import mutagen

    audio = mutagen.File(path, easy=True)
    assert audio is not None
    if audio.tags is None:
        audio.add_tags()
    for key, values in tags.items():
        audio.tags[key] = values
    audio.save()
    return path


@needs_sox
def test_tags_as_people_wrote_them(
    qtbot: QtBot, tab: ListenTab, picker: FakePicker, tmp_path: Path
) -> None:
    folder = tmp_path / "album"
    folder.mkdir()
    wav = make_wav(tmp_path / "tone.wav", seconds=1)
    album = ["Night", "Evening", "Morning"]  # the whole album's titles, in every file
    for number, name in enumerate(("01 - Night.ogg", "02 - Evening.ogg", "03_morning.ogg"), 1):
        write_tags(
            convert(wav, folder / name),
            title=album,
            album=["Hours"],
            tracknumber=[f"{number}/3"],
        )
    write_tags(convert(wav, folder / "duet.ogg"), title=["Here", "There"], artist=["Ana", "Ben"])
    write_tags(convert(wav, folder / "birdsong.ogg"), title=["Track 1"], album=["Field"])
    add_music(qtbot, tab, picker, folder)
    shown = [
        (tab.model.index(r, 0).data(), tab.model.index(r, 1).data(), tab.model.index(r, 2).data())
        for r in range(tab.model.rowCount())
    ]
    assert shown == [
        ("Here / There", "Ana, Ben", ""),  # no name to match: both, readably
        ("Track 1", "", "Field"),
        ("Night", "", "Hours"),  # each file its own title, the album in its own order
        ("Evening", "", "Hours"),
        ("Morning", "", "Hours"),
    ]
    qtbot.keyClicks(tab.filter_edit, "birdsong")  # the file's name, not its tags
    assert titles(tab) == ["Track 1"]
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "evening")
    assert titles(tab) == ["Evening"]  # the one file, not all three that list it


def test_before_and_after_without_music_stay_away(qtbot: QtBot, tab: ListenTab) -> None:
    tab.just_listened()
    assert not tab.mood.isVisible()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QWidget:
    """Press a key where the focus is, as a person at the keyboard would; the focus after."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_a_check_in_with_the_keyboard_alone(qtbot: QtBot, tab: ListenTab, store: Store) -> None:
    tab.table.setFocus()
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = tab.panel
    focused = QApplication.focusWidget()
    for _ in range(len(panel.body_map.buttons)):  # the arrows walk the body, region by region
        if isinstance(focused, RegionButton) and focused.key == "chest":
            break
        focused = press(qtbot, Qt.Key.Key_Down)
    assert isinstance(focused, RegionButton) and focused.key == "chest"
    press(qtbot, Qt.Key.Key_Space)
    assert [m.region for m in panel.marks()] == ["chest"]
    while QApplication.focusWidget() is not panel.next_button:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert panel.step == 1
    while QApplication.focusWidget() is not panel.quality_chips["warm"]:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    while QApplication.focusWidget() is not panel.save_button:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    [kept] = recent_checkins(store)
    assert [(m.region, m.qualities) for m in kept.marks] == [("chest", ("warm",))]
    assert QApplication.focusWidget() is tab.checkin_button  # back where the person started


def test_the_check_in_follows_light_and_dark_when_changed(qtbot: QtBot, app: Lifecycle) -> None:
    """View > Appearance while the app runs: the check-in's words and chips change with it."""
    window = app.window
    assert window is not None
    tab = window.show_page("listen")
    assert isinstance(tab, ListenTab)
    window.resize(1100, 760)
    tab.open_checkin()  # built and shown in the light
    app.appearance.set_theme("dark")
    panel = tab.panel
    click_region(qtbot, tab, "chest")
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    dark = calm_palette(dark=True)
    qtbot.waitUntil(  # the page takes the new palette once the event loop has run
        lambda: close(
            panel.heading.grab().toImage().pixelColor(1, 1), dark.color(QPalette.ColorRole.Window)
        )
    )
    for chosen, chip in (
        (False, panel.quality_chips["warm"]),
        (True, panel.strength_chips["clear"]),
    ):
        assert chip.isChecked() == chosen
        image = chip.grab().toImage()
        inside = image.pixelColor(chip.width() // 6, chip.height() // 2)
        role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Base
        assert close(inside, dark.color(role)), (chip.text(), inside.name())
    app.appearance.set_theme("light")


@pytest.mark.parametrize("size", [(800, 560), (640, 480)])
def test_the_check_in_is_never_cut_off_in_a_small_window(
    qtbot: QtBot, app: Lifecycle, size: tuple[int, int], music: Path
) -> None:
    """Where a step cannot fit it scrolls (the body map never: it is drawn smaller); Save, the
    heading and the right edge stay in sight."""
    from tests.ui.test_large_text import clipped

    window = app.window
    assert window is not None and app.store is not None
    add_tracks(app.store, [TrackInfo(str(music / "morning_rain.wav"), "Morning rain")])
    window.resize(*size)
    tab = window.show_page("listen")
    assert isinstance(tab, ListenTab)
    tab.open_checkin()
    panel = tab.panel
    QApplication.processEvents()
    # The body is drawn whole in the room there is: not cut off at the thighs above a scroll
    # that a person asked where they feel something would not think to use.
    assert panel.step_area.verticalScrollBar().maximum() == 0
    assert panel.body_map.height() <= panel.step_area.viewport().height()
    click_region(qtbot, tab, "chest")
    for step in range(3):
        QApplication.processEvents()
        assert panel.step == step
        for widget in (panel.heading, panel.save_button, panel.cancel_button):
            where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            assert widget.isVisible() and window.rect().contains(where), (step, widget)
        assert clipped(panel) == [], step
        if step < 2:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
