"""The map of the house (ARCHITECTURE.md) and the import contracts cover every module."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop"
ENTRY = re.compile(r"^- `(desktop/[\w/]+\.py)` \((pure|Qt)\)", re.MULTILINE)


def mapped() -> dict[str, str]:
    """Each module the map lists, and whether it says the module is pure or draws (Qt)."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    entries = ENTRY.findall(text)
    found = dict(entries)
    assert len(found) == len(entries), "a module is on the map twice"
    return found


def modules() -> set[str]:
    return {path.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("*.py")}


def contracts() -> list[dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return found


def dotted(path: str) -> str:
    name = path.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


def test_every_module_is_on_the_map() -> None:
    missing = sorted(modules() - set(mapped()))
    assert missing == [], f"add these to ARCHITECTURE.md, with their floor: {missing}"


def test_the_map_names_no_module_that_is_gone() -> None:
    gone = sorted(set(mapped()) - modules())
    assert gone == [], f"these are on the map but not in desktop/: {gone}"


def test_the_map_and_the_contract_agree_on_what_draws() -> None:
    [rooms] = [c["rooms"] for c in contracts() if c["type"] == "qt_rooms"]
    drawing = {dotted(path) for path, kind in mapped().items() if kind == "Qt"}
    assert drawing == set(rooms)


def test_every_top_level_module_and_package_is_on_a_floor() -> None:
    [layers] = [c["layers"] for c in contracts() if c["type"] == "layers"]
    on_floors = {name.strip() for layer in layers for name in re.split(r"[|:]", layer)}
    top_level = {
        f"desktop.{path.stem if path.is_file() else path.name}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    }
    assert sorted(top_level - on_floors) == []
    assert sorted(on_floors - top_level) == []


def test_every_object_signal_names_its_payload() -> None:
    """Signal(object) says which type it carries, in a comment that starts with the type."""
    unnamed = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "Signal(object" in line
        and not re.search(r"Signal\(object[^)]*\)\s+# [A-Za-z_][\w\[\], ]*: ", line)
    ]
    assert unnamed == []
