"""The command line on a mistyped folder, a read-only journal and a damaged one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.backups import make_backup
from desktop.store.journal import Entry, count_entries, save_entry
from tests.faults import damage_pages, read_only
from tests.system.helpers import run_glimmers


def _journal(folder: Path, entries: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "glimmers.db", folder / "backups")
    for i in range(entries):
        save_entry(store, Entry(body=f"a small thing {i:03d} " + "noticed " * 60))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


@pytest.mark.parametrize(
    "command", [["check"], ["export"], ["export", "--format", "csv"], ["backup"], ["rescue"]]
)
def test_a_mistyped_folder_is_said_to_hold_no_journal_and_is_not_made(
    tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "Glimmrs"
    result = run_glimmers("--data-dir", str(typo), *command)
    assert result.returncode == 2
    assert "There is no Glimmers journal here." in result.stderr
    assert str(typo / "glimmers.db") in result.stderr
    assert not typo.exists()
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["check"], ["--screenshot", "shot.png"]])
def test_a_data_folder_that_is_a_file_is_said_to_be_one_and_left_alone(
    tmp_path: Path, command: list[str]
) -> None:
    """It read "Check the folder's name", or "Details: File exists", which says nothing of
    what to change."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    for folder in (notes, notes / "glimmers"):  # the file is the folder, or one above it
        args = [a if a != "shot.png" else str(tmp_path / a) for a in command]
        result = run_glimmers("--data-dir", str(folder), *args)
        assert result.returncode == 2
        assert f"{notes} is a file, not a folder." in result.stderr
        assert "Check the folder" not in result.stderr and "File exists" not in result.stderr
        assert notes.read_text() == "my own notes"
        assert not (tmp_path / "shot.png").exists()


def test_an_empty_folder_holds_no_journal_either(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run_glimmers("--data-dir", str(folder), "check")
    assert result.returncode == 2 and "no Glimmers journal" in result.stderr
    assert list(folder.iterdir()) == []


def test_import_starts_a_journal_where_there_is_none(tmp_path: Path) -> None:
    _journal(tmp_path / "source", 2)
    exported = tmp_path / "journal.json"
    run_glimmers("--data-dir", str(tmp_path / "source"), "export", "-o", str(exported))
    result = run_glimmers("--data-dir", str(tmp_path / "new"), "import", str(exported))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "glimmers.db").exists()


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_journal_can_be_checked_and_exported(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "data"
    _journal(folder)
    before = (folder / "glimmers.db").read_bytes()
    with read_only(folder if what == "folder" else folder / "glimmers.db"):
        checked = run_glimmers("--data-dir", str(folder), "check")
        assert checked.returncode == 0, checked.stderr
        assert "3 journal entries" in checked.stdout
        exported = run_glimmers("--data-dir", str(folder), "export", "--format", "markdown")
        assert exported.returncode == 0, exported.stderr
        assert "a small thing 002" in exported.stdout
        assert "Traceback" not in exported.stderr + checked.stderr
        if what == "folder":
            backup = run_glimmers("--data-dir", str(folder), "backup")
            assert backup.returncode == 1
            assert "No backup was made: the backups folder cannot be written to" in backup.stderr
            assert "Traceback" not in backup.stderr
    assert (folder / "glimmers.db").read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_export_never_changes_the_modes_of_a_folder_that_exists(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _journal(folder)
    os.chmod(folder, 0o750)  # the owner's own choice
    result = run_glimmers("--data-dir", str(folder), "export")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o750


def test_glimmers_rescue_brings_back_what_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _journal(folder, 40)
    store = open_store(folder / "glimmers.db", folder / "backups")
    make_backup(store, folder / "backups")
    pages = store.conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno"
    ).fetchall()
    store.close()
    damage_pages(folder / "glimmers.db", [pages[1][0]])
    damaged = (folder / "glimmers.db").read_bytes()
    broken = run_glimmers("--data-dir", str(folder), "export")
    assert broken.returncode == 2 and "looks damaged" in broken.stderr

    result = run_glimmers("--data-dir", str(folder), "rescue")
    assert result.returncode == 0, result.stderr
    assert "from the damaged file" in result.stdout
    assert "more came from the backup of" in result.stdout
    [aside] = folder.glob("glimmers-damaged-*.db")
    assert aside.read_bytes() == damaged
    store = open_store(folder / "glimmers.db", folder / "backups")
    assert count_entries(store) == 40
    store.close()
    again = run_glimmers("--data-dir", str(folder), "rescue")
    assert again.returncode == 0 and "nothing to rescue" in again.stdout


def test_glimmers_rescue_leaves_another_programs_file_alone(tmp_path: Path) -> None:
    import sqlite3

    folder = tmp_path / "data"
    folder.mkdir()
    conn = sqlite3.connect(folder / "glimmers.db")
    conn.execute("CREATE TABLE photos (x)")
    conn.commit()
    conn.close()
    before = (folder / "glimmers.db").read_bytes()
    result = run_glimmers("--data-dir", str(folder), "rescue")
    assert result.returncode == 2 and "another program" in result.stderr
    assert (folder / "glimmers.db").read_bytes() == before
    # Only the journal's lock beside it, which every command takes (it stays, empty: removing
    # a lock file another process may be opening would let two of them hold "the" lock).
    assert sorted(p.name for p in folder.iterdir()) == ["glimmers.db", "glimmers.lock"]


def test_an_export_onto_the_journal_itself_is_refused(tmp_path: Path) -> None:
    _journal(tmp_path, 2)
    before = (tmp_path / "glimmers.db").read_bytes()
    result = run_glimmers(
        "--data-dir", str(tmp_path), "export", "-o", str(tmp_path / "glimmers.db")
    )
    assert result.returncode == 1, result.stderr
    assert "Glimmers keeps your journal" in result.stderr
    assert (tmp_path / "glimmers.db").read_bytes() == before
    assert run_glimmers("--data-dir", str(tmp_path), "check").returncode == 0
