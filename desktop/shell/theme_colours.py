"""The calm palette's colours and the contrast they must keep. Pure: no Qt."""

from __future__ import annotations

MIN_TEXT_CONTRAST = 4.5  # WCAG 2.2, 1.4.3: normal text
MIN_OUTLINE_CONTRAST = 3.0  # WCAG 2.2, 1.4.11: what shows a control is there, and its state

# role -> (light, dark); soft, warm-leaning neutrals and a teal accent, no red or green signals.
# The first roles are Qt's palette roles; the last ones are what the calm style paints itself.
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
    # The outline of every control and painted marker (checkboxes, fields, lists, the seek
    # bar's markers, the sketch pad's edge): Fusion and our own widgets draw edges with it.
    "mid": ("#857f76", "#7d858e"),
    "link": ("#1f5f8a", "#8cc3ea"),
    "tooltip_base": ("#fffdf9", "#30363d"),
    "tooltip_text": ("#2b2a28", "#ece9e4"),
    # Qt's shading roles: left unset, they are Qt's own (white "light" draws a bright line under
    # the tabs in dark mode). Quiet shades of the window here.
    "light": ("#fffdf9", "#2d333a"),
    "midlight": ("#f8f5f0", "#272c32"),
    "dark": ("#b9b2a7", "#15181b"),
    "shadow": ("#8f897f", "#0e1012"),
    # Painted by the calm style (desktop/shell/theme.py): the scroll bars.
    "scroll_groove": ("#ece8e1", "#262a30"),
    "scroll_handle": ("#857f76", "#7d858e"),
}
QT_ROLES = (
    "window",
    "window_text",
    "base",
    "alternate_base",
    "text",
    "button",
    "button_text",
    "highlight",
    "highlighted_text",
    "placeholder_text",
    "mid",
    "link",
    "tooltip_base",
    "tooltip_text",
    "light",
    "midlight",
    "dark",
    "shadow",
)

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

# pairs of (what shows a control, what it sits on) that must be told apart at 3:1
OUTLINE_PAIRS = [
    ("mid", "window"),  # a checkbox or a field on a page
    ("mid", "base"),  # the same inside a list or a field's own colour
    ("mid", "alternate_base"),
    ("mid", "button"),  # a field next to a button
    ("highlight", "window"),  # a chosen checkbox or radio button: filled with the accent
    ("highlight", "base"),
    ("scroll_handle", "scroll_groove"),
    ("scroll_handle", "window"),
    ("scroll_handle", "base"),
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
