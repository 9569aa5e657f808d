"""The calm palette's colours and the contrast they must keep. Pure: no Qt."""

from __future__ import annotations

MIN_TEXT_CONTRAST = 4.5  # WCAG AA for normal text

# role -> (light, dark); soft, warm-leaning neutrals and a teal accent, no red or green signals
COLOURS: dict[str, tuple[str, str]] = {
    "window": ("#f4f1ec", "#1f2328"),
    "window_text": ("#2b2a28", "#e9e6e1"),
    "base": ("#fffdf9", "#272c32"),
    "alternate_base": ("#efebe4", "#2d333a"),
    "text": ("#2b2a28", "#ece9e4"),
    "button": ("#e9e4dc", "#30363d"),
    "button_text": ("#2b2a28", "#ece9e4"),
    "highlight": ("#2f6f68", "#7cc4bb"),
    "highlighted_text": ("#ffffff", "#14211f"),
    "placeholder_text": ("#6b665f", "#a7a29b"),
    "mid": ("#b9b2a7", "#5a626b"),
    "link": ("#1f5f8a", "#8cc3ea"),
    "tooltip_base": ("#fffdf9", "#30363d"),
    "tooltip_text": ("#2b2a28", "#ece9e4"),
}

# pairs of (text role, background role) that must be readable
TEXT_PAIRS = [
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("placeholder_text", "base"),
    ("link", "base"),
    ("tooltip_text", "tooltip_base"),
]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(dark: bool) -> dict[str, str]:
    return {role: pair[1 if dark else 0] for role, pair in COLOURS.items()}
