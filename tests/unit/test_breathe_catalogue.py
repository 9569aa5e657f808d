"""The patterns Breathe offers (desktop/breathe/catalogue.py): pure, no Qt."""

from __future__ import annotations

from desktop.breathe.catalogue import offered, own_patterns, pattern_for
from desktop.breathe.patterns import presets
from desktop.store.breathing import StoredPattern


def test_your_own_patterns_are_offered_after_the_presets_in_their_order() -> None:
    own = own_patterns(
        [StoredPattern("Slow evening", 4, 0, 8, 0), StoredPattern("Morning", 3, 1, 5, 1, 1)]
    )
    shown = offered(6.0, False, own)
    names = [p.shown_name() for p in shown]
    assert names[: len(presets())] == [p.shown_name() for p in presets()]
    assert names[len(presets()) :] == ["Slow evening", "Morning"]
    assert [p.top_up for p in own.values()] == [0, 1]  # each kept as stored


def test_a_stored_pattern_that_no_longer_reads_is_left_out() -> None:
    own = own_patterns([StoredPattern("Broken", -1, 0, 6, 0), StoredPattern("Fine", 4, 0, 6, 0)])
    assert [p.shown_name() for p in own.values()] == ["Fine"]


def test_the_chosen_key_finds_a_preset_at_the_chosen_pace_or_your_own() -> None:
    own = own_patterns([StoredPattern("Slow evening", 4, 0, 8, 0)])
    [key] = own
    assert pattern_for(key, 6.0, False, own) is own[key]
    slower = pattern_for("resonance", 5.5, False, own)
    assert slower.key == "resonance" and slower.inhale + slower.exhale == 60 / 5.5
    assert (
        pattern_for("resonance", 5.5, False, own).inhale
        > pattern_for("resonance", 6.0, False, own).inhale
    )
    assert pattern_for("longer_out", 6.0, True, own).lengthen_to is not None


def test_a_key_that_is_gone_falls_back_to_resonance_breathing() -> None:
    fallback = pattern_for("custom:deleted elsewhere", 5.0, False, {})
    assert fallback.key == "resonance"
