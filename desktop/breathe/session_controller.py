"""One breathing session at a time: the check-in before, the breathing, the check-in after,
and what is kept. No widgets: the tab shows each step and hands over the answers.

A session shorter than one full breath is not kept (desktop/breathe/sessions.py).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, Signal

from desktop.breathe.pacer import BreathSession
from desktop.breathe.patterns import Pattern
from desktop.breathe.sessions import stored_session, worth_keeping
from desktop.checkin.answer import SKIPPED, CheckInAnswer
from desktop.clock import Clock
from desktop.settings import LengthUnit
from desktop.store import Store
from desktop.store.breathing import save_session
from desktop.texts import translate

SessionStep = Literal["rest", "before", "breathing", "after"]


class SessionController(QObject):
    step_changed = Signal(str)  # a SessionStep: what the tab shows now
    session_started = Signal(object)  # BreathSession: the session the pacer shows
    kept = Signal(object)  # StoredSession: the session as written
    not_kept = Signal(str)  # why a finished session could not be written, in words

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.step: SessionStep = "rest"
        self.session: BreathSession | None = None
        self._before: CheckInAnswer = SKIPPED
        self._planned: tuple[Pattern, LengthUnit, int] | None = None

    # -- reading ------------------------------------------------------------------------------

    def active(self) -> bool:
        """A session is being breathed (paused counts)."""
        session = self.session
        return session is not None and session.started and not session.finished

    # -- requests -----------------------------------------------------------------------------

    def prepare(self, pattern: Pattern, unit: LengthUnit, amount: int, ask_before: bool) -> None:
        """The person pressed Start: ask first if they want the check-in, else breathe."""
        self._planned = (pattern, unit, amount)
        if ask_before:
            self._go("before")
        else:
            self.begin(SKIPPED)

    def begin(self, before: object) -> None:
        """Breathe what was prepared, with the before check-in's answer (or none)."""
        assert isinstance(before, CheckInAnswer)
        if self._planned is None:
            return
        pattern, unit, amount = self._planned
        self._planned = None
        if unit == "breaths":
            self.breathe(pattern, cycles=amount, before=before)
        else:
            self.breathe(pattern, minutes=float(amount), before=before)

    def breathe(
        self,
        pattern: Pattern,
        minutes: float | None = None,
        cycles: int | None = None,
        before: CheckInAnswer = SKIPPED,
    ) -> BreathSession:
        """Start a session now (a guided one comes here straight away)."""
        self._before = before
        self.session = BreathSession(pattern, self._clock, minutes=minutes, cycles=cycles)
        self.session.start()
        self.session_started.emit(self.session)
        self._go("breathing")
        return self.session

    def cancel_before(self) -> None:
        """The before check-in was left: nothing starts."""
        self._planned = None
        if self.step == "before":
            self._go("rest")

    def toggle(self) -> None:
        if self.active():
            assert self.session is not None
            self.session.toggle()

    def enough(self) -> None:
        """ "That's enough for now": the session ends after this out-breath."""
        if self.active():
            assert self.session is not None
            self.session.finish_gently()

    def stop(self) -> None:
        """Escape: the session ends now."""
        if self.active():
            assert self.session is not None
            self.session.stop()

    def finished(self, ask_after: bool) -> None:
        """The pacer saw the session end: ask the after check-in, or keep it, or (shorter than
        one full breath) let it go."""
        session = self.session
        if session is None:
            return
        if not worth_keeping(session.record()):
            self.forget()
            return
        if ask_after:
            self._go("after")
        else:
            self.keep(SKIPPED)

    def keep(self, after: object) -> None:
        """Write the finished session with both check-ins' answers."""
        assert isinstance(after, CheckInAnswer)
        session = self.session
        if session is None:
            return
        try:
            saved = save_session(self._store, stored_session(session.record(), self._before, after))
        except ValueError as e:
            self.not_kept.emit(
                translate("BreatheTab", "This session was not kept: {reason}").format(reason=e)
            )
            self._go("rest")
            return
        self._before = SKIPPED
        self.kept.emit(saved)
        self._go("rest")

    def keep_waiting(self) -> None:
        """A finished session still waiting for its after check-in is kept without it."""
        if self.step == "after" and self.session is not None:
            self.keep(SKIPPED)

    def forget(self) -> None:
        """Nothing of this session is kept (a pace step of "Find my comfortable pace", or less
        than one breath)."""
        self.session = None
        self._before = SKIPPED
        self._go("rest")

    def close(self) -> None:
        """The window closes: a session cut short is still kept, if it was one."""
        if self.active():
            assert self.session is not None
            self.session.stop()
        session = self.session
        waiting = session is not None and self.step in ("breathing", "after")
        if waiting and session is not None and worth_keeping(session.record()):
            self.keep(SKIPPED)
        self.session = None

    def _go(self, step: SessionStep) -> None:
        self.step = step
        self.step_changed.emit(step)
