"""Schema changes as numbered steps. Each step runs inside the caller's transaction.

Never edit a step that has shipped; add a new one. The position in MIGRATIONS is the version
it brings the database to (the first step makes version 1).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _v1_contacts(conn: sqlite3.Connection) -> None:
    # People the person trusts, shown on the "If this feels like too much" page.
    conn.execute(
        """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            how_to_reach TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )


MIGRATIONS: list[Migration] = [_v1_contacts]

LATEST_VERSION = len(MIGRATIONS)
