"""`glimmers backup` and `glimmers check` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.journal import Entry, count_entries, save_entry
from tests.helpers import CHEAP_KEYS
from tests.system.helpers import png_size, run_glimmers


def test_backup_to_a_file_and_to_the_backups_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "glimmers.db", data / "backups")
    save_entry(store, Entry(body="one"))
    store.close()
    target = tmp_path / "copy.db"
    result = run_glimmers("--data-dir", str(data), "backup", "-o", str(target))
    assert result.returncode == 0, result.stderr
    copy = open_store(target, tmp_path / "unused")
    assert count_entries(copy) == 1
    copy.close()
    again = run_glimmers("--data-dir", str(data), "backup", "-o", str(target))
    assert again.returncode == 1 and "exists already" in again.stderr
    default = run_glimmers("--data-dir", str(data), "backup")
    assert default.returncode == 0
    assert len(list((data / "backups").glob("glimmers-*-by-hand.db"))) == 1


def test_check_healthy_and_damaged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    open_store(data / "glimmers.db", data / "backups").close()
    healthy = run_glimmers("--data-dir", str(data), "check")
    assert healthy.returncode == 0
    assert "healthy" in healthy.stdout
    (data / "glimmers.db").write_bytes(b"damaged" * 1000)
    damaged = run_glimmers("--data-dir", str(data), "check")
    assert damaged.returncode == 1
    assert "not a Glimmers database" in damaged.stderr
    assert (data / "glimmers.db").read_bytes() == b"damaged" * 1000


def _protected_journal(tmp_path: Path) -> Path:
    """A journal with one entry, protected by "a calm long passphrase"."""
    from desktop.store.connection import encryption_available
    from desktop.store.protection import protect

    if not encryption_available():
        pytest.skip("sqlcipher3 not installed")
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "glimmers.db", data / "backups")
    save_entry(store, Entry(body="protected words"))
    store.close()
    protect(data, data / "backups", "a calm long passphrase", CHEAP_KEYS)
    return data


def test_commands_on_a_protected_journal_take_the_passphrase(tmp_path: Path) -> None:
    data = _protected_journal(tmp_path)
    wrong = run_glimmers("--data-dir", str(data), "check", env={"GLIMMERS_PASSPHRASE": "nope nope"})
    assert wrong.returncode == 2 and "did not open" in wrong.stderr
    right = {"GLIMMERS_PASSPHRASE": "a calm long passphrase"}
    checked = run_glimmers("--data-dir", str(data), "check", env=right)
    assert checked.returncode == 0 and "1 journal entry," in checked.stdout
    exported = run_glimmers("--data-dir", str(data), "export", "--format", "markdown", env=right)
    assert "protected words" in exported.stdout
    assert "this export is not" in exported.stderr
    typed = run_glimmers("--data-dir", str(data), "check", typed="a calm long passphrase\n")
    assert typed.returncode == 0, typed.stderr
    none = run_glimmers("--data-dir", str(data), "check")  # no terminal, nothing typed
    assert none.returncode == 2
    assert "no passphrase was given" in none.stderr and "Traceback" not in none.stderr


def test_a_backup_is_never_written_over_the_journals_own_files(tmp_path: Path) -> None:
    """A backup named like the key file would make an open journal look protected; named like
    SQLite's log beside the journal, it would make it look damaged. Both are refused, as an
    export is, and the journal opens as before."""
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "glimmers.db", data / "backups")
    save_entry(store, Entry(body="one"))
    store.close()
    for name in ("glimmers.key", "glimmers.db-journal", "glimmers.db", "backups/mine.db"):
        result = run_glimmers("--data-dir", str(data), "backup", "-o", str(data / name))
        assert result.returncode == 1, name
        assert "one of the files Glimmers keeps your journal in" in result.stderr
    assert not (data / "glimmers.key").exists() and not (data / "glimmers.db-journal").exists()
    assert not (data / "backups").exists() or list((data / "backups").iterdir()) == []
    assert run_glimmers("--data-dir", str(data), "check").returncode == 0
    missing = run_glimmers(
        "--data-dir", str(data), "backup", "-o", str(tmp_path / "nowhere" / "copy.db")
    )
    assert missing.returncode == 1
    assert f"there is no folder {tmp_path / 'nowhere'}" in missing.stderr


def test_an_empty_folder_name_is_refused_not_taken_as_the_default(tmp_path: Path) -> None:
    """``--data-dir "$UNSET"`` in a script must not reach the person's own journal."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "GLIMMERS_DATA_DIR": ""}
    result = run_glimmers("--data-dir", "", "glimmer", "a", "warm", "cup", env=env)
    assert result.returncode == 2
    assert "the folder's name is empty" in result.stderr
    assert list(home.rglob("*")) == []


def test_a_screenshot_of_a_protected_journal_takes_the_passphrase_it_is_given(
    tmp_path: Path,
) -> None:
    """It said "unknown problem" even with the passphrase set: a screenshot never asks for one,
    and now opens the journal with the one its environment gives."""
    data = _protected_journal(tmp_path)
    shot = tmp_path / "shot.png"
    args = ("--data-dir", str(data), "--screenshot", str(shot), "--size", "640x480")
    none = run_glimmers(*args)
    assert none.returncode == 2 and "unknown problem" not in none.stderr
    assert "protected" in none.stderr and "GLIMMERS_PASSPHRASE" in none.stderr
    wrong = run_glimmers(*args, env={"GLIMMERS_PASSPHRASE": "not it at all"})
    assert wrong.returncode == 2 and "did not open your journal" in wrong.stderr
    assert not shot.exists()
    right = run_glimmers(*args, env={"GLIMMERS_PASSPHRASE": "a calm long passphrase"})
    assert right.returncode == 0, right.stderr
    assert png_size(shot) == (640, 480)
