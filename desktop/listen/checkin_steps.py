"""The body check-in while listening, in three short steps: 1 Where, 2 What it is like,
3 Anything else. Each step fits on the page without scrolling, and Save is there at every step:
the person keeps whatever they have said so far, whenever they like.

1. Where: tap places on the body (or "Nowhere in particular").
2. What it is like: for each place, how it feels (toggle chips), how strong (three chips:
   faint, clear, strong) and, if wanted, a word of their own.
3. Anything else: feeling words and a note.

A view: it says what was asked for (save, "I just listened", close) and hands over what was
chosen; the Listen tab keeps the check-in. Choosing never moves what is about to be clicked:
every part of a step keeps its place and size whatever is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.body import QUALITIES, STRENGTH_LABELS, qualities, region_labels
from desktop.checkin.body_map import BodyMap
from desktop.checkin.feelings import Feeling, Vocabulary, clean_own_word
from desktop.checkin.feelings_picker import FeelingsPicker
from desktop.controls import named
from desktop.limited_text import limit_and_tell
from desktop.look import GAP, SPACE, heading, tight
from desktop.store import limits
from desktop.store.listening import BodyMark
from desktop.texts import QT_TRANSLATE_NOOP, translate

STEPS = (
    QT_TRANSLATE_NOOP("ListenCheckin", "Where"),
    QT_TRANSLATE_NOOP("ListenCheckin", "What it is like"),
    QT_TRANSLATE_NOOP("ListenCheckin", "Anything else"),
)
QUALITY_COLUMNS = 3
MAX_REGION_CHIPS = 6  # places a person marks at once, shown as chips in step 2


def chip(text: str, description: str, object_name: str) -> QPushButton:
    """A soft toggle: a word to choose, shown chosen in the accent colour."""
    button = named(QPushButton(text), text, description, object_name=object_name)
    button.setCheckable(True)
    button.setProperty("chip", True)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


CHIP_STYLE = """
QPushButton[chip="true"] { padding: 6px 10px; border-radius: 14px;
    border: 1px solid palette(mid); background: palette(base); color: palette(text); }
QPushButton[chip="true"]:checked { background: palette(highlight);
    color: palette(highlighted-text); border-color: palette(highlight); }
QPushButton[chip="true"]:focus { border: 2px solid palette(highlight); }
QPushButton[chip="true"]:disabled { color: palette(mid); }
"""


class CheckInSteps(QWidget):
    save_requested = Signal()
    nothing_requested = Signal()
    cancelled = Signal()
    step_changed = Signal(int)  # the step now shown: 0, 1 or 2

    def __init__(
        self, svg_text: str, vocabulary: Vocabulary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkin_steps")
        # The chips' style sheet sits on a page inside: a widget with a style sheet hears no
        # change of the application's palette, and this one has to (see changeEvent).
        self.styled = QWidget(self)
        self.styled.setObjectName("checkin_styled")
        self.styled.setStyleSheet(CHIP_STYLE)
        outer = tight(QVBoxLayout(self), 0)
        outer.addWidget(self.styled)
        self._qualities: dict[str, list[str]] = {}
        self._strengths: dict[str, str] = {}
        self._region: str | None = None  # the place step 2 is about
        self._loading = False
        self._offered = qualities()
        self._region_labels = region_labels()
        self._svg = svg_text

        self.heading = heading(QLabel(translate("ListenCheckin", "Check in")), "title")
        self.heading.setObjectName("checkin_heading")
        self.where = QLabel()
        self.where.setObjectName("checkin_where")
        self.where.setWordWrap(True)
        self.step_label = heading(QLabel())
        self.step_label.setObjectName("checkin_step")
        self.cancel_button = named(
            QPushButton(translate("ListenCheckin", "Close")),
            translate("ListenCheckin", "Close"),
            translate("ListenCheckin", "Closes the check-in without keeping it"),
            object_name="close_checkin",
        )
        self.cancel_button.setFlat(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._where_step())
        self.stack.addWidget(self._like_step())
        self.stack.addWidget(self._else_step(vocabulary))
        # Where the window is too small for a step (640x480, large text), the step scrolls;
        # the heading above it and Save below it stay in sight.
        self.step_area = QScrollArea()
        self.step_area.setObjectName("step_area")
        self.step_area.setWidgetResizable(True)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        self.step_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_area.setWidget(self.stack)

        self.message = QLabel()
        self.message.setObjectName("checkin_message")
        self.message.setWordWrap(True)
        limit_and_tell(
            self.note, translate("ListenCheckin", "Note"), limits.NOTE, self.message.setText
        )
        self.pause_box = named(
            QCheckBox(translate("ListenCheckin", "Pause the music while I check in")),
            translate("ListenCheckin", "Pause the music while I check in"),
            translate("ListenCheckin", "The music waits while the check-in is open"),
            object_name="pause_while_checking_in",
        )
        self.nothing_button = named(
            QPushButton(translate("ListenCheckin", "&I just listened")),
            translate("ListenCheckin", "I just listened"),
            translate("ListenCheckin", "Keeps a check-in that says you listened, nothing more"),
            object_name="nothing_concrete",
        )
        self.back_button = named(
            QPushButton(translate("ListenCheckin", "&Back")),
            translate("ListenCheckin", "Back"),
            translate("ListenCheckin", "The step before"),
            object_name="checkin_back",
        )
        self.next_button = named(
            QPushButton(translate("ListenCheckin", "&Next")),
            translate("ListenCheckin", "Next"),
            translate("ListenCheckin", "The next step; nothing is kept yet"),
            object_name="checkin_next",
        )
        self.save_button = named(
            QPushButton(translate("ListenCheckin", "&Save check-in")),
            translate("ListenCheckin", "Save check-in"),
            translate("ListenCheckin", "Keeps this check-in with the moment in the track"),
            object_name="save_checkin",
        )
        self.save_button.setDefault(True)

        # The moment beside the heading ("River, at 1:23"): a line less above the step, so a
        # step fits in a small window too.
        top = tight(QHBoxLayout(), GAP)
        top.addWidget(self.heading)
        top.addWidget(self.where, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = tight(QHBoxLayout())
        buttons.addWidget(self.nothing_button)
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)
        layout = tight(QVBoxLayout(self.styled), SPACE)
        layout.addLayout(top)
        layout.addWidget(self.step_label)
        layout.addWidget(self.step_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.pause_box)
        layout.addLayout(buttons)
        # Close comes last for the keyboard, after Save: the body is where a check-in starts.
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        # The row of places keeps one height whatever is marked (the chips are styled by now).
        self.region_chips[0].ensurePolished()
        self.region_row.setFixedHeight(self.region_chips[0].sizeHint().height() + 2)
        self._connect_signals()
        self.show_step(0)

    # -- building the steps -------------------------------------------------------------------

    def set_pause_for_checkin(self, on: bool) -> None:
        self.pause_box.setChecked(on)

    def changeEvent(self, event: QEvent) -> None:
        # A style sheet reads palette(...) once, when it is set, and keeps those colours:
        # light or dark chosen while the app runs reaches the steps and their chips only
        # when it is set again.
        if event.type() == QEvent.Type.PaletteChange:
            self.styled.setStyleSheet("")
            self.styled.setStyleSheet(CHIP_STYLE)
        super().changeEvent(event)

    def _where_step(self) -> QWidget:
        page = QWidget()
        page.setObjectName("step_where")
        self.body_map = BodyMap(self._svg)
        hint = QLabel(
            translate(
                "ListenCheckin",
                "Tap where you feel something, as many places as you like. Tap again to let "
                "one go.",
            )
        )
        hint.setWordWrap(True)
        # The places chosen, in one line that keeps its height: choosing never moves a thing.
        self.chosen_places = QLabel()
        self.chosen_places.setObjectName("chosen_places")
        self.chosen_places.setWordWrap(True)
        self.chosen_places.setMinimumHeight(2 * self.chosen_places.fontMetrics().lineSpacing())
        self.chosen_places.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nowhere_button = chip(
            translate("ListenCheckin", "Nowhere in particular"),
            translate("ListenCheckin", "Nothing in one place: go on to the words"),
            "nowhere",
        )
        self.nowhere_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        side = tight(QVBoxLayout(), SPACE)
        side.addWidget(hint)
        side.addWidget(self.chosen_places)
        side.addWidget(self.nowhere_button)
        side.addStretch()
        layout = tight(QHBoxLayout(page), GAP)
        layout.addWidget(self.body_map, 3)
        layout.addLayout(side, 2)
        return page

    def _like_step(self) -> QWidget:
        page = QWidget()
        page.setObjectName("step_like")
        # Which place this is about: a chip per place marked, in a row that keeps its height.
        self.region_row = QWidget()
        self.region_row.setObjectName("region_chips")
        region_layout = tight(QHBoxLayout(self.region_row), SPACE)
        self.region_group = QButtonGroup(self)
        self.region_group.setExclusive(True)
        self.region_chips: list[QPushButton] = []
        for number in range(MAX_REGION_CHIPS):
            button = chip("", translate("ListenCheckin", "Say how it feels in this place"), "")
            button.setObjectName(f"place_{number}")
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            self.region_group.addButton(button, number)
            self.region_chips.append(button)
            region_layout.addWidget(button)
        region_layout.addStretch()

        self.like_hint = QLabel()
        self.like_hint.setObjectName("like_hint")
        self.like_hint.setWordWrap(True)

        qualities_box = QWidget()
        grid = QGridLayout(qualities_box)
        tight(grid, SPACE)
        self.quality_chips: dict[str, QPushButton] = {}
        for index, (source, quality) in enumerate(zip(QUALITIES, self._offered, strict=True)):
            button = chip(
                quality,
                translate("ListenCheckin", "How it feels in this place"),
                f"quality_{source.replace(' ', '_')}",
            )
            self.quality_chips[quality] = button
            grid.addWidget(button, index // QUALITY_COLUMNS, index % QUALITY_COLUMNS)

        self.strength_group = QButtonGroup(self)
        self.strength_group.setExclusive(True)
        self.strength_chips: dict[str, QPushButton] = {}
        strength_row = tight(QHBoxLayout(), SPACE)
        for key, label in STRENGTH_LABELS.items():
            button = chip(
                translate("Body", label),
                translate("ListenCheckin", "How strong it is"),
                f"strength_{key}",
            )
            self.strength_group.addButton(button)
            self.strength_chips[key] = button
            strength_row.addWidget(button)
        self.own_quality = named(
            QLineEdit(),
            translate("ListenCheckin", "Your own word for how it feels"),
            translate("ListenCheckin", "Your own words for it, separated by commas"),
            object_name="own_quality",
        )
        self.own_quality.setPlaceholderText(translate("ListenCheckin", "Your own word"))
        limit_and_tell(
            self.own_quality,
            translate("ListenCheckin", "Your own word"),
            limits.LINE,
            lambda text: self.message.setText(text),
        )
        form = QFormLayout()
        tight(form, SPACE)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        strength_label = QLabel(translate("ListenCheckin", "How strong"))
        form.addRow(strength_label, strength_row)
        form.addRow(translate("ListenCheckin", "In your words"), self.own_quality)

        layout = tight(QVBoxLayout(page), SPACE)
        layout.addWidget(self.region_row)
        layout.addWidget(self.like_hint)
        layout.addWidget(qualities_box)
        layout.addLayout(form)
        layout.addStretch()
        return page

    def _else_step(self, vocabulary: Vocabulary) -> QWidget:
        page = QWidget()
        page.setObjectName("step_else")
        self.feelings = FeelingsPicker(vocabulary, words_scroll=True)
        # The words take the room the step has, and no more: the step fits on the page, and
        # the words offered scroll inside it.
        self.feelings.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.feelings.setMinimumHeight(180)
        self.note = named(
            QLineEdit(),
            translate("ListenCheckin", "Note"),
            translate("ListenCheckin", "Anything else about this moment"),
            object_name="checkin_note",
        )
        self.note.setPlaceholderText(translate("ListenCheckin", "A note, if you like"))
        hint = QLabel(translate("ListenCheckin", "Feeling words and a note, if you like."))
        hint.setWordWrap(True)
        layout = tight(QVBoxLayout(page), SPACE)
        layout.addWidget(hint)
        layout.addWidget(self.feelings, 1)
        layout.addWidget(self.note)
        return page

    def _connect_signals(self) -> None:
        self.body_map.region_toggled.connect(self._on_region_toggled)
        self.nowhere_button.toggled.connect(self._on_nowhere)
        self.region_group.idClicked.connect(self._on_region_chip)
        for quality, button in self.quality_chips.items():
            button.toggled.connect(lambda on, q=quality: self._set_quality(q, on))
        for key, button in self.strength_chips.items():
            button.toggled.connect(lambda on, k=key: self._set_strength(k, on))
        self.own_quality.editingFinished.connect(self.keep_typed_qualities)
        self.back_button.clicked.connect(lambda: self.show_step(self._previous_step()))
        self.next_button.clicked.connect(lambda: self.show_step(self._next_step()))
        self.save_button.clicked.connect(self.save_requested)
        self.nothing_button.clicked.connect(self.nothing_requested)
        self.cancel_button.clicked.connect(self.cancelled)

    # -- moving between steps -----------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _next_step(self) -> int:
        if self.step == 0 and not self._strengths:
            return 2  # nothing marked on the body: nothing to say about a place
        return min(2, self.step + 1)

    def _previous_step(self) -> int:
        if self.step == 2 and not self._strengths:
            return 0
        return max(0, self.step - 1)

    def show_step(self, step: int) -> None:
        self.keep_typed_qualities()
        if step == 1 and self.step == 0:  # from the body: start with the first place marked
            self._region = next(iter(self._strengths), None)
        self.stack.setCurrentIndex(step)
        # The steps take the room of the one shown, not of the tallest: in a short window the
        # body is drawn whole in what there is, not cut off below a scroll.
        for page in self.stack.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            shown = page is self.stack.currentWidget()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.updateGeometry()
        self.step_area.verticalScrollBar().setValue(0)
        self.step_label.setText(
            translate("ListenCheckin", "Step {number} of 3: {name}").format(
                number=step + 1, name=translate("ListenCheckin", STEPS[step])
            )
        )
        self.back_button.setEnabled(step > 0)
        self.next_button.setEnabled(step < 2)
        if step == 1:
            self._show_places()
        firsts = (self.body_map, self._first_like_control(), self.feelings.first_control)
        firsts[step].setFocus()
        self.step_changed.emit(step)

    def _first_like_control(self) -> QWidget:
        checked = self.region_group.checkedButton()
        return checked if checked is not None and not checked.isHidden() else self.own_quality

    # -- state --------------------------------------------------------------------------------

    def reset(self, where: str) -> None:
        self.where.setText(where)
        self._qualities.clear()
        self._strengths.clear()
        self._region = None
        self.body_map.set_marked({})
        self.nowhere_button.setChecked(False)
        self.feelings.clear()
        self.note.clear()
        self.own_quality.clear()
        self.message.clear()
        self._show_chosen_places()
        self.show_step(0)

    def marks(self) -> tuple[BodyMark, ...]:
        return tuple(
            BodyMark(region, tuple(self._qualities.get(region, [])), self._strengths[region])
            for region in self._strengths
        )

    def chosen_feelings(self) -> tuple[Feeling, ...]:
        return self.feelings.feelings()

    def nowhere(self) -> bool:
        return self.nowhere_button.isChecked()

    def current_region(self) -> str | None:
        return self._region

    def show_message(self, text: str) -> None:
        """Why the check-in was not kept, above the buttons."""
        self.message.setText(text)

    # -- step 1: where ------------------------------------------------------------------------

    def _on_region_toggled(self, region: str, marked: bool) -> None:
        if marked:
            if len(self._strengths) >= MAX_REGION_CHIPS:
                self.body_map.set_marked(dict(self._strengths))  # no more than there is room for
                self.message.setText(
                    translate(
                        "ListenCheckin", "{most} places at once is plenty: let one go first."
                    ).format(most=MAX_REGION_CHIPS)
                )
                return
            self._strengths[region] = "clear"
            self._region = region
            self.nowhere_button.setChecked(False)
        else:
            self._strengths.pop(region, None)
            self._qualities.pop(region, None)
            if self._region == region:
                self._region = next(iter(self._strengths), None)
        self.body_map.set_marked(dict(self._strengths))
        self._show_chosen_places()

    def _on_nowhere(self, on: bool) -> None:
        if on and self._strengths:
            self._strengths.clear()
            self._qualities.clear()
            self._region = None
            self.body_map.set_marked({})
            self._show_chosen_places()

    def _show_chosen_places(self) -> None:
        places = [self._region_labels[r] for r in self._strengths]
        self.chosen_places.setText(
            translate("ListenCheckin", "Marked: {places}").format(places=", ".join(places))
            if places
            else ""
        )

    # -- step 2: what it is like --------------------------------------------------------------

    def _show_places(self) -> None:
        regions = list(self._strengths)
        for number, button in enumerate(self.region_chips):
            if number < len(regions):
                label = self._region_labels[regions[number]]
                button.setText(label)
                named(button, label, translate("ListenCheckin", "Say how it feels in this place"))
                button.setProperty("region", regions[number])
                button.show()
            else:
                button.hide()
        if self._region not in self._strengths:
            self._region = regions[0] if regions else None
        self._show_region(self._region)

    def _on_region_chip(self, number: int) -> None:
        self.keep_typed_qualities()
        region = self.region_chips[number].property("region")
        if isinstance(region, str):
            self._region = region
            self._show_region(region)

    def _show_region(self, region: str | None) -> None:
        self._loading = True
        try:
            for button in self.region_chips:
                button.setChecked(not button.isHidden() and button.property("region") == region)
            if region is None:
                self.like_hint.setText(
                    translate("ListenCheckin", "Mark a place on the body first, in step 1.")
                )
            else:
                self.like_hint.setText(
                    translate("ListenCheckin", "How does it feel in your {place}?").format(
                        place=self._region_labels[region].lower()
                    )
                )
            chosen = self._qualities.get(region or "", [])
            for quality, button in self.quality_chips.items():
                button.setEnabled(region is not None)
                button.setChecked(quality in chosen)
            strength = self._strengths.get(region or "", "clear")
            for key, button in self.strength_chips.items():
                button.setEnabled(region is not None)
                button.setChecked(key == strength)
            self.own_quality.setEnabled(region is not None)
            self.own_quality.setText(", ".join(q for q in chosen if q not in self._offered))
        finally:
            self._loading = False

    def _set_quality(self, quality: str, on: bool) -> None:
        region = self._region
        if self._loading or region is None:
            return
        chosen = self._qualities.setdefault(region, [])
        if on and quality not in chosen:
            chosen.append(quality)
        elif not on and quality in chosen:
            chosen.remove(quality)

    def _set_strength(self, strength: str, on: bool) -> None:
        region = self._region
        if self._loading or region is None or not on:
            return
        self._strengths[region] = strength
        self.body_map.set_marked(dict(self._strengths))

    def keep_typed_qualities(self) -> None:
        """The person's own words for the place count even before they leave the box."""
        region = self._region
        if self._loading or region is None or region not in self._strengths:
            return
        chosen = [q for q in self._qualities.get(region, []) if q in self._offered]
        for part in self.own_quality.text().split(","):
            try:
                chosen.append(clean_own_word(part))
            except ValueError:
                continue
        self._qualities[region] = chosen
