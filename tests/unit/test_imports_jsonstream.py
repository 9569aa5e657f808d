"""The streaming JSON walker: the same values as json.loads, in any chunk size, element by
element, with the line and column of what is wrong."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store.imports.jsonstream import JsonError, walk


def _rebuild(text: str, arrays: tuple[str, ...], chunk: int) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for member in walk(io.StringIO(text), arrays=arrays, chunk=chunk):
        if member.index is None:
            document[member.key] = member.value
        else:
            items = document.setdefault(member.key, [])
            assert member.index == len(items)
            items.append(member.value)
    return document


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_members_and_array_elements_in_any_chunk_size(chunk: int) -> None:
    text = json.dumps(
        {
            "tags": {"@walk": 2},
            "entries": [{"n": 12345678901234567890}, {"t": 'ünï \\ "q" 🌿'}, [], 1.5e-7, None],
            "after": True,
            "empty": [],
        },
        ensure_ascii=False,
        indent=2,
    )
    assert _rebuild(text, ("entries", "empty"), chunk) == json.loads(text)


def test_a_streamed_array_is_read_one_element_at_a_time() -> None:
    elements = 2000
    text = '{"entries": [' + ",".join(
        json.dumps({"i": i, "pad": "x" * 200}) for i in range(elements)
    )
    text += "]}"
    stream = io.StringIO(text)
    members = walk(stream, arrays=("entries",), chunk=4096)
    first = next(members)
    assert first.value["i"] == 0
    assert stream.tell() < len(text) // 10  # far from having read the whole file
    assert sum(1 for _ in members) == elements - 1


def test_an_array_not_asked_for_comes_whole() -> None:
    members = list(walk(io.StringIO('{"entries": [1, 2], "other": [3]}'), arrays=("entries",)))
    assert [(m.key, m.index, m.value) for m in members] == [
        ("entries", 0, 1),
        ("entries", 1, 2),
        ("other", None, [3]),
    ]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{\n  "a": 1,\n  "b": [1, 2 3]\n}', 3, 14),
        ('{\n  "a": 1\n  "b": 2\n}', 3, 3),
        ('{"entries": [{"x": 1},, {"y": 2}]}', 1, 23),
        ('{"a": 1} trailing', 1, 10),
        ("[1, 2]", 1, 1),
        ('{"a": ', 1, 7),
        ('{"entries": [{"x": "unterminated}]}', 1, 20),
    ],
)
def test_what_is_wrong_is_named_with_its_line_and_column(text: str, line: int, column: int) -> None:
    with pytest.raises(JsonError) as caught:
        list(walk(io.StringIO(text), arrays=("entries", "b"), chunk=4))
    assert (caught.value.line, caught.value.column) == (line, column)


def test_deep_nesting_is_refused_not_crashed() -> None:
    text = '{"entries": [' + "[" * 100_000 + "]" * 100_000 + "]}"
    with pytest.raises(JsonError, match="nested too deeply"):
        list(walk(io.StringIO(text), arrays=("entries",)))


def test_a_number_longer_than_python_reads_is_refused_not_crashed() -> None:
    """Python reads whole numbers of up to 4,300 digits (a guard against slow conversions)."""
    text = '{"entries": [{"width": ' + "9" * 5000 + "}]}"
    with pytest.raises(JsonError, match="a number here is too long to read") as caught:
        list(walk(io.StringIO(text), arrays=("entries",), chunk=100))
    assert (caught.value.line, caught.value.column) == (1, 14)  # the entry it is in


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    document=st.dictionaries(st.text(max_size=8), _json, max_size=6),
    chunk=st.integers(min_value=1, max_value=40),
    indent=st.sampled_from([None, 1, 4]),
)
def test_fuzz_any_object_reads_back_the_same(
    document: dict[str, Any], chunk: int, indent: int | None
) -> None:
    text = json.dumps(document, indent=indent)
    arrays = tuple(k for k, v in document.items() if isinstance(v, list))
    assert _rebuild(text, arrays, chunk) == json.loads(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet='{}[]":,0123456789.eE-+ \n\tabcdeflnrstu\\', max_size=60))
def test_fuzz_any_text_reads_or_is_refused_with_a_place(text: str) -> None:
    try:
        _rebuild(text, ("a", "b"), 3)
    except JsonError as e:
        assert e.line >= 1 and e.column >= 1
