"""Settings declared once: what a stored value gives, whatever a hand-edited file holds."""

from __future__ import annotations

from typing import Any

import pytest

from desktop import settings as declared
from desktop.breathe.patterns import DEFAULT_RATE, RESONANCE_RATES
from desktop.settings import (
    BACKUPS_KEEP,
    BREATHE_CHECKIN,
    BREATHE_LENGTH,
    BREATHE_RATE,
    LOCK_MINUTES,
    PACER_LOOK,
    WINDOW_GEOMETRY,
    WINDOW_PAGE,
    Bytes,
    Choice,
    Flag,
    MemoryBackend,
    Number,
    Setting,
    Settings,
    Text,
    Whole,
)

DECLARATIONS: list[Setting[Any]] = [
    value
    for value in vars(declared).values()
    if isinstance(value, (Flag, Whole, Number, Choice, Text, Bytes))
]


def settings_with(**values: object) -> Settings:
    return Settings(MemoryBackend({key.replace("__", "/"): v for key, v in values.items()}))


def test_every_key_is_declared_once_with_a_default_it_accepts() -> None:
    keys = [setting.key for setting in DECLARATIONS]
    assert len(keys) == len(set(keys)) >= 19
    for setting in DECLARATIONS:
        assert setting.parse(setting.dump(setting.default)) == setting.default, setting.key


def test_nothing_stored_gives_the_default() -> None:
    settings = settings_with()
    assert settings.get(BREATHE_CHECKIN) is True
    assert settings.get(LOCK_MINUTES) == 10
    assert settings.stored(LOCK_MINUTES) is None
    assert settings.get(WINDOW_GEOMETRY) == b""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("false", False), (True, True), (False, False), ("yes", True), ("", True)],
)
def test_flags_read_true_and_false_only(raw: object, expected: bool) -> None:
    assert settings_with(breathe__checkin=raw).get(BREATHE_CHECKIN) is expected


def test_flags_are_written_as_true_and_false() -> None:
    backend = MemoryBackend()
    Settings(backend).set(BREATHE_CHECKIN, False)
    assert backend.values == {"breathe/checkin": "false"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        (12, 12),
        ("7.6", 8),
        ("-3", 0),  # below the range: its lowest end
        ("99999", 240),  # above: its highest end
        ("lots", 10),
        ("nan", 10),
        ("inf", 10),
        (True, 10),
        (["1", "2"], 10),  # INI reads "1, 2" as a list
    ],
)
def test_whole_numbers_are_kept_in_their_range(raw: object, expected: int) -> None:
    assert settings_with(security__lock_minutes=raw).get(LOCK_MINUTES) == expected


def test_a_mangled_keep_count_still_keeps_one() -> None:
    assert settings_with(backups__keep="-3").get(BACKUPS_KEEP) == 1


def test_decimal_numbers_and_choices() -> None:
    assert settings_with(breathe__rate="5.5").get(BREATHE_RATE) == 5.5
    assert settings_with(breathe__rate="fast").get(BREATHE_RATE) == 6.0
    assert settings_with(breathe__style="ring").get(PACER_LOOK) == "ring"
    assert settings_with(breathe__style="spiral").get(PACER_LOOK) == "shape"
    assert settings_with(breathe__style="spiral").stored(PACER_LOOK) is None


def test_text_and_bytes_refuse_other_kinds() -> None:
    assert settings_with(window__page=["a", "b"]).get(WINDOW_PAGE) == ""
    assert settings_with(window__geometry="nonsense").get(WINDOW_GEOMETRY) == b""
    geometry = settings_with(window__geometry=bytearray(b"\x01\x02")).get(WINDOW_GEOMETRY)
    assert geometry == b"\x01\x02"


def test_the_breathing_rate_agrees_with_the_patterns() -> None:
    assert BREATHE_RATE.default == DEFAULT_RATE
    assert (BREATHE_RATE.low, BREATHE_RATE.high) == (RESONANCE_RATES[0], RESONANCE_RATES[-1])
    assert BREATHE_LENGTH.low >= 1
