"""Persistence: one SQLite file, its schema and migrations. Imports no Qt: the bottom floor."""

from desktop.store.database import Store, WriteFailed, inspect_database, open_store
from desktop.store.migrations import LATEST_VERSION
from desktop.store.problems import ProblemKind, StoreProblem

__all__ = [
    "LATEST_VERSION",
    "ProblemKind",
    "Store",
    "StoreProblem",
    "WriteFailed",
    "inspect_database",
    "open_store",
]
