"""The editor holds what the store keeps: over a limit it refuses and says so, and never cuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.shell.pages import Tabs
from desktop.store import Store, limits
from desktop.store.journal import Entry, get_entry, impressions_entry, save_entry, write_entry
from desktop.store.records import Feeling
from tests.helpers import paste, shown
from tests.ui.test_journal import click_row, only_entry


def test_a_long_paste_into_a_sense_field_is_refused_whole_and_explained(
    qtbot: QtBot, store: Store, tabs: Tabs
) -> None:
    tab = shown(qtbot, tabs.journal())
    sound = tab.editor.sense_edits["sound"]
    qtbot.keyClicks(sound, "rain, ")
    paste(qtbot, sound, "x" * 40_000)  # Qt alone kept the first 32,767 of these, without a word
    assert sound.text() == "rain, "
    message = tab.editor.message.text()
    assert "\u201cSound\u201d 40,006 characters long" in message and "up to 10,000" in message

    fits = "y" * (limits.LINE - len("rain, "))
    paste(qtbot, sound, fits)
    assert sound.text() == "rain, " + fits
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert only_entry(store).sound == "rain, " + fits


def test_the_impressions_and_tags_fields_refuse_too(qtbot: QtBot, store: Store, tabs: Tabs) -> None:
    tab = shown(qtbot, tabs.journal())
    paste(qtbot, tab.editor.tags_edit, "t" * (limits.LINE + 1))
    assert tab.editor.tags_edit.text() == ""
    assert "\u201cTags\u201d" in tab.editor.message.text()
    qtbot.mouseClick(tab.impressions_button, Qt.MouseButton.LeftButton)
    first = tab.editor.impression_edits[0]
    paste(qtbot, first, "i" * (limits.LINE + 1))
    assert first.text() == ""
    assert "\u201cImpression 1\u201d" in tab.editor.message.text()


def test_free_text_refuses_a_paste_over_its_limit_and_says_when_typing_goes_over(
    qtbot: QtBot, store: Store, tabs: Tabs
) -> None:
    tab = shown(qtbot, tabs.journal())
    body = tab.editor.body_edit
    words = ("word " * limits.TEXT)[: limits.TEXT]
    paste(qtbot, body, words + "b")
    assert body.toPlainText() == ""
    assert "\u201cAnything else\u201d 200,001 characters long" in tab.editor.message.text()

    paste(qtbot, body, words)
    assert body.length() == limits.TEXT
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, "!")
    assert "now has 200,001" in tab.editor.message.text()
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert "can hold up to 200,000 characters, and this has 200,001" in tab.editor.message.text()
    assert body.length() == limits.TEXT + 1  # kept in the editor, not cut
    qtbot.keyClick(body, Qt.Key.Key_Backspace)
    assert tab.editor.message.text() == ""
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert only_entry(store).body == words


def _write_as_an_old_import_did(store: Store, entry: Entry) -> None:
    with store.transaction("entries") as conn:
        write_entry(conn, entry)


def test_an_entry_too_large_to_edit_is_not_opened_and_is_kept_whole(
    qtbot: QtBot, store: Store, tabs: Tabs
) -> None:
    huge = Entry(
        uid="huge",
        day="2026-11-27",
        body="a" * 50 * 1024 * 1024,  # once froze the window for 28 s at 2.2 GB
        created_at="2026-11-27T10:00:00.000+00:00",
        updated_at="2026-11-27T10:00:00.000+00:00",
    )
    _write_as_an_old_import_did(store, huge)
    tab = shown(qtbot, tabs.journal())
    click_row(qtbot, tab, 1)  # row 0 is the day's heading
    editor = tab.editor
    assert editor.body_edit.toPlainText() == ""
    assert "larger than the editor can open" in editor.message.text()
    assert "up to 200,000 characters, and this has 52,428,800" in editor.message.text()
    assert not editor.save_button.isEnabled() and not editor.pages.isEnabled()
    qtbot.keyClick(editor.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_entry(store, "huge") == huge
    # It can still go to the trash, whole.
    assert editor.delete_button.isVisible()
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    trashed = get_entry(store, "huge")
    assert trashed is not None and trashed.deleted_at and trashed.body == huge.body
    assert editor.save_button.isEnabled()  # back to a new entry


def test_impressions_with_more_than_three_notes_are_not_opened_to_lose_the_rest(
    qtbot: QtBot, store: Store, tabs: Tabs
) -> None:
    many = Entry(
        uid="many",
        kind="impressions",
        day="2026-11-27",
        body="one\ntwo\nthree\nfour\nfive",
        created_at="2026-11-27T10:00:00.000+00:00",
        updated_at="2026-11-27T10:00:00.000+00:00",
    )
    _write_as_an_old_import_did(store, many)
    tab = shown(qtbot, tabs.journal())
    click_row(qtbot, tab, 1)
    assert "holds 3 notes, and this has 5" in tab.editor.message.text()
    assert [e.text() for e in tab.editor.impression_edits] == ["", "", ""]
    tab.editor.request_save()  # Ctrl+S or the button: neither can save three of its five
    assert get_entry(store, "many") == many


def test_editing_an_imported_impressions_entry_keeps_what_its_page_does_not_show(
    qtbot: QtBot, store: Store, tabs: Tabs
) -> None:
    entry = impressions_entry(["moss", "tap", "cat"], day="2026-11-27", uid="imp")
    kept = save_entry(
        store,
        Entry(
            **{
                **entry.__dict__,
                "sound": "a blackbird",
                "tags": ("walk",),
                "feelings": (Feeling("calm", 2),),
            }
        ),
    )
    tab = shown(qtbot, tabs.journal())
    click_row(qtbot, tab, 1)
    assert tab.editor.editing == kept
    third = tab.editor.impression_edits[2]
    third.selectAll()
    qtbot.keyClicks(third, "a grey cat")
    qtbot.mouseClick(tab.editor.save_button, Qt.MouseButton.LeftButton)
    again = get_entry(store, "imp")
    assert again is not None
    assert again.impressions == ("moss", "tap", "a grey cat")
    assert (again.sound, again.tags, again.feelings) == ("a blackbird", ("walk",), kept.feelings)
