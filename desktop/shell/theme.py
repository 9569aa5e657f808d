"""Light and dark: follow the system's colour scheme, or the person's choice; and the calm
style, Fusion with edges a person can see (WCAG 2.2, 1.4.11): the palette's Mid."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from desktop.settings import ThemeChoice
from desktop.shell.theme_colours import QT_ROLES, colours
from desktop.texts import QT_TRANSLATE_NOOP

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


_PE = QStyle.PrimitiveElement
_CC = QStyle.ComplexControl
_SC = QStyle.SubControl
_STATE = QStyle.StateFlag
_FRAMES = (_PE.PE_Frame, _PE.PE_FrameLineEdit, _PE.PE_PanelButtonCommand)
_BOXES = (_CC.CC_ComboBox, _CC.CC_SpinBox)


class CalmStyle(QProxyStyle):
    """Fusion, whose edges are a shade of the window colour (in dark mode, darker than the
    window itself), with the calm palette's outlines painted over them: checkboxes and radio
    buttons drawn whole, the edges of fields, lists and buttons stroked again, and scroll bars
    with a handle that stands out from its groove. Only painting is changed, never a size,
    so layouts are Fusion's."""

    def __init__(self) -> None:
        super().__init__(STYLE)
        self.groove = QColor()
        self.handle = QColor()

    def set_colours(self, dark: bool) -> None:
        values = colours(dark)
        self.groove = QColor(values["scroll_groove"])
        self.handle = QColor(values["scroll_handle"])

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _PE.PE_IndicatorCheckBox:
            self._check_box(option, painter)
            return
        if element == _PE.PE_IndicatorRadioButton:
            self._radio_button(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _FRAMES and not _keyboard_focus(option):
            flat = element == _PE.PE_Frame
            self._edge(option, painter, 0.0 if flat else 2.0)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == _CC.CC_ScrollBar:
            self._scroll_bar(option, painter, widget)
        elif control == _CC.CC_Slider:
            self._slider(option, painter, widget)
        elif control in _BOXES and not option.state & _STATE.State_HasFocus:
            self._edge(option, painter, 2.0)

    # -- painting -----------------------------------------------------------------------------

    def _edge(self, option: QStyleOption, painter: QPainter, radius: float) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
        painter.setBrush(QBrush())  # none (Qt's enums are not made before the first paint)
        painter.setPen(QPen(_outline(option), 1))
        area = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if radius:
            painter.drawRoundedRect(area, radius, radius)
        else:
            painter.drawRect(area)
        painter.restore()

    def _indicator(self, option: QStyleOption, painter: QPainter) -> tuple[QRectF, bool]:
        """Begins painting a checkbox or radio button: its square, and whether it is on."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        on = bool(option.state & (_STATE.State_On | _STATE.State_NoChange))
        palette = option.palette
        accent = _faded(palette.color(QPalette.ColorRole.Highlight), option)
        painter.setPen(QPen(accent if on else _outline(option), 1))
        if on:
            painter.setBrush(accent)
        elif option.state & _STATE.State_Sunken:
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        # Edges on whole pixels: a crisp line keeps its full contrast (half-covered pixels
        # would show a paler shade of it).
        return QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), on

    def _check_box(self, option: QStyleOption, painter: QPainter) -> None:
        box, on = self._indicator(option, painter)
        painter.drawRoundedRect(box, 3, 3)
        if on:
            from PySide6.QtCore import Qt  # its enums: only once something is ticked

            mark = QPen(option.palette.color(QPalette.ColorRole.HighlightedText))
            mark.setWidthF(max(1.5, box.height() * 0.14))
            mark.setCapStyle(Qt.PenCapStyle.RoundCap)
            mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(mark)
            painter.setBrush(QBrush())
            w, h, x, y = box.width(), box.height(), box.x(), box.y()
            if option.state & _STATE.State_NoChange:  # partly: a dash
                painter.drawLine(QPointF(x + w * 0.28, y + h / 2), QPointF(x + w * 0.72, y + h / 2))
            else:
                tick = QPainterPath(QPointF(x + w * 0.24, y + h * 0.52))
                tick.lineTo(x + w * 0.43, y + h * 0.72)
                tick.lineTo(x + w * 0.77, y + h * 0.3)
                painter.drawPath(tick)
        painter.restore()

    def _radio_button(self, option: QStyleOption, painter: QPainter) -> None:
        box, on = self._indicator(option, painter)
        if on:  # a ring of the accent around a dot of the accent
            painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(box)
        if on:
            inset = box.width() * 0.27
            dot = QPainterPath()
            dot.addEllipse(box.adjusted(inset, inset, -inset, -inset))
            accent = option.palette.color(QPalette.ColorRole.Highlight)
            painter.fillPath(dot, _faded(accent, option))
        painter.restore()

    def _slider(
        self, option: QStyleOptionComplex, painter: QPainter, widget: QWidget | None
    ) -> None:
        """The groove's far side and the handle get an edge: the value stays readable."""
        fusion = self.baseStyle()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QBrush())
        painter.setPen(QPen(_outline(option), 1))
        for part in (_SC.SC_SliderGroove, _SC.SC_SliderHandle):
            area = QRectF(fusion.subControlRect(_CC.CC_Slider, option, part, widget))
            if part == _SC.SC_SliderGroove:  # Fusion paints a thin bar in the middle of it
                middle, half = area.center(), 2.5
                horizontal = area.width() >= area.height()
                area = (
                    QRectF(area.left(), middle.y() - half, area.width(), 2 * half)
                    if horizontal
                    else QRectF(middle.x() - half, area.top(), 2 * half, area.height())
                )
            area = area.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(area, 2, 2)
        painter.restore()

    def _scroll_bar(
        self, option: QStyleOptionComplex, painter: QPainter, widget: QWidget | None
    ) -> None:
        fusion = self.baseStyle()
        groove = fusion.subControlRect(_CC.CC_ScrollBar, option, _SC.SC_ScrollBarGroove, widget)
        slider = fusion.subControlRect(_CC.CC_ScrollBar, option, _SC.SC_ScrollBarSlider, widget)
        painter.save()
        painter.fillRect(groove, self.groove)
        if option.state & _STATE.State_Enabled and slider.isValid():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pressed = option.state & _STATE.State_Sunken
            area = QRectF(slider).adjusted(2.5, 2.5, -2.5, -2.5)
            radius = min(area.width(), area.height()) / 2
            handle = QPainterPath()
            handle.addRoundedRect(area, radius, radius)
            painter.fillPath(handle, self.handle.darker(115) if pressed else self.handle)
        painter.restore()


def _keyboard_focus(option: QStyleOption) -> bool:
    """Fusion draws a field's edge in the accent while it has the keyboard's focus."""
    return bool(option.state & _STATE.State_HasFocus)


def _outline(option: QStyleOption) -> QColor:
    """The edge of a control: the palette's Mid, kept at 3:1 against what it sits on."""
    return _faded(option.palette.color(QPalette.ColorRole.Mid), option)


def _faded(colour: QColor, option: QStyleOption) -> QColor:
    """A disabled control's edge, softer: still there, plainly not for now."""
    if option.state & _STATE.State_Enabled:
        return colour
    faded = QColor(colour)
    faded.setAlphaF(0.45)
    return faded


def system_is_dark() -> bool:
    # Asking makes PySide build the whole Qt namespace of enums (some 25 ms), hence the
    # remembered answer below for the first paint.
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _calm_style(app: QApplication) -> CalmStyle:
    """The application's calm style: made once, kept by every theme after."""
    current = app.style()
    if isinstance(current, CalmStyle):
        return current
    style = CalmStyle()
    app.setStyle(style)
    return style


STYLE = "Fusion"  # the one style that draws every palette colour as given
# Set on an application made with "-style Fusion": setStyle() returns the style to Python,
# and making its type (hundreds of enums) would cost milliseconds before the first paint.
STYLED = "glimmersStyled"
_themes: list[Theme] = []  # the application's theme, once made


class Theme(QObject):
    """Applies the calm palette for the chosen scheme, and follows the system when asked.

    ``system_was_dark`` is the system's scheme as the last run saw it: given, the first paint
    uses it and check_system() asks the system right after; not given, the system is asked now.
    """

    system_checked = Signal(bool)  # the system's scheme as asked: True for dark

    def __init__(
        self,
        app: QApplication,
        choice: ThemeChoice = "system",
        system_was_dark: bool | None = None,
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
        self.style = _calm_style(app)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self._attached = True
        self.apply()

    @property
    def dark(self) -> bool:
        return self.choice == "dark" or (self.choice == "system" and self._system_dark)

    def set_choice(self, choice: ThemeChoice) -> None:
        self.choice = choice
        self.apply()

    def apply(self) -> None:
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
