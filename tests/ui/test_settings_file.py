"""The settings file beside the journal: what it says when it cannot be written."""

from __future__ import annotations

from pathlib import Path

from desktop.settings import THEME
from desktop.shell.settings_file import open_settings


def test_a_settings_file_that_cannot_be_written_says_so_until_it_can(tmp_path: Path) -> None:
    """QSettings remembers its first error for good; the settings say of each write whether
    it reached the file, and once the file can be written again, that they are saved."""
    path = tmp_path / "settings.ini"
    path.mkdir()  # in the file's place: nothing can be written there
    settings = open_settings(path)
    settings.set(THEME, "dark")
    assert settings.sync() is False
    assert settings.get(THEME) == "dark"  # kept for now
    path.rmdir()
    assert settings.sync() is True
    assert "theme=dark" in path.read_text()
    assert open_settings(path).get(THEME) == "dark"
