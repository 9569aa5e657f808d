"""Privacy by construction: no module of the app imports anything that can reach a network."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop

FORBIDDEN = ("socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib")
FORBIDDEN_QT = ("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtWebSockets")


def _imported_names(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _is_forbidden(name: str) -> bool:
    top = name.split(".")[0]
    return top in FORBIDDEN or name.startswith(FORBIDDEN_QT)


def test_the_checker_catches_network_imports() -> None:
    caught = _imported_names(
        "import socket\nfrom PySide6 import QtNetwork\nfrom http import client"
    )
    assert [n for n in caught if _is_forbidden(n)] == [
        "socket",
        "PySide6.QtNetwork",
        "http",
        "http.client",
    ]


def test_no_module_imports_network_code() -> None:
    package = Path(desktop.__file__).parent
    offenders = [
        f"{path.relative_to(package.parent)}: {name}"
        for path in sorted(package.rglob("*.py"))
        for name in _imported_names(path.read_text(encoding="utf-8"))
        if _is_forbidden(name)
    ]
    assert offenders == []
