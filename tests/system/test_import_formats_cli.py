"""`glimmers import` with other apps' files, as a script would run it."""

from __future__ import annotations

from pathlib import Path

from desktop.store import open_store
from desktop.store.journal import count_entries
from desktop.store.journal_lock import JournalLock
from tests.import_samples import daylio_backup, dayone_zip, jrnl_text
from tests.system.helpers import run_glimmers


def _count(folder: Path) -> int:
    store = open_store(folder / "glimmers.db", folder / "backups")
    try:
        return count_entries(store)
    finally:
        store.close()


def test_dry_run_says_what_it_would_do_and_adds_nothing(tmp_path: Path) -> None:
    data = tmp_path / "d"
    path = dayone_zip(tmp_path / "export.zip")
    dry = run_glimmers("--data-dir", str(data), "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "This file has 4 entries from December 2018 to July 2021."
    assert "Glimmers will keep 3 pictures, each with its entry." in lines
    assert lines[-1] == "Nothing was added: this was a dry run."
    assert _count(data) == 0

    done = run_glimmers("--data-dir", str(data), "import", str(path), "--keep-weather")
    assert done.returncode == 0, done.stderr
    assert "1 entry notes the weather; you chose to keep this." in done.stdout
    assert (
        done.stdout.splitlines()[-1]
        == "Imported 4 journal entries, 3 pictures; 0 already in your journal."
    )
    again = run_glimmers("--data-dir", str(data), "import", str(path), "--dry-run")
    assert "all of them are in your journal already" in again.stdout.splitlines()[0]


def test_from_and_the_pin_note(tmp_path: Path) -> None:
    data = tmp_path / "d"
    backup = daylio_backup(tmp_path / "backup.daylio")
    result = run_glimmers("--data-dir", str(data), "import", "--from", "daylio", str(backup))
    assert result.returncode == 0, result.stderr
    assert "Your Daylio backup holds your Daylio PIN in plain text." in result.stdout
    assert "Imported 4 journal entries, 1 picture; 0 already in your journal." in result.stdout
    journal = jrnl_text(tmp_path / "journal.txt")
    starred = run_glimmers(
        "--data-dir", str(data), "import", str(journal), "--starred-tag", "Kept Close"
    )
    assert "Starred entries get the tag \u201ckept close\u201d." in starred.stdout
    wrong = run_glimmers("--data-dir", str(data), "import", "--from", "dayone", str(journal))
    assert wrong.returncode == 1
    assert "nothing was imported" in wrong.stderr and "valid JSON" in wrong.stderr
    assert _count(data) == 8


def test_an_unknown_file_is_explained(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Dear diary, a quiet day.\n")
    result = run_glimmers("--data-dir", str(tmp_path / "d"), "import", str(notes))
    assert result.returncode == 1
    assert "cannot tell which app made this file" in result.stderr
    assert "--from jrnl, dayone, daylio or glimmers" in result.stderr


def test_beside_the_app_a_dry_run_reads_and_an_import_waits(tmp_path: Path) -> None:
    data = tmp_path / "d"
    path = dayone_zip(tmp_path / "export.zip")
    assert run_glimmers("--data-dir", str(data), "import", str(path), "--dry-run").returncode == 0
    app = JournalLock(data)  # held here as the open app holds it
    assert app.acquire()
    try:
        before = (data / "glimmers.db").read_bytes()
        dry = run_glimmers("--data-dir", str(data), "import", str(path), "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert (
            dry.stdout.splitlines()[0] == "This file has 4 entries from December 2018 to July 2021."
        )
        refused = run_glimmers("--data-dir", str(data), "import", str(path))
        assert refused.returncode == 3, refused.stderr
        assert "Glimmers is open with this journal" in refused.stderr
        assert "Nothing was changed" in refused.stderr
        assert (data / "glimmers.db").read_bytes() == before
    finally:
        app.release()
    assert run_glimmers("--data-dir", str(data), "import", str(path)).returncode == 0
    assert _count(data) == 4


def test_tag_symbols_of_a_jrnl_journal(tmp_path: Path) -> None:
    from desktop.store.journal import all_entries
    from tests.import_samples import JRNL_ENTRIES

    data = tmp_path / "d"
    help_text = run_glimmers("import", "--help")
    assert help_text.returncode == 0 and "--tag-symbols SYMBOLS" in help_text.stdout
    assert "tagsymbols" in help_text.stdout
    journal = jrnl_text(
        tmp_path / "journal.txt",
        [{**JRNL_ENTRIES[0], "body": "Met @anna by the #river."}],
    )
    wrong = run_glimmers("--data-dir", str(data), "import", str(journal), "--tag-symbols", "a")
    assert wrong.returncode == 2
    assert "Tag symbols are the characters that start a tag in jrnl" in wrong.stderr
    done = run_glimmers("--data-dir", str(data), "import", str(journal), "--tag-symbols", "@#")
    assert done.returncode == 0, done.stderr
    store = open_store(data / "glimmers.db", data / "backups")
    try:
        assert [e.tags for e in all_entries(store)] == [("anna", "river")]
    finally:
        store.close()
