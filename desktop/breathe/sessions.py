"""What is kept of a session, and whether it is kept at all. Pure.

A session shorter than one full breath is not a session (DESIGN.md: "A practice shorter than
one full breath is not a session"): a start pressed by mistake leaves nothing behind.
"""

from __future__ import annotations

from desktop.breathe.pacer import SessionRecord
from desktop.checkin.answer import CheckInAnswer
from desktop.store.breathing import StoredSession


def worth_keeping(record: SessionRecord) -> bool:
    """At least one whole breath, in and out, was breathed."""
    return record.cycles >= 1


def stored_session(
    record: SessionRecord, before: CheckInAnswer, after: CheckInAnswer
) -> StoredSession:
    """The session as the store keeps it: the pattern's numbers as breathed, the length as
    planned and as it was, and the two check-ins."""
    pattern = record.pattern
    return StoredSession(
        pattern_name=pattern.shown_name(),
        pattern={
            "key": pattern.key,
            "inhale": pattern.inhale,
            "top_up": pattern.top_up,
            "hold_in": pattern.hold_in,
            "exhale": pattern.exhale,
            "hold_out": pattern.hold_out,
            "lengthen_to": pattern.lengthen_to,
        },
        planned_seconds=record.planned_seconds,
        planned_cycles=record.planned_cycles,
        actual_seconds=record.actual_seconds,
        cycles=record.cycles,
        ended_early=record.ended_early,
        settled_before=before.settled,
        settled_after=after.settled,
        feelings_before=before.feelings,
        feelings_after=after.feelings,
    )
