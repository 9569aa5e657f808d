"""The person's anchors live in the journal: they were only in settings.ini, so a backup, an
export or a move to another computer left behind the words the person chose for their day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.rhythm.anchors import Anchor, default_anchors
from desktop.rhythm.settings import RhythmSettings
from desktop.settings import RHYTHM_ANCHORS, MemoryBackend, Settings
from desktop.store import Store, open_store
from desktop.store.anchor_plan import read_plan
from desktop.store.backups import make_backup
from desktop.store.exchange import export, import_json
from tests.helpers import FakeWallClock

MINE = [
    Anchor("own-fern", "Water the fern", "A glass of water, slowly.", "Look at it", dt.time(9, 30)),
    Anchor("move", "Walk to the gate", "Out and back.", "Open the door", None, "move"),
]


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[Store]:
    """A fresh journal on another computer."""
    folder = tmp_path / "new"
    folder.mkdir()
    opened = open_store(folder / "glimmers.db", folder / "backups", FakeWallClock())
    yield opened
    opened.close()


def rhythm(store: Store, backend: MemoryBackend | None = None) -> RhythmSettings:
    return RhythmSettings(Settings(backend or MemoryBackend()), store)


def test_anchors_kept_in_the_settings_file_move_into_the_journal_and_its_backups(
    store: Store, tmp_path: Path
) -> None:
    old = rhythm(store)
    assert old.set_anchors(MINE)
    legacy = MemoryBackend({RHYTHM_ANCHORS.key: read_plan(store) or ""})
    store.conn.execute("DELETE FROM anchor_plans")  # as a journal from before kept them
    assert read_plan(store) is None
    assert rhythm(store, legacy).anchors() == MINE  # read from the file, and moved in
    assert read_plan(store) is not None
    backup = make_backup(store, tmp_path / "backups", label="by-hand")
    restored = open_store(backup, tmp_path / "other-backups", FakeWallClock())
    try:
        assert rhythm(restored).anchors() == MINE  # the backup holds them, with no file
    finally:
        restored.close()


def test_anchors_go_with_the_export_and_a_journal_with_its_own_keeps_them(
    store: Store, elsewhere: Store
) -> None:
    assert rhythm(store).set_anchors(MINE)
    exported = export(store, "json")
    assert rhythm(elsewhere).anchors() == default_anchors()  # a new journal: the offered ones
    result = import_json(elsewhere, exported)
    assert result.added >= 1
    assert rhythm(elsewhere).anchors() == MINE
    # A journal whose person chose their own keeps them: the file's go in beside nothing.
    theirs = rhythm(elsewhere)
    assert theirs.set_anchors(MINE[:1])
    again = import_json(elsewhere, exported)
    assert again.added == 0
    assert rhythm(elsewhere).anchors() == MINE[:1]


def test_choosing_no_anchors_is_kept_as_a_choice(store: Store, elsewhere: Store) -> None:
    assert rhythm(store).set_anchors([])
    assert rhythm(store).anchors() == []  # not the offered ones back
    import_json(elsewhere, export(store, "json"))
    assert rhythm(elsewhere).anchors() == []


def test_the_markdown_export_lists_them_under_their_own_heading(store: Store) -> None:
    assert rhythm(store).set_anchors(MINE)
    text = export(store, "markdown")
    assert "Your daily anchors" in text
    assert "- **Water the fern** (09:30): A glass of water, slowly. Smaller: Look at it" in text
    assert "- **Walk to the gate**: Out and back. Smaller: Open the door" in text
