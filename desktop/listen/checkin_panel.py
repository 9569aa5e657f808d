"""The check-in panel beside the player: where something is felt, how it feels, how strong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.body import QUALITIES, STRENGTH_LABELS, qualities, region_labels
from desktop.checkin.body_map import BodyMap
from desktop.checkin.feelings import Feeling, Vocabulary, clean_own_word
from desktop.checkin.feelings_picker import FeelingsPicker
from desktop.limited_text import limit_and_tell
from desktop.store import limits
from desktop.store.listening import BodyMark
from desktop.texts import translate


class CheckInPanel(QWidget):
    save_requested = Signal()
    nothing_requested = Signal()
    cancelled = Signal()

    def __init__(
        self, svg_text: str, vocabulary: Vocabulary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checkin_panel")
        self._qualities: dict[str, list[str]] = {}
        self._strengths: dict[str, str] = {}
        self._loading = False

        self.heading = QLabel("<h3>" + translate("ListenCheckinPanel", "Check in") + "</h3>")
        self.where = QLabel()
        self.where.setObjectName("checkin_where")
        self.body_map = BodyMap(svg_text)
        self.marked_list = QListWidget()
        self.marked_list.setObjectName("marked_regions")
        self.marked_list.setAccessibleName(translate("ListenCheckinPanel", "Places you marked"))
        self.marked_list.setAccessibleDescription(
            translate("ListenCheckinPanel", "Choose a place to say how it feels there")
        )
        self.marked_list.setMaximumHeight(80)
        self.region_box = QGroupBox(translate("ListenCheckinPanel", "How does it feel there?"))
        self.region_box.setObjectName("region_box")
        grid = QGridLayout(self.region_box)
        self.quality_boxes: dict[str, QCheckBox] = {}
        self._offered = qualities()
        self._region_labels = region_labels()
        for index, (source, quality) in enumerate(zip(QUALITIES, self._offered, strict=True)):
            box = QCheckBox(quality)
            box.setObjectName(f"quality_{source.replace(' ', '_')}")
            box.setAccessibleName(quality)
            box.setAccessibleDescription(
                translate("ListenCheckinPanel", "How it feels in the chosen place")
            )
            self.quality_boxes[quality] = box
            grid.addWidget(box, index // 2, index % 2)
        self.own_quality = QLineEdit()
        self.own_quality.setObjectName("own_quality")
        self.own_quality.setPlaceholderText(translate("ListenCheckinPanel", "Your own word"))
        self.own_quality.setAccessibleName(
            translate("ListenCheckinPanel", "Your own word for how it feels")
        )
        self.own_quality.setAccessibleDescription(
            translate("ListenCheckinPanel", "Your own words for it, separated by commas")
        )
        self.strength = QComboBox()
        self.strength.setObjectName("strength")
        self.strength.setAccessibleName(translate("ListenCheckinPanel", "How strong"))
        self.strength.setAccessibleDescription(
            translate("ListenCheckinPanel", "Faint, clear or strong")
        )
        for key, label in STRENGTH_LABELS.items():
            self.strength.addItem(translate("Body", label), key)
        row = (len(QUALITIES) + 1) // 2
        grid.addWidget(self.own_quality, row, 0, 1, 2)
        strength_label = QLabel(translate("ListenCheckinPanel", "How &strong"))
        strength_label.setBuddy(self.strength)
        grid.addWidget(strength_label, row + 1, 0)
        grid.addWidget(self.strength, row + 1, 1)
        self.feelings = FeelingsPicker(vocabulary)
        feelings_box = QGroupBox(translate("ListenCheckinPanel", "Feeling words (optional)"))
        QVBoxLayout(feelings_box).addWidget(self.feelings)
        self.note = QLineEdit()
        self.note.setObjectName("checkin_note")
        self.note.setPlaceholderText(translate("ListenCheckinPanel", "A note, if you like"))
        self.note.setAccessibleName(translate("ListenCheckinPanel", "Note"))
        self.note.setAccessibleDescription(
            translate("ListenCheckinPanel", "Anything else about this moment")
        )
        self.message = QLabel()
        self.message.setObjectName("checkin_message")
        self.message.setWordWrap(True)
        note_field = translate("ListenCheckinPanel", "Note")
        limit_and_tell(self.note, note_field, limits.NOTE, self.message.setText)
        self.save_button = QPushButton(translate("ListenCheckinPanel", "&Save check-in"))
        self.save_button.setObjectName("save_checkin")
        self.save_button.setAccessibleName(translate("ListenCheckinPanel", "Save check-in"))
        self.save_button.setAccessibleDescription(
            translate("ListenCheckinPanel", "Keeps this check-in with the moment in the track")
        )
        self.nothing_button = QPushButton(
            translate("ListenCheckinPanel", "&Nothing concrete, I just listened")
        )
        self.nothing_button.setObjectName("nothing_concrete")
        self.nothing_button.setAccessibleName(
            translate("ListenCheckinPanel", "Nothing concrete, I just listened")
        )
        self.nothing_button.setAccessibleDescription(
            translate(
                "ListenCheckinPanel", "Keeps a check-in that says you listened, without details"
            )
        )
        self.cancel_button = QPushButton(translate("ListenCheckinPanel", "Close"))
        self.cancel_button.setAccessibleName(translate("ListenCheckinPanel", "Close the check-in"))
        self.cancel_button.setAccessibleDescription(
            translate("ListenCheckinPanel", "Closes the check-in without keeping it")
        )

        buttons = QHBoxLayout()
        buttons.addWidget(self.nothing_button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        # Narrow enough for the side of the Listen tab: the body and its places side by side,
        # then the words and the note below, full width.
        right = QVBoxLayout()
        right.addWidget(self.marked_list)
        right.addWidget(self.region_box)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addWidget(self.body_map, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addLayout(columns, 1)
        layout.addWidget(feelings_box)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect_signals()
        self._show_region(None)

    def _connect_signals(self) -> None:
        self.body_map.region_toggled.connect(self._on_region_toggled)
        self.marked_list.currentRowChanged.connect(self._on_marked_row)
        for quality, box in self.quality_boxes.items():
            box.toggled.connect(lambda on, q=quality: self._set_quality(q, on))
        self.own_quality.editingFinished.connect(self.keep_typed_qualities)
        self.strength.currentIndexChanged.connect(self._set_strength)
        self.save_button.clicked.connect(self.save_requested)
        self.nothing_button.clicked.connect(self.nothing_requested)
        self.cancel_button.clicked.connect(self.cancelled)

    # -- state --------------------------------------------------------------------------------

    def reset(self, where: str) -> None:
        self.where.setText(where)
        self._qualities.clear()
        self._strengths.clear()
        self.body_map.set_marked({})
        self.marked_list.clear()
        self.feelings.clear()
        self.note.clear()
        self.message.clear()
        self._show_region(None)

    def marks(self) -> tuple[BodyMark, ...]:
        return tuple(
            BodyMark(region, tuple(self._qualities.get(region, [])), self._strengths[region])
            for region in self._strengths
        )

    def chosen_feelings(self) -> tuple[Feeling, ...]:
        return self.feelings.feelings()

    def current_region(self) -> str | None:
        item = self.marked_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    # -- marking ------------------------------------------------------------------------------

    def _on_region_toggled(self, region: str, marked: bool) -> None:
        if marked:
            self._strengths[region] = "clear"
            item = QListWidgetItem(self._region_labels[region])
            item.setData(Qt.ItemDataRole.UserRole, region)
            self.marked_list.addItem(item)
            self.marked_list.setCurrentItem(item)
        else:
            self._strengths.pop(region, None)
            self._qualities.pop(region, None)
            for row in range(self.marked_list.count()):
                if self.marked_list.item(row).data(Qt.ItemDataRole.UserRole) == region:
                    self.marked_list.takeItem(row)
                    break
            self._show_region(self.current_region())

    def _on_marked_row(self, _row: int) -> None:
        self._show_region(self.current_region())

    def _show_region(self, region: str | None) -> None:
        self._loading = True
        try:
            self.region_box.setEnabled(region is not None)
            self.region_box.setTitle(
                translate("ListenCheckinPanel", "How does it feel in your {place}?").format(
                    place=self._region_labels[region].lower()
                )
                if region
                else translate("ListenCheckinPanel", "Mark a place on the body first")
            )
            chosen = self._qualities.get(region or "", [])
            for quality, box in self.quality_boxes.items():
                box.setChecked(quality in chosen)
            self.own_quality.setText(", ".join(q for q in chosen if q not in self._offered))
            strength = self._strengths.get(region or "", "clear")
            self.strength.setCurrentIndex(self.strength.findData(strength))
        finally:
            self._loading = False

    def _set_quality(self, quality: str, on: bool) -> None:
        region = self.current_region()
        if self._loading or region is None:
            return
        chosen = self._qualities.setdefault(region, [])
        if on and quality not in chosen:
            chosen.append(quality)
        elif not on and quality in chosen:
            chosen.remove(quality)

    def show_message(self, text: str) -> None:
        """Why the check-in was not kept, below the panel."""
        self.message.setText(text)

    def keep_typed_qualities(self) -> None:
        """The person's own words for the chosen region count even before they leave the box."""
        region = self.current_region()
        if self._loading or region is None:
            return
        chosen = [q for q in self._qualities.get(region, []) if q in self._offered]
        for part in self.own_quality.text().split(","):
            try:
                chosen.append(clean_own_word(part))
            except ValueError:
                continue
        self._qualities[region] = chosen

    def _set_strength(self) -> None:
        region = self.current_region()
        if self._loading or region is None:
            return
        self._strengths[region] = str(self.strength.currentData())
        self.body_map.set_marked(dict(self._strengths))
