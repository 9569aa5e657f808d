"""The other pages' text fields refuse what the store would not keep, and say so, too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.checkin.vocabularies import load_feelings
from desktop.listen.checkin_steps import CheckInSteps
from desktop.resources import read_text
from desktop.shell.too_much import TooMuchDialog
from desktop.store import Store, limits
from desktop.store.contacts import list_contacts
from desktop.store_signals import StoreSignals
from tests.helpers import paste


def test_a_contact_longer_than_kept_is_refused_whole(
    qtbot: QtBot, store: Store, signals: StoreSignals
) -> None:
    dialog = TooMuchDialog(store, signals)
    qtbot.addWidget(dialog)
    paste(qtbot, dialog.name_edit, "n" * 40_000)  # Qt alone cut this at 32,767
    assert dialog.name_edit.text() == ""
    assert "\u201cContact name\u201d 40,000 characters long" in dialog.message.text()
    paste(qtbot, dialog.name_edit, "Sam")
    paste(qtbot, dialog.reach_edit, "r" * limits.CONTACT_REACH)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [kept] = list_contacts(store)
    assert (kept.name, len(kept.how_to_reach)) == ("Sam", limits.CONTACT_REACH)


def test_a_check_in_note_longer_than_kept_is_refused_whole(qtbot: QtBot) -> None:
    panel = CheckInSteps(read_text("body.svg"), load_feelings())
    qtbot.addWidget(panel)
    paste(qtbot, panel.note, "a quiet moment ")
    paste(qtbot, panel.note, "x" * limits.NOTE)
    assert panel.note.text() == "a quiet moment "
    assert "\u201cNote\u201d" in panel.message.text() and "up to 10,000" in panel.message.text()
