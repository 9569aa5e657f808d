"""View > Appearance: light, dark or the system's scheme, remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication

from desktop.shell.main_window import MainWindow
from desktop.texts import translate
from desktop.theme import CHOICES, Theme


class Appearance:
    """Owns the app's one Theme for a run: made from the remembered choice, detached at the end."""

    def __init__(self, qapp: QApplication, settings: QSettings) -> None:
        self._settings = settings
        remembered = settings.value("appearance/system_dark")
        self.theme = Theme(
            qapp,
            str(settings.value("appearance/theme", "system")),
            system_was_dark=None if remembered is None else remembered == "true",
        )
        self.theme.system_checked.connect(self._remember_system_scheme)

    def add_menu(self, window: MainWindow) -> None:
        menu = window.menus["view"].addMenu(translate("Glimmers", "&Appearance"))
        group = QActionGroup(window)
        for key, label in CHOICES.items():
            action = QAction(translate("Theme", label), window)
            action.setObjectName(f"theme_{key}")
            action.setCheckable(True)
            action.setChecked(key == self.theme.choice)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(action)
            menu.addAction(action)

    def set_theme(self, choice: str) -> None:
        self.theme.set_choice(choice)
        self._settings.setValue("appearance/theme", choice)

    def check_system(self) -> None:
        """Ask the system for its scheme (after the first paint) and follow it."""
        self.theme.check_system()

    def detach(self) -> None:
        self.theme.detach()

    def _remember_system_scheme(self, dark: bool) -> None:
        value = "true" if dark else "false"
        if self._settings.value("appearance/system_dark") != value:
            self._settings.setValue("appearance/system_dark", value)  # written only on a change
