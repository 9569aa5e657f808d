"""View > Appearance: light, dark or the system's scheme, remembered between runs."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication

from desktop.settings import SYSTEM_WAS_DARK, THEME, Settings, ThemeChoice
from desktop.shell.main_window import MainWindow, new_action
from desktop.shell.theme import CHOICES, Theme
from desktop.texts import translate


class Appearance:
    """Owns the app's one Theme for a run: made from the remembered choice, detached at the end."""

    def __init__(self, qapp: QApplication, settings: Settings) -> None:
        self._settings = settings
        # The calm style comes right after the first paint (check_system), or with a window
        # other than the main one (use_calm_style).
        self.theme = Theme(
            qapp,
            settings.get(THEME),
            system_was_dark=settings.stored(SYSTEM_WAS_DARK),
            style_now=False,
        )
        self.theme.system_checked.connect(self._remember_system_scheme)

    def add_menu(self, window: MainWindow) -> None:
        menu = window.menus["view"].addMenu(translate("Glimmers", "&Appearance"))
        group = QActionGroup(window)
        for key, label in CHOICES.items():
            action = new_action(translate("Theme", label), window)
            action.setObjectName(f"theme_{key}")
            action.setCheckable(True)
            action.setChecked(key == self.theme.choice)
            action.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(action)
            menu.addAction(action)

    def set_theme(self, choice: ThemeChoice) -> None:
        self.theme.set_choice(choice)
        self._settings.set(THEME, choice)

    def check_system(self) -> None:
        """After the first paint: the calm style and the icon, and the system's scheme asked and
        followed."""
        self.use_calm_style()
        self.theme.check_system()

    def use_calm_style(self) -> None:
        """The calm style, and the app's icon on its windows. Both come once a window is on
        screen: the style's Python type, the QIcon class (its enums) and the SVG icon engine
        take time the first paint need not wait for; Qt gives the icon to windows shown
        already."""
        self.theme.use_calm_style()
        if QApplication.windowIcon().isNull():
            from desktop.icons import app_icon

            QApplication.setWindowIcon(app_icon())

    def detach(self) -> None:
        self.theme.detach()

    def _remember_system_scheme(self, dark: bool) -> None:
        if self._settings.stored(SYSTEM_WAS_DARK) != dark:
            self._settings.set(SYSTEM_WAS_DARK, dark)  # written only on a change
