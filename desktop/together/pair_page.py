"""The listening pair at one screen: a half for each person, the breath and the soft time above.

The page only shows the pair's state and hands each press to it, naming who pressed.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.controls import named
from desktop.settings import TOGETHER_PAIR_ROUNDS, TOGETHER_PAIR_SPEAK
from desktop.texts import translate
from desktop.together.half import Choice
from desktop.together.page_parts import (
    EndView,
    PracticePage,
    SetupView,
    SplitView,
    TogetherParts,
    minutes_words,
    remembered,
)
from desktop.together.pair import (
    ARRIVE_SECONDS,
    LEFT,
    PEOPLE,
    ROUND_CHOICES,
    SPEAK_CHOICES,
    Answer,
    ListeningPair,
    PairSettings,
    Step,
)
from desktop.together.prompts import PROMPTS, leave_out_line, shown
from desktop.together.soft_time import PAUSE_SECONDS


def _answer_label(answer: Answer) -> str:
    return {
        Answer.YES: translate("TogetherPair", "Yes, that's it"),
        Answer.ADD: translate("TogetherPair", "Mostly, let me add"),
        Answer.NOT_QUITE: translate("TogetherPair", "Not quite"),
        Answer.GOOD_ENOUGH: translate("TogetherPair", "Good enough for today"),
    }[answer]


def _answer_description(answer: Answer) -> str:
    return {
        Answer.YES: translate(
            "TogetherPair", "You were heard; the talking piece goes to the other side"
        ),
        Answer.ADD: translate("TogetherPair", "A little more time to add, then another mirror"),
        Answer.NOT_QUITE: translate(
            "TogetherPair", "Say again what matters most, then another mirror"
        ),
        Answer.GOOD_ENOUGH: translate(
            "TogetherPair", "This is enough for today; the talking piece goes on"
        ),
    }[answer]


class PairPage(PracticePage):
    def __init__(self, parts: TogetherParts) -> None:
        super().__init__(parts)
        self.setObjectName("pair_page")
        self.pair: ListeningPair | None = None
        self.setup = SetupView(
            translate("TogetherPair", "Listen to each other"),
            " ".join(
                (
                    translate("TogetherPair", "For two people at this screen."),
                    translate("TogetherPair", "You breathe together for a minute."),
                    translate(
                        "TogetherPair", "Then one of you speaks briefly about something small."
                    ),
                    translate("TogetherPair", "The other listens and says back what they heard."),
                    translate("TogetherPair", "Then you switch."),
                    translate(
                        "TogetherPair",
                        "Each of you has a half of the screen, and keys on your side.",
                    ),
                )
            ),
            self._options(),
            translate("TogetherPair", "&Begin"),
        )
        self.split = SplitView(parts.clock, parts.reduced_motion)
        self.split.setObjectName("pair_split")
        self.end = EndView()
        for view in (self.setup, self.split, self.end):
            self.stack.addWidget(view)
        for half in self.split.halves:
            half.set_word_prompt(
                translate("TogetherPair", "One word, if you like"),
                translate("TogetherPair", "One word for how it felt to be heard"),
            )
        self._shown_key: tuple[object, ...] | None = None
        self._pacer_for: str | None = None
        self._connect_signals()

    def _options(self) -> QWidget:
        s = self.parts.settings
        box = QWidget()
        box.setObjectName("pair_options")
        self.name_edits: list[QLineEdit] = []
        form = QFormLayout(box)
        for person, (label, spoken) in enumerate(
            (
                (
                    translate("TogetherPair", "Left, if you like"),
                    translate("TogetherPair", "Name of the person on the left"),
                ),
                (
                    translate("TogetherPair", "Right, if you like"),
                    translate("TogetherPair", "Name of the person on the right"),
                ),
            )
        ):
            edit = named(
                QLineEdit(),
                spoken,
                translate("TogetherPair", "Optional; shown on your half"),
                object_name=f"name_{person}",
            )
            edit.setMaxLength(40)
            edit.setPlaceholderText(translate("TogetherPair", "A name, kept only if you say so"))
            self.name_edits.append(edit)
            form.addRow(label, edit)
        self.rounds_box = named(
            QComboBox(),
            translate("TogetherPair", "Rounds each"),
            translate("TogetherPair", "How many times each of you speaks"),
            object_name="pair_rounds",
        )
        for rounds in ROUND_CHOICES:
            label = translate("TogetherPair", "%n round(s) each", None, rounds)
            self.rounds_box.addItem(label, rounds)
        chosen = remembered(s, TOGETHER_PAIR_ROUNDS, ROUND_CHOICES)
        self.rounds_box.setCurrentIndex(self.rounds_box.findData(chosen))
        self.speak_box = named(
            QComboBox(),
            translate("TogetherPair", "Time to speak"),
            translate("TogetherPair", "A soft time: a ring shows it, and nobody is cut off"),
            object_name="pair_speak",
        )
        for seconds in SPEAK_CHOICES:
            self.speak_box.addItem(minutes_words(seconds), seconds)
        chosen = remembered(s, TOGETHER_PAIR_SPEAK, SPEAK_CHOICES)
        self.speak_box.setCurrentIndex(self.speak_box.findData(chosen))
        form.addRow(translate("TogetherPair", "Rounds"), self.rounds_box)
        form.addRow(translate("TogetherPair", "Time to speak"), self.speak_box)
        return box

    def _connect_signals(self) -> None:
        self.setup.begin_button.clicked.connect(self.begin)
        self.setup.back_button.clicked.connect(self.home_requested)
        self.end.again_button.clicked.connect(self.show_setup)
        self.end.home_button.clicked.connect(self.home_requested)
        self.split.everyone_pressed.connect(lambda: self._on_pressed(LEFT, "pause"))
        for half in self.split.halves:
            half.pressed.connect(self._on_pressed)
            half.marked.connect(self._on_marked)
            half.word_edited.connect(self._on_word)
            half.word_entered.connect(lambda side: self._on_pressed(side, "done"))
            half.keep_toggled.connect(self._on_keep)
        self.rounds_box.currentIndexChanged.connect(self._remember)
        self.speak_box.currentIndexChanged.connect(self._remember)

    def _remember(self) -> None:
        self.parts.settings.set(TOGETHER_PAIR_ROUNDS, int(self.rounds_box.currentData()))
        self.parts.settings.set(TOGETHER_PAIR_SPEAK, int(self.speak_box.currentData()))

    # -- starting -----------------------------------------------------------------------------

    def show_setup(self) -> None:
        self.stack.setCurrentWidget(self.setup)
        self.setup.begin_button.setFocus()

    def begin(self) -> None:
        try:
            settings = PairSettings(
                rounds=int(self.rounds_box.currentData()),
                speak_seconds=int(self.speak_box.currentData()),
                names=(self.name_edits[0].text(), self.name_edits[1].text()),
            )
        except ValueError as e:
            self.setup.show_message(str(e))
            return
        self.setup.message.clear()
        prompts = [shown(p) for p in PROMPTS]
        self.pair = ListeningPair(self.parts.clock, settings, prompts, self.parts.rng)
        self._shown_key = None
        self._pacer_for = None
        for number, half in enumerate(self.split.halves):
            half.set_title(self.name(number))
            half.word.clear()
            half.marks.clear()
        self.split.piece.place(None)
        self.stack.setCurrentWidget(self.split)
        self.refresh()
        self.sync_timer()

    def name(self, person: int) -> str:
        names = self.pair.settings.names if self.pair else ("", "")
        if names[person]:
            return names[person]
        return (
            translate("TogetherPair", "Left")
            if person == LEFT
            else translate("TogetherPair", "Right")
        )

    def running(self) -> bool:
        pair = self.pair
        if pair is None or pair.step is Step.DONE:
            return False
        if pair.pause is not None:
            return not pair.pause.breath.told  # until the shared minute is over
        return pair.timer is not None or self.split.piece.animating

    # -- presses ------------------------------------------------------------------------------

    def _on_pressed(self, side: int, action: str) -> None:
        pair = self.pair
        if pair is None or self.stack.currentWidget() is not self.split:
            return
        if action == "pause":
            pair.pause_for_both(side)
        elif action == "first":
            pair.choose_first(side)
        elif action == "chance":
            pair.choose_at_random()
        elif action == "start":
            pair.start_speaking(side)
        elif action == "own":
            pair.start_speaking(side, own_topic=True)
        elif action == "another":
            pair.another_prompt(side)
        elif action == "finished":
            pair.finished_speaking(side)
        elif action in {a.value for a in Answer}:
            pair.answer(side, Answer(action))
        elif action == "carry_on":
            pair.carry_on(side)
        elif action == "end_kindly":
            pair.end_kindly(side)
        elif action == "done":
            self._on_word(side, self.split.halves[side].word.text())
            pair.done(side)
        self.refresh()

    def _on_marked(self, side: int, value: int) -> None:
        pair = self.pair
        if pair is None:
            return
        if pair.step is Step.CLOSE:
            pair.check_in_after(side, value)
        else:
            pair.check_in_before(side, value)

    def _on_word(self, side: int, text: str) -> None:
        if self.pair is None:
            return
        try:
            self.pair.close_word(side, text)
        except ValueError as e:
            self.split.halves[side].detail.setText(str(e))

    def _on_keep(self, side: int, keep: bool) -> None:
        if self.pair is not None:
            self.pair.set_keep(side, keep)

    # -- time ---------------------------------------------------------------------------------

    def tick(self) -> None:
        pair = self.pair
        if pair is None:
            return
        events = pair.tick()
        if "time_up" in events:
            self.tone()
        if events:
            self.refresh()
        else:
            self._show_time()
        if self.split.piece.animating or self.split.piece.side is not None:
            self.split.piece.update()
        self.sync_timer()

    def _show_time(self) -> None:
        pair = self.pair
        if pair is None or pair.paused or pair.step not in (Step.SPEAK, Step.ADD):
            return
        if pair.time_is_up:
            words = translate("TogetherPair", "Finish your sentence")
        elif pair.step is Step.ADD:
            words = translate("TogetherPair", "A little more")
        else:
            words = translate("TogetherPair", "Speaking")
        self.split.show_ring(pair.progress(), words)

    # -- what is shown ------------------------------------------------------------------------

    def refresh(self) -> None:
        pair = self.pair
        if pair is None:
            return
        if pair.step is Step.DONE:
            self._finish()
            return
        self._breathe(pair)
        key = (pair.step, pair.speaker, pair.paused, pair.pause.ready if pair.pause else None,
               pair.loops)  # fmt: skip
        changed = key != self._shown_key
        self._shown_key = key
        if pair.paused:
            self._render_pause(pair)
        else:
            self._render_step(pair)
        if self._pacer_for is None and (pair.paused or pair.step not in (Step.SPEAK, Step.ADD)):
            self.split.show_blank()
        self._show_time()
        if changed:
            self._focus(pair)
        self.sync_timer()

    def _breathe(self, pair: ListeningPair) -> None:
        """The pacer runs while arriving and in a shared pause (each pause a fresh minute)."""
        breathing = pair.pause is not None and not pair.pause.ready
        want = "pause" if breathing else "arrive" if pair.step is Step.ARRIVE else None
        if pair.paused and not breathing:
            want = None  # the minute is over: the choice, not "That's the end"
        if want == self._pacer_for:
            return
        self._pacer_for = want
        if want is None:
            self.stop_pacer()
            return
        pacer = self.pacer()
        self.split.show_pacer(pacer.widget())
        if want == "pause":
            pacer.start(PAUSE_SECONDS)
        else:
            left = ARRIVE_SECONDS - (pair.timer.elapsed() if pair.timer else 0.0)
            pacer.start(max(left, 10.0))

    def _say(self, status: str, spoken: str | None = None) -> None:
        if self.split.say(status):
            self.announce(spoken or status, self.split.status)

    def _render_pause(self, pair: ListeningPair) -> None:
        ready = pair.pause is not None and pair.pause.ready
        if ready:
            self._say(
                translate("TogetherPair", "You can carry on, or end kindly"),
            )
        else:
            self._say(
                translate("TogetherPair", "Paused for both of you: breathe together for a minute")
            )
        choices = (
            [
                Choice(
                    "carry_on",
                    translate("TogetherPair", "Carry on"),
                    translate("TogetherPair", "Back to where you were"),
                ),
                Choice(
                    "end_kindly",
                    translate("TogetherPair", "End kindly"),
                    translate("TogetherPair", "Goes to the close: one word each, if you like"),
                ),
            ]
            if ready
            else []
        )
        message = (
            translate("TogetherPair", "Carry on, or end here. Either is fine.")
            if ready
            else translate("TogetherPair", "Breathe with the shape. No reason needed.")
        )
        for half in self.split.halves:
            half.show_step(message=message, choices=choices)

    def _render_step(self, pair: ListeningPair) -> None:
        step = pair.step
        pause = translate("TogetherPair", "Pause for both of us")
        if step is Step.ARRIVE:
            self._say(translate("TogetherPair", "Arrive: breathe together for about a minute"))
            for person, half in enumerate(self.split.halves):
                half.show_step(
                    message=translate("TogetherPair", "Breathe with the shape, together."),
                    question=translate("TogetherPair", "How settled do you feel now? If you like."),
                    marks=pair.halves[person].before or 0,
                    pause=pause,
                )
            return
        if step is Step.CHOOSE:
            self._say(translate("TogetherPair", "Who would like to speak first?"))
            for half in self.split.halves:
                half.show_step(
                    message="",  # asked once, above both halves
                    choices=[
                        Choice(
                            "first",
                            translate("TogetherPair", "I'll speak first"),
                            translate("TogetherPair", "You speak first; the other listens"),
                        ),
                        Choice(
                            "chance",
                            translate("TogetherPair", "Let chance choose"),
                            translate("TogetherPair", "Chooses one of you at random"),
                        ),
                    ],
                    pause=pause,
                )
            return
        if step is Step.CLOSE:
            self._render_close(pair, pause)
            return
        speaker = pair.speaker
        assert speaker is not None
        listener = 1 - speaker
        s_name, l_name = self.name(speaker), self.name(listener)
        talking, listening = self.split.halves[speaker], self.split.halves[listener]
        self._place_piece(pair, speaker)
        rounds = pair.settings.rounds
        where = (
            translate("TogetherPair", "Round {number} of {rounds}: ").format(
                number=pair.round_number, rounds=rounds
            )
            if rounds > 1
            else ""
        )
        if step is Step.PROMPT:
            self._say(
                where
                + translate("TogetherPair", "{speaker} speaks, {listener} listens").format(
                    speaker=s_name, listener=l_name
                ),
                translate(
                    "TogetherPair", "{speaker}, your turn to speak. {listener}, you listen."
                ).format(speaker=s_name, listener=l_name),
            )
            prompt = pair.prompt or translate("TogetherPair", "Something of your own.")
            talking.show_step(
                lead=translate("TogetherPair", "Something small to speak about, if you like:"),
                message=prompt,
                choices=[
                    Choice(
                        "start",
                        translate("TogetherPair", "Start speaking"),
                        translate("TogetherPair", "Starts your soft time, shown as a ring"),
                    ),
                    Choice(
                        "another",
                        translate("TogetherPair", "Another prompt"),
                        translate("TogetherPair", "Shows another small thing to speak about"),
                    ),
                    Choice(
                        "own",
                        translate("TogetherPair", "Something of my own"),
                        translate("TogetherPair", "Speak about something you choose"),
                    ),
                ],
                pause=pause,
            )
            listening.show_step(
                message=translate("TogetherPair", "{speaker} is choosing a topic.").format(
                    speaker=s_name
                ),
                detail=translate("TogetherPair", "You'll listen, then say back what you heard."),
                pause=pause,
            )
        elif step in (Step.SPEAK, Step.ADD):
            if step is Step.SPEAK:
                self._say(
                    where + translate("TogetherPair", "{speaker} speaks").format(speaker=s_name)
                )
                message = translate("TogetherPair", "Speak about it briefly.")
                detail = pair.prompt or translate("TogetherPair", "Something of your own.")
                hear = translate("TogetherPair", "Listen. Let it land.")
                hear_more = translate(
                    "TogetherPair", "No need to answer. Soon you'll say back what you heard."
                )
            elif pair.adding is Answer.ADD:
                self._say(translate("TogetherPair", "{name} adds a little").format(name=s_name))
                message = translate("TogetherPair", "Add what was missing.")
                detail = ""
                hear = translate("TogetherPair", "Listen to what they add.")
                hear_more = ""
            else:
                self._say(
                    translate("TogetherPair", "{speaker} says it again").format(speaker=s_name)
                )
                message = translate("TogetherPair", "Say again the part that matters most.")
                detail = ""
                hear = translate("TogetherPair", "Listen again.")
                hear_more = ""
            if pair.time_is_up:
                message = translate("TogetherPair", "Finish your sentence, no hurry.")
            talking.show_step(
                message=message,
                detail=detail,
                choices=[
                    Choice(
                        "finished",
                        translate("TogetherPair", "I've finished"),
                        translate("TogetherPair", "Your listener says back what they heard"),
                    )
                ],
                pause=pause,
            )
            listening.show_step(message=hear, detail=hear_more, pause=pause)
        elif step is Step.MIRROR:
            self._say(
                translate("TogetherPair", "{listener} says back what they heard").format(
                    listener=l_name
                ),
                translate(
                    "TogetherPair", "{listener}, your turn to say back what you heard."
                ).format(listener=l_name),
            )
            listening.show_step(
                message=translate("TogetherPair", "\u201cWhat I heard you say is\u2026\u201d"),
                detail=leave_out_line()
                + "\n"
                + translate("TogetherPair", "You can add: \u201cI may have misunderstood.\u201d"),
                pause=pause,
            )
            talking.show_step(
                message=translate("TogetherPair", "Is that what you meant?"),
                detail=translate("TogetherPair", "Listen to what they heard, then answer."),
                choices=[
                    Choice(a.value, _answer_label(a), _answer_description(a))
                    for a in pair.answers()
                ],
                pause=pause,
            )

    def _place_piece(self, pair: ListeningPair, speaker: int) -> None:
        piece = self.split.piece
        if piece.side is None:
            piece.place(speaker, self.name(speaker))
        elif piece.side != speaker:
            piece.cross_to(speaker, self.name(speaker))

    def _render_close(self, pair: ListeningPair, pause: str) -> None:
        self.split.piece.place(None)
        self._say(translate("TogetherPair", "Closing: one word each, if you like"))
        line = " ".join(
            (
                translate("TogetherPair", "Your words are kept only if you both tick it."),
                translate(
                    "TogetherPair",
                    "Otherwise the timeline keeps only that you practised listening together.",
                ),
            )
        )
        for person, half in enumerate(self.split.halves):
            mine = pair.halves[person]
            if mine.done:
                half.show_step(
                    message=translate("TogetherPair", "Thank you."),
                    detail=translate("TogetherPair", "Waiting for {other}.").format(
                        other=self.name(1 - person)
                    ),
                )
                continue
            half.show_step(
                message=translate("TogetherPair", "One word for how it felt to be heard?"),
                note=line,
                word=mine.word,
                question=translate("TogetherPair", "How settled do you feel now? If you like."),
                marks=mine.after or 0,
                keep=mine.keep,
                choices=[
                    Choice(
                        "done",
                        translate("TogetherPair", "Done"),
                        translate("TogetherPair", "You have closed; the other may take their time"),
                    )
                ],
            )

    def _focus(self, pair: ListeningPair) -> None:
        if pair.paused:
            person = LEFT
        elif pair.speaker is not None:
            person = pair.speaker
        elif pair.step is Step.CLOSE:
            person = next((p for p in PEOPLE if not pair.halves[p].done), LEFT)
        else:
            person = LEFT
        target = self.split.halves[person].first_control()
        if target is not None:
            target.setFocus()

    def _finish(self) -> None:
        pair = self.pair
        assert pair is not None
        self.stop_pacer()
        self._pacer_for = None
        record = pair.record()
        kept = self.keep_record(record)
        self.pair = None
        self.timer.stop()
        self.end.show_end(translate("TogetherPair", "Thank you both for listening."), kept)
        self.stack.setCurrentWidget(self.end)
        self.announce(translate("TogetherPair", "Thank you both for listening."))
        self.end.again_button.setFocus()

    def prepare_to_close(self) -> None:
        pair = self.pair
        if pair is not None and pair.step is not Step.DONE:
            record = pair.record()
            self.keep_record(dataclasses.replace(record, words=None))
            self.pair = None
        super().prepare_to_close()
