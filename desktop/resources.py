"""The only code that finds files of resources/, wherever Glimmers runs from.

Three layouts: a source checkout or editable install (resources/ beside desktop/), a wheel
(copied into desktop/resources/), and a PyInstaller bundle (resources/ under sys._MEIPASS).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"]
    return found


def resources_dir() -> Path:
    for candidate in _candidates():
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "Glimmers cannot find its resources folder; the installation is incomplete."
    )


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Missing resource: {'/'.join(parts)}")
    return path


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
