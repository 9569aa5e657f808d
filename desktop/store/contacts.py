"""The person's own trusted contacts, shown on the "too much" page. We never invent any."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.database import Store
from desktop.texts import translate

TABLE = "contacts"


@dataclass(frozen=True)
class Contact:
    id: int | None
    name: str
    how_to_reach: str = ""


def list_contacts(store: Store) -> list[Contact]:
    rows = store.conn.execute(
        "SELECT id, name, how_to_reach FROM contacts ORDER BY position, id"
    ).fetchall()
    return [Contact(id=r[0], name=r[1], how_to_reach=r[2]) for r in rows]


def add_contact(store: Store, name: str, how_to_reach: str = "") -> Contact:
    name = name.strip()
    if not name:
        raise ValueError(translate("Store", "A contact needs a name."))
    with store.transaction(TABLE) as conn:
        position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM contacts").fetchone()[0]
        cur = conn.execute(
            "INSERT INTO contacts (name, how_to_reach, position) VALUES (?, ?, ?)",
            (name, how_to_reach.strip(), position),
        )
    return Contact(id=cur.lastrowid, name=name, how_to_reach=how_to_reach.strip())


def remove_contact(store: Store, contact_id: int) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
