"""The rhythm's settings: the person's anchors, kept in the journal (they are their own words,
so its backups and its export hold them), and, read through their declarations in
desktop/settings.py, the reminder switch, which reminders were shown today, the glimmer offered
again. Pure: a value edited badly falls back to its default and never stops the tab."""

from __future__ import annotations

import contextlib
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
from desktop.store import Store, WriteFailed
from desktop.store.anchor_plan import keep_plan, read_plan


class RhythmSettings:
    def __init__(self, settings: Settings, store: Store) -> None:
        self._settings = settings
        self._store = store
        self._unkept: list[Anchor] | None = None  # the journal refused them: until it takes them

    def anchors(self) -> list[Anchor]:
        """The person's anchors, kept in the journal; the offered ones until they choose."""
        if self._unkept is not None:
            return list(self._unkept)
        kept = read_plan(self._store)
        if kept is None:
            # Kept in settings.ini before the journal held them (or a journal restored from
            # such a time): moved into the journal, so its backups and export have them.
            mine = anchors_from_text(self._settings.get(RHYTHM_ANCHORS))
            if mine is None:
                return default_anchors()
            with contextlib.suppress(WriteFailed, ValueError):  # shown all the same
                keep_plan(self._store, anchors_to_text(mine))
            return mine
        mine = anchors_from_text(kept)
        return default_anchors() if mine is None else mine

    def set_anchors(self, anchors: Sequence[Anchor]) -> bool:
        """Keep the person's anchors in the journal at once (they are their own words); False
        when they could not be kept: then they are shown until Glimmers closes."""
        try:
            keep_plan(self._store, anchors_to_text(anchors))
        except (WriteFailed, ValueError):
            self._unkept = list(anchors)
            return False
        self._unkept = None
        return True

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
