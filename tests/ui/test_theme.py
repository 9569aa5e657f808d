"""Light and dark follow the system, or the person's choice from View > Appearance."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Lifecycle
from desktop.shell.theme_colours import colours
from tests.conftest import StartApp


def window_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.Window).name()


def test_choose_dark_then_light_and_it_is_remembered(start_app: StartApp) -> None:
    app = start_app()
    assert app.window is not None
    actions = {a.objectName(): a for a in app.window.findChildren(type(app.window.quit_action))}
    actions["theme_dark"].trigger()
    assert window_colour() == colours(True)["window"]
    actions["theme_light"].trigger()
    assert window_colour() == colours(False)["window"]
    actions["theme_dark"].trigger()
    app.shutdown()
    again = start_app()
    assert again.appearance.theme.choice == "dark"
    again.appearance.set_theme("system")
    again.shutdown()


def test_following_the_system_scheme(app: Lifecycle) -> None:
    assert app.appearance.theme.choice == "system"
    hints = QGuiApplication.styleHints()
    # The offscreen platform has no desktop to change scheme; send what a desktop would send.
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour() == colours(True)["window"]
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window_colour() == colours(False)["window"]
    app.appearance.set_theme("light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour() == colours(False)["window"]  # a choice the person made stays
    app.appearance.set_theme("system")
    app.shutdown()


def test_the_first_paint_uses_the_remembered_scheme_then_asks_the_system(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    """Asking the system costs start-up time, so the first paint uses last run's answer."""
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("appearance/system_dark", "true")  # the system was dark last time
    settings.sync()
    app = start_app()
    assert window_colour() == colours(True)["window"]  # before the first paint
    # The offscreen platform has no dark scheme: once painted, the app sees light and follows.
    qtbot.waitUntil(lambda: window_colour() == colours(False)["window"])
    app.shutdown()
    settings.sync()
    assert settings.value("appearance/system_dark") == "false"
