"""The guided sessions on Breathe's own pacer (issue #19): "Find my comfortable pace" (its
pages are pace_panel.py) and "Too much today? Start again small" (one minute of a longer
out-breath, no questions before or after).

No widgets of its own: it breathes through the session controller, puts its step in words on
the label it is given, and asks the tab for the pace panel (panel_wanted) or, once over, for
the pacer at rest (ended).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop.breathe.pace_panel import PacePanel
from desktop.breathe.patterns import Pattern, longer_out
from desktop.breathe.session_controller import SessionController
from desktop.texts import translate

Guided = Literal["pace", "minute"]


class GuidedSessions(QObject):
    panel_wanted = Signal()  # show the pace panel: a pace step has ended
    ended = Signal()  # the guided session is over: the pacer at rest again

    def __init__(
        self,
        controller: SessionController,
        panel: PacePanel,
        label: QLabel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._panel = panel
        self._label = label
        self.kind: Guided | None = None  # while one runs
        panel.breathe_requested.connect(self._breathe)
        panel.closed.connect(self._end)

    def _ready(self) -> bool:
        """False while a session is being breathed. A finished one still waiting for its
        after check-in is kept first, without the answer, so it is never lost."""
        if self._controller.active():
            return False
        self._controller.keep_waiting()
        self._controller.cancel_before()
        return True

    def find_pace(self) -> bool:
        """Begin "Find my comfortable pace" (the tab shows its panel); False while a session
        is being breathed."""
        if not self._ready():
            return False
        self.kind = "pace"
        self._panel.start()
        return True

    def gentle_minute(self) -> bool:
        """Breathe one gentle minute now; False while a session is being breathed."""
        if not self._ready():
            return False
        self.kind = "minute"
        self._breathe(longer_out(), 1.0)
        return True

    def enough(self) -> None:
        """ "That's enough for now" during a pace step: this pace is the last one."""
        if self.kind == "pace":
            self._panel.stop_after_this()

    def finished(self) -> bool:
        """The pacer saw a session end: True if it was a guided one (and is dealt with)."""
        if self.kind is None:
            return False
        session = self._controller.session
        if self.kind == "minute":
            self._end()
            self._controller.finished(ask_after=False)  # kept, if it was a whole breath
            return True
        self._controller.forget()  # a pace step is kept with the finding, not as a session
        self.panel_wanted.emit()
        self._panel.step_ended(session is not None and session.ended_early)
        return True

    def close(self) -> None:
        """The window closes: a pace step is not a session, so nothing of it is kept."""
        if self.kind == "pace":
            self._controller.forget()

    def _breathe(self, pattern: object, minutes: float) -> None:
        assert isinstance(pattern, Pattern)
        self._label.setText(
            self._panel.status_text()
            if self.kind == "pace"
            else translate("BreatheTab", "One minute, gently. Nothing else is asked of you.")
        )
        self._label.show()
        self._controller.breathe(pattern, minutes=minutes)

    def _end(self) -> None:
        self.kind = None
        self._label.hide()
        if not self._controller.active():
            self.ended.emit()
