"""Each half's own keys, on its own side of the keyboard, so nobody reaches across. Pure.

The left person uses the left hand's keys (A S D for the big buttons, Q to pause, 1 to 5 for
marks and choices); the right person the right hand's (J K L, P, 6 to 0). Escape, at the
corner, pauses everyone (in touch it stops the round).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HalfKeys:
    buttons: tuple[str, str, str]
    pause: str
    marks: tuple[str, str, str, str, str]


LEFT_KEYS = HalfKeys(("A", "S", "D"), "Q", ("1", "2", "3", "4", "5"))
RIGHT_KEYS = HalfKeys(("J", "K", "L"), "P", ("6", "7", "8", "9", "0"))
HALF_KEYS = (LEFT_KEYS, RIGHT_KEYS)
EVERYONE_KEY = "Esc"

# The circle is one screen for everyone: the keyboard is passed round with the piece.
CIRCLE_PASS = "P"
CIRCLE_OTHER_WAY = "D"
