"""Over time's place in the window, there at once, while the pictures' code arrives.

Importing the pictures' modules is tens of milliseconds of Python (their classes, Qt's enums,
the store's aggregates), and so is making the body map's regions from our drawing: either would
hold the window as the tab opens. So both are done on a thread of their own, with a quiet line
in the tab's place, and only then is the tab built on the GUI thread, from modules already
loaded. Nothing else runs Python beside the window meanwhile, so it never waits for the thread
while it builds and draws the first picture. Whether the person asked for less motion is found
out there too (reading the desktop's setting may run a small program). No widget is made off
the GUI thread: importing a module defines classes, and painter paths are plain values.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.over_time.body_view import BodyMade
    from desktop.over_time.tab import OverTimeTab

Importing = Callable[[Callable[[], None]], None]  # runs the importing somewhere

# What building the tab and showing each of its pictures needs, all before the tab is built.
FIRST: tuple[str, ...] = (
    "desktop.over_time.tab",
    "desktop.over_time.body_view",
    "desktop.over_time.words_view",
    "desktop.over_time.helps_view",
)


@dataclass(frozen=True)
class Prepared:
    """What the importing thread found out and made for the tab."""

    reduced_motion: bool
    body: BodyMade


def in_thread(work: Callable[[], None]) -> None:
    """The importing on a thread of its own, which ends when it is done."""
    threading.Thread(target=work, name="over-time-opening", daemon=True).start()


def inline(work: Callable[[], None]) -> None:
    """The importing at once, on the calling thread (tests)."""
    work()


class OpeningTab(QWidget):
    opened = Signal(QWidget)  # the tab, once it is built
    # From the importing thread: "" when the tab can be built, and what was prepared for it.
    _imported = Signal(str, object)

    def __init__(
        self,
        build: Callable[[Prepared], OverTimeTab],
        prepare: Callable[[], Prepared],  # on the importing thread, once the modules are in
        first: Sequence[str] | None = None,  # None: FIRST
        start: Importing = in_thread,
    ) -> None:
        super().__init__()
        self.setObjectName("over_time_opening")
        self._build = build
        self._closed = False
        self.tab: OverTimeTab | None = None
        self.waiting = QLabel(translate("OverTime", "Gathering your pictures…"))
        self.waiting.setObjectName("over_time_waiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.waiting.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # heard while it is there
        self.waiting.setAccessibleName(self.waiting.text())
        self.setFocusProxy(self.waiting)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.waiting)
        self._imported.connect(self._on_imported)
        signal = self._imported
        first = tuple(FIRST if first is None else first)

        def work() -> None:
            problem, prepared = "", None
            try:
                for name in first:
                    importlib.import_module(name)
                prepared = prepare()
            except (ImportError, OSError, SyntaxError, ValueError) as e:  # a module, the drawing
                problem = str(e)
            # If the window went away meanwhile, nobody is waiting for this any more.
            with contextlib.suppress(RuntimeError):
                signal.emit(problem, prepared)

        start(work)

    def ready(self) -> bool:
        """Whether the tab is built and its shown picture has come (for a screenshot)."""
        return self.tab is not None and self.tab.ready()

    def _on_imported(self, problem: str, prepared: Prepared | None) -> None:
        if self._closed or self.tab is not None:
            return
        if problem or prepared is None:
            self.waiting.setText(
                translate(
                    "OverTime", "Your pictures could not be shown just now: {problem}"
                ).format(problem=problem)
            )
            self.waiting.setAccessibleName(self.waiting.text())
            return
        had_focus = self.waiting.hasFocus()
        tab = self.tab = self._build(prepared)
        self.setFocusProxy(tab.pictures)  # the page's first control, as the line was
        self.waiting.hide()
        self._layout.addWidget(tab)
        tab.show()
        if had_focus:
            tab.pictures.setFocus(Qt.FocusReason.OtherFocusReason)
        self.opened.emit(tab)

    def prepare_to_close(self) -> None:
        self._closed = True
        if self.tab is not None:
            self.tab.prepare_to_close()
