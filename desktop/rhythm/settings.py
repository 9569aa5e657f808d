"""The rhythm's settings, read through their declarations in desktop/settings.py: the person's
anchors, the reminder switch, which reminders were shown today, the glimmer offered again.
Pure: a value edited badly in the file falls back to its default and never stops the tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from desktop.rhythm import remember, reminders
from desktop.rhythm.anchors import Anchor, anchors_from_text, anchors_to_text, default_anchors
from desktop.settings import (
    RHYTHM_ANCHORS,
    RHYTHM_REMEMBERED,
    RHYTHM_REMINDED,
    RHYTHM_REMINDERS,
    Settings,
)


class RhythmSettings:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def anchors(self) -> list[Anchor]:
        mine = anchors_from_text(self._settings.get(RHYTHM_ANCHORS))
        return default_anchors() if mine is None else mine

    def set_anchors(self, anchors: Sequence[Anchor]) -> bool:
        """Keep the person's anchors, written to the file at once (they are their own words);
        False when the file could not be written."""
        self._settings.set(RHYTHM_ANCHORS, anchors_to_text(anchors))
        return self._settings.sync()

    def reminders_on(self) -> bool:
        return self._settings.get(RHYTHM_REMINDERS)

    def set_reminders_on(self, on: bool) -> None:
        self._settings.set(RHYTHM_REMINDERS, on)

    def reminded(self, day: dt.date) -> set[str]:
        return reminders.shown_from_text(self._settings.get(RHYTHM_REMINDED), day)

    def set_reminded(self, day: dt.date, keys: Collection[str]) -> None:
        self._settings.set(RHYTHM_REMINDED, reminders.shown_to_text(day, keys))
        self._settings.sync()  # shown once, even if the app is closed straight after

    def remembered(self) -> remember.Offered | None:
        return remember.offered_from_text(self._settings.get(RHYTHM_REMEMBERED))

    def set_remembered(self, offered: remember.Offered) -> None:
        self._settings.set(RHYTHM_REMEMBERED, remember.offered_to_text(offered))
