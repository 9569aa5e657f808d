"""The body heat map's maths: shapes, coverage, blur, kernels and the opacity scale."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.checkin.body import Shape, outline_shapes, parse_regions, view_box
from desktop.over_time.heat import (
    Grid,
    HeatKernels,
    alpha_bytes,
    blur,
    box_widths,
    contains,
    coverage,
    spans,
    warmest_first,
)
from desktop.resources import read_text

SHAPES = [
    Shape("ellipse", (50, 40, 20, 10)),
    Shape("rect", (10, 10, 40, 30, 8)),
    Shape("polygon", (0, 0, 60, 0, 30, 50)),
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.kind)
def test_a_line_through_a_shape_agrees_with_its_points(shape: Shape) -> None:
    rng = random.Random(3)
    for _ in range(2000):
        x, y = rng.uniform(-5, 80), rng.uniform(-5, 60)
        assert any(a <= x <= b for a, b in spans(shape, y)) == contains(shape, x, y), (x, y)


def test_rounded_corners_are_left_out() -> None:
    rect = Shape("rect", (0, 0, 20, 20, 6))
    assert contains(rect, 10, 10) and contains(rect, 10, 0.5)
    assert not contains(rect, 0.5, 0.5)  # the corner's tip lies outside the rounding


def test_coverage_counts_the_covered_share_of_each_cell() -> None:
    grid = Grid(0, 0, 4, 1, cell=10)
    half = coverage([Shape("rect", (0, 0, 15, 10, 0))], grid, (0, 0, 4, 1), samples=2)
    assert half == [1.0, 0.5, 0.0, 0.0]


@given(st.lists(st.floats(0, 5), min_size=30, max_size=30))
def test_blur_keeps_what_lies_well_inside(values: list[float]) -> None:
    # With room to spread on every side, blurring moves the weight about but keeps it all.
    padded = [0.0] * 30 * 40
    for i, value in enumerate(values):
        padded[(20 + i // 6) * 30 + 12 + i % 6] = value
    blurred = blur(padded, 30, 40, sigma=2.0)
    assert sum(blurred) == pytest.approx(sum(padded), abs=1e-6)
    assert all(v >= -1e-12 for v in blurred)


def test_blur_is_symmetric_and_smooths_a_point() -> None:
    values = [0.0] * 21 * 21
    values[10 * 21 + 10] = 1.0
    blurred = blur(values, 21, 21, sigma=2.0)
    centre = blurred[10 * 21 + 10]
    assert centre < 1.0 and centre == max(blurred)
    assert blurred[10 * 21 + 7] == pytest.approx(blurred[10 * 21 + 13])
    assert blurred[7 * 21 + 10] == pytest.approx(blurred[13 * 21 + 10])
    assert blurred[0] == 0.0
    assert box_widths(2.0) % 2 == 1


@pytest.fixture(scope="module")
def kernels() -> HeatKernels:
    svg = read_text("body.svg")
    regions = {r.key: r.shapes for r in parse_regions(svg)}
    return HeatKernels(regions, outline_shapes(svg), view_box(svg))


def value_at(kernels: HeatKernels, heat: list[float], x: float, y: float) -> float:
    column, row = kernels.grid.cell_of(x, y)
    return heat[row * kernels.grid.columns + column]


def test_the_map_is_warmest_where_the_weight_is_and_empty_outside_the_body(
    kernels: HeatKernels,
) -> None:
    heat = kernels.heat({"chest": 6.0, "feet": 2.0})
    chest, feet, head = (value_at(kernels, heat, *p) for p in ((100, 130), (81, 392), (100, 30)))
    assert max(heat) == pytest.approx(1.0)
    assert chest == pytest.approx(1.0, abs=0.05)
    assert feet == pytest.approx(1 / 3, abs=0.05)
    assert head == 0.0
    assert value_at(kernels, heat, 200, 200) == 0.0  # between the two views: outside the body
    assert value_at(kernels, heat, 20, 300) == 0.0


def test_a_small_region_marked_as_often_is_as_warm_as_a_large_one(kernels: HeatKernels) -> None:
    heat = kernels.heat({"hands": 1.0, "chest": 1.0})
    hand = value_at(kernels, heat, 46, 213)
    chest = value_at(kernels, heat, 100, 130)
    assert hand == pytest.approx(chest, abs=0.1)


def test_no_marks_make_no_heat(kernels: HeatKernels) -> None:
    assert max(kernels.heat({})) == 0.0
    assert max(kernels.heat({"chest": 0.0, "nowhere": 3.0})) == 0.0


def test_the_opacity_scale_rises_with_heat_and_never_hides_the_outline() -> None:
    alpha = alpha_bytes([0.0, 0.1, 0.5, 1.0])
    assert alpha[0] == 0
    assert list(alpha) == sorted(alpha)
    assert alpha[-1] == 235
    assert alpha[1] > 25  # faint places stay in view


def test_warmest_first_leaves_out_unmarked_places() -> None:
    assert warmest_first({"head": 0.0, "chest": 2.0, "feet": 5.0, "hands": 2.0}) == [
        "feet",
        "chest",
        "hands",
    ]


def test_the_opacity_for_the_view_is_the_scaled_heat(kernels: HeatKernels) -> None:
    weights = {"chest": 5.0, "hands": 2.0, "legs": 1.0}
    expected = alpha_bytes(kernels.heat(weights))
    found = kernels.heat_alpha(weights)
    assert len(found) == len(expected)
    assert max(abs(a - b) for a, b in zip(found, expected, strict=True)) <= 1
    assert kernels.heat_alpha({}) == bytes(len(expected))
