"""Whether the person asked their desktop for less motion. Pure: no Qt here.

Qt tells this only from 6.12 on (QStyleHints.accessibility().motionPreference); until then the
desktop's own setting is read where it lives. GLIMMERS_REDUCED_MOTION=1 (or 0) overrides it all.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ENV_VAR = "GLIMMERS_REDUCED_MOTION"

Runner = Callable[[Sequence[str]], "str | None"]


def run_quietly(command: Sequence[str]) -> str | None:
    """A small settings tool's output, or None where it is missing, fails or hangs."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def override(environ: Mapping[str, str]) -> bool | None:
    value = environ.get(ENV_VAR, "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    return None


def kde_reduced(kdeglobals: Path) -> bool | None:
    """Plasma: animation speed set to "instant" is AnimationDurationFactor=0 in kdeglobals."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        parser.read(kdeglobals, encoding="utf-8")
        factor = parser.get("KDE", "AnimationDurationFactor", fallback=None)
        return None if factor is None else float(factor) == 0
    except (configparser.Error, ValueError, UnicodeDecodeError):
        return None


def gnome_reduced(run: Runner) -> bool | None:
    """GNOME and the desktops that share its settings: "Reduce animation" turns this off."""
    out = run(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"])
    if out is None or out.strip() not in ("true", "false"):
        return None
    return out.strip() == "false"


def mac_reduced(run: Runner) -> bool | None:
    out = run(["defaults", "read", "com.apple.universalaccess", "reduceMotion"])
    return None if out is None else out.strip() == "1"


def windows_reduced() -> bool | None:  # pragma: no cover - runs on Windows only
    """Windows: "Animation effects" off clears SPI_GETCLIENTAREAANIMATION."""
    import ctypes

    enabled = ctypes.c_bool(True)
    spi_getclientareaanimation = 0x1042
    windll = getattr(ctypes, "windll", None)
    if windll is None or not windll.user32.SystemParametersInfoW(
        spi_getclientareaanimation, 0, ctypes.byref(enabled), 0
    ):
        return None
    return not enabled.value


def desktop_prefers_reduced_motion(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    run: Runner = run_quietly,
    home: Path | None = None,
) -> bool | None:
    """True or False as the desktop says; None where it says nothing we can read."""
    if platform == "win32":
        return windows_reduced()
    if platform == "darwin":
        return mac_reduced(run)
    desktop = environ.get("XDG_CURRENT_DESKTOP", "").lower()
    if "kde" in desktop:
        config = Path(environ.get("XDG_CONFIG_HOME") or (home or Path.home()) / ".config")
        return kde_reduced(config / "kdeglobals")
    if desktop:  # GNOME, Unity, Budgie, Cinnamon, Pantheon...: gsettings, where it is installed
        return gnome_reduced(run)
    return None


def prefers_reduced_motion(
    qt_says: bool | None,
    environ: Mapping[str, str] = os.environ,
    desktop: Callable[[], bool | None] = desktop_prefers_reduced_motion,
) -> bool:
    """The person's override, else Qt's answer where it has one, else the desktop's setting."""
    forced = override(environ)
    if forced is not None:
        return forced
    if qt_says is not None:
        return qt_says
    return bool(desktop())
