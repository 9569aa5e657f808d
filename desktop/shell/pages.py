"""Which tabs the main window has and how each is built (only when first shown)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.checkin.vocabularies import load_feelings
from desktop.clock import Clock
from desktop.journal.tab import JournalTab
from desktop.shell.main_window import Page
from desktop.store import Store
from desktop.store_signals import StoreSignals


def _intro_page(key: str, heading: str, text: str) -> QWidget:
    page = QWidget()
    page.setObjectName(f"{key}_intro")
    label = QLabel(f"<h2>{heading}</h2><p>{text}</p>")
    label.setObjectName(f"{key}_intro_text")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(48, 24, 48, 24)
    layout.addStretch()
    layout.addWidget(label)
    layout.addStretch()
    return page


def build_pages(
    store: Store, signals: StoreSignals, settings: QSettings, clock: Clock
) -> list[Page]:
    return [
        Page(
            "breathe",
            "&Breathe",
            "Breath-paced grounding with a visual pacer",
            lambda: _intro_page(
                "breathe",
                "Breathe",
                "Slow, paced breathing with a shape to follow. This practice is on its way.",
            ),
        ),
        Page(
            "listen",
            "&Listen",
            "Your own music, with check-ins on what your body notices",
            lambda: _intro_page(
                "listen",
                "Listen",
                "Play your own music and notice where it lands in your body. "
                "This practice is on its way.",
            ),
        ),
        Page(
            "journal",
            "&Journal",
            "A private journal that starts with what you notice",
            lambda: JournalTab(store, signals, load_feelings()),
        ),
    ]
