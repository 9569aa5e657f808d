"""The Breathe tab with an injected clock: the shape, the words, the keys, patterns, sessions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QRegion
from pytestqt.qtbot import QtBot

from desktop.breathe.pacer_widget import accent_colour
from desktop.breathe.tab import BreatheTab
from desktop.settings import BREATHE_CHECKIN, Settings
from desktop.shell.pages import Tabs
from desktop.store import Store
from desktop.store.breathing import (
    StoredPattern,
    StoredSession,
    list_patterns,
    recent_sessions,
    save_pattern,
    save_session,
)
from desktop.store.timeline import TimelinePager
from tests.conftest import StartApp
from tests.helpers import FakeClock, FakeTones, shown


@pytest.fixture(autouse=True)
def no_checkin(settings: Settings) -> None:
    """Most tests here go straight to the pacer; the check-in tests turn it on."""
    settings.set(BREATHE_CHECKIN, False)


def at(tab: BreatheTab, clock: FakeClock, seconds: float) -> None:
    """Move the session's clock to ``seconds`` after it started and let the pacer catch up."""
    assert tab.session is not None
    started = tab.session.started_at
    assert started is not None
    clock.set(started + seconds)
    tab.pacer.refresh()


def shape_pixel(tab: BreatheTab, fraction: float) -> QColor:
    """The colour at ``fraction`` of the largest radius below the shape's centre."""
    pacer = tab.pacer
    image = pacer.grab().toImage()
    largest = min(pacer.width(), pacer.height()) * 0.36
    x, y = pacer.width() / 2, pacer.height() * 0.44 + largest * fraction
    return image.pixelColor(int(x), int(y))


def is_shape(colour: QColor, tab: BreatheTab) -> bool:
    accent = accent_colour(tab.pacer.palette())
    return abs(colour.hue() - accent.hue()) < 25 and colour.saturation() > 25


def test_the_shape_grows_on_the_in_breath_and_shrinks_on_the_out(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Space)  # Start has focus-free Space too
    assert tab.session is not None and tab.session.running
    at(tab, clock, 0.0)
    smallest = tab.pacer.shape_radius()
    assert not is_shape(shape_pixel(tab, 0.7), tab)  # empty lungs: a small shape
    at(tab, clock, 5.0)  # top of the in-breath at 6 a minute
    assert tab.pacer.shape_radius() > 2.5 * smallest
    assert is_shape(shape_pixel(tab, 0.7), tab)
    at(tab, clock, 2.5)
    halfway = tab.pacer.shape_radius()
    assert smallest < halfway < tab.pacer.shape_radius() * 10
    at(tab, clock, 9.99)
    assert not is_shape(shape_pixel(tab, 0.7), tab)


def test_phase_word_countdown_and_time_left(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    assert tab.pacer.words() == ("Ready when you are", "", "Press Space or Start to begin", "")
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 1.2)
    assert tab.pacer.words()[:3] == ("Breathe in", "4", "4:59 left")
    at(tab, clock, 6.0)
    assert tab.pacer.words()[:3] == ("Breathe out", "4", "4:54 left")


def test_space_pauses_and_resumes_escape_stops(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = breathe_tab
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.pacer.hasFocus()
    at(tab, clock, 3.0)
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Space)
    assert tab.session is not None and tab.session.paused
    assert tab.pacer.words()[0] == "Paused"
    assert not tab.pacer.timer.isActive()  # no repainting while paused
    assert tab.start_button.text() == "&Resume"
    clock.advance(60)
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Space)
    assert tab.session is not None and tab.session.running
    assert tab.pacer.timer.isActive()
    clock.advance(4.0)
    tab.pacer.refresh()
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Escape)
    [kept] = recent_sessions(store)
    assert kept.ended_early
    assert kept.actual_seconds == pytest.approx(7.0)
    assert kept.pattern_name == "Resonance"
    assert not tab.pacer.timer.isActive()


def test_enough_for_now_ends_after_the_out_breath(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = breathe_tab
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 12.0)  # breathing in, second breath
    qtbot.mouseClick(tab.enough_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 19.0)
    assert recent_sessions(store) == []  # still breathing out
    at(tab, clock, 20.5)
    [kept] = recent_sessions(store)
    assert (kept.cycles, kept.ended_early, kept.actual_seconds) == (2, True, 20.0)
    assert tab.pacer.words()[0] == "That's the end"


def test_a_whole_session_with_check_ins_is_stored(
    qtbot: QtBot, tabs: Tabs, settings: Settings, clock: FakeClock, store: Store
) -> None:
    settings.set(BREATHE_CHECKIN, True)
    tab = shown(qtbot, tabs.breathe(), 1000, 700)
    tab.unit_box.setCurrentIndex(tab.unit_box.findData("breaths"))
    tab.length_spin.setValue(3)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.before_panel
    qtbot.mouseClick(tab.before_panel.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.before_panel.continue_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is not tab.before_panel
    at(tab, clock, 29.0)
    assert tab.pacer.words()[2] == "1 breath left"
    at(tab, clock, 30.1)
    assert tab.stack.currentWidget() is tab.after_panel
    qtbot.mouseClick(tab.after_panel.buttons[4], Qt.MouseButton.LeftButton)
    word = tab.after_panel.feelings.word_item("calm")
    assert word is not None
    tab.after_panel.feelings.tree.setCurrentItem(word)
    qtbot.keyClick(tab.after_panel.feelings.tree, Qt.Key.Key_Space)
    qtbot.mouseClick(tab.after_panel.continue_button, Qt.MouseButton.LeftButton)
    [kept] = recent_sessions(store)
    assert (kept.settled_before, kept.settled_after) == (2, 4)
    assert [f.word for f in kept.feelings_after] == ["calm"]
    assert (kept.planned_cycles, kept.cycles, kept.ended_early) == (3, 3, False)
    assert "Resonance, 3 breaths" in tab.history.item(0).text()  # as a person would say it
    assert tab.week_label.text() == "This week: 0 minutes of breathing"
    assert TimelinePager(store, kinds=["breath"]).next_page(10)[0].uid == kept.uid


def test_skipping_the_check_ins_is_fine(
    qtbot: QtBot, tabs: Tabs, settings: Settings, clock: FakeClock, store: Store
) -> None:
    settings.set(BREATHE_CHECKIN, True)
    tab = shown(qtbot, tabs.breathe(), 1000, 700)
    tab.length_spin.setValue(1)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.before_panel.skip_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 61)
    qtbot.mouseClick(tab.after_panel.skip_button, Qt.MouseButton.LeftButton)
    [kept] = recent_sessions(store)
    assert (kept.settled_before, kept.settled_after, kept.cycles) == (None, None, 6)
    assert tab.week_label.text() == "This week: 1 minute of breathing"


def test_rate_change_mid_session_keeps_the_shape(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 7.0)
    before = tab.pacer.shape_radius()
    tab.rate_box.setFocus()
    qtbot.keyClick(tab.rate_box, Qt.Key.Key_Up)  # 5.5 a minute
    assert tab.session is not None
    assert tab.session.schedule.pattern.inhale == pytest.approx(30 / 5.5)
    assert tab.pacer.shape_radius() == pytest.approx(before)


def test_custom_patterns_refuse_bad_values_and_save_good_ones(
    qtbot: QtBot, breathe_tab: BreatheTab, store: Store
) -> None:
    tab = breathe_tab
    qtbot.keyClicks(tab.custom_name, "Slow evening")
    out = tab.custom_fields["exhale"]
    out.selectAll()
    qtbot.keyClicks(out, "-3")
    qtbot.mouseClick(tab.save_pattern_button, Qt.MouseButton.LeftButton)
    assert "cannot be negative" in tab.custom_message.text()
    assert list_patterns(store) == []
    out.selectAll()
    qtbot.keyClicks(out, "75")
    qtbot.mouseClick(tab.save_pattern_button, Qt.MouseButton.LeftButton)
    assert "at most 60 seconds" in tab.custom_message.text()
    out.selectAll()
    qtbot.keyClicks(out, "0")
    qtbot.mouseClick(tab.save_pattern_button, Qt.MouseButton.LeftButton)
    assert "more than 0" in tab.custom_message.text()
    out.selectAll()
    qtbot.keyClicks(out, "7")
    qtbot.mouseClick(tab.save_pattern_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in list_patterns(store)] == ["Slow evening"]
    assert tab.current_pattern().name == "Slow evening"
    assert tab.current_pattern().exhale == 7
    # Edit it, then delete it.
    tab.custom_fields["hold_out"].selectAll()
    qtbot.keyClicks(tab.custom_fields["hold_out"], "2")
    qtbot.mouseClick(tab.save_pattern_button, Qt.MouseButton.LeftButton)
    assert list_patterns(store)[0].hold_out == 2
    assert tab.caution.isVisibleTo(tab)  # a rest counts as a hold: the note shows
    qtbot.mouseClick(tab.delete_pattern_button, Qt.MouseButton.LeftButton)
    assert list_patterns(store) == []
    assert tab.current_pattern().key == "resonance"


def test_holds_are_marked_optional_with_a_note(breathe_tab: BreatheTab) -> None:
    tab = breathe_tab
    labels = [tab.pattern_list.item(i).text() for i in range(tab.pattern_list.count())]
    assert labels[:5] == [
        "Resonance",
        "Longer out-breath",
        "Box (optional, with holds)",
        "4-7-8 (optional, with holds)",
        "Cyclic sigh",
    ]
    assert not tab.caution.isVisibleTo(tab)
    tab.pattern_list.setCurrentRow(3)
    assert tab.caution.isVisibleTo(tab)
    assert "light-headed" in tab.caution.text()
    tab.pattern_list.setCurrentRow(4)
    assert tab.length_spin.value() == 5  # the studied dose


def test_tones_follow_the_phases(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, tones: FakeTones
) -> None:
    tab = breathe_tab
    tab.pattern_list.setCurrentRow(2)  # box: in, hold, out, rest
    qtbot.mouseClick(tab.tones_box, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert tab.tones_box.isChecked()
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    for second in (1, 5, 9, 13, 17):
        at(tab, clock, second)
    assert tones.played == ["in", "hold", "out", "hold", "in"]
    assert tones.volume == pytest.approx(0.5)


def test_cues_change_every_few_breaths(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    tab.cues_box.setChecked(True)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 1)
    first = tab.pacer.words()[3]
    assert "cool" in first
    at(tab, clock, 21)
    assert tab.pacer.words()[3] == first
    at(tab, clock, 31)
    assert tab.pacer.words()[3] != first


def ring_pixel(tab: BreatheTab, clock_position: str) -> QColor:
    pacer = tab.pacer
    largest = min(pacer.width(), pacer.height()) * 0.36
    cx, cy = pacer.width() / 2, pacer.height() * 0.44
    x, y = (cx + largest, cy) if clock_position == "3" else (cx - largest, cy)
    return pacer.grab().toImage().pixelColor(int(x), int(y))


def test_ring_fills_instead_of_moving(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    tab.style_box.setCurrentIndex(tab.style_box.findData("ring"))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 1.0)  # a little in: the arc has not reached three o'clock
    empty = ring_pixel(tab, "3")
    at(tab, clock, 5.0)  # full: the whole ring is drawn
    full = ring_pixel(tab, "3")
    assert full.saturation() > empty.saturation() + 20
    assert ring_pixel(tab, "9").saturation() > 20


def test_glow_only_changes_brightness(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    tab.style_box.setCurrentIndex(tab.style_box.findData("glow"))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 0.1)
    dim = shape_pixel(tab, 0.9)
    at(tab, clock, 5.0)
    bright = shape_pixel(tab, 0.9)
    assert is_shape(bright, tab)
    assert bright.saturation() > dim.saturation()  # the same place, only stronger


def test_words_only_draws_no_shape(qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock) -> None:
    tab = breathe_tab
    tab.style_box.setCurrentIndex(tab.style_box.findData("text"))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    at(tab, clock, 5.0)
    assert not is_shape(shape_pixel(tab, 0.3), tab)
    assert tab.pacer.words()[0] == "Breathe out"


def test_reduced_motion_preference_picks_the_ring(
    qtbot: QtBot, tabs: Tabs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "1")
    tab = shown(qtbot, tabs.breathe(), 1000, 700)
    assert tab.style_box.currentData() == "ring"
    assert tab.pacer.style_name == "ring"


def test_pacer_timer_only_runs_while_running_and_visible(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    assert not tab.pacer.timer.isActive()
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.pacer.timer.isActive()
    tab.hide()
    assert not tab.pacer.timer.isActive()
    tab.show()
    qtbot.waitUntil(tab.pacer.timer.isActive)
    tab.prepare_to_close()
    assert not tab.pacer.timer.isActive()


def test_each_tick_repaints_every_pixel_it_changes(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tick asks to repaint only part of the pacer; what changes must lie inside that part."""
    tab = breathe_tab
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    asked: list[QRect] = []
    monkeypatch.setattr(tab.pacer, "update", lambda area=None: asked.append(area))
    # Growing, at the top, shrinking, and across a change of countdown and of phase.
    for start, end in ((1.20, 1.25), (2.9, 3.1), (5.95, 6.0), (7.3, 7.32), (9.9, 10.1)):
        at(tab, clock, start)
        before = tab.pacer.grab().toImage()
        asked.clear()
        at(tab, clock, end)
        after = tab.pacer.grab().toImage()
        region = QRegion()
        for area in asked:
            region += QRegion(area)
        changed = changed_pixels(before, after)
        assert changed, f"nothing moved between {start} and {end} s"
        outside = [p for p in changed if not region.contains(p)]
        assert outside == [], f"{len(outside)} changed pixels left unpainted, {start} to {end} s"


def changed_pixels(a: QImage, b: QImage) -> list[QPoint]:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    changed = []
    bits_a, bits_b, stride = bytes(a.constBits()), bytes(b.constBits()), a.bytesPerLine()
    for y in range(a.height()):
        row_a, row_b = bits_a[y * stride : (y + 1) * stride], bits_b[y * stride : (y + 1) * stride]
        if row_a != row_b:
            changed += [
                QPoint(x, y)
                for x in range(a.width())
                if row_a[4 * x : 4 * x + 4] != row_b[4 * x : 4 * x + 4]
            ]
    return changed


def test_the_desktop_asking_for_less_motion_starts_with_the_ring(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Qt below 6.12 the setting is read from the desktop; here, the person's override."""
    monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "1")
    app = start_app()
    assert app.window is not None
    tab = app.window.show_page("breathe")
    assert isinstance(tab, BreatheTab)
    assert tab.style_box.currentData() == "ring"
    assert tab.pacer.style_name == "ring"


def test_sessions_and_patterns_kept_elsewhere_show_at_once(
    breathe_tab: BreatheTab, store: Store
) -> None:
    """The tab refreshes from the store's signal, whoever wrote (an import, another window)."""
    tab = breathe_tab
    save_session(
        store,
        StoredSession(
            pattern_name="Box",
            pattern={"key": "box"},
            actual_seconds=120,
            cycles=7,
            ended_early=False,
        ),
    )
    assert "Box" in tab.history.item(0).text()
    assert "2 minute" in tab.week_label.text()
    save_pattern(store, StoredPattern("Evening", inhale=4, hold_in=0, exhale=7, hold_out=0))
    names = [tab.pattern_list.item(i).text() for i in range(tab.pattern_list.count())]
    assert "Evening" in names
    assert tab.current_pattern().key == "resonance"  # the choice stays where it was
