"""The body map over time: where something was felt, as a soft heat map on our silhouette.

The outline is stroked from the same shapes the heat is masked to (no QtSvg needed).

One hue from the calm palette, deeper where more was felt (lighter on a dark theme), so it reads
the same for colour-blind people; a legend says which way the scale runs. The arrow keys move
between regions and a screen reader hears what was felt in each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.checkin.body import (
    Region,
    Shape,
    outline_parts,
    outline_shapes,
    parse_regions,
    view_box,
)
from desktop.checkin.body_map import fit_view, region_centre, region_under, shape_path
from desktop.clock import WallClock, today
from desktop.controls import named
from desktop.over_time.heat import Grid, HeatKernels, warmest_first
from desktop.over_time.parts import LOADING, Frame, heading, wrapping_label
from desktop.over_time.summaries import body_summary, region_description
from desktop.store.patterns import BodyFilter, BodyOptions, BodyTotals
from desktop.texts import QT_TRANSLATE_NOOP, translate

PERIODS = (
    (QT_TRANSLATE_NOOP("OverTime", "All the time"), None),
    (QT_TRANSLATE_NOOP("OverTime", "The last 4 weeks"), 28),
    (QT_TRANSLATE_NOOP("OverTime", "The last 3 months"), 91),
    (QT_TRANSLATE_NOOP("OverTime", "The last 12 months"), 365),
)


OUTLINE = QColor("#8a8f98")  # the drawing's stroke colour (resources/body.svg), 3:1 on both


def make_kernels(svg_text: str) -> HeatKernels:
    """Each region's blurred area, from our drawing (some tens of milliseconds: a worker's)."""
    regions = {r.key: r.shapes for r in parse_regions(svg_text)}
    return HeatKernels(regions, outline_shapes(svg_text), view_box(svg_text))


def _path(shapes: Iterable[Shape]) -> QPainterPath:
    path = QPainterPath()
    for shape in shapes:
        path.addPath(shape_path(shape))
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


@dataclass(frozen=True)
class BodyDrawing:
    """Our drawing as the heat view draws it: its regions and their outlines as painter paths.

    Made once from the drawing's text, on any thread (a painter path is a plain value, not a
    widget), so that a view built from it parses nothing.
    """

    view: tuple[float, float, float, float]
    regions: tuple[Region, ...]
    paths: Mapping[str, QPainterPath]  # each region's area
    outline: QPainterPath  # every shape: what the heat is masked to
    solid: QPainterPath  # the outline's strokes, the front view's
    dashed: QPainterPath  # and the back view's

    @classmethod
    def from_svg(cls, svg_text: str) -> BodyDrawing:
        regions = tuple(parse_regions(svg_text))
        parts = outline_parts(svg_text)
        return cls(
            view_box(svg_text),
            regions,
            {r.key: _path(r.shapes) for r in regions},
            _path(shape for shape, _ in parts),
            _path(shape for shape, dashed in parts if not dashed),
            _path(shape for shape, dashed in parts if dashed),
        )


@dataclass(frozen=True)
class BodyMade:
    """What the body map over time needs of our drawing, made once off the GUI thread."""

    drawing: BodyDrawing
    kernels: HeatKernels


def make_body(svg_text: str) -> BodyMade:
    return BodyMade(BodyDrawing.from_svg(svg_text), make_kernels(svg_text))


@dataclass(frozen=True)
class HeatPicture:
    """What the view draws: the totals, and the heat as one opacity byte per grid cell."""

    totals: BodyTotals
    grid: Grid
    alpha: bytes


def heat_picture(kernels: HeatKernels, totals: BodyTotals) -> HeatPicture:
    return HeatPicture(totals, kernels.grid, kernels.heat_alpha(totals.weights()))


class BodyHeatView(QWidget):
    current_changed = Signal(str)

    def __init__(self, drawing: BodyDrawing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_heat_view")
        self.setAccessibleName(translate("OverTime", "Your body map over time"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(220, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._view = drawing.view
        self.regions: list[Region] = list(drawing.regions)
        self._labels = {r.key: r.label for r in self.regions}
        self._paths = dict(drawing.paths)
        self._outline = drawing.outline
        self._solid = drawing.solid
        self._dashed = drawing.dashed
        self.picture: HeatPicture | None = None
        self._alpha: QImage | None = None
        self._coloured: tuple[int, QImage] | None = None  # (colour, image) made for that colour
        self.highlighted: set[str] = set()  # regions outlined (one moment of a track)
        self._cached: tuple[object, QPixmap, QPixmap] | None = None
        self.current = self.regions[0].key
        self._describe()

    # -- state --------------------------------------------------------------------------------

    def set_picture(self, picture: HeatPicture | None) -> None:
        self.picture = picture
        self._coloured = None
        self._alpha = None
        if picture is not None:
            grid = picture.grid
            self._alpha = QImage(
                picture.alpha, grid.columns, grid.rows, grid.columns, QImage.Format.Format_Alpha8
            ).copy()  # a copy owns its pixels; the bytes may go
        self._describe()
        self.update()

    def set_highlighted(self, regions: set[str]) -> None:
        self.highlighted = set(regions)
        self.update()

    @property
    def totals(self) -> BodyTotals:
        return self.picture.totals if self.picture is not None else BodyTotals()

    def summary(self) -> str:
        """The picture as words, warmest places first."""
        totals = self.totals
        order = warmest_first({r.key: totals.weights().get(r.key, 0.0) for r in self.regions})
        return body_summary(totals, self.label, order)

    def label(self, key: str) -> str:
        return self._labels.get(key, key.replace("_", " "))

    def _describe(self) -> None:
        self.setAccessibleDescription(
            region_description(self.totals.regions.get(self.current), self.label(self.current))
            + " "
            + translate("OverTime", "Arrow keys move between places.")
        )

    # -- geometry -----------------------------------------------------------------------------

    def _legend_height(self) -> float:
        return float(self.fontMetrics().height() * 2 + 22)

    def transform(self) -> QTransform:
        return fit_view(self._view, self.width(), self.height() - self._legend_height())

    def region_centre(self, key: str) -> QPointF:
        """A point inside the region, in widget coordinates (its first shape's centre)."""
        return region_centre(self.regions, key, self.transform())

    def region_at(self, point: QPointF) -> str | None:
        return region_under(self.regions, self._paths, self.transform(), point)

    # -- input --------------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        keys = [r.key for r in self.regions]
        self.current = keys[(keys.index(self.current) + step) % len(keys)]
        self._describe()
        self.current_changed.emit(self.current)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._move(1)
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._move(-1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.region_at(event.position())
        if key is not None:
            self.current = key
            self._describe()
            self.current_changed.emit(key)
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self.region_at(event.position())
        self.setToolTip(
            region_description(self.totals.regions.get(key), self.label(key)) if key else ""
        )

    # -- painting -----------------------------------------------------------------------------

    def heat_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _heat_image(self, colour: QColor) -> QImage | None:
        if self._alpha is None:
            return None
        if self._coloured is None or self._coloured[0] != colour.rgba():
            image = QImage(self._alpha.size(), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(colour)
            with QPainter(image) as painter:
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
                painter.drawImage(0, 0, self._alpha)
            self._coloured = (colour.rgba(), image)
        return self._coloured[1]

    def _layers(self, colour: QColor) -> tuple[QPixmap, QPixmap]:
        """What does not change with the marks, drawn once per size and palette: the silhouette
        and the legend beneath the heat, the outline's strokes above it."""
        palette = self.palette()
        key = (
            self.size().toTuple(),
            self.devicePixelRatioF(),
            colour.rgba(),
            palette.color(QPalette.ColorRole.Base).rgba(),
            palette.color(QPalette.ColorRole.AlternateBase).rgba(),
            palette.color(QPalette.ColorRole.Text).rgba(),
            self.font().key(),
        )
        if self._cached is not None and self._cached[0] == key:
            return self._cached[1], self._cached[2]
        ratio = self.devicePixelRatioF()
        below, above = (QPixmap(self.size() * ratio) for _ in range(2))
        for layer in (below, above):
            layer.setDevicePixelRatio(ratio)
        below.fill(palette.color(QPalette.ColorRole.Base))
        above.fill(Qt.GlobalColor.transparent)
        transform = self.transform()
        with QPainter(below) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(transform)
            painter.fillPath(self._outline, palette.color(QPalette.ColorRole.AlternateBase))
            painter.resetTransform()
            self._paint_legend(painter, colour)
        with QPainter(above) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(transform)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(OUTLINE, 2.0 * transform.m11())  # as wide as the drawing's own strokes
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(self._solid)
            pen.setDashPattern([2.0, 1.5])  # the drawing's "4 3", in pen widths
            painter.setPen(pen)
            painter.drawPath(self._dashed)
        self._cached = (key, below, above)
        return below, above

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        if self.picture is None:
            # Until the map has been read: its background only. The silhouette, its outline and
            # the legend (a few milliseconds of antialiased strokes) are drawn once, with it.
            with QPainter(self) as painter:
                painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            return
        colour = self.heat_colour()
        below, above = self._layers(colour)
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(0, 0, below)
            transform = self.transform()
            image = self._heat_image(colour)
            if image is not None and self.picture is not None:
                grid = self.picture.grid
                painter.setTransform(transform)
                painter.setClipPath(self._outline)
                painter.drawImage(
                    QRectF(grid.left, grid.top, grid.columns * grid.cell, grid.rows * grid.cell),
                    image,
                )
                painter.setClipping(False)
                painter.resetTransform()
            painter.drawPixmap(0, 0, above)
            painter.setTransform(transform)
            for key in self.highlighted:
                pen = QPen(palette.color(QPalette.ColorRole.Text), 2.0, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(self._paths[key])
            if self.hasFocus():
                pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.5)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawPath(self._paths[self.current])

    def _paint_legend(self, painter: QPainter, colour: QColor) -> None:
        palette = self.palette()
        metrics = painter.fontMetrics()
        line = metrics.height()
        top = self.height() - self._legend_height() + 6
        fewer = translate("OverTime", "less often")
        more = translate("OverTime", "more often, or stronger")
        needed = metrics.horizontalAdvance(fewer) + metrics.horizontalAdvance(more) + 24
        width = min(self.width() - 16.0, max(220.0, float(needed)))
        left = (self.width() - width) / 2
        bar = QRectF(left, top, width, 12)
        painter.fillRect(bar, palette.color(QPalette.ColorRole.AlternateBase))
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        faint = QColor(colour)
        faint.setAlpha(0)
        strong = QColor(colour)
        strong.setAlpha(235)
        gradient.setColorAt(0, faint)
        gradient.setColorAt(1, strong)
        painter.fillRect(bar, gradient)
        pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text)))
        labels = QRectF(left, bar.bottom() + 3, width, line)
        painter.drawText(labels, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), fewer)
        painter.drawText(labels, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), more)


class BodyPage(QWidget):
    filter_changed = Signal()

    def __init__(self, drawing: BodyDrawing, wall: WallClock) -> None:
        super().__init__()
        self._wall = wall
        self.view = BodyHeatView(drawing)
        self.period = named(
            QComboBox(),
            translate("OverTime", "When"),
            translate("OverTime", "Which stretch of time the map gathers"),
            object_name="body_period",
        )
        for label, days in PERIODS:
            self.period.addItem(translate("OverTime", label), days)
        self.quality = named(
            QComboBox(),
            translate("OverTime", "Felt as"),
            translate("OverTime", "Only the places felt this way"),
            object_name="body_quality",
        )
        self.practice = named(
            QComboBox(),
            translate("OverTime", "During"),
            translate("OverTime", "Only what was felt during this practice or track"),
            object_name="body_practice",
        )
        self.set_options(BodyOptions())
        self.title = heading(translate("OverTime", "Your body map over time"))
        self.chosen = wrapping_label("body_chosen")
        self.summary = wrapping_label("body_summary", translate("OverTime", LOADING))
        self.frame = Frame("body_frame")
        self.frame.column.addWidget(self.title)
        self.frame.column.addWidget(self.chosen)
        self.frame.column.addWidget(self.view, 1)
        self.frame.column.addWidget(self.summary)
        filters = QHBoxLayout()
        for text, combo in (
            (translate("OverTime", "When"), self.period),
            (translate("OverTime", "Felt as"), self.quality),
            (translate("OverTime", "During"), self.practice),
        ):
            caption = QLabel(text)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.frame, 1)
        for combo in (self.period, self.quality, self.practice):
            # A long track title or a longer language never widens the page past the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self.filter_changed)
        self.view.current_changed.connect(lambda _key: None)
        self._describe_choice()

    def set_options(self, options: BodyOptions) -> None:
        if options == getattr(self, "_options", None):
            return  # the same choices as before: nothing moves under the pointer
        self._options = options
        quality = self.quality.currentData()
        practice = self.practice.currentData()
        for combo in (self.quality, self.practice):
            combo.blockSignals(True)
            combo.clear()
        self.quality.addItem(translate("OverTime", "Any way"), None)
        for word in options.qualities:
            self.quality.addItem(word, word)
        self.practice.addItem(translate("OverTime", "Every practice"), "")
        for key, label in options.practices:
            self.practice.addItem(translate("Patterns", label), key)
            if key == "listening":
                for track_id, title in options.tracks:
                    self.practice.addItem(
                        translate("OverTime", "Listening to {title}").format(title=title),
                        f"{key}#{track_id}",
                    )
        self.quality.setCurrentIndex(max(0, self.quality.findData(quality)))
        self.practice.setCurrentIndex(max(0, self.practice.findData(practice)))
        for combo in (self.quality, self.practice):
            combo.blockSignals(False)

    def body_filter(self) -> BodyFilter:
        days = self.period.currentData()
        since = None
        if days is not None:
            since = (today(self._wall) - dt.timedelta(days=int(days) - 1)).isoformat()
        key, _, track = str(self.practice.currentData() or "").partition("#")
        return BodyFilter(
            since, self.quality.currentData(), key or None, int(track) if track else None
        )

    def _describe_choice(self) -> None:
        self.chosen.setText(
            translate("OverTime", "{period} · {quality} · {practice}").format(
                period=self.period.currentText(),
                quality=self.quality.currentText(),
                practice=self.practice.currentText(),
            )
        )

    def show_picture(self, picture: HeatPicture, options: BodyOptions) -> None:
        self.set_options(options)
        self.view.set_picture(picture)
        self._describe_choice()
        self.summary.setText(self.view.summary())
