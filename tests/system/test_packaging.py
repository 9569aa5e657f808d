"""Packaging: one app id everywhere, valid desktop metadata, no network in Flatpak, a frozen build
that finds its resources."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop import APP_ID
from tests.system.helpers import png_size

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_one_app_id_everywhere() -> None:
    desktop_file = PACKAGING / "linux" / f"{APP_ID}.desktop"
    metainfo = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
    assert desktop_file.exists() and metainfo.exists()
    assert f"<id>{APP_ID}</id>" in metainfo.read_text()
    assert f"Icon={APP_ID}" in desktop_file.read_text()
    assert f"app-id: {APP_ID}" in (PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text()
    assert f'#define AppId "{APP_ID}"' in (PACKAGING / "windows" / "glimmers.iss").read_text()
    assert "bundle_identifier=APP_ID" in (PACKAGING / "pyinstaller" / "glimmers.spec").read_text()


def test_flatpak_asks_for_no_network() -> None:
    manifest = (PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text()
    args = re.findall(r"^\s*-\s*(--\S+)", manifest, flags=re.MULTILINE)
    assert "--share=network" not in args
    assert not any("network" in arg for arg in args)
    assert {"--socket=pulseaudio", "--filesystem=xdg-music:ro"} <= set(args)
    assert not any(
        arg.startswith("--filesystem=home") or arg == "--filesystem=host" for arg in args
    )


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    metainfo = (PACKAGING / "linux" / f"{APP_ID}.metainfo.xml").read_text()
    assert metainfo.count("<screenshot") >= 3 and "<release " in metainfo
    assert '<content_rating type="oars-1.1"' in metainfo


def test_icon_renders_at_every_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "linux" / "make_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in (16, 32, 48, 256):
        path = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path) == (size, size)
        image = QImage(str(path))
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255 and centre.saturation() > 60  # the warm disc, even at 16 px
    assert (tmp_path / "glimmers.ico").stat().st_size > 0


@pytest.mark.slow
def test_frozen_app_finds_its_resources_and_starts(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="installed by .ci/run with the packaging extra")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(PACKAGING / "pyinstaller" / "glimmers.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    frozen = tmp_path / "dist" / "Glimmers" / "Glimmers"
    shot = tmp_path / "frozen.png"
    run = subprocess.run(
        [
            str(frozen),
            "--data-dir",
            str(tmp_path / "data"),
            "--screenshot",
            str(shot),
            "--tab",
            "listen",
            "--size",
            "900x600",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert png_size(shot) == (900, 600)
