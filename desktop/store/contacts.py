"""The person's own trusted contacts, shown on the "too much" page. We never invent any."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from desktop.store import limits
from desktop.store.database import Store
from desktop.store.journal import new_uid
from desktop.store.portable import Fields, Links
from desktop.texts import QT_TRANSLATE_NOOP, translate

TABLE = "contacts"


@dataclass(frozen=True)
class Contact:
    id: int | None
    name: str
    how_to_reach: str = ""
    uid: str = ""


_COLUMNS = "id, name, how_to_reach, uid"


def list_contacts(store: Store) -> list[Contact]:
    return read_contacts(store.conn)


def check_contact(name: str, how_to_reach: str) -> None:
    if not name.strip():
        raise ValueError(translate("Store", "A contact needs a name."))
    limits.check_length(translate("Store", "Name"), name, limits.CONTACT_NAME)
    limits.check_length(translate("Store", "How to reach them"), how_to_reach, limits.CONTACT_REACH)


def add_contact(store: Store, name: str, how_to_reach: str = "") -> Contact:
    contact = Contact(id=None, name=name.strip(), how_to_reach=how_to_reach.strip(), uid=new_uid())
    check_contact(contact.name, contact.how_to_reach)
    with store.transaction(TABLE) as conn:
        row_id = write_contact(conn, contact)
    return Contact(row_id, contact.name, contact.how_to_reach, contact.uid)


def write_contact(conn: sqlite3.Connection, contact: Contact) -> int:
    """Add a checked contact after the others, inside the caller's transaction."""
    position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM contacts").fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO contacts (uid, name, how_to_reach, position) VALUES (?, ?, ?, ?)",
        (contact.uid or new_uid(), contact.name, contact.how_to_reach, position),
    )
    return int(cursor.lastrowid or 0)


def remove_contact(store: Store, contact_id: int) -> None:
    with store.transaction(TABLE) as conn:
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))


# -- export and import: the registry's functions for contacts -----------------------------------

CONTACT_WHERE = QT_TRANSLATE_NOOP("Store", "Contact {number}")


def read_contacts(conn: sqlite3.Connection) -> list[Contact]:
    """Every contact, in the order the page shows them."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM contacts ORDER BY position, id").fetchall()
    return [Contact(id=r[0], name=r[1], how_to_reach=r[2], uid=r[3]) for r in rows]


def contact_to_data(contact: Contact) -> dict[str, Any]:
    return {"id": contact.uid, "name": contact.name, "how_to_reach": contact.how_to_reach}


def contact_from_data(fields: Fields) -> Contact:
    return Contact(
        id=None,
        uid=fields.uid(),
        name=fields.text("name", limits.CONTACT_NAME),
        how_to_reach=fields.text("how_to_reach", limits.CONTACT_REACH),
    )


def check_stored_contact(contact: Contact) -> None:
    check_contact(contact.name, contact.how_to_reach)


def contact_uid(contact: Contact) -> str:
    return contact.uid


def add_imported_contact(conn: sqlite3.Connection, contact: Contact, links: Links) -> bool:
    write_contact(conn, contact)
    return True


def contact_markdown(contact: Contact) -> list[str]:
    return [f"- **{contact.name}**" + (f": {contact.how_to_reach}" if contact.how_to_reach else "")]


CONTACT_CSV_COLUMNS = ("name", "how_to_reach")


def contact_csv(contact: Contact) -> dict[str, str]:
    return {
        "id": contact.uid,
        "kind": "contact",
        "name": contact.name,
        "how_to_reach": contact.how_to_reach,
    }
