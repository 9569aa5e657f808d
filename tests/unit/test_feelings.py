"""Feeling words and the phrase they make: nuance, not scores."""

from __future__ import annotations

import pytest

from desktop.checkin.feelings import Feeling, Vocabulary, clean_own_word, phrase
from desktop.checkin.vocabularies import load_feelings


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_feelings()


def test_vocabulary_has_families_including_the_quiet_ones(vocab: Vocabulary) -> None:
    names = [f.name for f in vocab.families]
    assert len(names) >= 6
    words = {w.text for w in vocab.words()}
    assert {"numb", "flat", "nothing in particular", "not sure", "calm", "sad"} <= words
    assert vocab.lookup("sad").noun == "sadness"
    assert not vocab.lookup("not sure").graded


def test_the_phrase_from_the_product_description(vocab: Vocabulary) -> None:
    chosen = [Feeling("calm", 2), Feeling("sad", 1), Feeling("curious", 2)]
    assert phrase(chosen, vocab) == "calm, with some curiosity and a little sadness"


def test_phrase_leads_with_the_strongest(vocab: Vocabulary) -> None:
    assert (
        phrase([Feeling("sad", 1), Feeling("calm", 3)], vocab) == "very calm, with a little sadness"
    )
    assert phrase([Feeling("tired", 1)], vocab) == "a little tired"
    assert phrase([], vocab) == ""


def test_ungraded_and_own_words(vocab: Vocabulary) -> None:
    assert phrase([Feeling("nothing in particular", 3)], vocab) == "nothing in particular"
    assert (
        phrase([Feeling("calm", 2), Feeling("not sure", 2), Feeling("fizzy", 1)], vocab)
        == "calm and a little fizzy, not sure"
    )


def test_own_words_read_as_plain_english(vocab: Vocabulary) -> None:
    """A word of the person's own has no noun we know: "with a little fizzy" is not English."""
    assert (
        phrase([Feeling("calm", 2), Feeling("sad", 1), Feeling("fizzy", 2)], vocab)
        == "calm, with a little sadness, and somewhat fizzy"
    )
    assert phrase([Feeling("fizzy", 3), Feeling("calm", 1)], vocab) == (
        "very fizzy, with a little calm"
    )
    assert phrase([Feeling("fizzy", 1)], vocab) == "a little fizzy"


def test_a_word_in_two_families_is_offered_once() -> None:
    vocab = Vocabulary.parse("== Calm\ncalm\nsettled\n== Ease\nsettled\nsoft = softness\n")
    assert [[w.text for w in f.words] for f in vocab.families] == [
        ["calm", "settled"],
        ["soft"],
    ]
    assert [w.text for w in vocab.words()] == ["calm", "settled", "soft"]


def test_intensity_is_one_to_three() -> None:
    with pytest.raises(ValueError):
        Feeling("calm", 0)
    with pytest.raises(ValueError):
        Feeling("calm", 4)


def test_own_words_are_cleaned_or_refused_with_a_message() -> None:
    assert clean_own_word("  Fizzy   Warm ") == "fizzy warm"
    with pytest.raises(ValueError, match="Type a word"):
        clean_own_word("   ")
    with pytest.raises(ValueError, match="under 60"):
        clean_own_word("x" * 61)


def test_malformed_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="line 1"):
        Vocabulary.parse("calm\n== Family\n")
