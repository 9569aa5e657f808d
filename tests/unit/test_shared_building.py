"""Tests share their building: the whole app and each tab are made by the fixtures in
tests/conftest.py (``start_app``, ``app``, ``tabs``, ``tabs_on`` and one per tab), wired the way
desktop/shell/pages.py wires them, and no test reaches into an object's private state.

The whole-app tests in tests/system and the benchmarks run real processes and build their own.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
OWN_BUILDERS = {TESTS / "conftest.py"}
OWN_PROCESSES = {TESTS / "system", TESTS / "benchmarks"}
# What the shared fixtures build; a test that needs something they do not offer yet extends them.
BUILT_BY_FIXTURES = {"Lifecycle", "Tabs", "BreatheTab", "ListenTab", "JournalTab", "TodayTab"}


def sources_of_tests() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(TESTS.rglob("*.py")):
        if path in OWN_BUILDERS or any(folder in path.parents for folder in OWN_PROCESSES):
            continue
        name = path.relative_to(TESTS.parent).as_posix()
        yield name, ast.parse(path.read_text(encoding="utf-8"), filename=name)


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def assigned_attributes(node: ast.AST) -> list[ast.Attribute]:
    if isinstance(node, ast.Assign):
        targets = [t for target in node.targets for t in ast.walk(target)]
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        targets = [node.target]
    else:
        return []
    return [t for t in targets if isinstance(t, ast.Attribute)]


def test_no_test_builds_the_app_or_a_tab_by_hand() -> None:
    by_hand = [
        f"{name}:{node.lineno} {called_name(node)}(...)"
        for name, tree in sources_of_tests()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and called_name(node) in BUILT_BY_FIXTURES
    ]
    assert by_hand == [], f"use start_app/app/tabs/tabs_on from tests/conftest.py: {by_hand}"


def test_no_test_writes_a_private_attribute() -> None:
    """A fake may keep its own state (``self._now``); nothing else is written from outside."""
    written = [
        f"{name}:{target.lineno} .{target.attr}"
        for name, tree in sources_of_tests()
        for node in ast.walk(tree)
        for target in assigned_attributes(node)
        if is_private(target.attr)
        and not (isinstance(target.value, ast.Name) and target.value.id == "self")
    ]
    set_by_name = [
        f"{name}:{node.lineno} setattr(..., {node.args[1].value!r})"
        for name, tree in sources_of_tests()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
        and is_private(node.args[1].value)
    ]
    assert written + set_by_name == [], f"give these a public seam: {written + set_by_name}"
