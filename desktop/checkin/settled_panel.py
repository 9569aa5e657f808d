"""A short, optional check-in: how settled the body feels, and feeling words if wanted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import Feeling, Vocabulary
from desktop.checkin.feelings_picker import FeelingsPicker
from desktop.texts import QT_TRANSLATE_NOOP, translate

SETTLED_LABELS = {
    1: QT_TRANSLATE_NOOP("CheckinSettledPanel", "1, not at all"),
    2: QT_TRANSLATE_NOOP("CheckinSettledPanel", "2"),
    3: QT_TRANSLATE_NOOP("CheckinSettledPanel", "3, somewhat"),
    4: QT_TRANSLATE_NOOP("CheckinSettledPanel", "4"),
    5: QT_TRANSLATE_NOOP("CheckinSettledPanel", "5, very settled"),
}


@dataclass(frozen=True)
class CheckInAnswer:
    settled: int | None  # None when skipped or left unanswered
    feelings: tuple[Feeling, ...] = ()


class SettledPanel(QWidget):
    answered = Signal(object)  # CheckInAnswer: how settled, which words, or skipped

    def __init__(self, vocabulary: Vocabulary, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(f"<h3>{title}</h3>")
        question = QLabel(
            translate(
                "CheckinSettledPanel",
                "How settled does your body feel? Any answer is fine, or skip it.",
            )
        )
        question.setWordWrap(True)
        self.group = QButtonGroup(self)
        scale = QVBoxLayout()  # a column: long answers in any language keep their room
        scale.setSpacing(2)
        self.buttons: dict[int, QRadioButton] = {}
        for value, source in SETTLED_LABELS.items():
            label = translate("CheckinSettledPanel", source)
            button = QRadioButton(label)
            button.setObjectName(f"settled_{value}")
            button.setAccessibleName(
                translate("CheckinSettledPanel", "Settled: {answer}").format(answer=label)
            )
            button.setAccessibleDescription(
                translate("CheckinSettledPanel", "How settled your body feels, from 1 to 5")
            )
            self.group.addButton(button, value)
            self.buttons[value] = button
            scale.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.feelings = FeelingsPicker(vocabulary)
        self.skip_button = QPushButton(translate("CheckinSettledPanel", "S&kip"))
        self.skip_button.setObjectName("checkin_skip")
        self.skip_button.setAccessibleName(translate("CheckinSettledPanel", "Skip the check-in"))
        self.skip_button.setAccessibleDescription(
            translate("CheckinSettledPanel", "Goes on without answering")
        )
        self.continue_button = QPushButton(translate("CheckinSettledPanel", "&Continue"))
        self.continue_button.setObjectName("checkin_continue")
        self.continue_button.setAccessibleName(translate("CheckinSettledPanel", "Continue"))
        self.continue_button.setAccessibleDescription(
            translate("CheckinSettledPanel", "Keeps your answer and goes on")
        )
        self.continue_button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.skip_button)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(question)
        layout.addLayout(scale)
        layout.addWidget(QLabel(translate("CheckinSettledPanel", "Feeling words, if you like:")))
        layout.addWidget(self.feelings, 1)
        layout.addLayout(row)
        self.skip_button.clicked.connect(lambda: self.answered.emit(CheckInAnswer(None)))
        self.continue_button.clicked.connect(self._continue)

    def reset(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.feelings.clear()

    def _continue(self) -> None:
        value = self.group.checkedId()
        self.answered.emit(
            CheckInAnswer(value if value in SETTLED_LABELS else None, self.feelings.feelings())
        )
