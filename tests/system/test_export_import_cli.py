"""`glimmers export` and `glimmers import` as a script would use them."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from desktop.store import open_store
from desktop.store.journal import Entry, save_entry
from tests.system.helpers import run_glimmers


def _journal_with_one_entry(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "glimmers.db", folder / "backups")
    uid = save_entry(store, Entry(body="sun on the desk", tags=("light",))).uid
    store.close()
    return uid


def test_export_then_import_into_another_data_dir(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    uid = _journal_with_one_entry(source)
    out = tmp_path / "journal.json"
    exported = run_glimmers("--data-dir", str(source), "export", "--format", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text())["entries"][0]["id"] == uid
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600

    first = run_glimmers("--data-dir", str(target), "import", str(out))
    assert first.returncode == 0, first.stderr
    assert "Imported 1 journal entry; 0 already in your journal." in first.stdout
    second = run_glimmers("--data-dir", str(target), "import", str(out))
    assert "Imported nothing new; 1 already in your journal." in second.stdout


def test_markdown_and_csv_to_stdout(tmp_path: Path) -> None:
    _journal_with_one_entry(tmp_path / "d")
    markdown = run_glimmers("--data-dir", str(tmp_path / "d"), "export", "--format", "markdown")
    assert markdown.returncode == 0
    assert "sun on the desk" in markdown.stdout
    table = run_glimmers("--data-dir", str(tmp_path / "d"), "export", "--format", "csv")
    assert table.stdout.splitlines()[0].startswith("id,kind,day")


def test_malformed_import_is_refused_and_explained(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "glimmers-journal", "version": 1, "entries": [{"id": 3}]}')
    result = run_glimmers("--data-dir", str(tmp_path / "d"), "import", str(bad))
    assert result.returncode == 1
    assert "nothing was imported" in result.stderr
    assert "should be text" in result.stderr
    missing = run_glimmers("--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 1
    assert "could not read" in missing.stderr


def test_commands_refuse_a_damaged_store(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "glimmers.db").write_bytes(b"garbage" * 100)
    result = run_glimmers("--data-dir", str(folder), "export")
    assert result.returncode == 2
    assert "not a Glimmers database" in result.stderr


def test_an_empty_file_is_refused_as_empty_whatever_app_it_is_said_to_be_from(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "export.txt"
    empty.write_text("")
    for extra in ([], ["--from", "jrnl"], ["--from", "daylio"], ["--dry-run"]):
        result = run_glimmers("--data-dir", str(tmp_path / "data"), "import", *extra, str(empty))
        assert result.returncode == 1, extra
        assert "export.txt is empty: there is nothing in it to import." in result.stderr
        assert "Imported" not in result.stdout


def test_an_import_from_a_pipe_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """``glimmers import /dev/stdin``: the file is read more than once, and a pipe only once.
    Refused, saying to save it to a file, rather than "nothing new" with a pipe used up."""
    source, target = tmp_path / "source", tmp_path / "target"
    _journal_with_one_entry(source)
    exported = run_glimmers("--data-dir", str(source), "export", "--format", "json")
    for extra in ([], ["--from", "glimmers"], ["--dry-run"]):
        piped = run_glimmers(
            "--data-dir", str(target), "import", *extra, "/dev/stdin", typed=exported.stdout
        )
        assert piped.returncode == 1, extra
        assert "is a pipe or a device, not a file" in piped.stderr
        assert "Save it to a file first" in piped.stderr
    saved = tmp_path / "saved.json"
    saved.write_text(exported.stdout)
    again = run_glimmers("--data-dir", str(target), "import", str(saved))
    assert "Imported 1 journal entry; 0 already in your journal." in again.stdout
