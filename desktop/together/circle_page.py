"""A small circle around one screen: the seats, the talking piece, a soft time, Pass always there.

The keyboard goes round with the piece: the focus rests on "I've finished" after each turn, so
Space or Enter passes it on; P passes, D turns the direction between rounds, Escape pauses.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QPainter, QPaintEvent, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.settings import TOGETHER_CIRCLE_PEOPLE, TOGETHER_CIRCLE_ROUNDS, TOGETHER_CIRCLE_TURN
from desktop.texts import translate
from desktop.together.circle import (
    MAX_PEOPLE,
    MIN_PEOPLE,
    ROUND_CHOICES,
    TURN_CHOICES,
    Circle,
    CircleSettings,
    Step,
    names_from_text,
)
from desktop.together.half import large
from desktop.together.keys import CIRCLE_OTHER_WAY, CIRCLE_PASS, EVERYONE_KEY
from desktop.together.page_parts import EndView, PracticePage, SetupView, TogetherParts, remembered
from desktop.together.prompts import GUIDELINES, shown
from desktop.together.soft_time import PAUSE_SECONDS
from desktop.together.widgets import BigButton, mix, time_words


class CircleSeats(QWidget):
    """The seats round a circle, the one holding the piece marked, a soft ring in the middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("circle_seats")
        self.setAccessibleName(translate("TogetherCircle", "The circle"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 200)
        self.names: list[str] = []
        self.holder: int | None = None
        self.next_start: int | None = None
        self.direction = 1
        self.progress = 0.0
        self.centre_text = ""  # inside the circle when nobody holds the piece
        self.setAccessibleDescription("")

    def sizeHint(self) -> QSize:
        return QSize(360, 300)

    def set_state(
        self,
        names: list[str],
        holder: int | None,
        direction: int,
        progress: float,
        next_start: int | None = None,
        centre_text: str = "",
    ) -> None:
        self.names, self.holder, self.direction = names, holder, direction
        self.progress, self.next_start = progress, next_start
        self.centre_text = centre_text
        if holder is not None:
            self.setAccessibleDescription(
                translate("TogetherCircle", "{name} holds the talking piece. {time}.").format(
                    name=names[holder], time=time_words(progress)
                )
            )
        elif next_start is not None:
            self.setAccessibleDescription(
                translate("TogetherCircle", "The next round begins with {name}.").format(
                    name=names[next_start]
                )
            )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        count = len(self.names)
        if not count:
            return
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        mid = palette.color(QPalette.ColorRole.Mid)
        metrics = self.fontMetrics()
        line = metrics.height()
        label_width = min(140, max(metrics.horizontalAdvance(n) for n in self.names) + 8)
        seat = 14.0
        radius = max(
            40.0,
            min(self.width() / 2 - seat - label_width - 8, self.height() / 2 - seat - line - 10),
        )
        centre = QPointF(self.width() / 2, self.height() / 2)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(mix(mid, window, 0.5), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)
            ring = radius * 0.42
            if self.holder is not None:
                rect = QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring)
                painter.setPen(QPen(mix(mid, window, 0.45), 8))
                painter.drawEllipse(rect)
                pen = QPen(mix(accent, window, 0.55), 8)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawArc(rect, 90 * 16, -round(360 * 16 * self.progress))
                painter.setPen(text)
                big = QFont(self.font())
                big.setPointSizeF(big.pointSizeF() * 1.3)
                painter.setFont(big)
                inner = rect.adjusted(12, 12, -12, -12)
                painter.drawText(
                    inner,
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    self.names[self.holder],
                )
            elif self.centre_text:
                painter.setPen(text)
                inner = QRectF(
                    centre.x() - radius * 0.75,
                    centre.y() - radius * 0.6,
                    radius * 1.5,
                    radius * 1.2,
                )
                painter.drawText(
                    inner,
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    self.centre_text,
                )
            for number, name in enumerate(self.names):
                angle = -math.pi / 2 + 2 * math.pi * number / count
                outward = QPointF(math.cos(angle), math.sin(angle))
                where = centre + outward * radius
                holding = number == self.holder
                starting = number == self.next_start
                painter.setPen(QPen(accent if holding or starting else mix(mid, text, 0.5), 1.5))
                painter.setBrush(mix(accent, window, 0.6) if holding or starting else window)
                painter.drawEllipse(where, seat, seat)
                if holding:  # the talking piece, resting just inside the holder's seat
                    stone = where - outward * (seat + 14)
                    painter.setPen(QPen(mix(accent, text, 0.5), 1.2))
                    painter.setBrush(mix(accent, window, 0.55))
                    painter.drawEllipse(stone, 13, 9)
                font = QFont(self.font())
                font.setBold(holding)
                painter.setFont(font)
                painter.setPen(text)
                reach = abs(outward.x()) * label_width / 2 + abs(outward.y()) * line / 2
                label = where + outward * (seat + 6 + reach)
                box = QRectF(label.x() - label_width / 2, label.y() - line / 2, label_width, line)
                shown_name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), shown_name)


class CirclePage(PracticePage):
    def __init__(self, parts: TogetherParts) -> None:
        super().__init__(parts)
        self.setObjectName("circle_page")
        self.circle: Circle | None = None
        self.setup = SetupView(
            translate("TogetherCircle", "A small circle"),
            " ".join(
                (
                    translate("TogetherCircle", "For three to eight people around this screen."),
                    translate(
                        "TogetherCircle",
                        "A talking piece goes round: whoever holds it speaks a little, or passes.",
                    ),
                    translate("TogetherCircle", "Passing is always fine."),
                    translate("TogetherCircle", "Each round begins with someone new."),
                )
            ),
            self._options(),
            translate("TogetherCircle", "&Begin"),
        )
        self.view = self._circle_view()
        self.end = EndView()
        for view in (self.setup, self.view, self.end):
            self.stack.addWidget(view)
        self._shown_key: tuple[object, ...] | None = None
        self._connect_signals()

    # -- building -----------------------------------------------------------------------------

    def _options(self) -> QWidget:
        s = self.parts.settings
        box = QWidget()
        box.setObjectName("circle_options")
        self.people_spin = named(
            QSpinBox(),
            translate("TogetherCircle", "How many of you"),
            translate("TogetherCircle", "Three to eight people"),
            object_name="circle_people",
        )
        self.people_spin.setRange(MIN_PEOPLE, MAX_PEOPLE)
        self.people_spin.setValue(s.get(TOGETHER_CIRCLE_PEOPLE))
        self.names_edit = named(
            QLineEdit(),
            translate("TogetherCircle", "Names, if you like"),
            translate(
                "TogetherCircle", "In seating order, with commas; kept only if you all say so"
            ),
            object_name="circle_names",
        )
        self.names_edit.setPlaceholderText(translate("TogetherCircle", "Sam, Ana, Lee, \u2026"))
        self.turn_box = named(
            QComboBox(),
            translate("TogetherCircle", "Time for a turn"),
            translate("TogetherCircle", "A soft time: a ring shows it, and nobody is cut off"),
            object_name="circle_turn",
        )
        for seconds in TURN_CHOICES:
            minutes = seconds // 60
            self.turn_box.addItem(
                translate("TogetherCircle", "about %n minute(s)", None, minutes), seconds
            )
        self.turn_box.setCurrentIndex(
            self.turn_box.findData(remembered(s, TOGETHER_CIRCLE_TURN, TURN_CHOICES))
        )
        self.rounds_box = named(
            QComboBox(),
            translate("TogetherCircle", "Rounds"),
            translate("TogetherCircle", "How many times the piece goes round, at most"),
            object_name="circle_rounds",
        )
        for rounds in ROUND_CHOICES:
            self.rounds_box.addItem(
                translate("TogetherCircle", "%n round(s)", None, rounds), rounds
            )
        self.rounds_box.setCurrentIndex(
            self.rounds_box.findData(remembered(s, TOGETHER_CIRCLE_ROUNDS, ROUND_CHOICES))
        )
        form = QFormLayout(box)
        form.addRow(translate("TogetherCircle", "How many of you"), self.people_spin)
        form.addRow(translate("TogetherCircle", "Names"), self.names_edit)
        form.addRow(translate("TogetherCircle", "A turn"), self.turn_box)
        form.addRow(translate("TogetherCircle", "Rounds"), self.rounds_box)
        return box

    def _circle_view(self) -> QWidget:
        view = QWidget()
        view.setObjectName("circle_view")
        self.status = large(QLabel(), 1.25)
        self.status.setObjectName("circle_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.seats = CircleSeats()
        self.visual = QStackedWidget()
        self.visual.addWidget(self.seats)
        self.pacer_holder = QWidget()
        QVBoxLayout(self.pacer_holder).setContentsMargins(0, 0, 0, 0)
        self.visual.addWidget(self.pacer_holder)
        self.message = large(QLabel(), 1.15)
        self.message.setObjectName("circle_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep_box = named(
            QCheckBox(translate("TogetherCircle", "Keep our names and a few words")),
            translate("TogetherCircle", "Keep our names and a few words"),
            translate(
                "TogetherCircle",
                "Only if the whole group agrees; otherwise only the circle's shape is kept",
            ),
            object_name="circle_keep",
        )
        self.words_edit = named(
            QLineEdit(),
            translate("TogetherCircle", "A few words to keep"),
            translate("TogetherCircle", "Kept only when the box above is ticked"),
            object_name="circle_words",
        )
        self.words_edit.setMaxLength(300)
        self.words_edit.setPlaceholderText(
            translate("TogetherCircle", "A few words the group would like to keep")
        )
        self.buttons = [BigButton() for _ in range(3)]
        for number, button in enumerate(self.buttons):
            button.setObjectName(f"circle_button_{number + 1}")
            button.clicked.connect(lambda _=False, b=button: self._on_pressed(b.action))
        self.pause_button = BigButton()
        self.pause_button.setObjectName("circle_pause")
        self.pause_button.clicked.connect(lambda: self._on_pressed("pause"))
        row = QHBoxLayout()
        row.setSpacing(10)
        for button in (*self.buttons, self.pause_button):
            row.addWidget(button)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.status)
        layout.addWidget(self.visual, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keep_box)
        layout.addWidget(self.words_edit)
        layout.addLayout(row)
        for key, action in ((CIRCLE_PASS, "pass"), (CIRCLE_OTHER_WAY, "other_way")):
            self._key(view, key, lambda a=action: self._key_action(a))
        self._key(view, EVERYONE_KEY, lambda: self._on_pressed("pause"))
        return view

    def _key(self, view: QWidget, key: str, act: object) -> None:
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(act)

    def _connect_signals(self) -> None:
        self.setup.begin_button.clicked.connect(self.begin)
        self.setup.back_button.clicked.connect(self.home_requested)
        self.end.again_button.clicked.connect(self.show_setup)
        self.end.home_button.clicked.connect(self.home_requested)
        self.names_edit.textEdited.connect(self._names_edited)
        self.words_edit.returnPressed.connect(lambda: self._on_pressed("close"))
        self.keep_box.toggled.connect(self._keep_toggled)
        for widget in (self.people_spin, self.turn_box, self.rounds_box):
            signal = (
                widget.valueChanged if isinstance(widget, QSpinBox) else widget.currentIndexChanged
            )
            signal.connect(self._remember)

    def _keep_toggled(self, keep: bool) -> None:
        self.words_edit.setEnabled(keep)
        if keep:
            self.words_edit.setFocus()

    def _remember(self) -> None:
        s = self.parts.settings
        s.set(TOGETHER_CIRCLE_PEOPLE, self.people_spin.value())
        s.set(TOGETHER_CIRCLE_TURN, int(self.turn_box.currentData()))
        s.set(TOGETHER_CIRCLE_ROUNDS, int(self.rounds_box.currentData()))

    def _names_edited(self, text: str) -> None:
        count = len([part for part in text.split(",") if part.strip()])
        if count > self.people_spin.value() and count <= MAX_PEOPLE:
            self.people_spin.setValue(count)  # everyone named has a seat

    # -- starting -----------------------------------------------------------------------------

    def show_setup(self) -> None:
        self.stack.setCurrentWidget(self.setup)
        self.setup.begin_button.setFocus()

    def begin(self) -> None:
        try:
            settings = CircleSettings(
                people=self.people_spin.value(),
                turn_seconds=int(self.turn_box.currentData()),
                rounds=int(self.rounds_box.currentData()),
                names=names_from_text(self.names_edit.text()),
            )
        except ValueError as e:
            self.setup.show_message(str(e))
            return
        self.setup.message.clear()
        self.circle = Circle(self.parts.clock, settings)
        self._shown_key = None
        self.keep_box.setChecked(False)
        self.words_edit.clear()
        self.stack.setCurrentWidget(self.view)
        self.refresh()

    def name(self, seat: int) -> str:
        assert self.circle is not None
        return self.circle.settings.names[seat] or translate(
            "TogetherCircle", "Person {number}"
        ).format(number=seat + 1)

    def running(self) -> bool:
        circle = self.circle
        if circle is None:
            return False
        if circle.pause is not None:
            return not circle.pause.breath.told
        return circle.step is Step.TURN

    # -- presses ------------------------------------------------------------------------------

    def _key_action(self, action: str) -> None:
        """P and D act only where their button is shown."""
        for button in self.buttons:
            if button.isVisible() and button.action == action:
                button.setFocus()
                button.click()

    def _on_pressed(self, action: str) -> None:
        circle = self.circle
        if circle is None or self.stack.currentWidget() is not self.view:
            return
        if action == "pause":
            circle.pause_for_everyone()
        elif action == "begin":
            circle.begin()
        elif action == "finished":
            circle.finished()
        elif action == "pass":
            circle.pass_turn()
        elif action == "other_way":
            circle.change_direction()
        elif action == "rest":
            circle.end_here()
        elif action == "carry_on":
            circle.carry_on()
        elif action == "end_kindly":
            circle.end_kindly()
        elif action == "back":
            self.circle = None
            self.show_setup()
            return
        elif action == "close":
            try:
                circle.close(self.keep_box.isChecked(), self.words_edit.text())
            except ValueError as e:
                self.message.setText(str(e))
                return
        self.refresh()

    # -- time ---------------------------------------------------------------------------------

    def tick(self) -> None:
        circle = self.circle
        if circle is None:
            return
        events = circle.tick()
        if "time_up" in events:
            self.tone()
        if events:
            self.refresh()
        else:
            self._show_seats()
        self.sync_timer()

    def _show_seats(self) -> None:
        circle = self.circle
        if circle is None or circle.paused:
            return
        names = [self.name(n) for n in range(circle.people)]
        upcoming = circle.start if circle.step in (Step.GUIDELINES, Step.BETWEEN) else None
        inside = ""
        if circle.step is Step.GUIDELINES:
            inside = "\n".join(shown(line) for line in GUIDELINES)
        self.seats.set_state(
            names, circle.holder, circle.direction, circle.progress(), upcoming, inside
        )

    # -- what is shown ------------------------------------------------------------------------

    def _show_buttons(self, choices: list[tuple[str, str, str, str]], pause: bool) -> None:
        for number, button in enumerate(self.buttons):
            if number < len(choices):
                action, label, key, description = choices[number]
                button.show_action(action, label, key, description)
            else:
                button.hide()
                button.action = ""
        if pause:
            self.pause_button.show_action(
                "pause",
                translate("TogetherCircle", "Pause for everyone"),
                translate("TogetherCircle", "Esc"),
                translate("TogetherCircle", "A shared minute of breathing; no reason needed"),
            )
        self.pause_button.setVisible(pause)

    def _say(self, status: str, spoken: str | None = None) -> None:
        if self.status.text() != status:
            self.status.setText(status)
            self.status.setAccessibleName(status)
            self.announce(spoken or status, self.status)

    def refresh(self) -> None:
        circle = self.circle
        if circle is None:
            return
        if circle.step is Step.DONE:
            self._finish()
            return
        key = (circle.step, circle.holder, circle.round, circle.paused,
               circle.pause.ready if circle.pause else None, circle.direction)  # fmt: skip
        changed = key != self._shown_key
        self._shown_key = key
        closing = circle.step is Step.CLOSE
        self.visual.setVisible(not closing)  # the close is words and Done: room for them
        self.keep_box.setVisible(closing)
        self.words_edit.setVisible(closing)  # always there at the close: ticking moves nothing
        self.words_edit.setEnabled(self.keep_box.isChecked())
        if circle.paused:
            self._show_pause(circle)
        else:
            self._show_step(circle)
        if changed:
            first = next((b for b in self.buttons if b.isVisible()), None)
            (self.keep_box if closing else first or self.pause_button).setFocus()
        self.sync_timer()

    def _show_pause(self, circle: Circle) -> None:
        ready = circle.pause is not None and circle.pause.ready
        if ready:  # the minute is over: the circle again, not the pacer's "That's the end"
            if self.visual.currentWidget() is not self.seats:
                self.stop_pacer()
                self.visual.setCurrentWidget(self.seats)
        elif self.visual.currentWidget() is not self.pacer_holder:
            pacer = self.pacer()
            layout = self.pacer_holder.layout()
            if layout is not None and pacer.widget().parent() is not self.pacer_holder:
                layout.addWidget(pacer.widget())
            self.visual.setCurrentWidget(self.pacer_holder)
            pacer.start(PAUSE_SECONDS)
        if ready:
            self._say(translate("TogetherCircle", "You can carry on, or end kindly"))
            self.message.setText(
                translate("TogetherCircle", "Carry on, or end here. Either is fine.")
            )
            self._show_buttons(
                [
                    (
                        "carry_on",
                        translate("TogetherCircle", "Carry on"),
                        "",
                        translate("TogetherCircle", "Back to where the circle was"),
                    ),
                    (
                        "end_kindly",
                        translate("TogetherCircle", "End kindly"),
                        "",
                        translate("TogetherCircle", "The circle rests here"),
                    ),
                ],
                pause=False,
            )
        else:
            self._say(
                translate("TogetherCircle", "Paused for everyone: breathe together for a minute")
            )
            self.message.setText(
                translate("TogetherCircle", "Breathe with the shape. No reason needed.")
            )
            self._show_buttons([], pause=False)

    def _show_step(self, circle: Circle) -> None:
        if self.visual.currentWidget() is not self.seats:
            self.stop_pacer()
            self.visual.setCurrentWidget(self.seats)
        self._show_seats()
        rounds = circle.settings.rounds
        where = (
            translate("TogetherCircle", "Round {number} of {rounds}: ").format(
                number=circle.round + 1, rounds=rounds
            )
            if rounds > 1
            else ""
        )
        if circle.step is Step.GUIDELINES:
            self._say(translate("TogetherCircle", "Before the piece goes round"))
            self.message.setText(
                translate(
                    "TogetherCircle",
                    "The talking piece starts with {name}. Whoever holds it speaks, or passes.",
                ).format(name=self.name(circle.start))
            )
            self._show_buttons(
                [
                    (
                        "begin",
                        translate("TogetherCircle", "Begin the circle"),
                        "",
                        translate("TogetherCircle", "The talking piece starts with {name}").format(
                            name=self.name(circle.start)
                        ),
                    ),
                    (
                        "back",
                        translate("TogetherCircle", "Back"),
                        "",
                        translate("TogetherCircle", "Back to the choices for the circle"),
                    ),
                ],
                pause=False,
            )
        elif circle.step is Step.TURN:
            holder = circle.holder
            assert holder is not None
            name = self.name(holder)
            self._say(
                where
                + translate("TogetherCircle", "{name} holds the talking piece").format(name=name),
                translate("TogetherCircle", "{name}, your turn: speak, or pass.").format(name=name),
            )
            self.message.setText(
                translate("TogetherCircle", "Finish your sentence, no hurry.")
                if circle.time_is_up
                else translate("TogetherCircle", "Speak from what you notice, or pass.")
            )
            self._show_buttons(
                [
                    (
                        "finished",
                        translate("TogetherCircle", "I've finished"),
                        "",
                        translate("TogetherCircle", "The piece goes to the next person"),
                    ),
                    (
                        "pass",
                        translate("TogetherCircle", "Pass"),
                        CIRCLE_PASS,
                        translate("TogetherCircle", "Passing is always fine"),
                    ),
                ],
                pause=True,
            )
        elif circle.step is Step.BETWEEN:
            start = self.name(circle.start)
            self._say(where + translate("TogetherCircle", "A breath between rounds"))
            way = (
                translate("TogetherCircle", "going clockwise")
                if circle.direction > 0
                else translate("TogetherCircle", "going anticlockwise")
            )
            self.message.setText(
                translate("TogetherCircle", "The next round begins with {name}, {way}.").format(
                    name=start, way=way
                )
            )
            self._show_buttons(
                [
                    (
                        "begin",
                        translate("TogetherCircle", "Begin the round"),
                        "",
                        translate("TogetherCircle", "The piece starts with {name}").format(
                            name=start
                        ),
                    ),
                    (
                        "other_way",
                        translate("TogetherCircle", "Go the other way"),
                        CIRCLE_OTHER_WAY,
                        translate("TogetherCircle", "This round goes round the other way"),
                    ),
                    (
                        "rest",
                        translate("TogetherCircle", "Rest here"),
                        "",
                        translate("TogetherCircle", "The circle ends with this round"),
                    ),
                ],
                pause=True,
            )
        elif circle.step is Step.CLOSE:
            self._say(translate("TogetherCircle", "The circle rests here"))
            self.message.setText(
                translate(
                    "TogetherCircle", "The piece went round in silence. That is a fine ending."
                )
                if circle.ended_in_silence
                else translate("TogetherCircle", "Thank you for speaking and for listening.")
            )
            self._show_buttons(
                [
                    (
                        "close",
                        translate("TogetherCircle", "Done"),
                        "",
                        translate("TogetherCircle", "Keeps what the group chose, and ends"),
                    ),
                ],
                pause=False,
            )

    def _finish(self) -> None:
        circle = self.circle
        assert circle is not None
        self.stop_pacer()
        kept = self.keep_record(circle.record())
        self.circle = None
        self.timer.stop()
        self.end.show_end(translate("TogetherCircle", "Thank you, everyone."), kept)
        self.stack.setCurrentWidget(self.end)
        self.announce(translate("TogetherCircle", "Thank you, everyone."))
        self.end.again_button.setFocus()

    def prepare_to_close(self) -> None:
        circle = self.circle
        if circle is not None and circle.step not in (Step.DONE, Step.GUIDELINES):
            self.keep_record(dataclasses.replace(circle.record(), words=None))
            self.circle = None
        super().prepare_to_close()
