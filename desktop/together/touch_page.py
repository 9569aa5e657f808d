"""Touch with consent, at one screen: each person answers on their own half, and Pause, Softer
and Stop are on both halves for every moment of the round. Escape stops it for both."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.controls import named
from desktop.settings import TOGETHER_TOUCH_MINUTES
from desktop.texts import translate
from desktop.together.half import Choice, Option
from desktop.together.page_parts import (
    EndView,
    PracticePage,
    SetupView,
    SplitView,
    TogetherParts,
    remembered,
)
from desktop.together.pair import LEFT, PEOPLE
from desktop.together.prompts import AFTER_ANSWERS, ANCHORS, CHANGE_YOUR_MIND, CONTACTS, shown
from desktop.together.touch import MINUTE_CHOICES, Step, TouchPractice


class TouchPage(PracticePage):
    pair_requested = Signal()  # touch is not right today: the listening pair instead

    def __init__(self, parts: TogetherParts) -> None:
        super().__init__(parts)
        self.setObjectName("touch_page")
        self.touch: TouchPractice | None = None
        self.setup = SetupView(
            translate("TogetherTouch", "Touch, with consent"),
            " ".join(
                (
                    translate("TogetherTouch", "For two people who already trust each other."),
                    translate(
                        "TogetherTouch",
                        "Everyday contact: a handshake, a hand on the shoulder, holding hands.",
                    ),
                    translate(
                        "TogetherTouch",
                        "Each of you says on your own half what you are happy with.",
                    ),
                    translate("TogetherTouch", "Only what you both chose is offered."),
                    translate("TogetherTouch", "Pause, Softer and Stop are there at every moment."),
                )
            )
            + "\n\n"
            + shown(CHANGE_YOUR_MIND),
            self._options(),
            translate("TogetherTouch", "&Begin"),
        )
        self.split = SplitView(parts.clock, parts.reduced_motion)
        self.split.setObjectName("touch_split")
        self.split.piece.hide()
        self.end = EndView()
        for view in (self.setup, self.split, self.end):
            self.stack.addWidget(view)
        self._shown_key: tuple[object, ...] | None = None
        self._breathing = False
        self._breath_paused = False
        self._connect_signals()

    def _options(self) -> QWidget:
        box = QWidget()
        box.setObjectName("touch_options")
        self.minutes_box = named(
            QComboBox(),
            translate("TogetherTouch", "Length of the round"),
            translate("TogetherTouch", "One to three minutes; Stop ends it sooner at any time"),
            object_name="touch_minutes",
        )
        for minutes in MINUTE_CHOICES:
            self.minutes_box.addItem(
                translate("TogetherTouch", "%n minute(s)", None, minutes), minutes
            )
        chosen = remembered(self.parts.settings, TOGETHER_TOUCH_MINUTES, MINUTE_CHOICES)
        self.minutes_box.setCurrentIndex(self.minutes_box.findData(chosen))
        form = QFormLayout(box)
        form.addRow(QLabel(translate("TogetherTouch", "A round")), self.minutes_box)
        return box

    def _connect_signals(self) -> None:
        self.setup.begin_button.clicked.connect(self.begin)
        self.setup.back_button.clicked.connect(self.home_requested)
        self.end.again_button.clicked.connect(self.show_setup)
        self.end.home_button.clicked.connect(self.home_requested)
        self.split.everyone_pressed.connect(self._everyone)
        self.split.centre_pressed.connect(lambda action: self._on_pressed(LEFT, action))
        for half in self.split.halves:
            half.pressed.connect(self._on_pressed)
            half.option_toggled.connect(self._on_option)
            half.keep_toggled.connect(self._on_keep)
        self.minutes_box.currentIndexChanged.connect(
            lambda: self.parts.settings.set(
                TOGETHER_TOUCH_MINUTES, int(self.minutes_box.currentData())
            )
        )

    # -- starting -----------------------------------------------------------------------------

    def show_setup(self) -> None:
        self.stack.setCurrentWidget(self.setup)
        self.setup.begin_button.setFocus()

    def begin(self) -> None:
        self.touch = TouchPractice(self.parts.clock, int(self.minutes_box.currentData()))
        self._shown_key = None
        self._breathing = False
        for person, half in enumerate(self.split.halves):
            half.set_title(
                translate("TogetherTouch", "Left")
                if person == LEFT
                else translate("TogetherTouch", "Right")
            )
        self.stack.setCurrentWidget(self.split)
        self.refresh()

    def running(self) -> bool:
        touch = self.touch
        if touch is None or touch.step not in (Step.ROUND, Step.PRESENCE):
            return False
        return not touch.paused or touch.asking_softer

    # -- presses ------------------------------------------------------------------------------

    def _everyone(self) -> None:
        touch = self.touch
        if touch is not None and touch.step in (Step.ROUND, Step.PRESENCE):
            touch.stop(LEFT)
            self.refresh()

    def _on_option(self, side: int, key: str, on: bool) -> None:
        touch = self.touch
        if touch is None:
            return
        if (key in touch.choices[side]) != on:
            touch.toggle(side, key)
        self.refresh()

    def _on_keep(self, side: int, keep: bool) -> None:
        if self.touch is not None:
            self.touch.set_keep(side, keep)

    def _on_pressed(self, side: int, action: str) -> None:
        touch = self.touch
        if touch is None or self.stack.currentWidget() is not self.split:
            return
        if action == "answered":
            touch.answered(side)
        elif action == "none":
            touch.none_today(side)
        elif action == "change":
            touch.change_my_answer(side)
        elif action.startswith("contact:"):
            touch.begin(action.split(":", 1)[1])
        elif action.startswith("anchor:"):
            anchor = action.split(":", 1)[1]
            touch.choose_anchor(anchor)
            if anchor == "pair":
                self.touch = None
                self.pair_requested.emit()
                return
        elif action == "pause":
            touch.pause(side)
        elif action == "ready":
            touch.ready_to_go_on(side)
        elif action == "softer":
            touch.softer(side)
        elif action == "stop":
            touch.stop(side)
        elif action.startswith("after:"):
            touch.answer_after(side, action.split(":", 1)[1])
        elif action == "done":
            touch.done(side)
        self.refresh()

    # -- time ---------------------------------------------------------------------------------

    def tick(self) -> None:
        touch = self.touch
        if touch is None:
            return
        events = touch.tick()
        if "time_up" in events:
            self.tone()
        softer = touch.asking_softer
        if events or softer != self._shown_key_softer():
            self.refresh()
        elif touch.step is Step.ROUND:
            self.split.show_ring(touch.progress(), self._ring_words(touch))
        self.sync_timer()

    def _shown_key_softer(self) -> bool:
        return bool(self._shown_key and self._shown_key[-1])

    def _ring_words(self, touch: TouchPractice) -> str:
        if touch.paused:
            return translate("TogetherTouch", "Paused")
        return shown(CONTACTS[touch.contact]) if touch.contact else ""

    # -- what is shown ------------------------------------------------------------------------

    def _say(self, status: str) -> None:
        if self.split.say(status):
            self.announce(status, self.split.status)

    def refresh(self) -> None:
        touch = self.touch
        if touch is None:
            return
        if touch.step in (Step.DONE, Step.ELSEWHERE):
            self._finish(touch)
            return
        key = (touch.step, tuple(touch.asked), touch.paused, frozenset(touch.ready),
               tuple(touch.after), tuple(touch.closed), touch.asking_softer)  # fmt: skip
        changed = self._shown_key is None or key[:-1] != self._shown_key[:-1]
        self._shown_key = key
        self._breathe(touch)
        getattr(self, f"_show_{touch.step.value}")(touch)
        if changed:
            self._focus(touch)
        self.sync_timer()

    def _breathe(self, touch: TouchPractice) -> None:
        want = touch.step is Step.PRESENCE
        if want and not self._breathing:
            self.split.show_pacer(self.pacer().widget())
            self.pacer().start(touch.minutes * 60)
            self._breath_paused = False
        elif not want and self._breathing:
            self.stop_pacer()
        self._breathing = want
        if want and self._pacer is not None and touch.paused != self._breath_paused:
            self._breath_paused = touch.paused
            if touch.paused:
                self._pacer.pause()
            else:
                self._pacer.resume()

    def _show_ask(self, touch: TouchPractice) -> None:
        self.split.hide_centre()
        self.split.show_blank()
        self._say(translate("TogetherTouch", "Each of you: what contact are you happy with today?"))
        for person, half in enumerate(self.split.halves):
            if touch.asked[person]:
                half.show_step(
                    message=translate("TogetherTouch", "Thank you."),
                    detail=translate(
                        "TogetherTouch",
                        "Your answer stays on this half until you have both answered.",
                    ),
                    choices=[
                        Choice(
                            "change",
                            translate("TogetherTouch", "Change my answer"),
                            translate("TogetherTouch", "Back to the question, for you"),
                        )
                    ],
                )
                continue
            options = [
                Option(key, shown(label), key in touch.choices[person])
                for key, label in CONTACTS.items()
            ]
            half.show_step(  # the question itself is asked once, above both halves
                message="",
                detail=translate("TogetherTouch", "Choose any, or none. Either is a full answer."),
                options=options,
                choices=[
                    Choice(
                        "answered",
                        translate("TogetherTouch", "That's my answer"),
                        translate("TogetherTouch", "Only what you both chose will be offered"),
                    ),
                    Choice(
                        "none",
                        translate("TogetherTouch", "None of these today"),
                        translate("TogetherTouch", "A full answer; other anchors are offered"),
                    ),
                ],
            )

    def _change_choice(self) -> list[Choice]:
        return [
            Choice(
                "change",
                translate("TogetherTouch", "I've changed my mind"),
                translate("TogetherTouch", "Back to the question, for both of you"),
            )
        ]

    def _show_agreed(self, touch: TouchPractice) -> None:
        self._say(translate("TogetherTouch", "What you are both happy with"))
        buttons = [
            Choice(
                f"contact:{key}",
                shown(CONTACTS[key]),
                translate("TogetherTouch", "Begins a round of {minutes}").format(
                    minutes=translate("TogetherTouch", "%n minute(s)", None, touch.minutes)
                ),
            )
            for key in touch.agreed
        ]
        buttons.append(
            Choice(
                "anchor:presence",
                shown(ANCHORS["presence"][0]),
                shown(ANCHORS["presence"][1]),
            )
        )
        self.split.show_centre(
            translate(
                "TogetherTouch", "You both chose these. Choose one together, or sit quietly."
            ),
            buttons,
        )
        for half in self.split.halves:
            half.show_step(
                message="", detail=shown(CHANGE_YOUR_MIND), choices=self._change_choice()
            )

    def _show_anchors(self, touch: TouchPractice) -> None:
        self._say(translate("TogetherTouch", "Touch is not for today. Other ways to be close:"))
        self.split.show_centre(
            translate(
                "TogetherTouch",
                "Not today is a full answer. The same care can go into something else:",
            ),
            [
                Choice(f"anchor:{key}", shown(title), shown(line))
                for key, (title, line) in ANCHORS.items()
            ],
        )
        for half in self.split.halves:
            half.show_step(
                message="", detail=shown(CHANGE_YOUR_MIND), choices=self._change_choice()
            )

    def _show_round(self, touch: TouchPractice) -> None:
        self.split.hide_centre()
        self.split.show_ring(touch.progress(), self._ring_words(touch))
        contact = shown(CONTACTS[touch.contact])
        if touch.paused:
            self._say(translate("TogetherTouch", "Paused. You go on only when you are both ready."))
        elif touch.asking_softer:
            self._say(translate("TogetherTouch", "Softer, please."))
        else:
            self._say(contact)
        for person, half in enumerate(self.split.halves):
            if touch.paused:
                ready = person in touch.ready
                half.show_step(
                    message=translate("TogetherTouch", "Paused."),
                    detail=(
                        translate("TogetherTouch", "Waiting until you are both ready.")
                        if ready
                        else shown(CHANGE_YOUR_MIND)
                    ),
                    choices=(
                        [
                            Choice(
                                "stop",
                                translate("TogetherTouch", "Stop"),
                                translate("TogetherTouch", "Ends the round now, for both"),
                            )
                        ]
                        if ready
                        else [
                            Choice(
                                "ready",
                                translate("TogetherTouch", "I'm ready to go on"),
                                translate("TogetherTouch", "Goes on when you are both ready"),
                            ),
                            Choice(
                                "stop",
                                translate("TogetherTouch", "Stop"),
                                translate("TogetherTouch", "Ends the round now, for both"),
                            ),
                        ]
                    ),
                )
                continue
            half.show_step(
                message=(
                    translate("TogetherTouch", "Softer, please.")
                    if touch.asking_softer
                    else translate("TogetherTouch", "Stay with what you want or are willing to do.")
                ),
                detail=shown(CHANGE_YOUR_MIND),
                choices=[
                    Choice(
                        "pause",
                        translate("TogetherTouch", "Pause"),
                        translate("TogetherTouch", "Pauses for both of you"),
                    ),
                    Choice(
                        "softer",
                        translate("TogetherTouch", "Softer"),
                        translate("TogetherTouch", "Asks for a lighter touch, on both halves"),
                    ),
                    Choice(
                        "stop",
                        translate("TogetherTouch", "Stop"),
                        translate("TogetherTouch", "Ends the round now, for both"),
                    ),
                ],
            )

    def _show_presence(self, touch: TouchPractice) -> None:
        self.split.hide_centre()
        self._say(translate("TogetherTouch", "Sitting quietly together"))
        for half in self.split.halves:
            half.show_step(
                message=translate("TogetherTouch", "Breathe side by side. No words needed."),
                detail=shown(CHANGE_YOUR_MIND),
                choices=[
                    Choice(
                        "stop",
                        translate("TogetherTouch", "Stop"),
                        translate("TogetherTouch", "Ends this now, for both"),
                    ),
                ],
            )

    def _show_after(self, touch: TouchPractice) -> None:
        self.split.hide_centre()
        self.split.show_blank()
        self._say(translate("TogetherTouch", "Afterwards: each of you, on your own half"))
        for person, half in enumerate(self.split.halves):
            if touch.closed[person]:
                half.show_step(
                    message=translate("TogetherTouch", "Thank you."),
                    detail=translate("TogetherTouch", "Waiting for the other half."),
                )
            elif touch.after[person] is None:
                half.show_step(
                    message=translate("TogetherTouch", "How was that for you?"),
                    detail=translate("TogetherTouch", "Any answer is a good answer."),
                    choices=[
                        Choice(
                            f"after:{key}",
                            shown(label),
                            translate("TogetherTouch", "Your answer, on your half"),
                        )
                        for key, label in AFTER_ANSWERS.items()
                    ],
                )
            else:
                half.show_step(
                    # The answer is not shown again: the other person can see this half.
                    message=translate("TogetherTouch", "Thank you for saying."),
                    keep=touch.keep[person],
                    note=translate(
                        "TogetherTouch",
                        "Kept only if you both tick it. Otherwise the timeline keeps only "
                        "the time you spent together.",
                    ),
                    choices=[
                        Choice(
                            "done",
                            translate("TogetherTouch", "Done"),
                            translate(
                                "TogetherTouch", "You have closed; the other may take their time"
                            ),
                        )
                    ],
                )

    def _focus(self, touch: TouchPractice) -> None:
        if touch.step in (Step.AGREED, Step.ANCHORS):
            first = next((b for b in self.split.centre_buttons if b.isVisible()), None)
            if first is not None:
                first.setFocus()
                return
        waiting = [p for p in PEOPLE if not touch.closed[p] and not touch.asked[p]]
        person = waiting[0] if touch.step is Step.ASK and waiting else LEFT
        if touch.step is Step.AFTER:
            person = next((p for p in PEOPLE if not touch.closed[p]), LEFT)
        target = self.split.halves[person].first_control()
        if target is not None:
            target.setFocus()

    def _finish(self, touch: TouchPractice) -> None:
        self.stop_pacer()
        self._breathing = False
        self.timer.stop()
        self.touch = None
        if touch.step is Step.ELSEWHERE:
            self.end.show_end(
                shown(ANCHORS["meal"][0]) + ".",
                shown(ANCHORS["meal"][1])
                + " "
                + translate("TogetherTouch", "Nothing is kept here."),
            )
        else:
            kept = self.keep_record(touch.record())
            self.end.show_end(translate("TogetherTouch", "Thank you both."), kept)
        self.stack.setCurrentWidget(self.end)
        self.announce(self.end.heading.text())
        self.end.home_button.setFocus()

    def prepare_to_close(self) -> None:
        touch = self.touch
        if touch is not None and touch.length is not None and touch.step is not Step.DONE:
            record = touch.record()
            if record is not None:
                self.keep_record(dataclasses.replace(record, words=None))
            self.touch = None
        super().prepare_to_close()
