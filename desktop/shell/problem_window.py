"""Shown instead of the main window when the database must not be opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import APP_NAME, look
from desktop.controls import named
from desktop.store import StoreProblem
from desktop.texts import translate


class ProblemWindow(QWidget):
    another_folder_requested = Signal()
    restore_requested = Signal()
    rescue_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        problem: StoreProblem,
        backup_text: str | None = None,
        rescue_text: str | None = None,
    ) -> None:
        super().__init__()
        self.problem = problem
        self.setObjectName("problem_window")
        self.setWindowTitle(
            translate("Shell", "{app}: your data could not be opened").format(app=APP_NAME)
        )
        # A heading of the type scale, its words shown as written.
        self.title = look.heading(QLabel(problem.what_happened), "title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation = named(
            QLabel(problem.explanation()),
            translate("Shell", "What happened"),
            object_name="problem_explanation",
        )
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.another_button = QPushButton(translate("Shell", "&Open another data folder…"))
        self.another_button.setAccessibleName(translate("Shell", "Open another data folder"))
        self.restore_button = named(
            QPushButton(translate("Shell", "&Restore the newest good backup")),
            translate("Shell", "Restore the newest good backup"),
            backup_text or "",
            tooltip=backup_text or "",
        )
        self.restore_button.setVisible(backup_text is not None)
        self.rescue_button = named(
            QPushButton(translate("Shell", "R&escue what can still be read")),
            translate("Shell", "Rescue what can still be read"),
            rescue_text or "",
            object_name="rescue_button",
            tooltip=rescue_text or "",
        )
        self.rescue_button.setVisible(rescue_text is not None)
        self.rescue_label = QLabel(rescue_text or "")
        self.rescue_label.setObjectName("rescue_offer")
        self.rescue_label.setWordWrap(True)
        self.rescue_label.setVisible(rescue_text is not None)
        self.backup_label = QLabel(backup_text or "")
        self.backup_label.setObjectName("backup_offer")
        self.backup_label.setWordWrap(True)
        self.backup_label.setVisible(backup_text is not None)
        self.quit_button = QPushButton(translate("Shell", "&Quit"))
        self.quit_button.setAccessibleName(translate("Shell", "Quit"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.rescue_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation, 1)
        layout.addWidget(self.rescue_label)
        layout.addWidget(self.backup_label)
        layout.addLayout(buttons)
        self.resize(620, 360)
        self.another_button.clicked.connect(self.another_folder_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.rescue_button.clicked.connect(self.rescue_requested)
        self.quit_button.clicked.connect(self.quit_requested)
        self.another_button.setFocus()

    def show_message(self, text: str) -> None:
        """What came of a try to put things right, below the explanation."""
        self.explanation.setText(self.problem.explanation() + "\n\n" + text)
