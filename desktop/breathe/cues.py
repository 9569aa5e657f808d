"""Grounding cues: one line per phase, changing every few breaths. Pure."""

from __future__ import annotations

from desktop.breathe.patterns import Phase
from desktop.texts import translate

# The section of cues.txt each phase takes its lines from.
CUE_SECTIONS: dict[Phase, str] = {
    "in": "in",
    "top_up": "top_up",
    "hold_in": "hold",
    "out": "out",
    "hold_out": "rest",
}
CYCLES_PER_CUE = 3


class Cues:
    def __init__(self, sections: dict[str, list[str]]) -> None:
        self._sections = sections

    @classmethod
    def parse(cls, text: str) -> Cues:
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1].strip(), [])
            elif current is None:
                raise ValueError(f"line {number}: a cue before any [section]")
            else:
                current.append(translate("Cues", line))
        return cls(sections)

    def cue(self, phase: Phase, cycle: int) -> str:
        lines = self._sections.get(CUE_SECTIONS[phase], [])
        if not lines:
            return ""
        return lines[(cycle // CYCLES_PER_CUE) % len(lines)]
