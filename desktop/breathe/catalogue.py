"""The patterns the Breathe tab offers: the presets at the pace chosen in Options, then your
own as they are stored. Pure: the tab reads the store and the settings and hands them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.breathe.patterns import Pattern, PatternProblem, custom_pattern, presets, resonance
from desktop.store.breathing import StoredPattern


def own_patterns(stored: Iterable[StoredPattern]) -> dict[str, Pattern]:
    """Your own patterns by key, in the order given. One that no longer reads as a pattern
    (written by hand, or by an older version) is left out rather than offered broken."""
    found: dict[str, Pattern] = {}
    for one in stored:
        try:
            pattern = custom_pattern(
                one.name, one.inhale, one.hold_in, one.exhale, one.hold_out, one.top_up
            )
        except PatternProblem:
            continue
        found[pattern.key] = pattern
    return found


def offered(rate: float, gradual: bool, own: Mapping[str, Pattern]) -> list[Pattern]:
    """What the chooser lists: the presets first, then your own."""
    return [*presets(rate, gradual), *own.values()]


def pattern_for(key: str, rate: float, gradual: bool, own: Mapping[str, Pattern]) -> Pattern:
    """The pattern behind ``key``; resonance breathing at its usual pace when there is none
    (a pattern deleted elsewhere, a key from an older version)."""
    by_key = {p.key: p for p in presets(rate, gradual)}
    return by_key.get(key) or own.get(key) or resonance()
