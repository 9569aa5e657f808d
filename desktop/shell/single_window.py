"""One Glimmers per journal: the lock on the data folder, and the way a second start brings the
first one's window forward (D-Bus on Linux, where a session bus is running; elsewhere, or with
no bus, the second start only says so). No network: D-Bus is a local message bus.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import ClassInfo, QObject, Signal, Slot

from desktop import APP_ID
from desktop.shell.main_window import call_later
from desktop.store.journal_lock import JournalLock

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtWidgets import QWidget

    from desktop.shell.already_open import AlreadyOpenWindow

INTERFACE = f"{APP_ID}.Journal"
OBJECT_PATH = "/journal"
KNOCK_TIMEOUT_MS = 2000
# The bus is joined a moment after start-up: loading QtDBus and connecting take some 20 ms
# that the first painted window need not wait for.
JOIN_BUS_AFTER_MS = 500


def bus_name(data_dir: Path) -> str:
    """The well-known name of the Glimmers that has ``data_dir`` open: one per journal, under
    the app's id (which a Flatpak sandbox lets it own)."""
    import hashlib  # some 13 ms of OpenSSL that start-up does not need

    digest = hashlib.sha256(os.fsencode(data_dir.resolve())).hexdigest()[:20]
    return f"{APP_ID}.journal_{digest}"


def _session_bus() -> QDBusConnection | None:
    """The session bus, or None: only on desktops that run one, and never started here (libdbus
    would otherwise try to launch a bus of its own for an X11 display)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not (
        runtime and Path(runtime, "bus").exists()
    ):
        return None
    from PySide6.QtDBus import QDBusConnection  # loaded only where a bus is there

    bus = QDBusConnection.sessionBus()
    return bus if bus.isConnected() else None


# As a dict: the key is no Python name. (PySide's stub knows neither this form nor the call.)
_ON_THE_BUS: Any = ClassInfo({"D-Bus Interface": INTERFACE})  # type: ignore[call-arg]


@_ON_THE_BUS
class FrontDoor(QObject):
    """What a second start knocks on: it asks the window of this journal to come forward."""

    knocked = Signal()

    @Slot()
    def bring_forward(self) -> None:
        self.knocked.emit()


class SingleWindow:
    """Holds the journal for this run of the app, and answers a second start's knock."""

    def __init__(self, data_dir: Path, bring_forward: Callable[[], None]) -> None:
        self.data_dir = data_dir
        self.lock = JournalLock(data_dir)
        self.door = FrontDoor()
        self.door.knocked.connect(bring_forward)
        self._registered: str | None = None

    @property
    def on_the_bus(self) -> bool:
        """Whether a second start can reach this one over D-Bus."""
        return self._registered is not None

    def claim(self) -> bool:
        """Take the journal for this run; False when another Glimmers (or a command) has it."""
        if self.lock.held:
            return True
        if not self.lock.acquire():
            return False
        call_later(JOIN_BUS_AFTER_MS, self.door, self._register)
        return True

    def _register(self) -> None:
        if not self.lock.held or self._registered is not None:
            return
        bus = _session_bus()
        if bus is None:
            return
        from PySide6.QtDBus import QDBusConnection

        name = bus_name(self.data_dir)
        options = QDBusConnection.RegisterOption.ExportAllSlots
        if bus.registerObject(OBJECT_PATH, self.door, options) and bus.registerService(name):
            self._registered = name

    def knock(self) -> bool:
        """Ask the Glimmers that has this journal to bring its window forward; whether it did."""
        bus = _session_bus()
        if bus is None:
            return False
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(
            bus_name(self.data_dir), OBJECT_PATH, INTERFACE, "bring_forward"
        )
        reply = bus.call(call, timeout=KNOCK_TIMEOUT_MS)
        return bool(reply.type() == QDBusMessage.MessageType.ReplyMessage)

    def release(self) -> None:
        if self._registered is not None:
            bus = _session_bus()
            if bus is not None:
                bus.unregisterService(self._registered)
                bus.unregisterObject(OBJECT_PATH)
            self._registered = None
        self.lock.release()

    def say_already_open(self) -> AlreadyOpenWindow:
        """Another Glimmers has this journal: knock on its door, and say so here and on stderr."""
        from desktop.shell.already_open import AlreadyOpenWindow, already_open_text

        holder = self.lock.holder()
        forward = holder is not None and holder.is_app and self.knock()
        text = already_open_text(self.data_dir, holder, forward)
        print(f"glimmers: {text}", file=sys.stderr)
        shown = AlreadyOpenWindow(text)
        shown.close_requested.connect(shown.close)
        shown.show()
        return shown


def bring_forward(windows: tuple[QWidget | None, ...]) -> None:
    """Show the first of ``windows`` that is on screen, un-minimised, in front."""
    from PySide6.QtCore import Qt

    for widget in windows:
        if widget is not None and widget.isVisible():
            widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
            widget.raise_()
            widget.activateWindow()
            return
