"""The before-and-after tap around a track: "Before this track…" as one starts, "And now?" as it
ends or the person moves on. One tap answers; the dot can be moved after; Skip goes on without.

A view: it says what was tapped and what was skipped; the Listen tab keeps the taps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.checkin.mood_grid import MoodGrid
from desktop.controls import named
from desktop.look import GAP, SPACE, heading, tight
from desktop.store.moods import MoodMoment
from desktop.texts import translate


class MoodPanel(QWidget):
    chosen = Signal(str, float, float)  # MoodMoment, pleasantness, energy: a tap or a moved dot
    done = Signal()  # skipped, or finished with: the panel can go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mood_panel")
        self.moment: MoodMoment | None = None
        self.answered = False
        self.title = heading(QLabel())
        self.title.setObjectName("mood_title")
        self.hint = QLabel()
        self.hint.setObjectName("mood_hint")
        self.hint.setWordWrap(True)
        self.grid = MoodGrid()
        self.skip_button = named(
            QPushButton(translate("ListenMood", "Skip")),
            translate("ListenMood", "Skip"),
            translate("ListenMood", "Goes on without the tap this time"),
            object_name="mood_skip",
        )
        self.skip_button.setFlat(True)  # a small text button: going on is always fine
        self.skip_button.setCursor(Qt.CursorShape.PointingHandCursor)

        row = tight(QHBoxLayout())
        row.addStretch()
        row.addWidget(self.skip_button)
        layout = tight(QVBoxLayout(self), SPACE)
        layout.setContentsMargins(GAP, 0, 0, 0)  # room from the library beside it
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid)
        layout.addLayout(row)  # Skip just below the grid, where the eye already is
        layout.addStretch(1)

        self.grid.chosen.connect(self._on_chosen)
        self.skip_button.clicked.connect(self.done)

    def ask(self, moment: MoodMoment) -> None:
        """Ask before a track or after it, with a fresh grid."""
        self.moment = moment
        self.answered = False
        self.grid.clear()
        self.title.setText(
            translate("ListenMood", "Before this track…")
            if moment == "before"
            else translate("ListenMood", "And now?")
        )
        self.hint.setText(
            translate(
                "ListenMood",
                "If you like, tap where you are: how pleasant it feels, and how much energy "
                "there is.",
            )
        )
        self._name_skip(
            translate("ListenMood", "Skip"),
            translate("ListenMood", "Goes on without the tap this time"),
        )

    def _on_chosen(self, pleasantness: float, energy: float) -> None:
        if self.moment is None:
            return
        self.chosen.emit(self.moment, pleasantness, energy)
        if not self.answered:
            self.answered = True
            self.hint.setText(translate("ListenMood", "Noted. You can move the dot if you like."))
            self._name_skip(
                translate("ListenMood", "Done"),
                translate("ListenMood", "Closes the tap; it is kept"),
            )

    def _name_skip(self, text: str, description: str) -> None:
        self.skip_button.setText(text)
        named(self.skip_button, text, description)
