"""What Together needs from elsewhere, described small so the shell can hand it in: a breathing
pacer to follow together and a gentle tone. Together never imports another feature."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Pacer(Protocol):
    """A breathing visual everyone follows. The practice times its minute itself; the pacer
    only shows the breath."""

    def widget(self) -> QWidget: ...

    def start(self, seconds: float) -> None:
        """Breathe from now for about ``seconds`` (it may end with the out-breath)."""
        ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...


class Tone(Protocol):
    def play(self) -> None:
        """One gentle tone: the soft time has come."""
        ...


PacerFactory = Callable[[], Pacer]
ToneFactory = Callable[[], Tone]
