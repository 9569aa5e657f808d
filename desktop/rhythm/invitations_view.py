"""Small invitations: a list of short cards, one card at a time, and a gentle ending.

A card ends, if the person wants, in three impressions or a glimmer. "Not today" is always a
full answer and leaves nothing behind.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import look
from desktop.clock import Clock
from desktop.controls import named
from desktop.rhythm.invitations import INVITATIONS, Invitation, invitation
from desktop.rhythm.parts import FittedList
from desktop.store import Store
from desktop.store.glimmers import keep_glimmer
from desktop.store.invitations import TakenInvitation, keep_invitation
from desktop.store.journal import IMPRESSION_COUNT, impressions_entry, save_entry
from desktop.texts import translate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
TICK_MS = 500
PAGE_LIST, PAGE_CARD, PAGE_ENDING = 0, 1, 2


class InvitationsView(QWidget):
    listen_requested = Signal()  # "a song that draws a faint feeling" opens Listen
    pace_requested = Signal()  # "Find my comfortable pace" runs in Breathe
    kept = Signal(str)  # a short acknowledgement, for the window's status line

    def __init__(self, store: Store, clock: Clock) -> None:
        super().__init__()
        self.setObjectName("invitations_view")
        self._store = store
        self._clock = clock
        self._card: Invitation | None = None
        self._kept_ending: dict[str, str] = {}  # what the ending shown has saved, by kind
        self._timer_started: float | None = None
        self._timer_minutes = 0
        self._minutes_taken: float | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self._list_page())
        self.stack.addWidget(self._card_page())
        self.stack.addWidget(self._ending_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self._connect_signals()

    # -- building -----------------------------------------------------------------------------

    def _list_page(self) -> QWidget:
        page = QWidget()
        heading = look.heading(QLabel(translate("Invitations", "Small invitations")))
        hint = QLabel(
            translate(
                "Invitations",
                "Short invitations to the senses, with nothing to work out. Choose one, or none.",
            )
        )
        hint.setWordWrap(True)
        self.card_list = named(
            FittedList(),
            translate("Invitations", "Invitations"),
            translate("Invitations", "Press Enter on one to see it"),
            object_name="invitations",
        )
        for card in INVITATIONS:
            item = QListWidgetItem(card.shown_title())
            item.setData(KEY_ROLE, card.key)
            item.setToolTip(card.shown_lines()[0])
            self.card_list.addItem(item)
        self.card_list.setSpacing(4)
        self.card_list.setCurrentRow(0)
        self.open_button = named(
            QPushButton(translate("Invitations", "&Open")),
            translate("Invitations", "Open"),
            translate("Invitations", "Shows the chosen invitation"),
            object_name="open_invitation",
        )
        self.list_message = QLabel()
        self.list_message.setObjectName("invitations_message")
        self.list_message.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.card_list)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list_message)
        layout.addStretch(1)
        return page

    def _card_page(self) -> QWidget:
        page = QWidget()
        self.card_title = look.heading(QLabel())
        self.card_title.setTextFormat(Qt.TextFormat.PlainText)
        self.card_title.setObjectName("invitation_title")
        self.card_title.setWordWrap(True)
        self.card_text = QLabel()
        self.card_text.setObjectName("invitation_text")
        self.card_text.setWordWrap(True)
        self.card_text.setTextFormat(Qt.TextFormat.RichText)
        self.minutes_spin = named(
            QSpinBox(),
            translate("Invitations", "Minutes"),
            translate("Invitations", "How long the timer runs, from 5 to 15 minutes"),
            object_name="walk_minutes",
        )
        self.minutes_spin.setSuffix(translate("Invitations", " min"))
        self.timer_button = named(
            QPushButton(translate("Invitations", "Start a &timer")),
            translate("Invitations", "Start a timer"),
            translate("Invitations", "A quiet timer for the walk, if you like one"),
            object_name="start_timer",
        )
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer_left")
        self.timer_row = QWidget()
        timer_layout = QHBoxLayout(self.timer_row)
        timer_layout.setContentsMargins(0, 0, 0, 0)
        timer_layout.addWidget(QLabel(translate("Invitations", "A timer, if you like:")))
        timer_layout.addWidget(self.minutes_spin)
        timer_layout.addWidget(self.timer_button)
        timer_layout.addWidget(self.timer_label)
        timer_layout.addStretch()
        self.go_button = QPushButton()
        self.go_button.setObjectName("invitation_go")
        self.go_button.setDefault(True)
        self.not_today_button = named(
            QPushButton(translate("Invitations", "&Not today")),
            translate("Invitations", "Not today"),
            translate("Invitations", "A full answer: back to the invitations, nothing kept"),
            object_name="not_today",
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.not_today_button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.card_title)
        layout.addWidget(self.card_text)
        layout.addWidget(self.timer_row)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _ending_page(self) -> QWidget:
        page = QWidget()
        self.ending_title = look.heading(QLabel(translate("Invitations", "What did you notice?")))
        self.ending_note = QLabel()
        self.ending_note.setObjectName("ending_note")
        self.ending_note.setWordWrap(True)
        form = QFormLayout()
        self.impression_edits: list[QLineEdit] = []
        for number in range(1, IMPRESSION_COUNT + 1):
            label = translate("Invitations", "Impression {number}").format(number=number)
            edit = named(
                QLineEdit(),
                label,
                translate("Invitations", "One small thing you sensed, in a few words"),
                object_name=f"invitation_impression_{number}",
            )
            edit.setPlaceholderText(translate("Invitations", "A few words"))
            self.impression_edits.append(edit)
            form.addRow(label, edit)
        self.impressions_button = named(
            QPushButton(translate("Invitations", "Keep as three &impressions")),
            translate("Invitations", "Keep as three impressions"),
            translate("Invitations", "Keeps these in your journal as a three impressions entry"),
            object_name="keep_impressions",
        )
        self.glimmer_button = named(
            QPushButton(translate("Invitations", "Keep as a &glimmer")),
            translate("Invitations", "Keep as a glimmer"),
            translate("Invitations", "Keeps what you wrote as one small glimmer"),
            object_name="keep_as_glimmer",
        )
        self.nothing_button = named(
            QPushButton(translate("Invitations", "Nothing to &keep")),
            translate("Invitations", "Nothing to keep"),
            translate("Invitations", "Finishes here; having tried it is enough"),
            object_name="keep_nothing",
        )
        self.ending_message = QLabel()
        self.ending_message.setObjectName("ending_message")
        self.ending_message.setWordWrap(True)
        # A column of three ways to end, each a whole answer; it fits any window and language.
        buttons = QVBoxLayout()
        for button in (self.impressions_button, self.glimmer_button, self.nothing_button):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(page)
        layout.addWidget(self.ending_title)
        layout.addWidget(self.ending_note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.ending_message)  # below: it never moves the button just pressed
        layout.addStretch(1)
        return page

    def _connect_signals(self) -> None:
        self.card_list.itemActivated.connect(lambda _item: self.open_current())
        self.open_button.clicked.connect(self.open_current)
        self.go_button.clicked.connect(self._go)
        self.not_today_button.clicked.connect(self.not_today)
        self.timer_button.clicked.connect(self._toggle_timer)
        self.impressions_button.clicked.connect(self._keep_impressions)
        self.glimmer_button.clicked.connect(self._keep_glimmer)
        self.nothing_button.clicked.connect(lambda: self._finish("", None))

    # -- a card -------------------------------------------------------------------------------

    def open_current(self) -> None:
        item = self.card_list.currentItem()
        if item is not None:
            self.open_card(str(item.data(KEY_ROLE)))

    def open_card(self, key: str) -> None:
        card = invitation(key)
        self._card = card
        self._minutes_taken = None
        self._stop_timer()
        self.card_title.setText(card.shown_title())
        self.card_text.setText("".join(f"<p>{html.escape(t)}</p>" for t in card.shown_lines()))
        self.timer_row.setVisible(card.timer is not None)
        if card.timer is not None:
            low, high, offered = card.timer
            self.minutes_spin.setRange(low, high)
            self.minutes_spin.setValue(offered)
        self.timer_label.setText("")
        words, spoken, description = self._go_words(card)
        named(self.go_button, spoken, description).setText(words)
        self.list_message.setText("")
        self.stack.setCurrentIndex(PAGE_CARD)
        self.go_button.setFocus()

    @staticmethod
    def _go_words(card: Invitation) -> tuple[str, str, str]:
        if card.opens == "listen":
            return (
                translate("Invitations", "Open &Listen"),
                translate("Invitations", "Open Listen"),
                translate("Invitations", "Goes to your music; come back here when you like"),
            )
        if card.opens == "pace":
            return (
                translate("Invitations", "&Begin in Breathe"),
                translate("Invitations", "Begin in Breathe"),
                translate("Invitations", "Starts finding your comfortable pace in Breathe"),
            )
        return (
            translate("Invitations", "What did you &notice?"),
            translate("Invitations", "What did you notice?"),
            translate("Invitations", "When you are back: a place for what you noticed"),
        )

    def _go(self) -> None:
        card = self._card
        if card is None:
            return
        if card.opens == "pace":
            self._back_to_list("")
            self.pace_requested.emit()
            return
        if card.opens == "listen":
            self.listen_requested.emit()
        self.show_ending()

    def not_today(self) -> None:
        self._stop_timer()
        self._back_to_list(translate("Invitations", "Not today is a full answer."))

    def _back_to_list(self, message: str) -> None:
        self._card = None
        self.list_message.setText(message)
        self.stack.setCurrentIndex(PAGE_LIST)
        self.card_list.setFocus()

    # -- the walk's timer ---------------------------------------------------------------------

    def timer_running(self) -> bool:
        return self._timer_started is not None

    def _toggle_timer(self) -> None:
        if self.timer_running():
            self._end_timer(early=True)
            return
        self._timer_minutes = self.minutes_spin.value()
        self._timer_started = self._clock.now()
        self.minutes_spin.setEnabled(False)
        self.timer_button.setText(translate("Invitations", "That's &enough for now"))
        self.timer_button.setAccessibleName(translate("Invitations", "That's enough for now"))
        self.ticker.start()
        self.tick()

    def tick(self) -> None:
        if self._timer_started is None:
            return
        elapsed = self._clock.now() - self._timer_started
        left = self._timer_minutes * 60 - elapsed
        if left <= 0:
            self._end_timer(early=False)
            return
        seconds = math.ceil(left)
        self.timer_label.setText(
            translate("Invitations", "{time} left").format(
                time=f"{seconds // 60}:{seconds % 60:02d}"
            )
        )

    def _end_timer(self, early: bool) -> None:
        started = self._timer_started
        if started is None:
            return
        elapsed = min(self._clock.now() - started, self._timer_minutes * 60)
        self._stop_timer()
        self._minutes_taken = round(elapsed / 60, 1)
        self.show_ending(
            translate("Invitations", "That's the time. Take a moment before you go on.")
            if not early
            else ""
        )

    def _stop_timer(self) -> None:
        self.ticker.stop()
        self._timer_started = None
        self.minutes_spin.setEnabled(True)
        self.timer_button.setText(translate("Invitations", "Start a &timer"))
        self.timer_button.setAccessibleName(translate("Invitations", "Start a timer"))
        self.timer_label.setText("")

    # -- the ending ---------------------------------------------------------------------------

    def show_ending(self, note: str = "") -> None:
        self._stop_timer()
        self._kept_ending = {}
        for edit in self.impression_edits:
            edit.clear()
        self.ending_note.setText(
            note
            or translate(
                "Invitations",
                "Three small impressions, if you like, or one glimmer. Or nothing at all.",
            )
        )
        self.ending_message.setText("")
        self.stack.setCurrentIndex(PAGE_ENDING)
        self.impression_edits[0].setFocus()

    def _notes(self) -> list[str]:
        return [edit.text() for edit in self.impression_edits]

    def _keep_impressions(self) -> None:
        card = self._card
        if card is None:
            return
        # A second Keep (the invitation itself was refused the first time) saves the same
        # entry again, with any words changed since: never a second copy of it.
        kept = self._kept_ending
        try:
            entry = save_entry(
                self._store,
                impressions_entry(self._notes(), day="", uid=kept.get("impressions")),
            )
        except ValueError as e:
            self.ending_message.setText(str(e))
            self.impression_edits[0].setFocus()
            return
        kept["impressions"] = entry.uid
        self._finish("impressions", entry.uid)

    def _keep_glimmer(self) -> None:
        card = self._card
        if card is None:
            return
        kept = self._kept_ending
        if "glimmer" in kept:  # kept already; only the invitation's own record was refused
            self._finish("glimmer", kept["glimmer"])
            return
        words = ", ".join(" ".join(n.split()) for n in self._notes() if n.strip())
        try:
            glimmer = keep_glimmer(self._store, words)
        except ValueError as e:
            self.ending_message.setText(str(e))
            self.impression_edits[0].setFocus()
            return
        kept["glimmer"] = glimmer.uid
        self._finish("glimmer", glimmer.uid)

    def _finish(self, ended_in: str, ending_uid: str | None) -> None:
        card = self._card
        if card is None:
            return
        try:
            keep_invitation(
                self._store,
                TakenInvitation(
                    invitation=card.key,
                    title=card.shown_title(),
                    minutes=self._minutes_taken,
                    ended_in=ended_in,
                    ending_uid=ending_uid,
                ),
            )
        except ValueError as e:
            self.ending_message.setText(str(e))
            return
        thanks = {
            "impressions": translate(
                "Invitations", "Kept in your journal, with the day's impressions."
            ),
            "glimmer": translate("Invitations", "Kept. Small things count."),
            "": translate("Invitations", "Thank you for taking the time."),
        }[ended_in]
        self.kept.emit(thanks)
        self._back_to_list(thanks)

    def prepare_to_close(self) -> None:
        self._stop_timer()
