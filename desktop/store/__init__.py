"""Persistence: one SQLite file, its schema and migrations. Imports no Qt: the bottom floor.

The names below are loaded when first asked for: the window's frame is painted before the
store opens, and what it needs from here (the limits, the lock, the problems) does not bring
sqlite3 and the schema with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.connection import WriteFailed
    from desktop.store.database import Store, open_store
    from desktop.store.inspection import inspect_database
    from desktop.store.migrations import LATEST_VERSION
    from desktop.store.problems import ProblemKind, StoreProblem

_HOMES = {
    "LATEST_VERSION": "migrations",
    "ProblemKind": "problems",
    "Store": "database",
    "StoreProblem": "problems",
    "WriteFailed": "connection",
    "inspect_database": "inspection",
    "open_store": "database",
}

__all__ = [
    "LATEST_VERSION",
    "ProblemKind",
    "Store",
    "StoreProblem",
    "WriteFailed",
    "inspect_database",
    "open_store",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked once: later lookups find it without coming here
    return value
