"""The Together tab as people at one screen use it: each half's own keys, the fake clock moving
time, and what is shown, said to screen readers, and stored."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.settings import MemoryBackend, Settings
from desktop.store import Store
from desktop.store.timeline import search_everything
from desktop.store.together import all_records
from desktop.together import circle as circle_logic
from desktop.together import pair as pair_logic
from desktop.together import touch as touch_logic
from desktop.together.page_parts import TogetherParts
from desktop.together.tab import TogetherTab
from desktop.together.widgets import TalkingPiece
from tests.helpers import FakeClock


class FakePacer:
    """Stands in for Breathe's pacer: a plain widget that remembers what it was asked."""

    def __init__(self) -> None:
        self.box = QWidget()
        self.box.setObjectName("fake_pacer")
        self.box.setAccessibleName("Breathing pacer")
        self.box.setMinimumSize(120, 120)
        self.calls: list[tuple[str, float]] = []

    def widget(self) -> QWidget:
        return self.box

    def start(self, seconds: float) -> None:
        self.calls.append(("start", seconds))

    def pause(self) -> None:
        self.calls.append(("pause", 0))

    def resume(self) -> None:
        self.calls.append(("resume", 0))

    def stop(self) -> None:
        self.calls.append(("stop", 0))

    @property
    def running(self) -> bool:
        starts = [i for i, (name, _) in enumerate(self.calls) if name == "start"]
        stops = [i for i, (name, _) in enumerate(self.calls) if name == "stop"]
        return bool(starts) and (not stops or stops[-1] < starts[-1])


class FakeTone:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


@pytest.fixture
def pacer() -> FakePacer:
    return FakePacer()


@pytest.fixture
def tone() -> FakeTone:
    return FakeTone()


@pytest.fixture
def backend() -> MemoryBackend:
    return MemoryBackend()


@pytest.fixture
def make_tab(
    qtbot: QtBot,
    store: Store,
    clock: FakeClock,
    pacer: FakePacer,
    tone: FakeTone,
    backend: MemoryBackend,
) -> Iterator[Callable[..., TogetherTab]]:
    made: list[TogetherTab] = []

    def make(size: tuple[int, int] = (1100, 760), reduced_motion: bool = False) -> TogetherTab:
        parts = TogetherParts(
            store,
            Settings(backend),
            clock,
            pacer=lambda: pacer,
            tone=lambda: tone,
            rng=random.Random(3),
            reduced_motion=reduced_motion,
        )
        tab = TogetherTab(parts)
        qtbot.addWidget(tab)
        tab.resize(*size)
        tab.show()
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
        made.append(tab)
        return tab

    yield make
    for tab in made:
        tab.prepare_to_close()


def key(qtbot: QtBot, name: str) -> None:
    """A key pressed wherever the keyboard focus is, as a person at the screen would."""
    focused = QApplication.focusWidget()
    assert focused is not None, f"nothing has the focus for {name!r}"
    keys = {
        "Esc": Qt.Key.Key_Escape,
        "Space": Qt.Key.Key_Space,
        "Enter": Qt.Key.Key_Return,
        "Tab": Qt.Key.Key_Tab,
    }
    code = keys.get(name) or getattr(Qt.Key, f"Key_{name}")
    qtbot.keyClick(focused, code)


def advance(tab: TogetherTab, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    for page in tab.practices():
        page.tick()


def open_pair(qtbot: QtBot, tab: TogetherTab) -> None:
    tab.pair_button.setFocus()
    key(qtbot, "Space")
    assert tab.stack.currentWidget() is tab.pair
    assert QApplication.focusWidget() is tab.pair.setup.begin_button
    key(qtbot, "Space")  # Begin
    assert tab.pair.pair is not None


def texts(tab: TogetherTab, side: int) -> str:
    half = tab.pair.split.halves[side]
    return " ".join(
        w.text() for w in (half.lead, half.message, half.detail, half.note) if w.isVisible()
    )


def buttons(tab: TogetherTab, side: int, page: str = "pair") -> list[str]:
    split = getattr(tab, page).split
    return [b.text() for b in split.halves[side].buttons if b.isVisible()]


def speak_turn(qtbot: QtBot, tab: TogetherTab, first: str) -> None:
    """Start speaking, finish, and say "Yes, that's it", all with the speaker's first key."""
    for _ in range(3):
        key(qtbot, first)


# -- the listening pair -----------------------------------------------------------------------


def test_a_whole_listening_pair_from_both_halves_keys(
    qtbot: QtBot,
    make_tab: Callable[..., TogetherTab],
    clock: FakeClock,
    pacer: FakePacer,
    tone: FakeTone,
    store: Store,
) -> None:
    tab = make_tab()
    page = tab.pair
    open_pair(qtbot, tab)
    pair = page.pair
    assert pair is not None
    left, right = page.split.halves

    # Arrive: a minute of shared breath; each half checks in with its own number keys.
    assert pair.step is pair_logic.Step.ARRIVE
    assert pacer.calls[-1] == ("start", pair_logic.ARRIVE_SECONDS)
    assert page.split.visual.currentWidget() is page.split.pacer_holder
    key(qtbot, "4")  # the left person: 4 of 5
    key(qtbot, "7")  # the right person's second key: 2 of 5
    assert (pair.halves[0].before, pair.halves[1].before) == (4, 2)
    assert left.marks.value() == 4 and right.marks.value() == 2
    advance(tab, clock, pair_logic.ARRIVE_SECONDS)
    assert not pacer.running

    # Who first: the right person takes it.
    assert pair.step is pair_logic.Step.CHOOSE
    assert buttons(tab, 0) == ["I'll speak first  (A)", "Let chance choose  (S)"]
    key(qtbot, "J")
    assert pair.speaker == 1
    assert page.split.status.text() == "Round 1 of 2: Right speaks, Left listens"
    assert page.announced[-1] == "Right, your turn to speak. Left, you listen."
    assert page.split.piece.side == 1

    # The prompt: another one, then start. The left person's keys do nothing for the speaker.
    first_prompt = pair.prompt
    key(qtbot, "S")
    assert pair.prompt == first_prompt and pair.step is pair_logic.Step.PROMPT
    key(qtbot, "K")  # another prompt
    assert pair.prompt != first_prompt and right.message.text() == pair.prompt
    key(qtbot, "J")  # start speaking
    assert pair.step is pair_logic.Step.SPEAK
    assert page.split.visual.currentWidget() is page.split.ring
    advance(tab, clock, 45)
    assert page.split.ring.progress == pytest.approx(0.5)
    assert not any(ch.isdigit() for ch in page.split.ring.accessibleDescription())
    advance(tab, clock, 45)
    assert tone.played == 1
    assert "Finish your sentence" in right.message.text()
    advance(tab, clock, 20)  # still finishing: nothing is cut
    assert pair.step is pair_logic.Step.SPEAK and tone.played == 1
    key(qtbot, "J")  # I've finished

    # The mirror: the listener's stem and what to leave out; the speaker's three answers.
    assert pair.step is pair_logic.Step.MIRROR
    assert "What I heard you say is" in texts(tab, 0)
    assert "advice, why-questions, what you think it means" in texts(tab, 0)
    assert buttons(tab, 0) == []
    assert buttons(tab, 1) == [
        "Yes, that's it  (J)",
        "Mostly, let me add  (K)",
        "Not quite  (L)",
    ]
    assert page.announced[-1] == "Left, your turn to say back what you heard."
    key(qtbot, "K")  # Mostly, let me add
    assert pair.step is pair_logic.Step.ADD
    advance(tab, clock, pair_logic.ADD_SECONDS)
    assert tone.played == 2
    key(qtbot, "J")  # finished adding: another mirror
    key(qtbot, "L")  # Not quite: the second loop
    key(qtbot, "J")
    assert buttons(tab, 1) == ["Yes, that's it  (J)", "Good enough for today  (K)"]
    key(qtbot, "K")  # Good enough for today

    # Switch: the talking piece crosses to the left half.
    assert pair.speaker == 0
    assert page.split.piece.side == 0 and page.split.piece.animating
    assert page.announced[-1] == "Left, your turn to speak. Right, you listen."
    assert "With Left" in page.split.piece.accessibleDescription()
    advance(tab, clock, 2)
    assert not page.split.piece.animating
    speak_turn(qtbot, tab, "A")
    speak_turn(qtbot, tab, "J")  # round two
    speak_turn(qtbot, tab, "A")

    # Close: one word each, typed on each half; both keep it.
    assert pair.step is pair_logic.Step.CLOSE
    assert QApplication.focusWidget() is left.word
    qtbot.keyClicks(left.word, "warm")
    left.keep.setFocus()
    key(qtbot, "Space")
    left.word.setFocus()
    key(qtbot, "Enter")  # done, on the left
    assert QApplication.focusWidget() is right.word
    qtbot.keyClicks(right.word, "seen")
    right.marks.setFocus()
    key(qtbot, "Right")
    right.keep.setFocus()
    key(qtbot, "Space")
    right.word.setFocus()
    key(qtbot, "Enter")
    assert tab.pair.stack.currentWidget() is page.end
    [record] = all_records(store)
    assert (record.kind, record.rounds, record.people) == ("listening_pair", 2, 2)
    assert record.words is not None
    assert record.words["words"] == ["warm", "seen"]
    assert record.words["before"] == [4, 2]
    assert record.words["after"] == [None, 1]
    assert "Kept in your timeline" in page.end.kept.text()


@pytest.mark.parametrize("who", ["Q", "P", "Esc"])
def test_a_pause_pressed_by_either_person_pauses_both(
    qtbot: QtBot,
    make_tab: Callable[..., TogetherTab],
    clock: FakeClock,
    pacer: FakePacer,
    who: str,
) -> None:
    tab = make_tab()
    page = tab.pair
    open_pair(qtbot, tab)
    pair = page.pair
    assert pair is not None
    advance(tab, clock, pair_logic.ARRIVE_SECONDS)
    key(qtbot, "A")  # the left person speaks first
    key(qtbot, "A")  # starts speaking
    advance(tab, clock, 30)
    key(qtbot, who)
    assert pair.paused
    assert page.split.status.text().startswith("Paused for both of you")
    assert page.announced[-1].startswith("Paused for both of you")
    assert pacer.calls[-1] == ("start", 60.0)
    assert buttons(tab, 0) == buttons(tab, 1) == []
    key(qtbot, "A")  # nothing moves while paused
    assert pair.step is pair_logic.Step.SPEAK
    advance(tab, clock, 60)
    assert buttons(tab, 0) == ["Carry on  (A)", "End kindly  (S)"]
    assert buttons(tab, 1) == ["Carry on  (J)", "End kindly  (K)"]
    key(qtbot, "J")  # the other person carries on
    assert not pair.paused and pair.step is pair_logic.Step.SPEAK
    assert pair.progress() == pytest.approx(30 / 90)  # the pause took nothing from the turn
    key(qtbot, "P")
    advance(tab, clock, 60)
    key(qtbot, "S")  # end kindly, from the left
    assert pair.step is pair_logic.Step.CLOSE


def _close_after_a_short_pause(qtbot: QtBot, tab: TogetherTab, clock: FakeClock) -> None:
    open_pair(qtbot, tab)
    key(qtbot, "Q")
    advance(tab, clock, 60)
    key(qtbot, "S")  # end kindly


def test_one_tick_of_keep_keeps_nothing(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, store: Store
) -> None:
    tab = make_tab()
    page = tab.pair
    page.setup.options_button.setChecked(True)
    page.name_edits[0].setText("Morwenna")
    _close_after_a_short_pause(qtbot, tab, clock)
    left, right = page.split.halves
    qtbot.keyClicks(left.word, "bluebells")
    qtbot.keyClick(left.keep, Qt.Key.Key_Space)  # the left person ticks Keep
    assert left.keep.isChecked()
    qtbot.keyClick(left.word, Qt.Key.Key_Return)
    assert "Waiting for Right" in texts(tab, 0)
    qtbot.keyClicks(right.word, "sunlight")
    qtbot.keyClick(right.word, Qt.Key.Key_Return)  # the right person does not tick Keep
    row = store.conn.execute(
        "SELECT kind, kept, words, search_text FROM together_sessions"
    ).fetchall()
    assert len(row) == 1
    kind, kept, words, search_text = row[0]
    assert (kind, kept, words) == ("listening_pair", 0, "{}")
    for secret in ("Morwenna", "bluebells", "sunlight"):
        assert secret not in search_text
        assert search_everything(store, secret) == []
    assert page.end.kept.text() == (
        "Your timeline keeps only this: \u201cYou practised listening together\u201d. "
        "Nothing you said."
    )


def test_both_ticks_of_keep_keep_the_words(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, store: Store
) -> None:
    tab = make_tab()
    page = tab.pair
    _close_after_a_short_pause(qtbot, tab, clock)
    for half, word in zip(page.split.halves, ("bluebells", "sunlight"), strict=True):
        qtbot.keyClicks(half.word, word)
        qtbot.keyClick(half.keep, Qt.Key.Key_Space)
        qtbot.keyClick(half.word, Qt.Key.Key_Return)
    [record] = all_records(store)
    assert record.words is not None and record.words["words"] == ["bluebells", "sunlight"]
    assert [i.kind for i in search_everything(store, "bluebells")] == ["listening_pair"]


def test_chance_can_choose_who_speaks_first(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock
) -> None:
    tab = make_tab()
    open_pair(qtbot, tab)
    advance(tab, clock, pair_logic.ARRIVE_SECONDS)
    key(qtbot, "K")  # the right person asks chance
    pair = tab.pair.pair
    assert pair is not None and pair.speaker in (0, 1)
    speaker = pair.speaker
    assert QApplication.focusWidget() is tab.pair.split.halves[speaker].buttons[0]


def test_pausing_while_arriving_breathes_a_fresh_minute_then_arrives_again(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, pacer: FakePacer
) -> None:
    tab = make_tab()
    open_pair(qtbot, tab)
    advance(tab, clock, 20)
    key(qtbot, "P")
    advance(tab, clock, 60)
    key(qtbot, "A")  # carry on
    assert pacer.calls[-1] == ("start", pytest.approx(40))
    pair = tab.pair.pair
    assert pair is not None and pair.step is pair_logic.Step.ARRIVE
    advance(tab, clock, 40)
    assert pair.step is pair_logic.Step.CHOOSE


def test_closing_the_window_mid_practice_keeps_the_shape_only(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, store: Store
) -> None:
    tab = make_tab()
    tab.pair.setup.options_button.setChecked(True)
    tab.pair.name_edits[1].setText("Perpetua")
    open_pair(qtbot, tab)
    advance(tab, clock, pair_logic.ARRIVE_SECONDS)
    tab.prepare_to_close()
    [record] = all_records(store)
    assert record.words is None and record.seconds == pytest.approx(60)
    assert "Perpetua" not in json.dumps(
        store.conn.execute("SELECT * FROM together_sessions").fetchall()
    )


# -- the circle ---------------------------------------------------------------------------------


def test_a_circle_with_passes_and_a_rotating_start(
    qtbot: QtBot,
    make_tab: Callable[..., TogetherTab],
    clock: FakeClock,
    tone: FakeTone,
    store: Store,
) -> None:
    tab = make_tab()
    tab.circle_button.setFocus()
    key(qtbot, "Space")
    page = tab.circle
    page.setup.options_button.setChecked(True)
    page.names_edit.setFocus()
    qtbot.keyClicks(page.names_edit, "Sam, Ana, Lee, Kim")
    page.setup.begin_button.setFocus()
    key(qtbot, "Space")
    circle = page.circle
    assert circle is not None and circle.step is circle_logic.Step.GUIDELINES
    assert "Passing is welcome" in page.seats.centre_text
    key(qtbot, "Space")  # Begin the circle
    assert page.announced[-1] == "Sam, your turn: speak, or pass."
    assert page.seats.accessibleDescription().startswith("Sam holds the talking piece")
    advance(tab, clock, 120)
    assert tone.played == 1 and "Finish your sentence" in page.message.text()
    key(qtbot, "Space")  # Sam has finished
    key(qtbot, "P")  # Ana passes
    assert circle.holder == 2
    key(qtbot, "Space")  # Lee
    key(qtbot, "P")  # Kim passes
    assert circle.step is circle_logic.Step.BETWEEN
    assert page.message.text() == "The next round begins with Ana, going clockwise."
    key(qtbot, "D")  # the other way
    assert page.message.text() == "The next round begins with Kim, going anticlockwise."
    key(qtbot, "Space")  # Begin the round
    holders = []
    for _ in range(4):
        holders.append(circle.holder)
        key(qtbot, "P")  # everyone passes: the round goes by in silence
    assert holders == [3, 2, 1, 0]
    assert circle.step is circle_logic.Step.CLOSE
    assert "in silence" in page.message.text()
    assert QApplication.focusWidget() is page.keep_box
    for button in page.buttons:
        if button.isVisible():
            button.setFocus()
    key(qtbot, "Space")  # Done, nothing kept but the shape
    [record] = all_records(store)
    assert (record.kind, record.people, record.rounds, record.words) == ("circle", 4, 2, None)
    assert "Circle, 4 people, 2 rounds" in page.end.kept.text()


def test_a_circle_keeps_its_words_when_the_group_chooses(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, store: Store
) -> None:
    tab = make_tab()
    tab.open(tab.circle)
    page = tab.circle
    key(qtbot, "Space")  # Begin (three to eight people: the default four)
    key(qtbot, "Space")  # Begin the circle
    key(qtbot, "Esc")  # pause for everyone
    assert page.visual.currentWidget() is page.pacer_holder
    advance(tab, clock, 60)
    assert page.visual.currentWidget() is page.seats  # the minute is over: the circle again
    end = next(b for b in page.buttons if b.action == "end_kindly")
    end.setFocus()
    key(qtbot, "Space")
    key(qtbot, "Space")  # tick Keep
    assert page.words_edit.isVisible() and QApplication.focusWidget() is page.words_edit
    qtbot.keyClicks(page.words_edit, "rain on the window")
    key(qtbot, "Enter")
    [record] = all_records(store)
    assert record.words == {"names": [], "words": "rain on the window"}
    assert record.rounds == 0 and record.people == 4


# -- touch with consent -------------------------------------------------------------------------


def _agree_on_holding_hands(qtbot: QtBot, tab: TogetherTab) -> None:
    tab.touch_button.setFocus()
    key(qtbot, "Space")
    key(qtbot, "Space")  # Begin
    key(qtbot, "4")  # left: holding hands
    key(qtbot, "5")  # left: one warm mug
    key(qtbot, "A")  # that's my answer
    key(qtbot, "9")  # right: holding hands
    key(qtbot, "J")


@pytest.mark.parametrize("stop", ["D", "L", "Esc"])
def test_a_touch_round_stopped_by_either_person(
    qtbot: QtBot,
    make_tab: Callable[..., TogetherTab],
    clock: FakeClock,
    store: Store,
    stop: str,
) -> None:
    tab = make_tab()
    page = tab.touch
    _agree_on_holding_hands(qtbot, tab)
    touch = page.touch
    assert touch is not None and touch.agreed == ("hands",)
    centre = [b.text() for b in page.split.centre_buttons if b.isVisible()]
    assert centre == ["Holding hands", "Sit quietly together"]  # never "one warm mug"
    assert QApplication.focusWidget() is page.split.centre_buttons[0]
    key(qtbot, "Space")
    assert touch.step is touch_logic.Step.ROUND
    assert buttons(tab, 0, "touch") == ["Pause  (A)", "Softer  (S)", "Stop  (D)"]
    assert buttons(tab, 1, "touch") == ["Pause  (J)", "Softer  (K)", "Stop  (L)"]
    assert "change their mind at any time" in page.split.halves[0].detail.text()
    advance(tab, clock, 25)
    key(qtbot, "K")  # softer, from the right
    assert page.split.halves[0].message.text() == "Softer, please."
    advance(tab, clock, touch_logic.SOFTER_SHOWN_SECONDS)
    assert page.split.halves[0].message.text() != "Softer, please."
    key(qtbot, stop)
    assert touch.step is touch_logic.Step.AFTER  # at once
    assert touch.seconds() == pytest.approx(25 + touch_logic.SOFTER_SHOWN_SECONDS)
    key(qtbot, "A")  # left: something I wanted
    key(qtbot, "L")  # right: I'd rather not today
    key(qtbot, "A")  # left: done
    key(qtbot, "J")  # right: done
    [record] = all_records(store)
    assert (record.kind, record.words) == ("touch", None)
    assert "the time you spent together" not in page.end.kept.text()
    assert "Time together with consent" in page.end.kept.text()


def test_a_paused_touch_round_goes_on_only_when_both_are_ready(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock
) -> None:
    tab = make_tab()
    page = tab.touch
    _agree_on_holding_hands(qtbot, tab)
    key(qtbot, "Space")
    touch = page.touch
    assert touch is not None
    key(qtbot, "A")  # left pauses
    assert touch.paused
    assert buttons(tab, 1, "touch") == ["I'm ready to go on  (J)", "Stop  (K)"]
    key(qtbot, "J")  # right is ready
    assert touch.paused
    assert buttons(tab, 1, "touch") == ["Stop  (J)"]
    key(qtbot, "A")  # left is ready too
    assert not touch.paused


def test_touch_not_right_today_offers_other_anchors(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab]
) -> None:
    tab = make_tab()
    tab.open(tab.touch)
    key(qtbot, "Space")  # Begin
    key(qtbot, "1")  # left would be happy with a handshake
    key(qtbot, "A")
    key(qtbot, "K")  # right: none of these today
    page = tab.touch
    centre = [b.text() for b in page.split.centre_buttons if b.isVisible()]
    assert centre == ["Sit quietly together", "Listen to each other", "Share a meal or a drink"]
    assert "handshake" not in page.split.status.text().lower()  # nobody is shown who declined
    page.split.centre_buttons[1].setFocus()
    key(qtbot, "Space")
    assert tab.stack.currentWidget() is tab.pair


def test_quiet_presence_breathes_with_the_pacer(
    qtbot: QtBot,
    make_tab: Callable[..., TogetherTab],
    clock: FakeClock,
    pacer: FakePacer,
    store: Store,
) -> None:
    tab = make_tab()
    tab.open(tab.touch)
    key(qtbot, "Space")
    key(qtbot, "S")  # none of these
    key(qtbot, "K")
    key(qtbot, "Space")  # sit quietly together (the first anchor)
    assert pacer.calls[-1] == ("start", 120)
    advance(tab, clock, 120)
    assert not pacer.running
    key(qtbot, "A")
    key(qtbot, "J")
    key(qtbot, "A")
    key(qtbot, "J")
    [record] = all_records(store)
    assert record.kind == "touch" and record.seconds == pytest.approx(120)


# -- looks and sizes ----------------------------------------------------------------------------


def test_the_talking_piece_fades_with_reduced_motion(qtbot: QtBot, clock: FakeClock) -> None:
    piece = TalkingPiece(clock, reduced_motion=True)
    qtbot.addWidget(piece)
    piece.place(0)
    piece.cross_to(1)
    clock.advance(0.2)
    x, opacity = piece._where()  # type: ignore[misc]
    assert x == 0.25 and opacity < 1  # fading out where it was: no travel across
    clock.advance(0.5)
    x, opacity = piece._where()  # type: ignore[misc]
    assert x == 0.75 and opacity < 1
    clock.advance(1)
    assert piece._where() == (0.75, 1.0) and not piece.animating


@pytest.mark.parametrize("size", [(1100, 760), (683, 740)])
def test_every_step_fits_without_clipping(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock, size: tuple[int, int]
) -> None:
    from tests.ui.test_large_text import clipped

    tab = make_tab(size)
    scroll = tab.verticalScrollBar()

    def fits(where: str) -> None:
        QApplication.processEvents()
        assert clipped(tab) == [], where
        content = tab.widget()
        assert content is not None
        assert content.width() <= tab.viewport().width(), where
        assert not scroll.isVisible() or scroll.maximum() == 0, f"scrolls at {where}"

    fits("home")
    open_pair(qtbot, tab)
    fits("arrive")
    advance(tab, clock, 60)
    key(qtbot, "A")
    fits("prompt")
    key(qtbot, "A")
    key(qtbot, "A")
    fits("mirror")
    key(qtbot, "Q")
    advance(tab, clock, 60)
    fits("pause")
    key(qtbot, "S")
    fits("close")
    tab.open(tab.circle)
    key(qtbot, "Space")
    fits("guidelines")
    key(qtbot, "Space")
    fits("turn")
    tab.open(tab.touch)
    key(qtbot, "Space")
    fits("ask")


def test_a_tab_too_short_for_its_page_scrolls_as_a_whole(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab]
) -> None:
    from PySide6.QtWidgets import QAbstractScrollArea

    tab = make_tab((640, 330))  # shorter than the page it shows, as at large text
    open_pair(qtbot, tab)
    QApplication.processEvents()
    assert tab.verticalScrollBar().maximum() > 0
    inner = [a for a in tab.findChildren(QAbstractScrollArea) if a.isVisibleTo(tab)]
    assert inner == []  # no scroll area inside the scroll area


def test_remembered_choices_and_bad_settings(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], backend: MemoryBackend
) -> None:
    backend.values.update(
        {
            "together/pair_rounds": "lots",  # not a number: the default
            "together/pair_speak": 100,  # between the choices: the nearest
            "together/circle_people": 99,  # out of range: the nearest end
            "together/circle_turn": 50,
            "together/touch_minutes": "3",
        }
    )
    tab = make_tab()
    assert tab.pair.rounds_box.currentData() == pair_logic.DEFAULT_ROUNDS
    assert tab.pair.speak_box.currentData() == 90
    assert tab.circle.people_spin.value() == circle_logic.MAX_PEOPLE
    assert tab.circle.turn_box.currentData() == 60
    assert tab.touch.minutes_box.currentData() == 3
    tab.pair.rounds_box.setCurrentIndex(2)
    assert backend.values["together/pair_rounds"] == 3
    assert not any("name" in key for key in backend.values)  # names are never remembered


def test_tab_reaches_both_halves_in_reading_order(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock
) -> None:
    """Keyboard only: Tab goes through the left half, then the right, and on round."""
    tab = make_tab()
    _close_after_a_short_pause(qtbot, tab, clock)
    left, right = tab.pair.split.halves
    visited = []
    for _ in range(12):
        key(qtbot, "Tab")
        visited.append(QApplication.focusWidget())
    wanted = [left.marks, left.keep, left.buttons[0], right.word, right.marks, right.keep]
    assert visited[: len(wanted)] == wanted
    assert right.buttons[0] in visited and left.word in visited  # and round again


def test_the_clock_is_read_only_while_something_is_timed(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab], clock: FakeClock
) -> None:
    """No ticking while people choose or talk it over: only breaths, soft times and the piece."""
    tab = make_tab()
    page = tab.pair
    open_pair(qtbot, tab)
    assert page.timer.isActive()  # arriving
    advance(tab, clock, 60)
    assert not page.timer.isActive()  # who first
    key(qtbot, "A")
    advance(tab, clock, 2)  # the piece has settled on the left
    assert not page.timer.isActive()  # choosing a prompt
    assert page.split.visual.currentWidget() is page.split.blank
    key(qtbot, "A")
    assert page.timer.isActive()  # speaking
    key(qtbot, "Q")
    advance(tab, clock, 60)
    assert not page.timer.isActive()  # the minute is over: the choice waits
    assert page.split.visual.currentWidget() is page.split.blank  # not the pacer's "the end"
    key(qtbot, "A")  # carry on
    assert page.timer.isActive()
    tab.hide()
    assert not page.timer.isActive()  # and never while nobody can see it


def test_opening_the_options_moves_no_button(
    qtbot: QtBot, make_tab: Callable[..., TogetherTab]
) -> None:
    tab = make_tab()
    for page in tab.practices():
        tab.open(page)
        setup = page.setup  # type: ignore[attr-defined]
        QApplication.processEvents()
        where = [
            b.mapTo(tab, b.rect().topLeft()) for b in (setup.begin_button, setup.options_button)
        ]
        qtbot.mouseClick(setup.options_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert setup.options.isVisible()
        after = [
            b.mapTo(tab, b.rect().topLeft()) for b in (setup.begin_button, setup.options_button)
        ]
        assert after == where


def test_at_640x480_every_step_keeps_its_buttons_in_view(
    qtbot: QtBot, app: Lifecycle, clock: FakeClock
) -> None:
    """In the smallest window each half's buttons, "Pause" among them, show without scrolling:
    nobody should have to scroll to find the way to pause or to say they have finished."""
    from PySide6.QtWidgets import QAbstractButton

    from desktop.shell.calm_style import CalmStyle
    from tests.ui.together_steps import together_steps

    assert app.window is not None
    app.window.resize(640, 480)
    # The calm style (its outlines and padding) comes just after the first paint: measure with it.
    qtbot.waitUntil(lambda: isinstance(QApplication.style(), CalmStyle))
    hidden: list[str] = []
    for step, tab in together_steps(app, clock):
        for _ in range(3):  # a step's layout settles in its scroll area over a few passes
            QApplication.processEvents()
        viewport = tab.viewport()
        page = tab.stack.currentWidget()
        assert page is not None
        for button in page.findChildren(QAbstractButton):
            if not button.isVisibleTo(tab) or not button.isVisible():
                continue
            top = button.mapTo(viewport, button.rect().topLeft())
            bottom = button.mapTo(viewport, button.rect().bottomRight())
            if not (viewport.rect().contains(top) and viewport.rect().contains(bottom)):
                hidden.append(f"{step}: {button.text()!r}")
    assert hidden == [], "\n".join(hidden)


def test_a_touch_answer_is_not_shown_back_on_the_shared_screen(
    app: Lifecycle, clock: FakeClock
) -> None:
    """Both people see the whole screen: once Left has answered how the touch was, nothing on
    the screen says what Left answered, so Right's answer stays Right's own."""
    from PySide6.QtWidgets import QLabel

    from desktop.together.prompts import AFTER_ANSWERS
    from tests.ui.together_steps import together_steps

    answers = set(AFTER_ANSWERS.values())
    for step, tab in together_steps(app, clock):
        if step != "after":
            continue
        left, right = tab.touch.split.halves
        assert left.buttons[0].text().startswith("Done")  # Left has answered, Right not yet
        words = [label.text() for label in left.findChildren(QLabel) if label.isVisible()]
        assert words and not any(answer in text for text in words for answer in answers)
        # Right still has every answer to choose from, all equal.
        shown = {b.text().split("  (")[0] for b in right.buttons if b.isVisible()}
        assert shown == answers
        return
    raise AssertionError("the touch steps never reached an answer")
