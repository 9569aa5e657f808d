"""The words Together offers: sensory prompts, what a mirror leaves out, the circle's guidelines,
the kinds of contact and the other anchors. Our own words, marked for translation. Pure."""

from __future__ import annotations

from desktop.texts import QT_TRANSLATE_NOOP, translate

CONTEXT = "TogetherPrompts"

# Small, low-stakes events noticed through the senses: nothing about the relationship itself.
PROMPTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "TogetherPrompts", "Something small you noticed today: a taste, a sound, a texture."
    ),
    QT_TRANSLATE_NOOP("TogetherPrompts", "The warmest thing you touched today."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "A sound you heard today, and where you were."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Something you ate or drank today, and how it tasted."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "The light in a place you were today."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "A moment today when your body felt a little easier."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Something you saw on your way somewhere."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "The weather today, as your skin felt it."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "A smell that reached you today."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Something your hands did today."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "A small thing that made you pause today."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Where you sat the longest today, and how the seat felt."),
)

# What a mirror leaves out: it says back, it does not fix or explain.
LEAVE_OUT: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TogetherPrompts", "advice"),
    QT_TRANSLATE_NOOP("TogetherPrompts", "why-questions"),
    QT_TRANSLATE_NOOP("TogetherPrompts", "what you think it means"),
)

GUIDELINES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TogetherPrompts", "Speak from what you notice."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Listen without fixing or advising."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Keep it short."),
    QT_TRANSLATE_NOOP("TogetherPrompts", "Passing is welcome, every time."),
)

# Everyday, non-sexual contact between people who already trust each other.
CONTACTS: dict[str, str] = {
    "handshake": QT_TRANSLATE_NOOP("TogetherPrompts", "A handshake"),
    "shoulder": QT_TRANSLATE_NOOP("TogetherPrompts", "A hand on the shoulder"),
    "back": QT_TRANSLATE_NOOP("TogetherPrompts", "A hand on the back"),
    "hands": QT_TRANSLATE_NOOP("TogetherPrompts", "Holding hands"),
    "mug": QT_TRANSLATE_NOOP("TogetherPrompts", "Holding one warm mug together"),
}

# When touch is not right: the same care, another anchor.
ANCHORS: dict[str, tuple[str, str]] = {
    "presence": (
        QT_TRANSLATE_NOOP("TogetherPrompts", "Sit quietly together"),
        QT_TRANSLATE_NOOP("TogetherPrompts", "Breathe side by side with the pacer, no words."),
    ),
    "pair": (
        QT_TRANSLATE_NOOP("TogetherPrompts", "Listen to each other"),
        QT_TRANSLATE_NOOP("TogetherPrompts", "A few minutes each of speaking and being heard."),
    ),
    "meal": (
        QT_TRANSLATE_NOOP("TogetherPrompts", "Share a meal or a drink"),
        QT_TRANSLATE_NOOP(
            "TogetherPrompts", "Set the screen aside and share something to eat or drink, slowly."
        ),
    ),
}

# After a round of touch, each answers for themself.
AFTER_ANSWERS: dict[str, str] = {
    "wanted": QT_TRANSLATE_NOOP("TogetherPrompts", "Something I wanted"),
    "willing": QT_TRANSLATE_NOOP("TogetherPrompts", "Something I was willing to do"),
    "rather_not": QT_TRANSLATE_NOOP("TogetherPrompts", "I'd rather not today"),
}

CHANGE_YOUR_MIND = QT_TRANSLATE_NOOP(
    "TogetherPrompts",
    "Anyone can change their mind at any time. \u201cNot today\u201d is a full answer.",
)


def shown(text: str) -> str:
    """One of the texts above in the person's language."""
    return translate(CONTEXT, text)


def leave_out_line() -> str:
    return translate("TogetherPrompts", "It helps to leave out {items}.").format(
        items=translate("TogetherPrompts", ", ").join(shown(item) for item in LEAVE_OUT)
    )
