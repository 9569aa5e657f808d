"""A quicker answer to a question PySide asks at every import after its own.

PySide's ``__feature__`` support asks, of each module imported once Qt is loaded, whether the
module uses PySide, and finds out by reading the module's whole source through ``inspect``
(linecache, a stat and a split into lines, for some 60 modules before the first window shows).
Glimmers uses none of those features, so the question only needs a yes or no that PySide
can keep: every module of this package is taken to use PySide (the default for one that
does), and any other module's file is searched as bytes, as PySide would search it as text.

Installed once, from :mod:`desktop.app`, before the app's own modules load; if a later PySide
drops or renames the hook, nothing is changed and its own check runs as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

PACKAGE = __name__.partition(".")[0] + "."


def _quicker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if isinstance(name, str) and name.startswith(PACKAGE):
            return True
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Put the quicker check in place; False when this PySide has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or original.__module__ == __name__:
        return False  # no such hook, or this module's check is in place already
    feature._mod_uses_pyside = _quicker(original)  # type: ignore[attr-defined]
    return True


install()
