"""The settings file beside the journal: QSettings' INI file behind desktop.settings' Backend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.settings import Settings


class SettingsFile:
    """QSettings, with bytes kept as QByteArray (PySide would pickle Python bytes)."""

    def __init__(self, path: Path) -> None:
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str, /) -> object:
        return self._qsettings.value(key)

    def setValue(self, key: str, value: object, /) -> None:
        self._qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def sync(self) -> None:
        self._qsettings.sync()


def open_settings(path: Path) -> Settings:
    return Settings(SettingsFile(path))
