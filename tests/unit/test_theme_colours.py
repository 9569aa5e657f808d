"""The calm palette keeps text readable (WCAG 1.4.3, 4.5:1) and the outlines of controls
visible (WCAG 1.4.11, 3:1), in light and in dark: the ratios worked out from the palette."""

from __future__ import annotations

import pytest

from desktop.shell.theme_colours import (
    COLOURS,
    MIN_OUTLINE_CONTRAST,
    MIN_TEXT_CONTRAST,
    OUTLINE_PAIRS,
    QT_ROLES,
    TEXT_PAIRS,
    colours,
    contrast,
)


def test_contrast_formula_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(dark: bool, text: str, background: str) -> None:
    palette = colours(dark)
    assert contrast(palette[text], palette[background]) >= MIN_TEXT_CONTRAST


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize(("edge", "background"), OUTLINE_PAIRS)
def test_control_outlines_are_at_least_3_to_1(dark: bool, edge: str, background: str) -> None:
    palette = colours(dark)
    assert contrast(palette[edge], palette[background]) >= MIN_OUTLINE_CONTRAST


def test_every_qt_role_is_given_in_both_schemes() -> None:
    """A role left to Qt is Qt's own colour: white "light" drew a bright line in dark mode."""
    assert set(QT_ROLES) <= set(COLOURS)
    assert {"light", "midlight", "dark", "shadow"} <= set(QT_ROLES)
