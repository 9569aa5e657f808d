"""Light and dark: follow the system's colour scheme, or the person's choice."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.texts import QT_TRANSLATE_NOOP
from desktop.theme_colours import colours

CHOICES = {
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
}


def calm_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role_name, value in colours(dark).items():
        palette.setColor(_ROLES[role_name], QColor(value))
    disabled = QColor(colours(dark)["placeholder_text"])
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """Applies the calm palette for the chosen scheme, and follows the system when asked."""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        for earlier in app.findChildren(Theme):
            earlier.detach()  # one theme per application: a new one replaces the last
        super().__init__(app)
        self._app = app
        self.choice = choice if choice in CHOICES else "system"
        self._system_dark = system_is_dark()
        app.setStyle("Fusion")  # the one style that draws every palette colour as given
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self._attached = True
        self.apply()

    @property
    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and self._system_dark)

    def set_choice(self, choice: str) -> None:
        self.choice = choice if choice in CHOICES else "system"
        self.apply()

    def apply(self) -> None:
        self._app.setPalette(calm_palette(self.dark))

    def detach(self) -> None:
        """Stop following the system (at shut-down)."""
        if self._attached:
            self._attached = False
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._on_system_changed)
            self.setParent(None)
            self.deleteLater()

    def _on_system_changed(self, scheme: Qt.ColorScheme) -> None:
        self._system_dark = scheme == Qt.ColorScheme.Dark
        if self.choice == "system":
            self.apply()
