"""The Breathe tab with an injected clock, used as a person would: one line at rest, only the
pacer and the way out while breathing, everything else one step away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import (
    PacerWidget,
    accent_colour,
    frame_period_ms,
    next_tick,
)
from desktop.breathe.patterns import custom_pattern
from desktop.breathe.tab import BreatheTab
from desktop.checkin.feelings_picker import Chip
from desktop.checkin.settled_panel import SettledPanel
from desktop.look import TOUCH
from desktop.settings import BREATHE_CHECKIN, BREATHE_LENGTH, BREATHE_UNIT, Settings
from desktop.shell.pages import Tabs
from desktop.shell.theme import calm_palette
from desktop.store import Store
from desktop.store.breathing import (
    StoredPattern,
    list_patterns,
    recent_sessions,
    save_pattern,
)
from desktop.store.timeline import TimelinePager
from tests.conftest import StartApp
from tests.helpers import FakeClock, FakeTones, near, shown


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


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName()} is not showing"
    if isinstance(widget, QCheckBox):  # on the box itself, as a person aims
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open a combo box with a click and click the item whose words start with ``text``."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    rect = view.visualRect(combo.model().index(row, 0))
    # The pointer moves to the item first (a click at once after opening is taken as the
    # end of the click that opened it, as Qt does for a person).
    qtbot.mouseMove(view.viewport(), rect.center() + QPoint(0, 1))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == row


def start(qtbot: QtBot, tab: BreatheTab) -> None:
    click(qtbot, tab.start_button)
    assert tab.session is not None and tab.session.running


def open_options(qtbot: QtBot, tab: BreatheTab) -> None:
    click(qtbot, tab.options_button)
    assert tab.options.isVisible()


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


def showing_controls(tab: BreatheTab) -> list[str]:
    """Every control a person sees on the tab: buttons, fields, choosers, the pacer."""
    return sorted(
        w.objectName() or type(w).__name__
        for w in tab.findChildren(QWidget)
        if w.isVisible()
        and not w.objectName().startswith("qt_")
        and (
            isinstance(w, (QAbstractButton, QComboBox))
            or bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )
    )


# -- at rest: one decision ----------------------------------------------------------------------


def test_at_rest_five_controls_show_and_while_breathing_three(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    rest = showing_controls(tab)
    assert rest == ["length", "options", "pattern", "start", "your_patterns"]
    assert len(rest) <= 5
    start(qtbot, tab)
    breathing = showing_controls(tab)
    assert breathing == ["enough", "pacer", "pause"]
    assert len(breathing) <= 3
    assert sorted(w.objectName() for w in tab.interactive_widgets()) == breathing


def test_start_with_a_click(qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock) -> None:
    tab = breathe_tab
    assert tab.pacer.words() == ("Ready when you are", "", "Press Space or Start to begin", "")
    start(qtbot, tab)
    assert tab.pacer.hasFocus()  # Space and Escape go to the pacer now
    at(tab, clock, 1.2)
    assert tab.pacer.words()[:3] == ("Breathe in", "4", "4:59 left")
    at(tab, clock, 6.0)
    assert tab.pacer.words()[:3] == ("Breathe out", "4", "4:54 left")


def test_space_starts_after_choosing_a_pattern_with_the_mouse(
    qtbot: QtBot, breathe_tab: BreatheTab
) -> None:
    """The focus is on the chooser after a click; Space there starts, as the screen says."""
    tab = breathe_tab
    choose(qtbot, tab.chooser, "Longer out-breath")
    qtbot.waitUntil(tab.chooser.hasFocus)
    qtbot.keyClick(tab.chooser, Qt.Key.Key_Space)
    assert tab.session is not None and tab.session.running
    assert tab.session.schedule.pattern.key == "longer_out"


def test_space_starts_from_anywhere_on_the_tab(qtbot: QtBot, breathe_tab: BreatheTab) -> None:
    tab = breathe_tab
    click(qtbot, tab.options_button)  # a click here leaves the focus where it was
    click(qtbot, tab.options_button)
    qtbot.keyClick(tab, Qt.Key.Key_Space)  # on the tab itself, a label, the stage
    assert tab.session is not None and tab.session.running
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Space)
    assert tab.session.paused
    assert tab.pause_button.text() == "&Resume"


def test_the_chooser_shows_each_patterns_name_and_a_line(breathe_tab: BreatheTab) -> None:
    chooser = breathe_tab.chooser
    names = [chooser.itemText(i) for i in range(chooser.count())]
    assert names == ["Resonance", "Longer out-breath", "Box", "4-7-8", "Cyclic sigh"]
    assert chooser.current_line() == "Slow and even, 6 breaths a minute"
    lines = [str(chooser.itemData(i, Qt.ItemDataRole.UserRole + 1)) for i in range(5)]
    assert "with holds" in lines[2] and "long hold" in lines[3]
    assert chooser.height() >= 2 * chooser.fontMetrics().height()  # two lines show


def test_holds_show_a_light_headed_note(qtbot: QtBot, breathe_tab: BreatheTab) -> None:
    tab = breathe_tab
    assert not tab.caution.isVisible()
    choose(qtbot, tab.chooser, "4-7-8")
    assert tab.caution.isVisible()
    assert "light-headed" in tab.caution.text()


def test_the_length_stays_when_another_pattern_is_chosen(
    qtbot: QtBot, breathe_tab: BreatheTab, settings: Settings
) -> None:
    tab = breathe_tab
    choose(qtbot, tab.length_box, "3 minutes")
    choose(qtbot, tab.chooser, "Cyclic sigh")
    choose(qtbot, tab.chooser, "Box")
    assert tab.length_box.currentText() == "3 minutes"
    assert (settings.get(BREATHE_UNIT), settings.get(BREATHE_LENGTH)) == ("minutes", 3)


def test_each_length_is_offered_once_and_none_is_longer_than_ten_minutes(
    qtbot: QtBot, tabs: Tabs, settings: Settings
) -> None:
    # A fresh start (the default, 5 minutes) and one remembered from before the list was
    # shortened (15 minutes): each shows once, the remembered one among the others.
    for remembered, expected in ((None, "5 minutes"), (15, "15 minutes")):
        if remembered is not None:
            settings.set(BREATHE_UNIT, "minutes")
            settings.set(BREATHE_LENGTH, remembered)
        tab = tabs.breathe()
        qtbot.addWidget(tab)
        offered = [tab.length_box.itemText(i) for i in range(tab.length_box.count())]
        assert len(offered) == len(set(offered)), offered
        assert tab.length_box.currentText() == expected
        minutes = [text for text in offered if text.endswith(("minute", "minutes"))]
        expected_minutes = ["1 minute", "2 minutes", "3 minutes", "5 minutes", "10 minutes"]
        if remembered is not None:
            expected_minutes.append("15 minutes")
        assert minutes == expected_minutes
        tab.length_box.set_length("minutes", 3)
        tab.length_box.set_length("minutes", 3)
        again = [tab.length_box.itemText(i) for i in range(tab.length_box.count())]
        assert again == offered


def test_a_length_in_breaths(qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock) -> None:
    tab = breathe_tab
    choose(qtbot, tab.length_box, "5 breaths")
    start(qtbot, tab)
    at(tab, clock, 45.0)
    assert tab.pacer.words()[2] == "1 breath left"


# -- while breathing: the pacer and the way out ------------------------------------------------


def test_pause_and_go_on_then_escape_stops(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 10.5)
    click(qtbot, tab.pause_button)
    assert tab.session is not None and tab.session.paused
    assert tab.pacer.words()[0] == "Paused"
    assert not tab.pacer.timer.isActive()  # no repainting while paused
    clock.advance(60)
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Space)
    assert tab.session.running and tab.pacer.timer.isActive()
    clock.advance(4.0)
    tab.pacer.refresh()
    qtbot.keyClick(tab.pause_button, Qt.Key.Key_Escape)  # Escape from anywhere on the tab
    [kept] = recent_sessions(store)
    assert kept.ended_early and kept.actual_seconds == pytest.approx(14.5)
    assert kept.pattern_name == "Resonance"
    assert not tab.pacer.timer.isActive()
    assert tab.start_button.isVisible()  # back at rest
    assert tab.pacer.words()[0] == "Rest a moment"  # a warm, short end


def test_enough_for_now_is_heard_at_once_and_ends_after_the_out_breath(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 12.0)  # breathing in, second breath
    click(qtbot, tab.enough_button)
    # At once, before a frame passes: the words say it was heard, and which out-breath ends it
    # (the person is breathing in: the one that follows).
    assert tab.pacer.words()[2] == "Finishing with the next out-breath"
    assert tab.enough_button.text() == tab.enough_button.accessibleName() == "Finishing gently"
    assert not tab.enough_button.isEnabled() and not tab.pause_button.isVisible()
    assert "Finishing with the next out-breath" in tab.pacer.state_text()
    at(tab, clock, 16.0)  # that out-breath has begun
    assert tab.pacer.words()[:3] == ("Breathe out", "4", "Finishing with this out-breath")
    at(tab, clock, 19.0)
    assert recent_sessions(store) == []  # still breathing out
    at(tab, clock, 20.5)
    [kept] = recent_sessions(store)
    assert (kept.cycles, kept.ended_early, kept.actual_seconds) == (2, True, 20.0)
    assert tab.pacer.words()[:3] == ("Rest a moment", "", "There is no hurry to move on")
    assert "That's the end" not in " ".join(tab.pacer.words())


def test_less_than_one_breath_is_not_kept(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 7.0)  # breathing out, the first breath not yet done
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Escape)
    assert recent_sessions(store) == []
    assert tab.pacer.words()[0] == "Ready when you are"
    start(qtbot, tab)
    at(tab, clock, 10.5)  # one whole breath
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Escape)
    assert len(recent_sessions(store)) == 1


def test_no_box_on_a_click_and_a_soft_ring_for_the_keyboard(
    qtbot: QtBot, breathe_tab: BreatheTab
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    corner = QPoint(6, tab.pacer.height() // 2)  # where a focus frame would be drawn
    background = tab.pacer.palette().window().color()
    qtbot.mouseClick(tab.pacer, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert tab.pacer.hasFocus()
    assert tab.pacer.grab().toImage().pixelColor(corner) == background
    tab.pause_button.setFocus()
    qtbot.keyClick(tab.pause_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(tab.pacer.hasFocus)
    ring = tab.pacer.grab().toImage()
    assert any(ring.pixelColor(x, corner.y()) != background for x in range(2, 8))


def test_the_pacers_state_is_text_for_a_screen_reader(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 1.0)
    assert tab.pacer.accessibleDescription().startswith("Breathe in. 5:00 left.")
    at(tab, clock, 6.0)
    assert tab.pacer.accessibleDescription().startswith("Breathe out.")


def test_rate_change_mid_session_keeps_the_shape(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 7.0)
    before = tab.pacer.shape_radius()
    tab.options.rate_box.setCurrentIndex(tab.options.rate_box.findData(5.5))
    assert tab.session is not None
    assert tab.session.schedule.pattern.inhale == pytest.approx(30 / 5.5)
    assert tab.pacer.shape_radius() == pytest.approx(before)


# -- one step away: options ---------------------------------------------------------------------


def test_options_open_and_a_cue_is_turned_on(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, settings: Settings
) -> None:
    tab = breathe_tab
    assert not tab.options.isVisible()
    open_options(qtbot, tab)
    click(qtbot, tab.options.cues_box)
    assert tab.options.cues_box.isChecked()
    click(qtbot, tab.options.done_button)
    assert not tab.options.isVisible()
    start(qtbot, tab)
    at(tab, clock, 1)
    first = tab.pacer.words()[3]
    assert first.startswith("Notice whether") and "cool" in first
    at(tab, clock, 21)
    assert tab.pacer.words()[3] == first
    at(tab, clock, 31)
    assert tab.pacer.words()[3] != first


def test_options_go_while_breathing_and_escape_closes_them(
    qtbot: QtBot, breathe_tab: BreatheTab
) -> None:
    tab = breathe_tab
    open_options(qtbot, tab)
    assert tab.options.cues_box.hasFocus()  # the keyboard is inside the panel
    qtbot.keyClick(tab.options.cues_box, Qt.Key.Key_Escape)
    assert not tab.options.isVisible() and not tab.options_button.isChecked()
    open_options(qtbot, tab)
    start(qtbot, tab)
    assert not tab.options.isVisible()  # the practice takes the room


def test_the_pattern_options_follow_the_pattern(qtbot: QtBot, breathe_tab: BreatheTab) -> None:
    tab = breathe_tab
    open_options(qtbot, tab)
    assert tab.options.rate_box.isVisible() and not tab.options.gradual_box.isVisible()
    choose(qtbot, tab.chooser, "Longer out-breath")
    assert not tab.options.rate_box.isVisible() and tab.options.gradual_box.isVisible()
    click(qtbot, tab.options.gradual_box)
    assert "growing slowly toward 8" in tab.chooser.current_line()


def test_tones_follow_the_phases(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, tones: FakeTones
) -> None:
    tab = breathe_tab
    choose(qtbot, tab.chooser, "Box")
    open_options(qtbot, tab)
    assert not tab.options.volume.isEnabled()
    click(qtbot, tab.options.tones_box)
    assert tab.options.volume.isEnabled()
    start(qtbot, tab)
    for second in (1, 5, 9, 13, 17):
        at(tab, clock, second)
    assert tones.played == ["in", "hold", "out", "hold", "in"]
    assert tones.volume == pytest.approx(0.5)


def test_scrolling_over_the_options_changes_nothing(qtbot: QtBot, breathe_tab: BreatheTab) -> None:
    from tests.ui.test_look import wheel

    tab = breathe_tab
    open_options(qtbot, tab)
    tab.start_button.setFocus()
    look, volume = tab.options.look_box.currentIndex(), tab.options.volume.value()
    wheel(tab.options.look_box, 3)
    wheel(tab.options.volume, 3)
    assert (tab.options.look_box.currentIndex(), tab.options.volume.value()) == (look, volume)


# -- one step away: your patterns ---------------------------------------------------------------


def test_make_a_pattern_then_delete_it_in_the_dialog(
    qtbot: QtBot, breathe_tab: BreatheTab, store: Store
) -> None:
    tab = breathe_tab
    choose(qtbot, tab.chooser, "Longer out-breath")
    click(qtbot, tab.patterns_button)
    dialog = tab.patterns_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # It opens on the chosen pattern: a new one, starting from its numbers.
    assert "starting from Longer out-breath" in dialog.editor_title.text()
    assert (dialog.fields["inhale"].value(), dialog.fields["exhale"].value()) == (4.0, 6.0)
    labels = [spin.accessibleName() for spin in dialog.fields.values()]
    assert "A second small sip of air on top" in labels  # plain words, not "Top-up (s)"
    qtbot.keyClicks(dialog.name_edit, "Slow evening")
    out = dialog.fields["exhale"]
    out.selectAll()
    qtbot.keyClicks(out, "-3")
    click(qtbot, dialog.save_button)
    assert "cannot be negative" in dialog.message.text()
    assert out.hasFocus() and list_patterns(store) == []
    out.selectAll()
    qtbot.keyClicks(out, "75")
    click(qtbot, dialog.save_button)
    assert "at most 60 seconds" in dialog.message.text()
    out.selectAll()
    qtbot.keyClicks(out, "7")
    click(qtbot, dialog.save_button)
    assert [p.name for p in list_patterns(store)] == ["Slow evening"]
    assert dialog.message.text() == "Kept \u201cSlow evening\u201d."
    assert tab.current_pattern().name == "Slow evening"  # chosen on the tab too
    assert tab.current_pattern().exhale == 7
    # Change it: a rest after the out-breath counts as a hold, and the note shows.
    dialog.fields["hold_out"].selectAll()
    qtbot.keyClicks(dialog.fields["hold_out"], "2")
    click(qtbot, dialog.save_button)
    assert list_patterns(store)[0].hold_out == 2
    assert tab.caution.isVisibleTo(tab)
    click(qtbot, dialog.delete_button)
    assert list_patterns(store) == []
    assert tab.current_pattern().key == "resonance"
    click(qtbot, dialog.put_back_button)  # a slip is mended in one click
    assert [p.name for p in list_patterns(store)] == ["Slow evening"]
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: tab.patterns_dialog is None)


def test_the_dialog_opens_on_the_chosen_pattern_of_your_own(
    qtbot: QtBot, breathe_tab: BreatheTab, store: Store
) -> None:
    save_pattern(store, StoredPattern("Evening", inhale=4, hold_in=0, exhale=7, hold_out=0))
    save_pattern(store, StoredPattern("Morning", inhale=3, hold_in=0, exhale=4, hold_out=0))
    tab = breathe_tab
    choose(qtbot, tab.chooser, "Morning")
    dialog = tab.show_patterns()
    assert dialog.editing() == "Morning"
    assert dialog.name_edit.text() == "Morning"
    assert (dialog.fields["inhale"].value(), dialog.fields["exhale"].value()) == (3.0, 4.0)
    assert dialog.list.currentItem().text() == "Morning"
    dialog.close()


def test_patterns_kept_elsewhere_show_at_once(breathe_tab: BreatheTab, store: Store) -> None:
    """The tab refreshes from the store's signal, whoever wrote (an import, another window)."""
    tab = breathe_tab
    save_pattern(store, StoredPattern("Evening", inhale=4, hold_in=0, exhale=7, hold_out=0))
    names = [tab.chooser.itemText(i) for i in range(tab.chooser.count())]
    assert "Evening" in names
    assert tab.current_pattern().key == "resonance"  # the choice stays where it was


# -- the check-ins ----------------------------------------------------------------------------


@pytest.fixture
def with_checkins(qtbot: QtBot, tabs: Tabs, settings: Settings) -> BreatheTab:
    settings.set(BREATHE_CHECKIN, True)
    return shown(qtbot, tabs.breathe(), 1000, 700)


def test_both_check_ins_answer_in_two_clicks(
    qtbot: QtBot, with_checkins: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = with_checkins
    choose(qtbot, tab.length_box, "5 breaths")
    click(qtbot, tab.start_button)
    before = tab.before_panel
    assert tab.stack.currentWidget() is before
    assert not before.feelings.isVisible()  # words only behind "Add words"
    assert before.low_end.text() == "Not at all" and before.high_end.text() == "Very settled"
    click(qtbot, before.marks[2])  # one
    click(qtbot, before.continue_button)  # two
    assert tab.session is not None and tab.session.running
    at(tab, clock, 49.0)
    assert tab.pacer.words()[2] == "1 breath left"
    at(tab, clock, 50.1)
    after = tab.after_panel
    assert tab.stack.currentWidget() is after
    assert after.group.checkedId() == -1 and not after.continue_button.isEnabled()
    click(qtbot, after.marks[4])
    click(qtbot, after.continue_button)
    [kept] = recent_sessions(store)
    assert (kept.settled_before, kept.settled_after) == (2, 4)
    assert (kept.planned_cycles, kept.cycles, kept.ended_early) == (5, 5, False)
    assert TimelinePager(store, kinds=["breath"]).next_page(10)[0].uid == kept.uid
    assert tab.stack.currentIndex() == 0 and tab.start_button.isVisible()


def ringed(mark: QWidget) -> bool:
    """Whether a soft ring is painted around the mark (outside its circle, inside its box)."""
    image = mark.grab().toImage()
    window = mark.palette().window().color()
    above = range(0, (mark.height() - (TOUCH - 4)) // 2 - 1)  # above the circle and its edge
    return any(image.pixelColor(image.width() // 2, y) != window for y in above)


def test_the_first_answer_has_no_ring_until_the_keyboard_is_used(
    qtbot: QtBot, with_checkins: BreatheTab
) -> None:
    """Started with a click, the question opens with its focus on the first mark and no ring
    around it: a ring there reads as an answer already chosen. Started from the keyboard, the
    ring shows where Space would answer."""
    tab = with_checkins
    click(qtbot, tab.start_button)
    before = tab.before_panel
    assert before.marks[1].hasFocus() and not ringed(before.marks[1])
    click(qtbot, before.skip_button)
    qtbot.waitUntil(lambda: tab.session is not None and tab.session.running)
    qtbot.keyClick(tab.pacer, Qt.Key.Key_Escape)
    qtbot.waitUntil(tab.start_button.isVisible)
    tab.start_button.setFocus()
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Tab)  # finding the way with the keyboard
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(tab.start_button.hasFocus)
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(before.marks[1].hasFocus)
    assert ringed(before.marks[1])


def breathe_to_the_after_check_in(qtbot: QtBot, tab: BreatheTab, clock: FakeClock) -> SettledPanel:
    """Five breaths, the check-in before skipped: the check-in after, as it opens."""
    choose(qtbot, tab.length_box, "5 breaths")
    click(qtbot, tab.start_button)
    click(qtbot, tab.before_panel.skip_button)
    at(tab, clock, 51)
    return tab.after_panel


def test_skip_is_one_click(
    qtbot: QtBot, with_checkins: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = with_checkins
    choose(qtbot, tab.length_box, "1 minute")
    click(qtbot, tab.start_button)
    click(qtbot, tab.before_panel.skip_button)
    at(tab, clock, 61)
    click(qtbot, tab.after_panel.skip_button)
    [kept] = recent_sessions(store)
    assert (kept.settled_before, kept.settled_after, kept.cycles) == (None, None, 6)


def test_words_behind_add_words_and_nothing_moves_when_choosing(
    qtbot: QtBot, with_checkins: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = with_checkins
    panel = breathe_to_the_after_check_in(qtbot, tab, clock)
    marks_at = panel.marks[3].mapTo(panel, QPoint(0, 0))
    continue_at = panel.continue_button.mapTo(panel, QPoint(0, 0))
    click(qtbot, panel.words_button)
    picker = panel.feelings
    assert picker.isVisible()
    QApplication.processEvents()  # the layout settles, as it does before a person's next click
    assert panel.scroll_area.verticalScrollBar().isVisible()  # the page scrolls now...
    # ...and opening the words moved nothing above them, not even sideways.
    assert panel.marks[3].mapTo(panel, QPoint(0, 0)) == marks_at
    assert panel.continue_button.mapTo(panel, QPoint(0, 0)) == continue_at

    def places() -> list[QRect]:
        QApplication.processEvents()
        watched: list[QWidget] = [picker.own_word, picker.add_button, panel.continue_button]
        watched += [c for c in picker.findChildren(Chip) if c.objectName().startswith("word_")]
        return [QRect(w.mapTo(panel, QPoint(0, 0)), w.size()) for w in watched]

    calm, sad = picker.word_button("calm"), picker.word_button("sad")
    assert calm is not None and sad is not None
    before_choosing = places()
    click(qtbot, calm)
    click(qtbot, sad)
    assert places() == before_choosing  # the next click lands where the person aims
    assert sad.isChecked() and calm.isChecked()
    strength = picker.strength_button("sad", 1)
    assert strength is not None and picker.strength_button("sad", 2).isChecked()  # type: ignore[union-attr]
    click(qtbot, strength)  # "a little", changed in place
    qtbot.keyClicks(picker.own_word, "Fizzy")
    qtbot.keyClick(picker.own_word, Qt.Key.Key_Return)
    qtbot.keyClicks(picker.own_word, "calm")
    qtbot.keyClick(picker.own_word, Qt.Key.Key_Return)
    assert "chosen already" in picker.message.text()  # each word once
    assert picker.phrase_label.text() == "calm, with a little sadness, and somewhat fizzy"
    chosen = [
        label.text()
        for label in picker.chosen_box.findChildren(type(picker.message))
        if label.isVisible()
    ]
    assert chosen == ["calm", "sad", "fizzy"]
    click(qtbot, panel.marks[5])
    click(qtbot, panel.continue_button)
    [kept] = recent_sessions(store)
    assert [(f.word, f.intensity) for f in kept.feelings_after] == [
        ("calm", 2),
        ("sad", 1),
        ("fizzy", 2),
    ]


def test_a_word_of_your_own_typed_but_not_added_counts_in_the_check_in(
    qtbot: QtBot, with_checkins: BreatheTab, clock: FakeClock, store: Store
) -> None:
    tab = with_checkins
    panel = breathe_to_the_after_check_in(qtbot, tab, clock)
    click(qtbot, panel.words_button)
    qtbot.keyClicks(panel.feelings.own_word, "Floaty")
    assert panel.continue_button.isEnabled()  # a word is an answer, added or not
    click(qtbot, panel.continue_button)
    [kept] = recent_sessions(store)
    assert [(f.word, f.intensity) for f in kept.feelings_after] == [("floaty", 2)]


def test_the_muted_words_come_first_when_words_open(
    qtbot: QtBot, with_checkins: BreatheTab
) -> None:
    # Most people who open Glimmers feel flat: their words are the first they see, not the
    # sixth family down, below "joyful".
    tab = with_checkins
    click(qtbot, tab.start_button)
    panel = tab.before_panel
    click(qtbot, panel.words_button)
    QApplication.processEvents()
    picker = panel.feelings

    def top(word: str) -> int:
        button = picker.word_button(word)
        assert button is not None and button.isVisible()
        return button.mapTo(panel, QPoint(0, 0)).y()

    assert top("numb") == top("foggy") < top("calm") < top("joyful")
    assert (
        panel.scroll_area.viewport()
        .rect()
        .contains(
            picker.word_button("numb").mapTo(panel.scroll_area.viewport(), QPoint(0, 0))  # type: ignore[union-attr]
        )
    )


def test_typing_on_the_words_goes_to_your_own_word(qtbot: QtBot, with_checkins: BreatheTab) -> None:
    tab = with_checkins
    click(qtbot, tab.start_button)
    panel = tab.before_panel
    click(qtbot, panel.words_button)
    calm = panel.feelings.word_button("calm")
    assert calm is not None
    click(qtbot, calm)
    qtbot.keyClicks(calm, "w")
    assert panel.feelings.own_word.hasFocus()
    assert panel.feelings.own_word.text() == "w"


# -- the pacer's painting -----------------------------------------------------------------------


def test_the_shape_grows_on_the_in_breath_and_shrinks_on_the_out(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    start(qtbot, tab)
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


def ink_rows(pacer: PacerWidget) -> dict[int, tuple[int, int]]:
    """Each row of the pacer with text-coloured pixels: (leftmost, rightmost) of them."""
    image = pacer.grab().toImage()
    ink = pacer.palette().color(QPalette.ColorRole.WindowText)
    rows: dict[int, tuple[int, int]] = {}
    for y in range(image.height()):
        xs = [x for x in range(image.width()) if near(image.pixelColor(x, y), ink, 60)]
        if xs:
            rows[y] = (min(xs), max(xs))
    return rows


def test_on_a_small_stage_the_words_fit_the_shape_and_what_is_left_shows(
    qtbot: QtBot, clock: FakeClock
) -> None:
    """Together lends the pacer a short strip (at 640x480 about 600x140): the phase word at the
    pacer's full size covered the shape it names, and "1:00 left" fell below the strip."""
    pacer = PacerWidget()
    qtbot.addWidget(pacer)
    pacer.resize(600, 140)
    pacer.show()
    even = custom_pattern("even", inhale=5, hold_in=0, exhale=5, hold_out=0)
    session = BreathSession(even, clock, minutes=1)
    session.start()
    pacer.set_session(session)
    clock.set(session.started_at + 4.0)  # type: ignore[operator]
    pacer.refresh()
    rows = ink_rows(pacer)
    largest = min(600, 140) * 0.36
    centre_y = 140 * 0.44
    words = {y: span for y, span in rows.items() if y < centre_y + largest}
    below = {y: span for y, span in rows.items() if y > centre_y + largest}
    assert words and below  # the phase word and countdown, and "1:00 left" under the shape
    widest = max(right - left for left, right in words.values())
    assert widest <= 2 * largest  # "Breathe in" no wider than the shape at its fullest
    assert max(below) < pacer.height()
    assert pacer.words()[2] == "0:56 left"


def ring_pixel(tab: BreatheTab, clock_position: str) -> QColor:
    pacer = tab.pacer
    largest = min(pacer.width(), pacer.height()) * 0.36
    cx, cy = pacer.width() / 2, pacer.height() * 0.44
    x, y = (cx + largest, cy) if clock_position == "3" else (cx - largest, cy)
    return pacer.grab().toImage().pixelColor(int(x), int(y))


def choose_look(tab: BreatheTab, look: str) -> None:
    tab.options.look_box.setCurrentIndex(tab.options.look_box.findData(look))


def test_ring_fills_instead_of_moving(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    choose_look(tab, "ring")
    start(qtbot, tab)
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
    choose_look(tab, "glow")
    start(qtbot, tab)
    at(tab, clock, 0.1)
    dim = shape_pixel(tab, 0.9)
    at(tab, clock, 5.0)
    bright = shape_pixel(tab, 0.9)
    assert is_shape(bright, tab)
    assert bright.saturation() > dim.saturation()  # the same place, only stronger


def test_words_only_draws_no_shape(qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock) -> None:
    tab = breathe_tab
    choose_look(tab, "text")
    start(qtbot, tab)
    at(tab, clock, 5.0)
    assert not is_shape(shape_pixel(tab, 0.3), tab)
    assert tab.pacer.words()[0] == "Breathe out"


def test_reduced_motion_preference_picks_the_ring(
    qtbot: QtBot, tabs: Tabs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLIMMERS_REDUCED_MOTION", "1")
    tab = shown(qtbot, tabs.breathe(), 1000, 700)
    assert tab.options.look_box.currentData() == "ring"
    assert tab.pacer.style_name == "ring"


def test_pacer_timer_only_runs_while_running_and_visible(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    tab = breathe_tab
    assert not tab.pacer.timer.isActive()
    start(qtbot, tab)
    assert tab.pacer.timer.isActive()
    tab.hide()
    assert not tab.pacer.timer.isActive()
    tab.show()
    qtbot.waitUntil(tab.pacer.timer.isActive)
    tab.prepare_to_close()
    assert not tab.pacer.timer.isActive()


def test_the_pacer_paints_at_the_screens_own_rate(qtbot: QtBot, breathe_tab: BreatheTab) -> None:
    assert frame_period_ms(60.0) == pytest.approx(16.667, abs=0.001)
    assert frame_period_ms(144.0) == 8.0  # never more than 125 frames a second
    assert frame_period_ms(0.0) == frame_period_ms(None) == frame_period_ms(60.0)
    start(qtbot, breathe_tab)
    screen = breathe_tab.pacer.screen()
    period = frame_period_ms(screen.refreshRate() if screen else None)
    assert breathe_tab.pacer.timer.interval() == round(period)  # one frame's wait


def test_frames_keep_the_screens_pace_in_whole_millisecond_waits() -> None:
    period = frame_period_ms(60.0)
    now, due, waits = 0.0, 0.0, []
    for _ in range(60):  # each tick wakes the moment its wait is over
        wait, due = next_tick(now, due, period)
        waits.append(wait)
        now += wait
    assert set(waits) == {16, 17}
    assert sum(waits) == pytest.approx(1000, abs=1)  # 60 frames in a second, not 62.5 or 58.8
    wait, late_due = next_tick(due + 3.0, due, period)  # woke 3 ms late: a shorter wait
    assert wait == round(period - 3.0) and late_due == pytest.approx(due + period)
    wait, fresh_due = next_tick(due + 40.0, due, period)  # more than a frame late: afresh
    assert wait == round(period) and fresh_due == pytest.approx(due + 40.0 + period)
    wait, _ = next_tick(due + 12.0, due, period)  # not two frames in one of the screen's
    assert wait == round(period)


def test_each_tick_repaints_every_pixel_it_changes(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tick asks to repaint only part of the pacer; what changes must lie inside that part."""
    tab = breathe_tab
    start(qtbot, tab)
    asked: list[QRect] = []
    monkeypatch.setattr(tab.pacer, "update", lambda area=None: asked.append(area))
    # Growing, at the top, shrinking, and across a change of countdown and of phase.
    for begin, end in ((1.20, 1.25), (2.9, 3.1), (5.95, 6.0), (7.3, 7.32), (9.9, 10.1)):
        at(tab, clock, begin)
        before = tab.pacer.grab().toImage()
        asked.clear()
        at(tab, clock, end)
        after = tab.pacer.grab().toImage()
        region = QRegion()
        for area in asked:
            region += QRegion(area)
        changed = changed_pixels(before, after)
        assert changed, f"nothing moved between {begin} and {end} s"
        outside = [p for p in changed if not region.contains(p)]
        assert outside == [], f"{len(outside)} changed pixels left unpainted, {begin} to {end} s"


def test_a_new_countdown_repaints_the_words_and_the_shape_not_the_whole_stage(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words change a few times a second; the stage around them stays as it was."""
    tab = breathe_tab
    start(qtbot, tab)
    at(tab, clock, 2.9)
    asked: list[QRect] = []
    monkeypatch.setattr(tab.pacer, "update", lambda area=None: asked.append(area))
    at(tab, clock, 3.1)  # the countdown goes from 3 to 2
    assert len(asked) == 1 and asked[0] is not None
    repainted = QRegion(asked[0])
    corners = tab.pacer.rect().adjusted(2, 2, -2, -2)
    for corner in (corners.topLeft(), corners.topRight(), corners.bottomRight()):
        assert not repainted.contains(corner)
    assert repainted.contains(QPoint(tab.pacer.width() // 2, round(tab.pacer.height() * 0.44)))


def painted_afresh(pacer: PacerWidget) -> QImage:
    """What a new pacer showing the same moment paints at its first frame."""
    fresh = PacerWidget(pacer._cues)
    fresh.resize(pacer.size())
    fresh.setPalette(pacer.palette())
    fresh.show_cues = pacer.show_cues
    fresh.set_session(pacer.session)
    try:
        return fresh.grab().toImage()
    finally:
        fresh.deleteLater()


def test_a_held_breath_is_painted_again_only_when_its_words_change(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing moves while the breath is held: the pacer wakes when the countdown changes,
    not at the screen's rate, and repaints the words there, not the shape's edge or the stage.
    What shows is what a fresh pacer paints, full and empty, light and dark."""
    tab = breathe_tab
    choose(qtbot, tab.chooser, "Box")  # in 4, hold 4, out 4, rest 4
    start(qtbot, tab)
    at(tab, clock, 4.2)  # held full, "4" with 3.8 s of the hold left
    assert 800 <= tab.pacer.timer.interval() <= 802  # until "3"
    assert tab.pacer.grab().toImage() == painted_afresh(tab.pacer)
    asked: list[QRect] = []
    monkeypatch.setattr(tab.pacer, "update", lambda area=None: asked.append(area))
    for seconds in (4.3, 4.6, 4.99):
        at(tab, clock, seconds)
    assert asked == []  # the same picture: nothing to paint
    at(tab, clock, 5.01)
    assert len(asked) == 1 and asked[0] is not None
    edge = QPoint(  # at three o'clock
        round(tab.pacer.width() / 2 + tab.pacer.shape_radius()), round(tab.pacer.height() * 0.44)
    )
    assert not asked[0].contains(edge)
    monkeypatch.undo()
    tab.pacer.setPalette(calm_palette(dark=True))
    assert tab.pacer.grab().toImage() == painted_afresh(tab.pacer)
    at(tab, clock, 8.1)  # breathing out: frames at the screen's rate again
    screen = tab.pacer.screen()
    assert tab.pacer.timer.interval() == round(
        frame_period_ms(screen.refreshRate() if screen else None)
    )
    at(tab, clock, 13.0)  # resting, empty
    assert tab.pacer.timer.interval() > 900
    assert tab.pacer.grab().toImage() == painted_afresh(tab.pacer)


def test_the_words_only_look_is_painted_only_when_its_words_change(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no motion there is nothing to paint between the countdown's changes; choosing a
    moving look again while breathing brings the frames back at once."""
    tab = breathe_tab
    open_options(qtbot, tab)
    choose(qtbot, tab.options.look_box, "Words only")
    start(qtbot, tab)
    at(tab, clock, 1.1)
    assert tab.pacer.timer.interval() > 100
    asked: list[QRect] = []
    monkeypatch.setattr(tab.pacer, "update", lambda area=None: asked.append(area))
    at(tab, clock, 1.2)
    at(tab, clock, 1.5)
    assert asked == []
    monkeypatch.undo()
    choose_look(tab, "shape")
    screen = tab.pacer.screen()
    assert tab.pacer.timer.interval() == round(
        frame_period_ms(screen.refreshRate() if screen else None)
    )


@pytest.mark.parametrize("scale", ["1.25", "1.5", "1.75"])
def test_at_a_fractional_scale_every_pixel_is_painted(scale: str) -> None:
    """At 125%, 150% or 175% a logical pixel is not a whole number of the screen's: the
    background must still reach the last device column and row."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    done = subprocess.run(
        [sys.executable, str(root / "tests" / "ui" / "pacer_at_scale.py")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "0"


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
    assert tab.options.look_box.currentData() == "ring"
    assert tab.pacer.style_name == "ring"


def test_switching_to_breathe_puts_the_focus_on_start(qtbot: QtBot, start_app: StartApp) -> None:
    app = start_app()
    window = app.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("journal")
    window.show_page("breathe")
    tab = window.page_content("breathe")
    assert isinstance(tab, BreatheTab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.start_button)


def test_the_pacer_takes_a_new_palette_while_breathing(
    qtbot: QtBot, breathe_tab: BreatheTab, clock: FakeClock
) -> None:
    """Dark chosen mid-session: the stage around the shape is the dark window at the next frame
    (its background is kept between frames, and a palette change must drop it)."""
    tab = breathe_tab
    start(qtbot, tab)
    clock.advance(0.5)
    tab.pacer.refresh()
    corner = QPoint(tab.pacer.width() - 30, tab.pacer.height() // 2)
    light = tab.pacer.palette().window().color()
    assert tab.pacer.grab().toImage().pixelColor(corner) == light
    dark = calm_palette(dark=True)
    tab.pacer.setPalette(dark)
    clock.advance(0.1)
    tab.pacer.refresh()
    seen = tab.pacer.grab().toImage().pixelColor(corner)
    assert seen == dark.color(QPalette.ColorRole.Window) != light
