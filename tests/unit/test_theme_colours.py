"""The calm palette keeps text readable (WCAG AA, 4.5:1) in light and in dark."""

from __future__ import annotations

import pytest

from desktop.shell.theme_colours import MIN_TEXT_CONTRAST, TEXT_PAIRS, colours, contrast


def test_contrast_formula_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(dark: bool, text: str, background: str) -> None:
    palette = colours(dark)
    assert contrast(palette[text], palette[background]) >= MIN_TEXT_CONTRAST
