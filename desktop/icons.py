"""Icons by name: qtawesome for the interface, our own SVG for the app itself.

qtawesome loads its fonts on first use (hundreds of milliseconds), so nothing here runs at import
time and the shell asks for icons only after the first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon

from desktop.resources import resource_path


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "glimmers.svg")))


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """An interface icon, e.g. ``icon("mdi6.play")``, drawn in ``colour`` (to suit the theme)."""
    import qtawesome  # deferred: font loading is slow and must not delay start-up

    options = {"color": colour} if colour is not None else {}
    result: QIcon = qtawesome.icon(name, **options)
    return result
