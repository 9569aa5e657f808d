"""Reduced motion as each desktop keeps it, with the person's override first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.shell.motion import Runner, desktop_prefers_reduced_motion, prefers_reduced_motion


def answering(output: str | None) -> tuple[list[list[str]], Runner]:
    asked: list[list[str]] = []

    def run(command: Sequence[str]) -> str | None:
        asked.append(list(command))
        return output

    return asked, run


@pytest.mark.parametrize(("output", "reduced"), [("false\n", True), ("true\n", False)])
def test_gnome_reduce_animation(output: str, reduced: bool) -> None:
    asked, run = answering(output)
    env = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
    assert desktop_prefers_reduced_motion("linux", env, run) is reduced
    assert asked == [["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"]]


def test_gnome_settings_tool_missing_says_nothing() -> None:
    _, run = answering(None)
    env = {"XDG_CURRENT_DESKTOP": "GNOME"}
    assert desktop_prefers_reduced_motion("linux", env, run) is None


@pytest.mark.parametrize(
    ("text", "reduced"),
    [
        ("[KDE]\nAnimationDurationFactor=0\n", True),
        ("[KDE]\nAnimationDurationFactor=0.5\n", False),
        ("[General]\nColorScheme=Breeze\n", None),
        ("[KDE\nbroken", None),
    ],
)
def test_plasma_animation_speed(tmp_path: Path, text: str, reduced: bool | None) -> None:
    (tmp_path / "kdeglobals").write_text(text)
    env = {"XDG_CURRENT_DESKTOP": "KDE", "XDG_CONFIG_HOME": str(tmp_path)}
    _, run = answering("false")  # gsettings is not what Plasma uses
    assert desktop_prefers_reduced_motion("linux", env, run) is reduced


def test_no_desktop_no_answer_and_no_tool_started() -> None:
    asked, run = answering("false")
    assert desktop_prefers_reduced_motion("linux", {}, run) is None
    assert asked == []


@pytest.mark.parametrize(("output", "reduced"), [("1\n", True), ("0\n", False), (None, None)])
def test_macos_reduce_motion(output: str | None, reduced: bool | None) -> None:
    _, run = answering(output)
    assert desktop_prefers_reduced_motion("darwin", {}, run) is reduced


def test_the_override_comes_first_then_qt_then_the_desktop() -> None:
    def desktop() -> bool:
        return True

    assert prefers_reduced_motion(True, {"GLIMMERS_REDUCED_MOTION": "0"}, desktop) is False
    assert prefers_reduced_motion(None, {"GLIMMERS_REDUCED_MOTION": "yes"}, lambda: False) is True
    assert prefers_reduced_motion(False, {}, desktop) is False
    assert prefers_reduced_motion(None, {}, desktop) is True
    assert prefers_reduced_motion(None, {}, lambda: None) is False
