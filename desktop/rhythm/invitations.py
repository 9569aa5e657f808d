"""Small invitations to the senses, in our own words. Pure.

Each card is short and asks for no meaning. It can end, if the person wants, in three
impressions or a glimmer; "Not today" is always a full answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.texts import QT_TRANSLATE_NOOP, translate

WALK_MINUTES = (5, 15, 10)  # the walk's optional timer: lowest, highest, offered


@dataclass(frozen=True)
class Invitation:
    key: str
    title: str  # as written here; shown through translate()
    lines: tuple[str, ...]
    timer: tuple[int, int, int] | None = None  # (lowest, highest, offered) minutes
    opens: str | None = None  # "listen" or "pace": the card leads to another tab
    ends_in_notes: bool = True  # ends, if wanted, in three impressions or a glimmer

    def shown_title(self) -> str:
        return translate("Invitations", self.title)

    def shown_lines(self) -> list[str]:
        return [translate("Invitations", line) for line in self.lines]


INVITATIONS = (
    Invitation(
        "walk",
        QT_TRANSLATE_NOOP("Invitations", "A mindful walk"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations", "Walk at whatever pace feels right, indoors or out, for a while."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "Notice your feet meeting the ground, one step and then the next."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "Notice the air on your skin: cool or warm, still or moving."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations",
                "When your mind wanders, come back to your feet. Nothing else is needed.",
            ),
        ),
        timer=WALK_MINUTES,
    ),
    Invitation(
        "warm",
        QT_TRANSLATE_NOOP("Invitations", "Something warm to hold"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations",
                "Hold something warm: a mug, a hot-water bottle, or your own hands together.",
            ),
            QT_TRANSLATE_NOOP("Invitations", "Notice where the warmth is, and whether it spreads."),
            QT_TRANSLATE_NOOP("Invitations", "Stay with it for as long as it is pleasant."),
        ),
    ),
    Invitation(
        "scent",
        QT_TRANSLATE_NOOP("Invitations", "A scent from the kitchen"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations", "Find something with a scent: a spice, an orange, coffee, tea."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "Breathe it in slowly. Is it sharp or sweet, strong or faint?"
            ),
            QT_TRANSLATE_NOOP("Invitations", "If a memory comes, let it come, and let it go."),
        ),
    ),
    Invitation(
        "texture",
        QT_TRANSLATE_NOOP("Invitations", "A texture under your fingers"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations", "Find something to touch: wool, a stone, bark, a towel, clay."
            ),
            QT_TRANSLATE_NOOP("Invitations", "Let your fingertips move across it slowly."),
            QT_TRANSLATE_NOOP("Invitations", "Notice rough and smooth, warm and cool."),
        ),
    ),
    Invitation(
        "colour",
        QT_TRANSLATE_NOOP("Invitations", "A colour nearby"),
        (
            QT_TRANSLATE_NOOP("Invitations", "Look around for one colour, any colour at all."),
            QT_TRANSLATE_NOOP(
                "Invitations", "Let your eyes rest on it. Notice its shades and its edges."
            ),
            QT_TRANSLATE_NOOP("Invitations", "See where else it turns up around you."),
        ),
    ),
    Invitation(
        "song",
        QT_TRANSLATE_NOOP("Invitations", "A song that draws a faint feeling"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations",
                "Choose a song that once meant something to you, or one that simply sounds kind.",
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "Listen without needing to feel anything in particular."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "If something stirs, even faintly, notice where it is."
            ),
        ),
        opens="listen",
    ),
    Invitation(
        "pace",
        QT_TRANSLATE_NOOP("Invitations", "Find my comfortable pace"),
        (
            QT_TRANSLATE_NOOP(
                "Invitations",
                "Five slow paces, about two minutes each, with the out-breath a little longer "
                "than the in-breath.",
            ),
            QT_TRANSLATE_NOOP(
                "Invitations", "After each one, a single tap: easy, fine or effortful."
            ),
            QT_TRANSLATE_NOOP(
                "Invitations",
                "Nothing is measured. The pace that felt most comfortable can become a pattern "
                "of your own, and you can find it again any time.",
            ),
        ),
        opens="pace",
        ends_in_notes=False,
    ),
)


def invitation(key: str) -> Invitation:
    for card in INVITATIONS:
        if card.key == key:
            return card
    raise KeyError(key)
