"""A save that says "Saved" was saved: every write failure from either engine (sqlite3 or
SQLCipher, whose error classes are unrelated) becomes the same plain message, and nothing of
the refused write is kept. The daily and hand-made backups too."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.store import Store, WriteFailed
from desktop.store.backups import backup_if_due, backup_to, list_backups, make_backup
from desktop.store.contacts import add_contact, list_contacts
from desktop.store.journal import Entry, count_entries, save_draft, save_entry
from tests.faults import (
    ENGINES,
    another_writer,
    fill_disk,
    free_disk,
    open_journal,
    read_only,
    target_cannot_grow,
)
from tests.helpers import FakeWallClock

Failure = Callable[[Path, str, FakeWallClock], "contextlib.AbstractContextManager[Store]"]


@contextlib.contextmanager
def full_disk(folder: Path, engine: str, wall: FakeWallClock) -> Iterator[Store]:
    store = open_journal(folder, engine, wall)
    save_entry(store, Entry(body="kept before"))
    fill_disk(store)
    yield store
    free_disk(store)
    store.close()


@contextlib.contextmanager
def busy(folder: Path, engine: str, wall: FakeWallClock) -> Iterator[Store]:
    store = open_journal(folder, engine, wall)
    save_entry(store, Entry(body="kept before"))
    with another_writer(store):
        yield store
    store.close()


@contextlib.contextmanager
def read_only_file(folder: Path, engine: str, wall: FakeWallClock) -> Iterator[Store]:
    first = open_journal(folder, engine, wall)
    save_entry(first, Entry(body="kept before"))
    first.close()
    with read_only(folder / "glimmers.db"):
        store = open_journal(folder, engine, wall)
        yield store
        store.close()


@contextlib.contextmanager
def read_only_folder(folder: Path, engine: str, wall: FakeWallClock) -> Iterator[Store]:
    first = open_journal(folder, engine, wall)
    save_entry(first, Entry(body="kept before"))
    first.close()
    with read_only(folder):
        store = open_journal(folder, engine, wall)
        yield store
        store.close()


FAILURES: dict[str, tuple[Failure, str]] = {
    "full disk": (full_disk, "the disk is full"),
    "busy": (busy, "another program is using your data"),
    "read-only file": (read_only_file, "can only be read"),
    "read-only folder": (read_only_folder, "can only be read"),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("failure", list(FAILURES))
def test_every_refused_write_is_the_same_plain_message(
    tmp_path: Path, engine: str, failure: str
) -> None:
    situation, words = FAILURES[failure]
    with situation(tmp_path / "data", engine, FakeWallClock()) as store:
        writes: list[Callable[[], object]] = [
            lambda: save_entry(store, Entry(body="a new thought " * 2000)),
            lambda: save_draft(store, "new", {"body": "half a thought " * 2000}),
        ]
        if failure != "full disk":  # a small row fits a page the file already has
            writes.append(lambda: add_contact(store, "Robin", "evenings"))
        for write in writes:
            with pytest.raises(WriteFailed) as refused:
                write()
            message = str(refused.value)
            assert message.startswith("Glimmers could not save this:")
            assert words in message
            assert "sqlite" not in message.lower() and "Error" not in message
        assert count_entries(store) == 1  # the one from before, nothing half-written
        assert list_contacts(store) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_saving_works_again_once_the_disk_has_room(tmp_path: Path, engine: str) -> None:
    with full_disk(tmp_path / "data", engine, FakeWallClock()) as store:
        with pytest.raises(WriteFailed):
            save_entry(store, Entry(body="too much " * 5000))
        free_disk(store)
        save_entry(store, Entry(body="too much " * 5000))
        assert count_entries(store) == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing_behind(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_journal(tmp_path / "data", engine)
    for i in range(30):
        save_entry(store, Entry(body=f"entry {i} " * 100))
    folder = tmp_path / "data" / "backups"
    target_cannot_grow(monkeypatch)
    attempts: tuple[Callable[[], object], ...] = (
        lambda: make_backup(store, folder, label="by-hand"),
        lambda: backup_if_due(store, folder),
        lambda: backup_to(store, tmp_path / "copy.db"),
    )
    for attempt in attempts:
        with pytest.raises(WriteFailed) as refused:
            attempt()
        assert str(refused.value).startswith("No backup was made: the disk is full")
    assert list(folder.iterdir()) == []  # no partial copy to be taken for a backup later
    assert not (tmp_path / "copy.db").exists()
    store.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_backup_into_a_read_only_folder_says_so(tmp_path: Path, engine: str) -> None:
    store = open_journal(tmp_path / "data", engine)
    save_entry(store, Entry(body="one"))
    folder = tmp_path / "data" / "backups"
    folder.mkdir()
    with read_only(folder):
        refusals: tuple[Callable[[], object], ...] = (
            lambda: make_backup(store, folder, label="by-hand"),
            lambda: backup_if_due(store, folder),
        )
        for attempt in refusals:
            with pytest.raises(WriteFailed) as refused:
                attempt()
            assert "No backup was made: the backups folder cannot be written to" in str(
                refused.value
            )
    assert list_backups(folder, store.key) == []
    store.close()
