"""The body map's regions and the qualities of what is felt there. Pure.

Region shapes are read from our own SVG (resources/body.svg), so the picture a person clicks
and the areas that answer the click are the same drawing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

SVG_NS = "{http://www.w3.org/2000/svg}"

REGION_LABELS = {
    "head": "Head",
    "face_jaw": "Face and jaw",
    "throat": "Throat",
    "shoulders": "Shoulders",
    "chest": "Chest",
    "upper_back": "Upper back",
    "belly": "Belly",
    "arms": "Arms",
    "hands": "Hands",
    "hips": "Hips",
    "legs": "Legs",
    "feet": "Feet",
}
QUALITIES = (
    "warm",
    "cool",
    "tight",
    "open",
    "heavy",
    "light",
    "tingling",
    "fluttery",
    "buzzing",
    "aching",
    "pulsing",
    "still or numb",
)
STRENGTH_LABELS = {"faint": "Faint", "clear": "Clear", "strong": "Strong"}


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
        regions.append(Region(key, REGION_LABELS[key], shapes))
    missing = set(REGION_LABELS) - {r.key for r in regions}
    if missing:
        raise ValueError(f"the body map lacks regions: {', '.join(sorted(missing))}")
    return regions


def view_box(svg_text: str) -> tuple[float, float, float, float]:
    root = ElementTree.fromstring(svg_text)
    x, y, w, h = (float(v) for v in root.get("viewBox", "0 0 400 410").split())
    return x, y, w, h
