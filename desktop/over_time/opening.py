"""Over time's place in the window, there at once, while the pictures' code arrives.

Importing the pictures' modules is tens of milliseconds of Python (their classes, Qt's enums,
the store's aggregates) that would hold the window as the tab opens. So they are imported on
a thread of their own, with a quiet line in the tab's place, and the tab is then built on the
GUI thread from modules already loaded. The other pictures' modules follow on the same thread,
so choosing one of them later costs only its widgets. Whether the person asked for less
motion is found out there too (reading the desktop's setting may run a small program). No
widget is made off the GUI thread: importing a module defines classes, it makes no widgets.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.over_time.tab import OverTimeTab

Importing = Callable[[Callable[[], None]], None]  # runs the importing somewhere

# What building the tab needs; then what the other pictures need, once the tab is there.
FIRST: tuple[str, ...] = ("desktop.over_time.tab",)
THEN: tuple[str, ...] = (
    "desktop.over_time.body_view",
    "desktop.over_time.words_view",
    "desktop.over_time.helps_view",
)


def in_thread(work: Callable[[], None]) -> None:
    """The importing on a thread of its own, which ends when it is done."""
    threading.Thread(target=work, name="over-time-opening", daemon=True).start()


def inline(work: Callable[[], None]) -> None:
    """The importing at once, on the calling thread (tests)."""
    work()


class OpeningTab(QWidget):
    opened = Signal(QWidget)  # the tab, once it is built
    # From the importing thread: "" when the tab can be built, and whether motion is reduced.
    _imported = Signal(str, bool)

    def __init__(
        self,
        build: Callable[[bool], OverTimeTab],  # given whether motion is reduced
        reduced_motion: Callable[[], bool],
        first: Sequence[str] | None = None,  # None: FIRST, then THEN
        then: Sequence[str] | None = None,
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
        then = tuple(THEN if then is None else then)

        def work() -> None:
            problem, reduced = "", True
            try:
                for name in first:
                    importlib.import_module(name)
                reduced = reduced_motion()
            except ImportError as e:
                problem = str(e)
            # If the window went away meanwhile, nobody is waiting for this any more.
            with contextlib.suppress(RuntimeError):
                signal.emit(problem, reduced)
            if not problem:
                for name in then:  # a picture that fails here is imported again when chosen
                    with contextlib.suppress(ImportError):
                        importlib.import_module(name)

        start(work)

    def ready(self) -> bool:
        """Whether the tab is built and its shown picture has come (for a screenshot)."""
        return self.tab is not None and self.tab.ready()

    def _on_imported(self, problem: str, reduced_motion: bool) -> None:
        if self._closed or self.tab is not None:
            return
        if problem:
            self.waiting.setText(
                translate(
                    "OverTime", "Your pictures could not be shown just now: {problem}"
                ).format(problem=problem)
            )
            self.waiting.setAccessibleName(self.waiting.text())
            return
        had_focus = self.waiting.hasFocus()
        tab = self.tab = self._build(reduced_motion)
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
