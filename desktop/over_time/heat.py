"""The body heat map's maths, in the manner of the emBODY maps: pure, no Qt.

Marks are accumulated per pixel on a grid over the silhouette (each region's area carries the
weight of the marks made there), smoothed with a Gaussian blur and masked to the body's outline,
as Nummenmaa et al. (PNAS 2014) made their body maps. The grid is coarse (5 drawing units a
cell); the view scales it up smoothly.

Blurring is linear, so each region's blurred and masked area is worked out once ("kernels") and
a map for any set of weights is a weighted sum of them: a few milliseconds in plain Python.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.checkin.body import Shape

CELL = 5.0  # drawing units per grid cell (the drawing is 400 x 410)
SIGMA = 2.4  # the blur's standard deviation, in cells (12 drawing units)
SAMPLES = 2  # samples per cell side: partly covered cells get partial weight


def contains(shape: Shape, x: float, y: float) -> bool:
    """Whether the point (in drawing units) lies inside the shape."""
    v = shape.values
    if shape.kind == "ellipse":
        cx, cy, rx, ry = v[:4]
        return rx > 0 and ry > 0 and ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
    if shape.kind == "rect":
        left, top, width, height = v[:4]
        radius = min(v[4] if len(v) > 4 else 0.0, width / 2, height / 2)
        if not (left <= x <= left + width and top <= y <= top + height):
            return False
        # In a corner square, only the quarter circle counts.
        nearest_x = min(max(x, left + radius), left + width - radius)
        nearest_y = min(max(y, top + radius), top + height - radius)
        return (x - nearest_x) ** 2 + (y - nearest_y) ** 2 <= radius**2
    points = list(zip(v[0::2], v[1::2], strict=False))
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def spans(shape: Shape, y: float) -> list[tuple[float, float]]:
    """The stretches of the horizontal line at ``y`` that lie inside the shape, left to right
    (the same inside as contains(), found for a whole line at once)."""
    v = shape.values
    if shape.kind == "ellipse":
        cx, cy, rx, ry = v[:4]
        if rx <= 0 or ry <= 0 or abs(y - cy) > ry:
            return []
        half = rx * math.sqrt(max(0.0, 1 - ((y - cy) / ry) ** 2))
        return [(cx - half, cx + half)]
    if shape.kind == "rect":
        left, top, width, height = v[:4]
        radius = min(v[4] if len(v) > 4 else 0.0, width / 2, height / 2)
        if not top <= y <= top + height:
            return []
        # Within a corner's reach of the top or bottom, the rounded corners pull the ends in.
        off = max(top + radius - y, y - (top + height - radius), 0.0)
        inset = radius - math.sqrt(max(0.0, radius**2 - off**2)) if off > 0 else 0.0
        return [(left + inset, left + width - inset)]
    points = list(zip(v[0::2], v[1::2], strict=False))
    crossings = sorted(
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        if (y1 > y) != (y2 > y)
    )
    return list(zip(crossings[0::2], crossings[1::2], strict=False))


def bounds(shape: Shape) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in drawing units."""
    v = shape.values
    if shape.kind == "ellipse":
        return v[0] - v[2], v[1] - v[3], v[0] + v[2], v[1] + v[3]
    if shape.kind == "rect":
        return v[0], v[1], v[0] + v[2], v[1] + v[3]
    xs, ys = v[0::2], v[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Grid:
    """Where the grid lies on the drawing: its origin, its cell size and how many cells."""

    left: float
    top: float
    columns: int
    rows: int
    cell: float = CELL

    @classmethod
    def over(cls, view: tuple[float, float, float, float], cell: float = CELL) -> Grid:
        x, y, width, height = view
        return cls(x, y, math.ceil(width / cell), math.ceil(height / cell), cell)

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """The (column, row) holding a point in drawing units."""
        return int((x - self.left) // self.cell), int((y - self.top) // self.cell)


def coverage(
    shapes: Sequence[Shape], grid: Grid, box: tuple[int, int, int, int], samples: int = SAMPLES
) -> list[float]:
    """How much of each cell in ``box`` (column0, row0, columns, rows) the shapes cover, 0..1.

    Each cell is sampled ``samples`` x ``samples`` times; a shape tests only the samples within
    its own bounds, so the cost follows the shapes' size, not the grid's.
    """
    c0, r0, width, height = box
    step = grid.cell / samples
    across, down = width * samples, height * samples
    hit = bytearray(across * down)
    left, top = grid.left + c0 * grid.cell, grid.top + r0 * grid.cell
    for shape in shapes:
        _, y0, _, y1 = bounds(shape)
        first_row = max(0, math.ceil((y0 - top) / step - 0.5))
        last_row = min(down - 1, math.floor((y1 - top) / step - 0.5))
        for sr in range(first_row, last_row + 1):
            base = sr * across
            for start, end in spans(shape, top + (sr + 0.5) * step):
                # The samples whose centres lie within the stretch.
                a = max(0, math.ceil((start - left) / step - 0.5))
                b = min(across - 1, math.floor((end - left) / step - 0.5))
                if b >= a:
                    hit[base + a : base + b + 1] = b"\x01" * (b - a + 1)
    share = 1 / (samples * samples)
    values = [0.0] * (width * height)
    for sr in range(down):
        row = (sr // samples) * width
        base = sr * across
        for sc in range(across):
            if hit[base + sc]:
                values[row + sc // samples] += share
    return values


def box_widths(sigma: float, passes: int = 3) -> int:
    """The odd box width whose ``passes`` repeats blur like a Gaussian of ``sigma``."""
    width = round(math.sqrt(12 * sigma * sigma / passes + 1))
    return width if width % 2 else width + 1


def _box_line(line: list[float], radius: int) -> list[float]:
    """One box-filter pass along a line, zeros beyond its ends (a running sum)."""
    n = len(line)
    width = 2 * radius + 1
    out = [0.0] * n
    total = sum(line[: min(radius, n)])
    for i in range(n):
        ahead = i + radius
        if ahead < n:
            total += line[ahead]
        behind = i - radius - 1
        if behind >= 0:
            total -= line[behind]
        out[i] = total / width
    return out


def blur(values: list[float], width: int, height: int, sigma: float = SIGMA) -> list[float]:
    """A Gaussian blur (three box passes each way, as is usual), zeros outside the area."""
    radius = box_widths(sigma) // 2
    if radius == 0:
        return list(values)
    rows = [values[r * width : (r + 1) * width] for r in range(height)]
    for _ in range(3):
        rows = [_box_line(row, radius) for row in rows]
    columns = [list(column) for column in zip(*rows, strict=True)]
    for _ in range(3):
        columns = [_box_line(column, radius) for column in columns]
    return [value for row in zip(*columns, strict=True) for value in row]


@dataclass(frozen=True)
class Patch:
    """A region's blurred, masked area: a rectangle of the grid with its values."""

    column: int
    row: int
    columns: int
    rows: int
    values: tuple[float, ...]


class HeatKernels:
    """Each region's blurred area, masked to the outline, ready to be weighted and summed."""

    def __init__(
        self,
        regions: Mapping[str, Sequence[Shape]],
        outline: Sequence[Shape],
        view: tuple[float, float, float, float],
        cell: float = CELL,
        sigma: float = SIGMA,
    ) -> None:
        self.grid = Grid.over(view, cell)
        self.sigma = sigma
        reach = 3 * (box_widths(sigma) // 2) + 1  # how far three box passes spread
        columns = self.grid.columns
        # The outline, once for the whole grid: every region's patch is masked by a part of it.
        self.outline = coverage(outline, self.grid, (0, 0, columns, self.grid.rows))
        self.patches: dict[str, Patch] = {}
        for key, shapes in regions.items():
            c0, r0, width, height = box = self._box(shapes, reach)
            blurred = blur(coverage(shapes, self.grid, box), width, height, sigma)
            mask = [
                m
                for r in range(r0, r0 + height)
                for m in self.outline[r * columns + c0 : r * columns + c0 + width]
            ]
            masked = [b * m for b, m in zip(blurred, mask, strict=True)]
            # A mark is made on a whole region, small or large: its warmest point carries the
            # mark's full weight, so the hands marked often show as warm as a chest marked as
            # often (blurring alone would thin a small region out).
            peak = max(masked, default=0.0)
            self.patches[key] = Patch(*box, tuple(v / peak for v in masked) if peak else ())

    def _box(self, shapes: Sequence[Shape], reach: int) -> tuple[int, int, int, int]:
        edges = [bounds(s) for s in shapes]
        c0, r0 = self.grid.cell_of(min(e[0] for e in edges), min(e[1] for e in edges))
        c1, r1 = self.grid.cell_of(max(e[2] for e in edges), max(e[3] for e in edges))
        c0, r0 = max(0, c0 - reach), max(0, r0 - reach)
        c1 = min(self.grid.columns - 1, c1 + reach)
        r1 = min(self.grid.rows - 1, r1 + reach)
        return c0, r0, c1 - c0 + 1, r1 - r0 + 1

    def heat(self, weights: Mapping[str, float]) -> list[float]:
        """The map for these region weights, scaled so its warmest cell is 1 (all 0 if none)."""
        values = self._sum(weights)
        top = max(values, default=0.0)
        if top <= 0:
            return values
        return [v / top for v in values]

    def heat_alpha(self, weights: Mapping[str, float]) -> bytes:
        """alpha_bytes(heat(weights)) in one pass over the grid: what the view draws."""
        values = self._sum(weights)
        top = max(values, default=0.0)
        if top <= 0:
            return bytes(len(values))
        table = alpha_table()
        scale = 255 / top
        return bytes([table[int(v * scale + 0.5)] for v in values])

    def _sum(self, weights: Mapping[str, float]) -> list[float]:
        columns = self.grid.columns
        values = [0.0] * (columns * self.grid.rows)
        for key, weight in weights.items():
            patch = self.patches.get(key)
            if patch is None or not patch.values or weight <= 0:
                continue
            for r in range(patch.rows):
                start = (patch.row + r) * columns + patch.column
                end = start + patch.columns
                line = patch.values[r * patch.columns : (r + 1) * patch.columns]
                values[start:end] = [
                    v + weight * p for v, p in zip(values[start:end], line, strict=True)
                ]
        return values


def alpha_table(gamma: float = 0.7, top: int = 235) -> list[int]:
    """Opacity for each heat step of 255. The gamma lifts faint places into view; ``top``
    keeps the warmest place from covering the outline completely."""
    return [round(top * (i / 255) ** gamma) for i in range(256)]


def alpha_bytes(values: Sequence[float], gamma: float = 0.7, top: int = 235) -> bytes:
    """Heat values (0..1) as one opacity byte each (see alpha_table)."""
    table = alpha_table(gamma, top)
    return bytes([table[min(255, int(v * 255 + 0.5))] if v > 0 else 0 for v in values])


def warmest_first(weights: Mapping[str, float]) -> list[str]:
    """Regions by their weight, warmest first; ties in the order given."""
    order = {key: i for i, key in enumerate(weights)}
    return sorted((k for k, w in weights.items() if w > 0), key=lambda k: (-weights[k], order[k]))
