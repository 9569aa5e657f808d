"""The shell as a person meets it: tabs, keyboard, menus, remembered geometry, the problem page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop import APP_NAME
from desktop.app import Lifecycle
from desktop.shell.main_window import MainWindow
from desktop.shell.problem_window import ProblemWindow
from desktop.shell.theme import calm_palette
from desktop.shell.too_much import TooMuchDialog
from desktop.store.contacts import list_contacts
from tests.conftest import StartApp
from tests.helpers import FakeDialogs


def _window(app: Lifecycle) -> MainWindow:
    assert app.window is not None
    return app.window


def test_ctrl_number_switches_tabs(qtbot: QtBot, app: Lifecycle) -> None:
    window = _window(app)
    qtbot.waitExposed(window)
    for key, expected in [
        (Qt.Key.Key_4, "together"),
        (Qt.Key.Key_3, "journal"),
        (Qt.Key.Key_2, "listen"),
        (Qt.Key.Key_1, "breathe"),
    ]:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == expected
        assert window.tabs.tabText(window.tabs.currentIndex()).lower() == expected


def test_hidden_tabs_are_built_only_when_first_shown(qtbot: QtBot, app: Lifecycle) -> None:
    window = _window(app)
    qtbot.waitUntil(lambda: window.page_content("breathe") is not None)
    assert window.page_content("journal") is None
    window.tabs.setCurrentIndex(2)
    assert window.page_content("journal") is not None


def test_menus_have_quit_about_and_too_much(app: Lifecycle) -> None:
    window = _window(app)
    titles = {
        key: [a.text() for a in menu.actions() if a.text()] for key, menu in window.menus.items()
    }
    assert "&Quit" in titles["file"]
    assert "If this feels like &too much…" in titles["help"]
    assert f"&About {APP_NAME}" in titles["help"]


def test_quit_closes_the_window(qtbot: QtBot, app: Lifecycle) -> None:
    window = _window(app)
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_window_size_position_and_tab_are_remembered(start_app: StartApp) -> None:
    first = start_app()
    window = first.window
    assert isinstance(window, MainWindow)
    window.resize(700, 500)  # the offscreen screen is 800x600
    window.move(30, 40)
    window.show_page("journal")
    window.close()
    first.shutdown()

    second = start_app()
    again = second.window
    assert isinstance(again, MainWindow)
    assert again.size() == QSize(700, 500)
    assert again.pos() == QPoint(30, 40)
    assert again.current_page_key() == "journal"
    second.shutdown()


def test_too_much_page_keeps_the_persons_own_contacts(qtbot: QtBot, app: Lifecycle) -> None:
    window = _window(app)
    window.too_much_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, TooMuchDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    # What matters most comes first, whole, without scrolling: stop, reach someone, danger.
    first = [dialog.key_lines[key] for key in ("pause", "reach", "danger")]
    assert "stop whenever you like" in first[0].text()
    assert "someone you trust" in first[1].text()
    assert "local emergency number now" in first[2].text()
    tops = [line.mapTo(dialog, QPoint(0, 0)).y() for line in first]
    assert tops == sorted(tops)
    for line in first:
        where = QRect(line.mapTo(dialog, QPoint(0, 0)), line.size())
        assert line.isVisible() and dialog.rect().contains(where)
    assert dialog.height() <= 760 - 60  # within a 1100x760 screen, with room for its frame
    assert "light-headed" in dialog.text.toPlainText()  # the rest follows below
    assert "keep the names and numbers" in dialog.people_line.text()  # no invented numbers
    assert not dialog.contacts.isVisible()  # changing the list is one step away

    qtbot.mouseClick(dialog.people_button, Qt.MouseButton.LeftButton)
    assert dialog.contacts.isVisible() and dialog.contacts.count() == 0
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "needs a name" in dialog.message.text()

    qtbot.keyClicks(dialog.name_edit, "Maya")
    qtbot.keyClicks(dialog.reach_edit, "07700 900123")
    qtbot.keyClick(dialog.reach_edit, Qt.Key.Key_Return)
    assert [dialog.contacts.item(i).text() for i in range(dialog.contacts.count())] == [
        "Maya: 07700 900123"
    ]
    assert app.store is not None
    assert [c.name for c in list_contacts(app.store)] == ["Maya"]
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert "Maya: 07700 900123" in dialog.people_line.text()  # beside "someone you trust"
    qtbot.mouseClick(dialog.people_button, Qt.MouseButton.LeftButton)

    dialog.contacts.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.contacts.count() == 0
    assert list_contacts(app.store) == []


def test_damaged_file_shows_a_clear_message_and_stays_unchanged(
    qtbot: QtBot, data_dir: Path, start_app: StartApp, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "glimmers.db"
    db.write_bytes(b"not a database at all" * 100)
    before = db.read_bytes()
    other = tmp_path / "elsewhere"
    dialogs.folder = other
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    text = shown.explanation.text()
    assert "not a Glimmers database" in text
    assert str(db) in text
    assert "another data folder" in text
    buttons = {b.text() for b in shown.findChildren(QPushButton) if b.isVisibleTo(shown)}
    assert buttons == {"&Open another data folder…", "&Quit"}  # no backup to offer yet

    qtbot.mouseClick(shown.another_button, Qt.MouseButton.LeftButton)
    assert app.window is not None and app.window.isVisible()
    qtbot.addWidget(app.window)
    assert not shown.isVisible()
    assert (other / "glimmers.db").exists()
    assert db.read_bytes() == before
    app.shutdown()


def test_a_start_from_the_desktop_shows_the_frame_then_opens_the_journal_into_it(
    qtbot: QtBot, start_app: StartApp
) -> None:
    """The window, with its menus and tabs, shows before the journal opens; the journal then
    opens into that same window, and the visible tab is built with what it holds."""
    first = start_app()
    first.window.show_page("journal")  # type: ignore[union-attr]  # the tab to come back to
    first.shutdown()
    app = start_app(start=False)
    frame = app.start(frame_first=True)
    qtbot.addWidget(frame)
    assert isinstance(frame, MainWindow)
    assert app.store is None  # not before the frame is on screen
    assert [frame.tabs.tabText(i) for i in range(frame.tabs.count())][:3] == [
        "Breathe",
        "Listen",
        "Journal",
    ]
    qtbot.waitUntil(lambda: app.store is not None)
    assert app.window is frame
    qtbot.waitUntil(lambda: frame.page_content("journal") is not None)
    assert frame.current_page_key() == "journal"
    assert frame.page_content("breathe") is None
    file_items = [a.text() for a in frame.menus["file"].actions() if a.text()]
    assert "&Backups…" in file_items and file_items[-1] == "&Quit"
    frame.show_page("today")  # a tab the person goes to next is built from the open journal
    assert frame.page_content("today") is not None


def test_a_damaged_file_found_after_the_frame_shows_gives_way_to_the_problem_window(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "glimmers.db"
    db.write_bytes(b"not a database at all" * 100)
    before = db.read_bytes()
    app = start_app(start=False)
    frame = app.start(frame_first=True)  # (not the test's to close: it goes when it gives way)
    assert isinstance(frame, MainWindow)
    qtbot.waitUntil(lambda: app.problem_window is not None)
    shown = app.problem_window
    assert isinstance(shown, ProblemWindow)
    qtbot.addWidget(shown)
    # The one window left on screen says why; no tab was built (it would have asked for a
    # journal that is not open, and failed the test from the event loop).
    showing = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert showing == [shown]
    assert "not a Glimmers database" in shown.explanation.text()
    assert app.window is None and app.store is None
    assert db.read_bytes() == before


def test_a_frame_closed_as_it_shows_opens_nothing(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    app = start_app(start=False)
    frame = app.start(frame_first=True)
    qtbot.addWidget(frame)
    assert isinstance(frame, MainWindow)
    frame.close()  # Quit the moment the window reached the screen
    frame.first_painted.emit()  # its first paint, told just after
    QApplication.processEvents()
    assert app.store is None and app.window is None
    assert not (data_dir / "glimmers.db").exists()


def test_the_window_shows_before_the_store_is_even_loaded() -> None:
    """What the first paint waits for: the app's modules, but not sqlite3 and the schema (the
    store opens right after it)."""
    code = (
        "import sys; import desktop.app; "
        "print(sorted(m for m in ('sqlite3', 'desktop.store.database') if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


def test_quit_from_the_problem_page(qtbot: QtBot, data_dir: Path, start_app: StartApp) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "glimmers.db").write_bytes(b"\x00" * 5000)
    app = start_app(start=False)
    shown = app.start()
    qtbot.addWidget(shown)
    assert isinstance(shown, ProblemWindow)
    qtbot.mouseClick(shown.another_button, Qt.MouseButton.LeftButton)  # cancelled chooser
    assert shown.isVisible()
    qtbot.mouseClick(shown.quit_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible()
    assert app.window is None


def test_each_tab_shows_its_practice(app: Lifecycle) -> None:
    window = _window(app)
    listen = window.show_page("listen")
    labels = [w.text() for w in listen.findChildren(QLabel) if w.isVisibleTo(listen)]
    buttons = [w.text() for w in listen.findChildren(QPushButton) if w.isVisibleTo(listen)]
    words = [*labels, *buttons]
    assert "Add a folder of your music" in " ".join(words).replace("&", "")
    assert window.show_page("journal").objectName() == "journal_tab"
    assert window.show_page("breathe").objectName() == "breathe_tab"


def test_the_too_much_page_follows_dark_chosen_while_it_is_open(
    qtbot: QtBot, app: Lifecycle
) -> None:
    """Its words and its scroll bars take the new colours; none keeps the light ones."""
    assert app.journal is not None
    dialog = app.journal.help_actions.show_too_much()
    qtbot.addWidget(dialog)
    light = calm_palette(dark=False).color(QPalette.ColorRole.Window)
    app.appearance.set_theme("dark")
    dark = calm_palette(dark=True)

    def kept_light() -> list[str]:
        return [
            f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
            for w in [dialog, *dialog.findChildren(QWidget)]
            if w.palette().color(QPalette.ColorRole.Window) == light
        ]

    qtbot.waitUntil(lambda: dialog.palette().color(QPalette.ColorRole.Window) != light)
    assert kept_light() == []
    text = dialog.text.palette().color(QPalette.ColorRole.Text)
    assert text == dark.color(QPalette.ColorRole.Text)
    app.appearance.set_theme("light")


def test_the_notice_and_the_offer_sit_above_the_tabs_whichever_comes_first(
    qtbot: QtBot, app: Lifecycle
) -> None:
    window = _window(app)
    qtbot.waitExposed(window)
    window.offer("Would you like a passphrase?", "Set a passphrase")
    window.show_notice("Your journal is open for reading only.")
    qtbot.mouseClick(window.offer_no, Qt.MouseButton.LeftButton)
    assert not window.offer_bar.isVisible() and window.notice.isVisible()
    window.offer("Would you like a passphrase?", "Set a passphrase")
    notice, offer, tabs = (
        w.mapTo(window, QPoint(0, 0)).y() for w in (window.notice, window.offer_bar, window.tabs)
    )
    assert notice < offer < tabs
    with qtbot.waitSignal(window.offer_accepted):
        qtbot.mouseClick(window.offer_yes, Qt.MouseButton.LeftButton)
    assert not window.offer_bar.isVisible()
