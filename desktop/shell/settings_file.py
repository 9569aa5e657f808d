"""The settings file beside the journal: QSettings' INI file behind desktop.settings' Backend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.settings import Settings


class SettingsFile:
    """QSettings, with bytes kept as QByteArray (PySide would pickle Python bytes)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str, /) -> object:
        return self._qsettings.value(key)

    def setValue(self, key: str, value: object, /) -> None:
        self._qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def sync(self) -> bool:
        self._qsettings.sync()
        if self._qsettings.status() == QSettings.Status.NoError:
            return True
        # QSettings keeps its first error for good (one met reading the file too), even once a
        # write succeeds: a fresh one, given everything set so far, writes it again and says
        # how that went.
        kept = {key: self._qsettings.value(key) for key in self._qsettings.allKeys()}
        self._qsettings = QSettings(str(self._path), QSettings.Format.IniFormat)
        for key, value in kept.items():
            self._qsettings.setValue(key, value)
        self._qsettings.sync()
        return self._qsettings.status() == QSettings.Status.NoError


def open_settings(path: Path) -> Settings:
    return Settings(SettingsFile(path))
