"""The calm style: Fusion with edges a person can see (WCAG 2.2, 1.4.11), the palette's Mid.

Made after the window's first paint (desktop.shell.theme.Theme.use_calm_style): its Python
type needs PySide's QStyle and QStyleOption types, some 40 ms of enums and methods that
the first paint can do without.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from desktop.shell.theme_colours import colours

STYLE = "Fusion"  # the style under the calm one: it draws every palette colour as given

_styles: list[CalmStyle] = []  # the application's calm style, once made

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
        if element == _PE.PE_PanelButtonCommand and option.state & _STATE.State_On:
            self._chosen_button(option, painter)
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

    def _chosen_button(self, option: QStyleOption, painter: QPainter) -> None:
        """A toggle that is on (a section chosen, Options open, words shown): a soft wash of
        the accent inside an accent edge, where Fusion paints a sunken grey box."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        accent = _faded(palette.color(QPalette.ColorRole.Highlight), option)
        painter.setPen(QPen(accent, 1))
        painter.setBrush(chosen_wash(palette))
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
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


def chosen_wash(palette: QPalette) -> QColor:
    """The fill of a chosen toggle: the accent's own hue, soft (pale in light, deep in dark),
    so the button's text keeps its contrast on it."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor.fromHslF(
        max(accent.hslHueF(), 0.0), min(accent.hslSaturationF(), 0.4), 0.28 if dark else 0.86
    )


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


def calm_style(app: QApplication) -> CalmStyle:
    """The application's calm style: made and set once, kept by every theme after."""
    if not _styles:
        style = CalmStyle()
        app.setStyle(style)
        _styles.append(style)
    return _styles[0]
