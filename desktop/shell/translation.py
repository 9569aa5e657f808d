"""The person's language: the installed translation for their locale, for the window and for
the command line alike. Without one, every text shows as written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import texts
from desktop.resources import resources_dir


def find_translation(folder: Path | None = None) -> QTranslator | None:
    """The installed translation for the person's language, if there is one."""
    translator = QTranslator()
    folder = folder or resources_dir() / "translations"
    return translator if translator.load(QLocale(), "glimmers", "_", str(folder)) else None


def load_translation(qapp: QApplication, folder: Path | None = None) -> QTranslator | None:
    """Show the app in the person's language where a translation of it is installed."""
    texts.use(QCoreApplication.translate)
    translator = find_translation(folder)
    if translator is not None:
        translator.setParent(qapp)  # kept as long as the application
        qapp.installTranslator(translator)
    return translator


def load_command_line_translation(folder: Path | None = None) -> QTranslator | None:
    """The same for --help and the subcommands, which run without an application object (Qt
    installs translators only in one): the translator is asked directly."""
    translator = find_translation(folder)
    if translator is None:
        return None

    def translated(context: str, text: str, disambiguation: str | None, n: int) -> str:
        return texts.fill_count(translator.translate(context, text, disambiguation, n) or text, n)

    texts.use(translated)
    return translator
