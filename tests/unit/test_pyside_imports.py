"""The quicker answer to PySide's question at each import gives PySide's own answers."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types
from pathlib import Path

import pytest

from desktop import pyside_imports


def _module(name: str, path: Path | None = None) -> types.ModuleType:
    module = types.ModuleType(name)
    if path is not None:
        module.__file__ = str(path)
    return module


@pytest.fixture
def feature(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """A stand-in for PySide's feature module, holding its own slow check, which counts."""
    asked: list[str] = []

    def slow(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            return False

    stand_in = types.SimpleNamespace(_mod_uses_pyside=slow, asked=asked)
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", stand_in)
    return stand_in


def test_the_app_puts_the_quicker_check_in_place_before_its_own_modules_load() -> None:
    # A fresh interpreter, started the way the app starts: desktop.app first loads Qt.
    probe = (
        "import sys, desktop.app;"
        "f = sys.modules['shibokensupport.feature'];"
        "print(hasattr(f._mod_uses_pyside, '__wrapped__'), f.pyside_feature_dict['desktop.clock'])"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    # desktop.clock mentions no PySide, so PySide's own check would have said -1 (ignore it):
    # 0 shows that the quicker check answered, before desktop.clock was imported.
    assert done.stdout.split() == ["True", "0"]


def test_files_are_searched_as_pyside_would_search_them(
    feature: types.SimpleNamespace, tmp_path: Path
) -> None:
    assert pyside_imports.install() is True
    uses, plain = tmp_path / "uses.py", tmp_path / "plain.py"
    uses.write_text("from PySide6.QtCore import QTimer\n", encoding="utf-8")
    plain.write_text("import json  # Qt nowhere\n", encoding="utf-8")
    check = feature._mod_uses_pyside
    original = check.__wrapped__
    for path in (uses, plain):
        module = _module(f"elsewhere_{path.stem}", path)
        assert check(module) == original(_module(module.__name__, path))
    assert check(_module("elsewhere_uses", uses)) is True
    assert check(_module("elsewhere_plain", plain)) is False


def test_the_apps_own_modules_are_not_read(feature: types.SimpleNamespace, tmp_path: Path) -> None:
    pyside_imports.install()
    gone = tmp_path / "gone.py"  # never made: reading it would fail
    assert feature._mod_uses_pyside(_module("desktop.somewhere", gone)) is True
    assert feature.asked == []


def test_what_cannot_be_read_as_a_file_goes_to_pysides_own_check(
    feature: types.SimpleNamespace, tmp_path: Path
) -> None:
    pyside_imports.install()
    check = feature._mod_uses_pyside
    assert check(_module("builtin_like")) is False
    assert check(_module("compiled_only", tmp_path / "fast.so")) is False
    assert check(_module("vanished", tmp_path / "vanished.py")) is False
    assert feature.asked == ["builtin_like", "compiled_only", "vanished"]


def test_it_is_put_in_place_once(feature: types.SimpleNamespace) -> None:
    assert pyside_imports.install() is True
    first = feature._mod_uses_pyside
    assert pyside_imports.install() is False
    assert feature._mod_uses_pyside is first


def test_a_pyside_without_the_hook_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "shibokensupport.feature", raising=False)
    assert pyside_imports.install() is False
    renamed = types.SimpleNamespace(uses_pyside=lambda module: False)
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", renamed)
    assert pyside_imports.install() is False
    assert not hasattr(renamed, "_mod_uses_pyside")
