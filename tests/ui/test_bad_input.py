"""Bad input and bad luck: a full disk, huge text, a mangled settings file, odd file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.breathe.tab import BreatheTab
from desktop.journal.tab import JournalTab
from desktop.listen.player import Player
from desktop.settings import (
    BREATHE_CHECKIN,
    BREATHE_LENGTH,
    BREATHE_PATTERN,
    BREATHE_RATE,
    BREATHE_UNIT,
    BREATHE_VOLUME,
    PACER_LOOK,
    MemoryBackend,
    Settings,
)
from desktop.shell.main_window import MainWindow
from desktop.shell.pages import Tabs
from desktop.store import Store, limits
from desktop.store.exchange import FORMAT_NAME, ImportProblem, import_json
from desktop.store.journal import Entry, count_entries, get_entry, save_entry, search
from tests.audio import make_wav
from tests.conftest import StartApp


def integrity(store: Store) -> str:
    return str(store.conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_full_disk_gets_a_message_and_loses_nothing(
    qtbot: QtBot, store: Store, journal_tab: JournalTab
) -> None:
    kept = save_entry(store, Entry(body="written before the disk filled"))
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: a full disk
    editor = journal_tab.editor
    editor.body_edit.setPlainText("a long thought " * 10_000)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "the disk is full" in editor.message.text()
    assert editor.body_edit.toPlainText().startswith("a long thought")  # still on screen
    assert count_entries(store) == 1
    assert get_entry(store, kept.uid) == kept
    assert integrity(store) == "ok"
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert count_entries(store) == 2


def test_the_longest_text_is_kept_exactly_and_longer_is_refused_whole(
    qtbot: QtBot, store: Store, journal_tab: JournalTab
) -> None:
    huge = ("ünïcödé \u200b tabs\tand\nnewlines \U0001f33f " * 30_000)[: limits.TEXT - 11]
    body = journal_tab.editor.body_edit
    body.setPlainText(huge + " needleword" + "!")  # one character over: refused, not cut
    qtbot.mouseClick(journal_tab.editor.save_button, Qt.MouseButton.LeftButton)
    assert "can hold up to 200,000 characters" in journal_tab.editor.message.text()
    assert count_entries(store) == 0 and body.toPlainText().endswith("needleword!")
    body.setPlainText(huge + " needleword")
    qtbot.mouseClick(journal_tab.editor.save_button, Qt.MouseButton.LeftButton)
    [found] = search(store, "needleword")
    entry = get_entry(store, found.uid)
    assert entry is not None and entry.body == huge + " needleword"
    assert integrity(store) == "ok"


def test_a_mangled_settings_file_falls_back_to_defaults(
    qtbot: QtBot, data_dir: Path, start_app: StartApp
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.ini").write_bytes(
        b"[breathe]\nlength=lots\nrate=fast\nvolume=\xff\xfe\nstyle=spiral\n"
        b"[window]\ngeometry=@ByteArray(nonsense)\npage=nowhere\n[backups]\nkeep=-3\n\x00\x01"
    )
    app = start_app()
    window = app.window
    assert isinstance(window, MainWindow)
    for key in window.page_keys():
        assert window.show_page(key) is not None
    breathe = window.show_page("breathe")
    assert isinstance(breathe, BreatheTab)
    assert breathe.length_box.length() == ("minutes", 5)
    assert breathe.pacer.style_name == "shape"
    assert app.backups.keep() == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.dictionaries(
        st.sampled_from(
            [
                setting.key
                for setting in (
                    BREATHE_LENGTH,
                    BREATHE_RATE,
                    BREATHE_VOLUME,
                    BREATHE_UNIT,
                    PACER_LOOK,
                    BREATHE_PATTERN,
                    BREATHE_CHECKIN,
                )
            ]
        ),
        st.text(max_size=40) | st.integers().map(str) | st.floats().map(str),
    )
)
def test_any_settings_values_still_open_the_breathe_tab(tabs: Tabs, values: dict[str, str]) -> None:
    tab = tabs.replace(settings=Settings(MemoryBackend(dict(values)))).breathe()
    assert 1 <= tab.length_box.length()[1] <= 60
    assert tab.current_pattern().exhale > 0
    tab.deleteLater()


entry_field = st.one_of(
    st.none(),
    st.text(max_size=50),
    st.integers(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "id": entry_field,
                "kind": st.sampled_from(["entry", "impressions", "x"]) | entry_field,
                "day": st.sampled_from(["2026-11-01", "2026-13-01"]) | entry_field,
                "created_at": st.sampled_from(["2026-11-01T10:00:00"]) | entry_field,
                "senses": entry_field,
                "feelings": entry_field,
                "tags": entry_field,
                "text": entry_field,
                "impressions": entry_field,
                "sketch": entry_field,
            },
        ),
        max_size=4,
    )
)
def test_malformed_exports_import_whole_or_not_at_all(
    store: Store, entries: list[dict[str, object]]
) -> None:
    before = count_entries(store, include_trash=True)
    document = json.dumps({"format": FORMAT_NAME, "version": 1, "entries": entries})
    try:
        result = import_json(store, document)
    except ImportProblem as problem:
        assert str(problem)  # a message a person can read
        assert count_entries(store, include_trash=True) == before
    else:
        assert count_entries(store, include_trash=True) == before + result.added
    assert integrity(store) == "ok"


def test_odd_file_names_play(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    odd = make_wav(tmp_path / "ça va #1 'quoted' [brackets] & ampersand ☂.wav", seconds=2)
    assert player.load(odd)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 200, timeout=10_000)


def test_a_file_that_vanishes_while_playing(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    path = make_wav(tmp_path / "going.wav", seconds=3)
    assert player.load(path)
    player.play()
    qtbot.waitUntil(player.is_playing, timeout=10_000)
    path.unlink()
    qtbot.waitUntil(lambda: player.position() > 500, timeout=10_000)  # still fine
    with qtbot.waitSignal(player.problem) as said:
        assert not player.load(path)
    assert "not there any more" in said.args[0]


def test_an_unreadable_file_gets_a_message(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    import os

    path = make_wav(tmp_path / "locked.wav", seconds=1)
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("this user can read any file (root), so nothing is unreadable here")
    with qtbot.waitSignal(player.problem) as said:
        assert not player.load(path)
    assert "not allowed to read" in said.args[0]
