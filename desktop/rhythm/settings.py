"""The rhythm's settings: the person's anchors, the reminder switch, what was shown today.

Declared here in one place until the app's one settings module takes them over. A value edited
badly in the file falls back to its default and never stops the tab from opening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from PySide6.QtCore import QSettings

from desktop.rhythm import remember, reminders
from desktop.rhythm.anchors import Anchor, anchors_from_text, anchors_to_text, default_anchors

ANCHORS = "rhythm/anchors"  # JSON list; absent: the offered anchors, in the person's language
REMINDERS = "rhythm/reminders"  # "true" or "false"; off unless the person turns it on
REMINDED = "rhythm/reminded"  # "2026-11-28 move eat": the reminders shown today
REMEMBERED = "rhythm/remembered"  # "2026-11-28 <uid>": the glimmer last offered from the past


class RhythmSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def anchors(self) -> list[Anchor]:
        mine = anchors_from_text(self._settings.value(ANCHORS))
        return default_anchors() if mine is None else mine

    def set_anchors(self, anchors: Sequence[Anchor]) -> None:
        self._settings.setValue(ANCHORS, anchors_to_text(anchors))

    def reminders_on(self) -> bool:
        return self._settings.value(REMINDERS, "false") == "true"

    def set_reminders_on(self, on: bool) -> None:
        self._settings.setValue(REMINDERS, "true" if on else "false")

    def reminded(self, day: dt.date) -> set[str]:
        return reminders.shown_from_text(self._settings.value(REMINDED), day)

    def set_reminded(self, day: dt.date, keys: Collection[str]) -> None:
        self._settings.setValue(REMINDED, reminders.shown_to_text(day, keys))
        self._settings.sync()  # shown once, even if the app is closed straight after

    def remembered(self) -> remember.Offered | None:
        return remember.offered_from_text(self._settings.value(REMEMBERED))

    def set_remembered(self, offered: remember.Offered) -> None:
        self._settings.setValue(REMEMBERED, remember.offered_to_text(offered))
