"""The daily rhythm's rules: anchors, what a day shows, and the words for answers. Pure.

A day is a few anchors the person chooses and names. Each can be done, made smaller, or let go;
an anchor with no answer yet is simply open. There is no state for "missed" anywhere, no count,
no streak: the rhythm shows the times the person came back, never the gaps.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from desktop.texts import QT_TRANSLATE_NOOP, translate

KINDS = ("move", "eat", "breathe", "contact", "own")  # what an anchor's card offers besides
MAX_ANCHORS = 8
MAX_NAME_LENGTH = 60
MAX_CUE_LENGTH = 200

ANSWER_WORDS = {
    "done": QT_TRANSLATE_NOOP("Rhythm", "done"),
    "smaller": QT_TRANSLATE_NOOP("Rhythm", "a smaller version"),
    "let_go": QT_TRANSLATE_NOOP("Rhythm", "let go for today"),
}
ACKNOWLEDGEMENTS = {
    "done": QT_TRANSLATE_NOOP("Rhythm", "Done. That counts."),
    "smaller": QT_TRANSLATE_NOOP("Rhythm", "A smaller version counts just the same."),
    "let_go": QT_TRANSLATE_NOOP("Rhythm", "Let go for today. That is a full answer too."),
}


@dataclass(frozen=True)
class Anchor:
    key: str  # stable across renaming: answers are kept under it
    name: str
    cue: str  # what, exactly
    smaller: str  # how small it may be today
    time: dt.time | None = None
    kind: str = "own"  # "breathe" offers Breathe; "contact" offers your people and Together


class AnchorProblem(ValueError):
    """An anchor that cannot be kept as typed; ``field`` names what to change."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# Offered at first, in the person's language; kept in their words once they change anything.
_DEFAULTS = (
    (
        "move",
        dt.time(10, 0),
        QT_TRANSLATE_NOOP("Rhythm", "Move a little"),
        QT_TRANSLATE_NOOP(
            "Rhythm", "Stand up and stretch, or walk to a window and back. A minute is plenty."
        ),
        QT_TRANSLATE_NOOP("Rhythm", "Roll your shoulders once, sitting where you are."),
    ),
    (
        "eat",
        dt.time(12, 30),
        QT_TRANSLATE_NOOP("Rhythm", "Eat something"),
        QT_TRANSLATE_NOOP("Rhythm", "Sit down with something to eat, even a small plate."),
        QT_TRANSLATE_NOOP("Rhythm", "A piece of fruit, a slice of toast or a glass of milk."),
    ),
    (
        "breathe",
        dt.time(16, 0),
        QT_TRANSLATE_NOOP("Rhythm", "A moment of breathing"),
        QT_TRANSLATE_NOOP("Rhythm", "A few minutes of slow breathing with Breathe."),
        QT_TRANSLATE_NOOP("Rhythm", "Three slow breaths out, wherever you are."),
    ),
    (
        "contact",
        dt.time(18, 0),
        QT_TRANSLATE_NOOP("Rhythm", "A brief contact with someone"),
        QT_TRANSLATE_NOOP("Rhythm", "Say hello to someone you trust, in person or by message."),
        QT_TRANSLATE_NOOP("Rhythm", "Think of one person. A single word to them is enough."),
    ),
)


def default_anchors() -> list[Anchor]:
    """The anchors offered at first: move a little, eat something, breathe, a brief contact."""
    return [
        Anchor(
            key=key,
            kind=key,
            time=time,
            name=translate("Rhythm", name),
            cue=translate("Rhythm", cue),
            smaller=translate("Rhythm", smaller),
        )
        for key, time, name, cue, smaller in _DEFAULTS
    ]


def new_key() -> str:
    return "own-" + uuid.uuid4().hex[:12]


def clean_anchor(anchor: Anchor) -> Anchor:
    """The anchor with its words tidied, or AnchorProblem saying what to change."""
    name = " ".join(anchor.name.split())
    cue = " ".join(anchor.cue.split())
    smaller = " ".join(anchor.smaller.split())
    if not name:
        raise AnchorProblem("name", translate("Rhythm", "Give the anchor a short name."))
    if len(name) > MAX_NAME_LENGTH:
        raise AnchorProblem(
            "name",
            translate("Rhythm", "Keep the name under {length} characters.").format(
                length=MAX_NAME_LENGTH
            ),
        )
    for field, value in (("cue", cue), ("smaller", smaller)):
        if len(value) > MAX_CUE_LENGTH:
            raise AnchorProblem(
                field,
                translate("Rhythm", "Keep this under {length} characters.").format(
                    length=MAX_CUE_LENGTH
                ),
            )
    kind = anchor.kind if anchor.kind in KINDS else "own"
    return replace(anchor, name=name, cue=cue, smaller=smaller, kind=kind)


# -- kept in the settings -------------------------------------------------------------------------


def anchors_to_text(anchors: Sequence[Anchor]) -> str:
    return json.dumps(
        [
            {
                "key": a.key,
                "kind": a.kind,
                "name": a.name,
                "cue": a.cue,
                "smaller": a.smaller,
                "time": a.time.strftime("%H:%M") if a.time else None,
            }
            for a in anchors
        ],
        ensure_ascii=False,
    )


def anchors_from_text(text: object) -> list[Anchor] | None:
    """The person's anchors from the settings, or None when there are none yet or the value
    cannot be read (an edited file): then the offered anchors are shown, and nothing is lost
    that was not already unreadable."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):  # (nested deeper than the decoder goes)
        return None
    if not isinstance(raw, list):
        return None
    anchors: list[Anchor] = []
    seen: set[str] = set()
    for item in raw[:MAX_ANCHORS]:
        if not isinstance(item, dict):
            continue
        key = item.get("key")
        if not isinstance(key, str) or not key or key in seen:
            continue
        time = _parse_time(item.get("time"))
        try:
            anchor = clean_anchor(
                Anchor(
                    key=key,
                    kind=str(item.get("kind", "own")),
                    name=str(item.get("name", "")),
                    cue=str(item.get("cue", "")),
                    smaller=str(item.get("smaller", "")),
                    time=time,
                )
            )
        except AnchorProblem:
            continue
        seen.add(key)
        anchors.append(anchor)
    return anchors


def _parse_time(value: object) -> dt.time | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.time.fromisoformat(value).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return None


# -- a day ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayAnchor:
    anchor: Anchor
    answer: str | None  # "done", "smaller", "let_go"; None: still open, never "missed"


def in_day_order(anchors: Sequence[Anchor]) -> list[Anchor]:
    """Anchors with a time by their time, then the ones without, in the person's order."""
    timed = sorted((a for a in anchors if a.time is not None), key=lambda a: a.time or dt.time())
    return timed + [a for a in anchors if a.time is None]


def day_of(anchors: Sequence[Anchor], answers: Mapping[str, str]) -> list[DayAnchor]:
    return [DayAnchor(a, answers.get(a.key)) for a in in_day_order(anchors)]


def anchor_to_offer(day: Sequence[DayAnchor], now: dt.time) -> int:
    """Which anchor to put in front: the open one whose time came most recently, else the next
    one to come, else any open one; when every anchor has an answer, the first."""
    open_ones = [(i, d.anchor) for i, d in enumerate(day) if d.answer is None]
    come = [i for i, a in open_ones if a.time is not None and a.time <= now]
    if come:
        return come[-1]
    if open_ones:
        return open_ones[0][0]
    return 0


def answer_words(answer: str | None) -> str:
    """How an answer reads beside its anchor; an open anchor says nothing at all."""
    return translate("Rhythm", ANSWER_WORDS[answer]) if answer in ANSWER_WORDS else ""


def acknowledgement(answer: str) -> str:
    return translate("Rhythm", ACKNOWLEDGEMENTS[answer])
