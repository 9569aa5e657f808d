"""``glimmers --screenshot``: the main window on a tab at a size, saved as a PNG, or why there
is no window to take (the problem window or "already open" says it instead)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop.clock import Clock
    from desktop.shell.already_open import AlreadyOpenWindow
    from desktop.shell.main_window import MainWindow
    from desktop.shell.problem_window import ProblemWindow


DEFAULT_SIZE = (1100, 760)  # width, height: the window's own first size
WAIT_S = 10.0  # the longest a page that reads its picture off the GUI thread is waited for


def take_screenshot(
    window: MainWindow | None,
    instead: ProblemWindow | AlreadyOpenWindow | None,
    target: Path,
    tab: str | None,
    size: tuple[int, int] | None,
    clock: Clock,
) -> int:
    """0 when saved; 2 when there is no main window (why goes to stderr); 1 when not written."""
    if window is None:
        from desktop.shell.problem_window import ProblemWindow

        if isinstance(instead, ProblemWindow):
            detail = instead.problem.explanation()
        else:
            detail = instead.message.text() if instead is not None else "unknown problem"
        print(f"glimmers: cannot take a screenshot:\n{detail}", file=sys.stderr)
        return 2
    page = window.show_page(tab or window.current_page_key())
    window.resize(*(size or DEFAULT_SIZE))
    QApplication.processEvents()
    # A page that reads its picture off the GUI thread is drawn once the picture has come.
    ready = getattr(page, "ready", None)
    deadline = clock.now() + WAIT_S
    while callable(ready) and not ready() and clock.now() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    QApplication.processEvents()
    if not window.grab().save(str(target), "PNG"):
        print(f"glimmers: could not write {target}", file=sys.stderr)
        return 1
    return 0
