"""Feeling words with intensities, and the phrase they make ("calm, with a little sadness").

Pure: no Qt. The vocabulary is read from resources/feelings.txt by the caller and parsed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.store import limits
from desktop.store.records import Feeling
from desktop.texts import QT_TRANSLATE_NOOP, translate

__all__ = ["Family", "Feeling", "Vocabulary", "Word", "clean_own_word", "phrase"]

# How strongly a feeling is there, when it follows the first one: "with {some} {sadness}".
INTENSITIES = {
    1: QT_TRANSLATE_NOOP("Feelings", "a little {noun}"),
    2: QT_TRANSLATE_NOOP("Feelings", "some {noun}"),
    3: QT_TRANSLATE_NOOP("Feelings", "a lot of {noun}"),
}
INTENSITY_NAMES = {
    1: QT_TRANSLATE_NOOP("Feelings", "a little"),
    2: QT_TRANSLATE_NOOP("Feelings", "some"),
    3: QT_TRANSLATE_NOOP("Feelings", "a lot"),
}
# A word of the person's own has no noun form we know of: it is said as it was typed, with
# an adverb ("calm, with a little sadness, and somewhat fizzy").
OWN_INTENSITIES = {
    1: QT_TRANSLATE_NOOP("Feelings", "a little {word}"),
    2: QT_TRANSLATE_NOOP("Feelings", "somewhat {word}"),
    3: QT_TRANSLATE_NOOP("Feelings", "very {word}"),
}
DEFAULT_INTENSITY = 2
MAX_WORD_LENGTH = limits.FEELING_WORD  # the store keeps the same


@dataclass(frozen=True)
class Word:
    text: str
    noun: str
    family: str
    graded: bool = True  # False for "not sure": it has no strength


@dataclass(frozen=True)
class Family:
    name: str
    words: tuple[Word, ...]


class Vocabulary:
    """The families of feeling words. A word is offered once: where two families hold the
    same word (a translation may make two words one), the first family keeps it."""

    def __init__(self, families: Sequence[Family]) -> None:
        seen: set[str] = set()
        kept: list[Family] = []
        for family in families:
            words = tuple(w for w in family.words if w.text not in seen)
            seen.update(w.text for w in words)
            if words:
                kept.append(Family(family.name, words))
        self.families = tuple(kept)
        self._by_text = {w.text: w for f in self.families for w in f.words}

    @classmethod
    def parse(cls, text: str) -> Vocabulary:
        families: list[Family] = []
        name: str | None = None
        words: list[Word] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("=="):
                if name is not None:
                    families.append(Family(name, tuple(words)))
                name, words = translate("Feelings", line.lstrip("= ").strip()), []
                continue
            if name is None:
                raise ValueError(f"line {number}: a word before any family")
            graded = not line.endswith("!")
            line = line.rstrip("! ").strip()
            # Each word and its noun form is shown in the person's language, and kept so.
            word, _, noun = (translate("Feelings", part.strip()) for part in line.partition("="))
            words.append(Word(word, noun or word, name, graded))
        if name is not None:
            families.append(Family(name, tuple(words)))
        return cls(families)

    def words(self) -> list[Word]:
        return list(self._by_text.values())

    def get(self, text: str) -> Word | None:
        return self._by_text.get(text)

    def lookup(self, text: str) -> Word:
        """The vocabulary word, or the person's own word used as it is."""
        return self._by_text.get(text) or Word(text, text, "", graded=True)

    def is_own(self, text: str) -> bool:
        """Whether ``text`` is a word the person typed rather than one of the vocabulary's."""
        return text not in self._by_text


def clean_own_word(text: str) -> str:
    """Normalise a word the person typed; raise ValueError with a message they can act on."""
    word = " ".join(text.split()).lower()
    if not word:
        raise ValueError(translate("Feelings", "Type a word first."))
    if len(word) > MAX_WORD_LENGTH:
        raise ValueError(
            translate(
                "Feelings", "Keep a feeling word under %n character(s).", None, MAX_WORD_LENGTH
            )
        )
    return word


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return translate("Feelings", "{first} and {last}").format(
        first=translate("Feelings", ", ").join(parts[:-1]), last=parts[-1]
    )


def phrase(feelings: Iterable[Feeling], vocabulary: Vocabulary) -> str:
    """Several feelings at once, strongest first: "calm, with a little sadness and some curiosity".

    Mixed states are normal, so there is no single score and no ranking of good and bad.
    """
    chosen = sorted(feelings, key=lambda f: -f.intensity)  # stable: ties keep the person's order
    if not chosen:
        return ""
    lead, rest = chosen[0], chosen[1:]
    lead_word = vocabulary.lookup(lead.word)
    text = lead_word.text
    if lead_word.graded and lead.intensity == 1:
        text = translate("Feelings", "a little {word}").format(word=text)
    elif lead_word.graded and lead.intensity == 3:
        text = translate("Feelings", "very {word}").format(word=text)
    graded, own, ungraded = [], [], []
    for feeling in rest:
        word = vocabulary.lookup(feeling.word)
        if not word.graded:
            ungraded.append(word.text)
        elif vocabulary.is_own(feeling.word):
            own.append(
                translate("Feelings", OWN_INTENSITIES[feeling.intensity]).format(word=word.text)
            )
        else:
            graded.append(
                translate("Feelings", INTENSITIES[feeling.intensity]).format(noun=word.noun)
            )
    if graded:
        text = translate("Feelings", "{feeling}, with {others}").format(
            feeling=text, others=_join(graded)
        )
    if len(own) == 1 and not graded:
        text = translate("Feelings", "{feeling} and {other}").format(feeling=text, other=own[0])
    elif own:
        text = translate("Feelings", "{feelings}, and {others}").format(
            feelings=text, others=_join(own)
        )
    if ungraded:
        text = translate("Feelings", "{feelings}, {others}").format(
            feelings=text, others=_join(ungraded)
        )
    return text
