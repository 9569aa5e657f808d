"""Setting, changing and removing the passphrase cannot split the journal: a step stopped at any
point is rolled back or finished by the next start, and a step that fails says truly whether
anything changed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.paths import KEYFILE, STEP
from desktop.store import open_store
from desktop.store.backups import make_backup
from desktop.store.connection import encryption_available
from desktop.store.journal import Entry, save_entry
from desktop.store.protection import (
    ChangeUnfinished,
    change_passphrase,
    protect,
    settle,
    unlock,
    unprotect,
)
from tests.helpers import CHEAP_KEYS, FakeWallClock
from tests.journal_state import PLAIN, opened_by

pytestmark = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")

OLD, NEW = "the old calm passphrase", "the new calm passphrase"
ENTRIES = 12


def make_journal(folder: Path, passphrase: str | None) -> bytes | None:
    """A journal with entries and three backups, protected by ``passphrase`` if given."""
    folder.mkdir(parents=True, exist_ok=True)
    wall = FakeWallClock()
    store = open_store(folder / "glimmers.db", folder / "backups", wall)
    for i in range(ENTRIES):
        save_entry(store, Entry(body=f"entry {i} " * 40))
    for _ in range(3):
        make_backup(store, folder / "backups", label="by-hand")
        wall.advance(3600)
    store.close()
    if passphrase is None:
        return None
    return protect(folder, folder / "backups", passphrase, CHEAP_KEYS)


Step = Callable[[Path, Callable[[str], None]], object]


def steps(key: bytes | None) -> dict[str, tuple[str | None, Step, str]]:
    """Each operation: the passphrase before it, how to run it, what it leads to."""
    return {
        "protect": (
            None,
            lambda f, hook: protect(f, f / "backups", NEW, CHEAP_KEYS, hook=hook),
            NEW,
        ),
        "change": (
            OLD,
            lambda f, hook: change_passphrase(f, f / "backups", key_of(f), NEW, CHEAP_KEYS, hook),
            NEW,
        ),
        "remove": (OLD, lambda f, hook: unprotect(f, f / "backups", key_of(f), hook), PLAIN),
    }


def key_of(folder: Path) -> bytes:
    return unlock(folder, OLD)


@pytest.mark.parametrize("operation", ["protect", "change", "remove"])
def test_stopped_at_any_point_the_next_start_rolls_back_or_finishes(
    tmp_path: Path, operation: str
) -> None:
    before, run, after = steps(None)[operation]
    folder = tmp_path / "journal"
    make_journal(folder, before)
    points: list[str] = []

    def snapshot(point: str) -> None:
        # What a kill at this very moment would leave on disk.
        points.append(point)
        shutil.copytree(folder, tmp_path / f"at-{len(points):02d}")

    run(folder, snapshot)
    assert "committed" in points and len(points) >= 8
    committed = points.index("committed") + 1
    for number, point in enumerate(points, start=1):
        copy = tmp_path / f"at-{number:02d}"
        settled = settle(copy)
        expected = (before or PLAIN) if number < committed else after
        assert settled in ("finished", "rolled back"), point
        assert opened_by(copy, [OLD, NEW], ENTRIES) == expected, point
    assert opened_by(folder, [OLD, NEW], ENTRIES) == after


def test_a_change_that_fails_before_its_end_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_journal(tmp_path, OLD)
    old_key = unlock(tmp_path, OLD)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.db")}
    import desktop.store.protection as protection

    real = protection._convert
    converted: list[Path] = []

    def full_disk_at_the_last_backup(source: Path, target: Path, old, new) -> None:  # type: ignore[no-untyped-def]
        if len(converted) == 3:
            raise OSError(28, "No space left on device")
        converted.append(source)
        real(source, target, old, new)

    monkeypatch.setattr(protection, "_convert", full_disk_at_the_last_backup)
    with pytest.raises(OSError, match="No space"):
        change_passphrase(tmp_path, tmp_path / "backups", old_key, NEW, CHEAP_KEYS)
    assert len(converted) == 3  # the database and two backups had been re-keyed, as copies
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.db")} == before
    assert opened_by(tmp_path, [OLD, NEW], ENTRIES) == OLD


def test_a_change_cut_short_after_its_point_of_no_return_is_finished_not_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_journal(tmp_path, OLD)
    old_key = unlock(tmp_path, OLD)
    real_replace = os.replace
    refused: list[object] = []

    def refused_once(source: object, target: object) -> None:
        if str(source).endswith("glimmers.db.new") and not refused:
            refused.append(source)  # the disk fails as the database is put in place
            raise OSError(5, "Input/output error")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", refused_once)
    with pytest.raises(ChangeUnfinished) as unfinished:
        change_passphrase(tmp_path, tmp_path / "backups", old_key, NEW, CHEAP_KEYS)
    assert "the change is made" in str(unfinished.value)
    monkeypatch.setattr(os, "replace", real_replace)
    assert (tmp_path / STEP).exists()
    assert settle(tmp_path) == "finished"
    assert opened_by(tmp_path, [OLD, NEW], ENTRIES) == NEW
    assert (tmp_path / KEYFILE).exists()
