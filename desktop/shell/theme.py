"""Light and dark: follow the system's colour scheme, or the person's choice; and the calm
style (desktop/shell/calm_style.py) over Fusion, from the first paint on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.settings import ThemeChoice
from desktop.shell.theme_colours import QT_ROLES, colours
from desktop.texts import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.shell.calm_style import CalmStyle

CHOICES: dict[ThemeChoice, str] = {
    "system": QT_TRANSLATE_NOOP("Theme", "Follow the system"),
    "light": QT_TRANSLATE_NOOP("Theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "Dark"),
}

_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "placeholder_text": QPalette.ColorRole.PlaceholderText,
    "mid": QPalette.ColorRole.Mid,
    "link": QPalette.ColorRole.Link,
    "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
    "light": QPalette.ColorRole.Light,
    "midlight": QPalette.ColorRole.Midlight,
    "dark": QPalette.ColorRole.Dark,
    "shadow": QPalette.ColorRole.Shadow,
}
assert set(_ROLES) == set(QT_ROLES)


def calm_palette(dark: bool) -> QPalette:
    palette = QPalette()
    values = colours(dark)
    for role_name in QT_ROLES:
        palette.setColor(_ROLES[role_name], QColor(values[role_name]))
    disabled = QColor(colours(dark)["placeholder_text"])
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    # Asking makes PySide build the whole Qt namespace of enums (some 25 ms), hence the
    # remembered answer below for the first paint.
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


STYLE = "Fusion"  # the one style that draws every palette colour as given (under the calm one)
# Set on an application made with "-style Fusion": setStyle() returns the style to Python,
# and making its type (hundreds of enums) would cost milliseconds before the first paint.
STYLED = "glimmersStyled"
_themes: list[Theme] = []  # the application's theme, once made


class Theme(QObject):
    """Applies the calm palette for the chosen scheme, and follows the system when asked.

    ``system_was_dark`` is the system's scheme as the last run saw it: given, the first paint
    uses it and check_system() asks the system right after; not given, the system is asked now.
    ``style_now``: the calm style is set at once; otherwise use_calm_style() sets it (the app
    does, right after the first paint: the window shows some 40 ms sooner).
    """

    system_checked = Signal(bool)  # the system's scheme as asked: True for dark

    def __init__(
        self,
        app: QApplication,
        choice: ThemeChoice = "system",
        system_was_dark: bool | None = None,
        style_now: bool = True,
    ) -> None:
        # One theme per application: a new one replaces the last. (Kept here, not found with
        # findChildren(), whose overloads make PySide build the Qt namespace's enums.)
        earlier = _themes.pop() if _themes else None
        if earlier is not None:
            earlier.detach()
        super().__init__(app)
        _themes.append(self)
        self._app = app
        self.choice = choice
        self._system_dark = system_is_dark() if system_was_dark is None else system_was_dark
        self.style: CalmStyle | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self._attached = True
        self.apply()
        if style_now:
            self.use_calm_style()

    @property
    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and self._system_dark)

    def set_choice(self, choice: ThemeChoice) -> None:
        self.choice = choice
        self.apply()

    def use_calm_style(self) -> None:
        """Control edges at 3:1 from now on (once; later calls change nothing)."""
        if self.style is None and self._attached:
            from desktop.shell.calm_style import calm_style

            self.style = calm_style(self._app)
            self.apply()

    def apply(self) -> None:
        if self.style is not None:
            self.style.set_colours(self.dark)
        self._app.setPalette(calm_palette(self.dark))

    def detach(self) -> None:
        """Stop following the system (at shut-down)."""
        if self._attached:
            self._attached = False
            if self in _themes:
                _themes.remove(self)
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._on_system_changed)
            self.setParent(None)
            self.deleteLater()

    def check_system(self) -> None:
        """Ask the system for its scheme now (after the first paint) and follow it."""
        if self._attached:
            self._follow(system_is_dark())

    def _on_system_changed(self, scheme: object) -> None:  # a Qt.ColorScheme
        from PySide6.QtCore import Qt

        self._follow(scheme == Qt.ColorScheme.Dark)

    def _follow(self, dark: bool) -> None:
        changed = dark != self._system_dark
        self._system_dark = dark
        if changed and self.choice == "system":
            self.apply()
        self.system_checked.emit(dark)
