"""Persistence: one SQLite file, its schema and migrations. Imports no Qt: the bottom floor."""

from desktop.store.connection import WriteFailed
from desktop.store.database import Store, open_store
from desktop.store.inspection import inspect_database
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
