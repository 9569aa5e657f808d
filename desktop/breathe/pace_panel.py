""" "Find my comfortable pace" around the Breathe tab's pacer: what it is, a one-tap answer after
each step, and the pace that felt most comfortable, offered as the person's own pattern.

The Breathe tab breathes each step with its own pacer (breathe_requested) and says when a step
has ended (step_ended); everything else happens here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.breathe.pace import (
    COMFORT_WORDS,
    PACE_RATES,
    STEP_MINUTES,
    PaceFinder,
    breath_lengths,
    own_pattern_name,
    step_pattern,
)
from desktop.breathe.patterns import custom_pattern
from desktop.controls import named
from desktop.store import Store
from desktop.store.breathing import StoredPattern, list_patterns, save_pattern
from desktop.store.pace import PaceFinding, save_finding
from desktop.texts import QT_TRANSLATE_NOOP, translate

COMFORT_DESCRIPTIONS = {
    "easy": QT_TRANSLATE_NOOP("Pace", "This pace felt easy"),
    "fine": QT_TRANSLATE_NOOP("Pace", "This pace felt fine"),
    "effortful": QT_TRANSLATE_NOOP("Pace", "This pace took some effort"),
}
PAGE_INTRO, PAGE_QUESTION, PAGE_RESULT = 0, 1, 2
ROW_WIDTH = 420  # narrower than this, the three answers stand one above the other


def _button(name: str, text: str, spoken: str, description: str) -> QPushButton:
    return named(QPushButton(text), spoken, description, object_name=name)


def _titled(title: str, *sentences: str) -> str:
    """A title and sentences, each translated (and so wrapped) on its own; the title in bold,
    not a larger heading, which would not fit the Breathe tab's narrow column."""
    body = " ".join(html.escape(sentence) for sentence in sentences)
    return f"<p><b>{html.escape(title)}</b></p>{body}"


def _column(*buttons: QPushButton) -> QVBoxLayout:
    """Buttons one above the other: they fit the Breathe tab's narrowest column in any language."""
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return column


class PacePanel(QWidget):
    breathe_requested = Signal(object, float)  # a Pattern and minutes: breathe this step now
    pattern_kept = Signal(str)  # the key of "My comfortable pace", to choose it
    closed = Signal()  # back to the Breathe tab as it was

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pace_panel")
        self._store = store
        self.finder = PaceFinder()
        self._finding: PaceFinding | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- building -----------------------------------------------------------------------------

    def _intro_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(translate("Pace", "<b>Find your comfortable pace</b>"))
        title.setWordWrap(True)
        # Sentence by sentence, so that each translates (and wraps) on its own.
        text = QLabel(
            " ".join(
                (
                    translate("Pace", "Five slow paces, from 6.5 down to 4.5 breaths a minute."),
                    translate("Pace", "About two minutes each."),
                    translate("Pace", "The out-breath is a little longer than the in-breath."),
                    translate("Pace", "After each pace, one tap: easy, fine or effortful."),
                )
            )
        )
        text.setWordWrap(True)
        note = QLabel(
            " ".join(
                (
                    translate("Pace", "Nothing is measured."),
                    translate(
                        "Pace", "The pace you found most comfortable can become your own pattern."
                    ),
                    translate("Pace", "If you feel light-headed, stop and breathe normally."),
                )
            )
        )
        note.setWordWrap(True)
        self.begin_button = _button(
            "pace_begin",
            translate("Pace", "&Begin"),
            translate("Pace", "Begin"),
            translate("Pace", "Starts the first pace"),
        )
        self.begin_button.setDefault(True)
        self.not_now_button = _button(
            "pace_not_now",
            translate("Pace", "&Not now"),
            translate("Pace", "Not now"),
            translate("Pace", "Back to Breathe; you can find your pace any time"),
        )
        buttons = _column(self.begin_button, self.not_now_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addStretch()
        self.begin_button.clicked.connect(self.begin_step)
        self.not_now_button.clicked.connect(self.close_panel)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        self.question = QLabel()
        self.question.setObjectName("pace_question")
        self.question.setWordWrap(True)
        self.comfort_buttons: dict[str, QPushButton] = {}
        # A row of three large marks; a column where the Breathe tab is narrow.
        row = self._comfort_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for key, words in COMFORT_WORDS.items():
            button = _button(
                f"comfort_{key}",
                translate("Pace", words),
                translate("Pace", words),
                translate("Pace", COMFORT_DESCRIPTIONS[key]),
            )
            button.setMinimumHeight(56)  # a large, soft mark: one tap
            button.clicked.connect(lambda _=False, k=key: self.answer(k))
            self.comfort_buttons[key] = button
            row.addWidget(button, 1)
        self.enough_button = _button(
            "pace_enough",
            translate("Pace", "That's &enough for now"),
            translate("Pace", "That's enough for now"),
            translate("Pace", "Ends here, with the paces you have answered so far"),
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.enough_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        self.enough_button.clicked.connect(self.enough)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result = QLabel()
        self.result.setObjectName("pace_result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.keep_button = _button(
            "pace_keep",
            translate("Pace", "&Keep it as my pattern"),
            translate("Pace", "Keep it as my pattern"),
            translate(
                "Pace", "Saves this pace as your own pattern, \u201cMy comfortable pace\u201d"
            ),
        )
        self.keep_button.setDefault(True)
        self.done_button = _button(
            "pace_done",
            translate("Pace", "&Back to Breathe"),
            translate("Pace", "Back to Breathe"),
            translate("Pace", "Closes this; your patterns stay as they are"),
        )
        buttons = _column(self.keep_button, self.done_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addStretch()
        self.keep_button.clicked.connect(self.keep)
        self.done_button.clicked.connect(self.close_panel)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= ROW_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._comfort_row.direction() != direction:
            self._comfort_row.setDirection(direction)
        super().resizeEvent(event)

    # -- the steps ----------------------------------------------------------------------------

    def start(self) -> None:
        """From the beginning, whenever the person asks: a pace can be found again any time."""
        self.finder = PaceFinder()
        self._finding = None
        self.pages.setCurrentIndex(PAGE_INTRO)
        self.begin_button.setFocus()

    def status_text(self) -> str:
        """What the pacer page says while a step is breathed."""
        return translate(
            "Pace", "Finding your comfortable pace: pace {step} of {steps}, {rate} a minute"
        ).format(step=self.finder.step + 1, steps=len(PACE_RATES), rate=f"{self.finder.rate:g}")

    def begin_step(self) -> None:
        self.breathe_requested.emit(step_pattern(self.finder.rate), STEP_MINUTES)

    def stop_after_this(self) -> None:
        """ "That's enough for now" while a step is breathed: this is the last one."""
        self.finder.stop()

    def step_ended(self, ended_early: bool) -> None:
        """The Breathe tab's session for the step is over. Stopped at once (Escape): no
        question; ended gently or in full: how did it feel?"""
        if ended_early and not self.finder.stopped:
            self.finder.stop()
            self._show_result()
            return
        inhale, exhale = breath_lengths(self.finder.rate)
        self.question.setText(
            "<p><b>{title}</b></p>{detail}".format(
                title=html.escape(translate("Pace", "How did that pace feel?")),
                detail=html.escape(
                    translate("Pace", "{rate} breaths a minute: in {inhale} s, out {exhale} s.")
                ).format(rate=f"{self.finder.rate:g}", inhale=f"{inhale:g}", exhale=f"{exhale:g}"),
            )
        )
        self.pages.setCurrentIndex(PAGE_QUESTION)
        self.comfort_buttons["fine"].setFocus()

    def answer(self, comfort: str) -> None:
        self.finder.answer(comfort)
        if self.finder.finished:
            self._show_result()
        else:
            self.begin_step()

    def enough(self) -> None:
        self.finder.stop()
        self._show_result()

    def _show_result(self) -> None:
        chosen = self.finder.chosen()
        if chosen is None:
            self.result.setText(
                _titled(
                    translate("Pace", "That's fine"),
                    translate("Pace", "You can find your comfortable pace another time."),
                )
            )
            self.keep_button.hide()
            self.pages.setCurrentIndex(PAGE_RESULT)
            self.done_button.setFocus()
            return
        self._finding = self._save(PaceFinding(tuple(self.finder.answers), chosen))
        inhale, exhale = breath_lengths(chosen)
        self.result.setText(
            _titled(
                translate("Pace", "Your comfortable pace"),
                translate("Pace", "Of the paces you tried, this felt most comfortable:"),
                translate("Pace", "{rate} breaths a minute.").format(rate=f"{chosen:g}"),
                translate("Pace", "In for {inhale} s, out for {exhale} s.").format(
                    inhale=f"{inhale:g}", exhale=f"{exhale:g}"
                ),
                translate(
                    "Pace", "You can keep it as your own pattern, \u201c{name}\u201d."
                ).format(name=own_pattern_name()),
            )
        )
        self.keep_button.show()
        self.keep_button.setEnabled(True)
        self.pages.setCurrentIndex(PAGE_RESULT)
        self.keep_button.setFocus()

    def _save(self, finding: PaceFinding) -> PaceFinding | None:
        try:
            return save_finding(self._store, finding)
        except ValueError as e:
            self.result.setText(html.escape(str(e)))
            return None

    def keep(self) -> None:
        chosen = self.finder.chosen()
        if chosen is None:
            return
        name = own_pattern_name()
        inhale, exhale = breath_lengths(chosen)
        existing = {p.name for p in list_patterns(self._store)}
        try:
            save_pattern(
                self._store,
                StoredPattern(name, inhale, 0.0, exhale, 0.0),
                old_name=name if name in existing else None,
            )
        except ValueError as e:
            self.result.setText(html.escape(str(e)))
            return
        if self._finding is not None:
            self._finding = self._save(
                PaceFinding(
                    self._finding.steps,
                    self._finding.chosen_rate,
                    kept=True,
                    uid=self._finding.uid,
                    day=self._finding.day,
                    created_at=self._finding.created_at,
                )
            )
        self.result.setText(
            _titled(
                translate("Pace", "Kept"),
                translate("Pace", "\u201c{name}\u201d is among your patterns now.").format(
                    name=name
                ),
                translate("Pace", "It is there whenever you like."),
            )
        )
        self.keep_button.hide()
        self.done_button.setFocus()
        self.pattern_kept.emit(custom_pattern(name, inhale, 0.0, exhale, 0.0).key)

    def close_panel(self) -> None:
        self.closed.emit()
