"""A body check-in in words, as the timeline and the Markdown export show it: what was felt,
then how clearly ("Chest: warm and open, felt clearly"), never "clear warm, open"."""

from __future__ import annotations

from desktop.store.listening import BodyMark, CheckIn


def words(*marks: BodyMark, note: str = "") -> str:
    return CheckIn(None, "", None, marks, note=note).summary({"chest": "Chest", "hands": "Hands"})


def test_what_was_felt_comes_first_then_how_clearly() -> None:
    assert (
        words(BodyMark("chest", ("warm", "open"), "clear")) == "Chest: warm and open, felt clearly"
    )
    assert words(BodyMark("chest", ("warm",), "faint")) == "Chest: warm, felt faintly"
    assert (
        words(BodyMark("hands", ("heavy", "still", "my own word"), "strong"))
        == "Hands: heavy, still and my own word, felt strongly"
    )


def test_a_place_marked_with_no_word_and_several_places() -> None:
    assert words(BodyMark("chest")) == "Chest: felt clearly"
    assert (
        words(BodyMark("chest", ("warm",)), BodyMark("hands", (), "faint"), note="the low notes")
        == "Chest: warm, felt clearly; Hands: felt faintly. the low notes"
    )
