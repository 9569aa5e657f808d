"""The command line people script against: --version, --help, --data-dir, --screenshot."""

from __future__ import annotations

from pathlib import Path

from desktop import __version__
from tests.system.helpers import png_size, run_glimmers


def test_version_and_help() -> None:
    version = run_glimmers("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"Glimmers {__version__}"
    helped = run_glimmers("--help")
    assert helped.returncode == 0
    for option in ("--data-dir", "--screenshot", "--tab", "--size"):
        assert option in helped.stdout
    assert "together" in helped.stdout  # --tab lists every tab


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    shot = tmp_path / "journal.png"
    data = tmp_path / "mine"
    result = run_glimmers(
        "--data-dir", str(data), "--screenshot", str(shot), "--tab", "journal", "--size", "900x640"
    )
    assert result.returncode == 0, result.stderr
    assert png_size(shot) == (900, 640)
    assert (data / "glimmers.db").exists()


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    data = tmp_path / "from-env"
    shot = tmp_path / "s.png"
    result = run_glimmers("--screenshot", str(shot), env={"GLIMMERS_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert (data / "glimmers.db").exists()
    assert png_size(shot) == (1100, 760)


def test_bad_size_is_explained() -> None:
    result = run_glimmers("--screenshot", "x.png", "--size", "huge")
    assert result.returncode == 2
    assert "WIDTHxHEIGHT" in result.stderr


def test_screenshot_of_a_damaged_store_explains_and_fails(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "glimmers.db").write_text("plain text, not SQLite")
    result = run_glimmers("--data-dir", str(data), "--screenshot", str(tmp_path / "s.png"))
    assert result.returncode == 2
    assert "not a Glimmers database" in result.stderr
    assert (data / "glimmers.db").read_text() == "plain text, not SQLite"


def test_a_data_folder_whose_name_is_not_utf8_opens(tmp_path: Path) -> None:
    """``--data-dir`` naming a folder from an older system (``café`` in Latin-1): Qt was given
    the argument with Python's stand-ins for its bytes and the app died with a segfault."""
    import os

    import pytest

    data = tmp_path / os.fsdecode(b"caf\xe9")
    try:
        data.mkdir()
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    shot = tmp_path / "s.png"
    result = run_glimmers("--data-dir", str(data), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert png_size(shot) == (1100, 760)
    assert (data / "glimmers.db").exists()
