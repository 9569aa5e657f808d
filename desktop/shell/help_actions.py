"""The Help menu's answers: the "If this feels like too much" page and About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__
from desktop.shell.main_window import MainWindow
from desktop.store_signals import StoreSignals
from desktop.texts import translate

if TYPE_CHECKING:
    from desktop.shell.too_much import TooMuchDialog
    from desktop.store import Store

# The page and the message box load when first asked for, not at start-up.


class HelpActions:
    """Answers a main window's Help requests for the journal open in it."""

    def __init__(
        self, store: Store, signals: StoreSignals, data_dir: Path, window: MainWindow
    ) -> None:
        self._store = store
        self._signals = signals
        self._data_dir = data_dir
        self._window = window
        window.too_much_requested.connect(self.show_too_much)
        window.about_requested.connect(self.show_about)

    def show_too_much(self) -> TooMuchDialog:
        from PySide6.QtCore import Qt

        from desktop.shell.too_much import TooMuchDialog

        dialog = TooMuchDialog(self._store, self._signals, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self._window,
            translate("Glimmers", "About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + translate(
                "Glimmers",
                "<p>Small, gentle practices for letting feeling come back at your own pace: "
                "breathing, listening, and a private journal.</p>"
                "<p>Everything stays on this computer. Glimmers has no network code at all.</p>"
                "<p>Your data folder: {folder}</p>",
            ).format(folder=self._data_dir),
        )
