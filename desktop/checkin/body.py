"""The body map's regions and the qualities of what is felt there. Pure.

Region shapes are read from our own SVG (resources/body.svg), so the picture a person clicks
and the areas that answer the click are the same drawing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from desktop.store.records import REGION_LABELS
from desktop.texts import QT_TRANSLATE_NOOP, translate

SVG_NS = "{http://www.w3.org/2000/svg}"

QUALITIES = (
    QT_TRANSLATE_NOOP("Body", "warm"),
    QT_TRANSLATE_NOOP("Body", "cool"),
    QT_TRANSLATE_NOOP("Body", "tight"),
    QT_TRANSLATE_NOOP("Body", "open"),
    QT_TRANSLATE_NOOP("Body", "heavy"),
    QT_TRANSLATE_NOOP("Body", "light"),
    QT_TRANSLATE_NOOP("Body", "tingling"),
    QT_TRANSLATE_NOOP("Body", "fluttery"),
    QT_TRANSLATE_NOOP("Body", "buzzing"),
    QT_TRANSLATE_NOOP("Body", "aching"),
    QT_TRANSLATE_NOOP("Body", "pulsing"),
    QT_TRANSLATE_NOOP("Body", "still or numb"),
)
STRENGTH_LABELS = {
    "faint": QT_TRANSLATE_NOOP("Body", "Faint"),
    "clear": QT_TRANSLATE_NOOP("Body", "Clear"),
    "strong": QT_TRANSLATE_NOOP("Body", "Strong"),
}


def region_labels() -> dict[str, str]:
    """Each region's name in the person's language."""
    return {key: translate("Body", label) for key, label in REGION_LABELS.items()}


def qualities() -> tuple[str, ...]:
    """The offered words for how a place feels, in the person's language (kept as shown)."""
    return tuple(translate("Body", quality) for quality in QUALITIES)


@dataclass(frozen=True)
class Shape:
    kind: str  # "ellipse", "rect" or "polygon"
    values: tuple[float, ...]  # ellipse: cx cy rx ry; rect: x y w h rx; polygon: x y x y ...


@dataclass(frozen=True)
class Region:
    key: str
    label: str
    shapes: tuple[Shape, ...]


def _number(element: ElementTree.Element, name: str) -> float:
    return float(element.get(name, "0"))


def _shape(element: ElementTree.Element) -> Shape | None:
    tag = element.tag.removeprefix(SVG_NS)
    if tag == "ellipse":
        return Shape("ellipse", tuple(_number(element, n) for n in ("cx", "cy", "rx", "ry")))
    if tag == "rect":
        return Shape(
            "rect", tuple(_number(element, n) for n in ("x", "y", "width", "height", "rx"))
        )
    if tag == "polygon":
        points = element.get("points", "").replace(",", " ").split()
        return Shape("polygon", tuple(float(p) for p in points))
    return None


def parse_regions(svg_text: str) -> list[Region]:
    root = ElementTree.fromstring(svg_text)
    regions = []
    for group in root.iter(f"{SVG_NS}g"):
        if group.get("class") != "region":
            continue
        key = group.get("id", "")
        if key not in REGION_LABELS:
            raise ValueError(f"the body map has an unknown region {key!r}")
        shapes = tuple(s for s in (_shape(child) for child in group) if s is not None)
        regions.append(Region(key, translate("Body", REGION_LABELS[key]), shapes))
    missing = set(REGION_LABELS) - {r.key for r in regions}
    if missing:
        raise ValueError(f"the body map lacks regions: {', '.join(sorted(missing))}")
    return regions


def outline_shapes(svg_text: str) -> list[Shape]:
    """Every shape of the drawing, regions and the back view alike: the body's outline."""
    return [shape for shape, _ in outline_parts(svg_text)]


def outline_parts(svg_text: str) -> list[tuple[Shape, bool]]:
    """Every shape of the drawing, and whether it is drawn dashed (the back view)."""
    root = ElementTree.fromstring(svg_text)
    found: list[tuple[Shape, bool]] = []

    def walk(element: ElementTree.Element, dashed: bool) -> None:
        dashed = dashed or bool(element.get("stroke-dasharray"))
        shape = _shape(element)
        if shape is not None:
            found.append((shape, dashed))
        for child in element:
            walk(child, dashed)

    for child in root:
        walk(child, False)
    return found


def view_box(svg_text: str) -> tuple[float, float, float, float]:
    root = ElementTree.fromstring(svg_text)
    x, y, w, h = (float(v) for v in root.get("viewBox", "0 0 400 410").split())
    return x, y, w, h
