"""A damaged copy a rescue set aside holds the person's words too: setting a passphrase seals
it under the journal's key, a new passphrase seals it again, and removing the passphrase gives
back its bytes as they were. Stopped at any point, the next start leaves it whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.connection import encryption_available
from desktop.store.journal import Entry, all_entries, save_entry
from desktop.store.protection import change_passphrase, protect, settle, unlock, unprotect
from desktop.store.rescue import rescue
from desktop.store.sealed import SealBroken, is_sealed, seal, unseal
from tests.faults import damage_pages
from tests.helpers import CHEAP_KEYS, FakeWallClock

pytestmark = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")

WORDS = b"the quiet words of a private morning"
OLD, NEW = "the old calm passphrase", "the new calm passphrase"


def rescued_journal(folder: Path) -> tuple[Path, bytes]:
    """A journal whose file was damaged and rescued: (the damaged copy, its bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    wall = FakeWallClock()
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    for i in range(40):
        save_entry(store, Entry(body=f"{WORDS.decode()} {i} " + "still " * 60))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    damage_pages(folder / "glimmers.db", [5])
    damaged = rescue(folder / "glimmers.db", folder / "backups", wall).damaged
    Path(f"{damaged}-journal").write_bytes(WORDS * 3)  # a log that went with it
    assert WORDS in damaged.read_bytes()
    return damaged, damaged.read_bytes()


def test_a_passphrase_seals_the_damaged_copy_and_removing_it_gives_it_back(
    tmp_path: Path,
) -> None:
    damaged, before = rescued_journal(tmp_path)
    log = Path(f"{damaged}-journal")
    protect(tmp_path, tmp_path / "backups", OLD, CHEAP_KEYS)
    for path in (damaged, log):
        assert is_sealed(path) and WORDS not in path.read_bytes()
    store = open_store(tmp_path / "glimmers.db", tmp_path / "backups", key=unlock(tmp_path, OLD))
    assert any(WORDS.decode() in entry.body for entry in all_entries(store))
    store.close()

    old_key = unlock(tmp_path, OLD)
    new_key = change_passphrase(tmp_path, tmp_path / "backups", old_key, NEW, CHEAP_KEYS)
    assert is_sealed(damaged) and WORDS not in damaged.read_bytes()
    unprotect(tmp_path, tmp_path / "backups", new_key)
    assert damaged.read_bytes() == before
    assert log.read_bytes() == WORDS * 3
    assert not list(tmp_path.glob("*.new")) and not list(tmp_path.glob("*.plain"))


@pytest.mark.parametrize("operation", ["protect", "change", "remove"])
def test_stopped_at_any_point_the_damaged_copy_stays_whole(tmp_path: Path, operation: str) -> None:
    folder = tmp_path / "journal"
    damaged, before = rescued_journal(folder)
    if operation != "protect":
        protect(folder, folder / "backups", OLD, CHEAP_KEYS)
    points: list[str] = []

    def snapshot(point: str) -> None:
        points.append(point)  # what a kill at this very moment would leave on disk
        shutil.copytree(folder, tmp_path / f"at-{len(points):02d}")

    if operation == "protect":
        protect(folder, folder / "backups", NEW, CHEAP_KEYS, hook=snapshot)
    elif operation == "change":
        key = unlock(folder, OLD)
        change_passphrase(folder, folder / "backups", key, NEW, CHEAP_KEYS, snapshot)
    else:
        unprotect(folder, folder / "backups", unlock(folder, OLD), snapshot)
    assert any(point.startswith("converted glimmers-damaged") for point in points)
    for number, point in enumerate(points, start=1):
        copy = tmp_path / f"at-{number:02d}"
        assert settle(copy) in ("finished", "rolled back"), point
        kept = copy / damaged.name
        assert not list(copy.glob("*.new")) and not list(copy.glob("*.plain")), point
        if not is_sealed(kept):
            assert kept.read_bytes() == before, point
            continue
        for passphrase in (OLD, NEW):
            try:
                key = unlock(copy, passphrase)
            except ValueError:
                continue
            unseal(kept, tmp_path / "opened", key)
            assert (tmp_path / "opened").read_bytes() == before, point
            break
        else:
            raise AssertionError(f"sealed under no key the journal has: {point}")


def test_a_sealed_file_changed_or_cut_short_does_not_open(tmp_path: Path) -> None:
    key = bytes(range(32))
    plain = tmp_path / "plain"
    plain.write_bytes(WORDS * 50_000)  # more than one chunk
    sealed = tmp_path / "sealed"
    seal(plain, sealed, key)
    unseal(sealed, tmp_path / "back", key)
    assert (tmp_path / "back").read_bytes() == WORDS * 50_000
    data = sealed.read_bytes()
    for broken in (data[:-1], data[: len(data) // 2], data[:100] + b"x" + data[101:]):
        sealed.write_bytes(broken)
        with pytest.raises(SealBroken):
            unseal(sealed, tmp_path / "back", key)
        assert not (tmp_path / "back").exists()  # no half of it left in plain text
    sealed.write_bytes(data)
    with pytest.raises(SealBroken):
        unseal(sealed, tmp_path / "back", bytes(32))
