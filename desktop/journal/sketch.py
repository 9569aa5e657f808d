"""Sketches as data: strokes of points in 0..1 coordinates, so they scale to any size. Pure."""

from __future__ import annotations

import json
from typing import Any

from desktop.store import limits

Point = tuple[float, float]
Stroke = list[Point]
SKETCH_VERSION = 1
MAX_POINTS = limits.SKETCH_POINTS  # the store refuses more; older sketches show this many


def sketch_to_json(strokes: list[Stroke]) -> str:
    if not any(strokes):
        return ""
    rounded = [[[round(x, 4), round(y, 4)] for x, y in stroke] for stroke in strokes if stroke]
    return json.dumps({"version": SKETCH_VERSION, "strokes": rounded}, separators=(",", ":"))


def sketch_from_json(text: str) -> list[Stroke]:
    """Read strokes back; anything malformed gives an empty sketch rather than an error."""
    if not text:
        return []
    try:
        data: Any = json.loads(text)
        strokes: list[Stroke] = []
        count = 0
        for raw in data["strokes"]:
            stroke = [(min(max(float(x), 0.0), 1.0), min(max(float(y), 0.0), 1.0)) for x, y in raw]
            count += len(stroke)
            if count > MAX_POINTS:
                break
            strokes.append(stroke)
        return strokes
    except (ValueError, TypeError, KeyError):
        return []
