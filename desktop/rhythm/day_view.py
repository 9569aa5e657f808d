"""Your day: the anchors in order, one of them in front with its cue and three answers.

Done, a smaller version, or let go: each is a full answer, and none is ever asked for. What
shows beneath is the days the person came back, never the days between.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.clock import WallClock, local_now, today
from desktop.controls import named
from desktop.local_format import day_label
from desktop.rhythm.anchors import (
    Anchor,
    DayAnchor,
    acknowledgement,
    anchor_to_offer,
    answer_words,
    day_of,
)
from desktop.rhythm.parts import FittedList, ScrollingPage
from desktop.rhythm.settings import RhythmSettings
from desktop.store import Store
from desktop.store.rhythm import answer_anchor, answers_on, days_came_back
from desktop.texts import QT_TRANSLATE_NOOP, translate

# (answer, button, spoken name, description)
ANSWER_BUTTONS = (
    (
        "done",
        QT_TRANSLATE_NOOP("Rhythm", "&Done"),
        QT_TRANSLATE_NOOP("Rhythm", "Done: {anchor}"),
        QT_TRANSLATE_NOOP("Rhythm", "Marks this anchor as done for today"),
    ),
    (
        "smaller",
        QT_TRANSLATE_NOOP("Rhythm", "A &smaller version"),
        QT_TRANSLATE_NOOP("Rhythm", "A smaller version: {anchor}"),
        QT_TRANSLATE_NOOP(
            "Rhythm", "Marks that you did a smaller version today, which counts just the same"
        ),
    ),
    (
        "let_go",
        QT_TRANSLATE_NOOP("Rhythm", "&Let it go today"),
        QT_TRANSLATE_NOOP("Rhythm", "Let it go today: {anchor}"),
        QT_TRANSLATE_NOOP("Rhythm", "Lets this anchor go for today, which is a full answer"),
    ),
)
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
SIDE_BY_SIDE_WIDTH = 860  # narrower than this, the card goes below the list


def clock_time(time: dt.time) -> str:
    return QLocale().toString(QTime(time.hour, time.minute), QLocale.FormatType.ShortFormat)


class DayView(QWidget):
    breathe_requested = Signal()  # the breathing anchor opens Breathe
    contacts_requested = Signal()  # the contact anchor offers your people...
    together_requested = Signal()  # ...and the Together tab
    change_requested = Signal()  # "Change your anchors…"

    def __init__(
        self, store: Store, settings: RhythmSettings, wall: WallClock, together: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("day_view")
        self._store = store
        self._settings = settings
        self._wall = wall
        self._together = together
        self._day: list[DayAnchor] = []
        self._shown_day: dt.date | None = None

        heading = look.heading(QLabel(translate("Rhythm", "Your day")))
        hint = QLabel(
            translate(
                "Rhythm",
                "A few small things for today. Each one can be done, made smaller, or let go.",
            )
        )
        hint.setWordWrap(True)
        self.anchor_list = named(
            FittedList(most_height=None),  # the page scrolls, not the list
            translate("Rhythm", "Your anchors today"),
            translate("Rhythm", "Choose an anchor to see what it asks and how small it may be"),
            object_name="anchors",
        )
        self.anchor_list.setSpacing(4)
        self.came_back = QLabel()
        self.came_back.setObjectName("came_back")
        self.came_back.setWordWrap(True)
        self.change_button = named(
            QPushButton(translate("Rhythm", "&Change your anchors…")),
            translate("Rhythm", "Change your anchors"),
            translate("Rhythm", "Name your own anchors, their times and cues, and reminders"),
            object_name="change_anchors",
        )
        # Under the list where the card is beside it; under the card where the card is below
        # the list, so the card's answers come first in a small window.
        self._footer = QVBoxLayout()
        self._footer.setContentsMargins(0, 8, 0, 0)
        self._footer.addWidget(self.came_back)
        self._footer.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        left = self._left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(hint)
        left.addWidget(self.anchor_list)
        left.addLayout(self._footer)
        left.addStretch(1)

        self.card = QFrame()
        self.card.setObjectName("anchor_card")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card_name = look.heading(QLabel())
        self.card_name.setTextFormat(Qt.TextFormat.PlainText)  # a name of your own, as typed
        self.card_name.setObjectName("anchor_name")
        self.card_name.setWordWrap(True)
        self.card_time = QLabel()
        self.card_time.setObjectName("anchor_time")
        self.card_cue = QLabel()
        self.card_cue.setObjectName("anchor_cue")
        self.card_cue.setWordWrap(True)
        self.card_smaller = QLabel()
        self.card_smaller.setObjectName("anchor_smaller")
        self.card_smaller.setWordWrap(True)
        # Checked by what is stored, not by an exclusive group: Tab reaches every answer.
        self.answer_buttons: dict[str, QPushButton] = {}
        answers = QHBoxLayout()
        for key, text, _, _ in ANSWER_BUTTONS:
            button = QPushButton(translate("Rhythm", text))
            button.setObjectName(f"answer_{key}")
            button.setCheckable(True)
            button.setMinimumHeight(40)  # a large, soft mark: one tap
            self.answer_buttons[key] = button
            answers.addWidget(button)
        answers.addStretch()
        self.acknowledged = QLabel()
        self.acknowledged.setObjectName("anchor_acknowledged")
        self.acknowledged.setWordWrap(True)
        self.breathe_button = named(
            QPushButton(translate("Rhythm", "Open &Breathe")),
            translate("Rhythm", "Open Breathe"),
            translate("Rhythm", "Goes to the Breathe tab for a moment of breathing"),
            object_name="anchor_breathe",
        )
        self.contacts_button = named(
            QPushButton(translate("Rhythm", "Your &people…")),
            translate("Rhythm", "Your people"),
            translate("Rhythm", "Shows the people you keep on the \u201ctoo much\u201d page"),
            object_name="anchor_contacts",
        )
        self.together_button = named(
            QPushButton(translate("Rhythm", "&Together")),
            translate("Rhythm", "Together"),
            translate("Rhythm", "Goes to the Together tab, for practices with someone you trust"),
            object_name="anchor_together",
        )
        offers = QHBoxLayout()
        for button in (self.breathe_button, self.contacts_button, self.together_button):
            offers.addWidget(button)
        offers.addStretch()
        card_layout = QVBoxLayout(self.card)
        card_layout.setSpacing(12)
        card_layout.addWidget(self.card_name)
        card_layout.addWidget(self.card_time)
        card_layout.addWidget(self.card_cue)
        card_layout.addWidget(self.card_smaller)
        card_layout.addLayout(answers)
        card_layout.addWidget(self.acknowledged)
        card_layout.addLayout(offers)

        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        right = self._right = QVBoxLayout()
        right.addWidget(self.card)
        right.addStretch(1)
        # Side by side where there is room; the card below the list in a narrow window.
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._columns.addLayout(left, 2)
        self._columns.addLayout(right, 3)
        self._connect_signals()
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
            # Stacked, the list keeps its own height and the card sits right under it.
            self._columns.setStretch(0, 2 if wide else 0)
            self._place_footer(self._left if wide else self._right)
        super().resizeEvent(event)

    def _place_footer(self, column: QVBoxLayout) -> None:
        for holder in (self._left, self._right):
            if holder is not column and holder.indexOf(self._footer) >= 0:
                holder.removeItem(self._footer)
        if column.indexOf(self._footer) < 0:
            column.insertLayout(column.count() - 1, self._footer)  # above its closing stretch

    def _connect_signals(self) -> None:
        self.anchor_list.currentRowChanged.connect(self._show_card)
        for key, button in self.answer_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.answer(k))
        self.change_button.clicked.connect(self.change_requested)
        self.breathe_button.clicked.connect(self.breathe_requested)
        self.contacts_button.clicked.connect(self.contacts_requested)
        self.together_button.clicked.connect(self.together_requested)

    def set_together_available(self, available: bool) -> None:
        self._together = available
        self._show_card(self.anchor_list.currentRow())

    # -- what is shown ------------------------------------------------------------------------

    def reload(self, keep_current: bool = False) -> None:
        current = self.current_anchor()
        now = local_now(self._wall)
        answers = {k: a.answer for k, a in answers_on(self._store, now.date()).items()}
        self._day = day_of(self._settings.anchors(), answers)
        self.anchor_list.blockSignals(True)
        self.anchor_list.clear()
        for entry in self._day:
            item = QListWidgetItem(self._row_text(entry))
            item.setData(ANCHOR_ROLE, entry.anchor.key)
            self.anchor_list.addItem(item)
        self.anchor_list.blockSignals(False)
        self.anchor_list.updateGeometry()
        keys = [d.anchor.key for d in self._day]
        same_day = self._shown_day == now.date()
        self._shown_day = now.date()
        if keep_current and same_day and current is not None and current.key in keys:
            row = keys.index(current.key)
        else:
            row = anchor_to_offer(self._day, now.time()) if self._day else -1
        self.anchor_list.setCurrentRow(row)
        self._show_card(row)
        self._show_came_back()

    def _row_text(self, entry: DayAnchor) -> str:
        anchor = entry.anchor
        parts = [anchor.name]
        if anchor.time is not None:
            parts.insert(0, clock_time(anchor.time))
        text = "  ".join(parts)
        words = answer_words(entry.answer)
        return f"{text} · {words}" if words else text

    def current_anchor(self) -> Anchor | None:
        row = self.anchor_list.currentRow()
        return self._day[row].anchor if 0 <= row < len(self._day) else None

    def _show_card(self, row: int) -> None:
        self.card.setVisible(0 <= row < len(self._day))
        if not 0 <= row < len(self._day):
            return
        entry = self._day[row]
        anchor = entry.anchor
        self.card_name.setText(anchor.name)
        self.card_time.setText(
            translate("Rhythm", "At {time}, or whenever suits you").format(
                time=clock_time(anchor.time)
            )
            if anchor.time is not None
            else translate("Rhythm", "Whenever suits you")
        )
        self.card_cue.setText(anchor.cue)
        self.card_cue.setVisible(bool(anchor.cue))
        self.card_smaller.setText(
            translate("Rhythm", "A smaller version today: {smaller}").format(smaller=anchor.smaller)
            if anchor.smaller
            else translate("Rhythm", "A smaller version today is always a choice.")
        )
        for key, _, spoken, description in ANSWER_BUTTONS:
            button = self.answer_buttons[key]
            button.setChecked(entry.answer == key)
            button.setAccessibleName(translate("Rhythm", spoken).format(anchor=anchor.name))
            button.setAccessibleDescription(translate("Rhythm", description))
        self.acknowledged.setText(acknowledgement(entry.answer) if entry.answer else "")
        self.acknowledged.setVisible(bool(entry.answer))
        self.breathe_button.setVisible(anchor.kind == "breathe")
        self.contacts_button.setVisible(anchor.kind == "contact")
        self.together_button.setVisible(anchor.kind == "contact" and self._together)

    def _show_came_back(self) -> None:
        current = today(self._wall)
        days = days_came_back(self._store, current)
        # Said once there is something to say: before any day, a line about days to come
        # reads like a record waiting to be filled.
        self.came_back.setVisible(bool(days))
        if not days:
            self.came_back.clear()
            return
        named = ", ".join(
            translate("Rhythm", "today") if d == current else day_label(d.isoformat(), current)
            for d in reversed(days)
        )
        self.came_back.setText(
            translate("Rhythm", "You came back to your rhythm: {days}.").format(days=named)
        )

    # -- answering ----------------------------------------------------------------------------

    def answer(self, answer: str) -> None:
        anchor = self.current_anchor()
        if anchor is None:
            return
        try:
            answer_anchor(self._store, anchor.key, anchor.name, answer)
        except ValueError as e:
            self.acknowledged.setText(str(e))
            self.acknowledged.show()
            return
        self.reload(keep_current=True)
        self.answer_buttons[answer].setFocus()
        ScrollingPage.bring_into_view(self.acknowledged)  # a small window scrolls to the words
