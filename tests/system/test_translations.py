"""The translation workflow: extract every text, translate some, compile, and the app speaks it."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from desktop import texts
from desktop.cli import build_parser
from desktop.shell.translation import load_command_line_translation, load_translation
from desktop.texts import translate

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "translations"))
import update  # noqa: E402 - the script under packaging/, imported by path

GERMAN: dict[tuple[str, str], str | tuple[str, str]] = {
    ("Pages", "&Breathe"): "&Atmen",
    ("Patterns", "Breathe in"): "Einatmen",
    ("Feelings", "relieved"): "erleichtert",
    ("Pacer", "%n breath(s) left"): ("noch %n Atemzug", "noch %n Atemzüge"),
    ("Cli", "check your data for damage"): "deine Daten auf Schäden prüfen",
    ("Commands", "%n already in your journal."): ("%n schon im Tagebuch.", "%n schon im Tagebuch."),
}


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _translate_ts(path: Path) -> None:
    tree = ElementTree.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            wanted = GERMAN.get((str(name), str(message.findtext("source"))))
            if wanted is None:
                continue
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            if isinstance(wanted, tuple):
                for form in list(translation):
                    translation.remove(form)
                for text in wanted:
                    ElementTree.SubElement(translation, "numerusform").text = text
            else:
                translation.text = wanted
    update.write_ts(tree, path)


def test_extract_finds_code_tables_and_word_lists(tmp_path: Path) -> None:
    (ts,) = update.extract(["de"], tmp_path)
    sources = {
        (str(c.findtext("name")), str(m.findtext("source")))
        for c in ElementTree.parse(ts).getroot().iter("context")
        for m in c.iter("message")
    }
    assert set(GERMAN) <= sources
    assert ("Cues", "Notice whether the air feels cool as it comes in.") in sources
    assert ("Store", "Glimmers could not save this: {reason}.") in sources
    assert len(sources) > 500


def test_a_compiled_translation_is_loaded_for_the_locale(
    tmp_path: Path, qapp: QApplication, german: None
) -> None:
    (ts,) = update.extract(["de"], tmp_path)
    _translate_ts(ts)
    assert [p.name for p in update.compile_all(tmp_path)] == ["glimmers_de.qm"]
    translator = load_translation(qapp, tmp_path)
    assert translator is not None
    try:
        assert translate("Pages", "&Breathe") == "&Atmen"
        assert translate("Patterns", "Breathe in") == "Einatmen"
        assert translate("Pacer", "%n breath(s) left", None, 1) == "noch 1 Atemzug"
        assert translate("Pacer", "%n breath(s) left", None, 3) == "noch 3 Atemzüge"
        assert translate("Pages", "&Journal") == "&Journal"  # untranslated: the source text
    finally:
        QCoreApplication.removeTranslator(translator)
    assert translate("Pages", "&Breathe") == "&Breathe"


def test_no_translation_for_the_locale_leaves_the_source_texts(
    tmp_path: Path, qapp: QApplication, german: None
) -> None:
    assert load_translation(qapp, tmp_path) is None
    assert translate("Pacer", "%n breath(s) left", None, 2) == "2 breaths left"


def _marked_in_code() -> set[tuple[str, str]]:
    """(context, text) of every translate() and QT_TRANSLATE_NOOP() call written in desktop/."""
    import ast

    found = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            context, text = node.args[0], node.args[1]
            if (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and isinstance(context, ast.Constant)
                and isinstance(text, ast.Constant)
            ):
                found.add((str(context.value), str(text.value)))
    return found


def test_lupdate_extracts_every_marked_text(tmp_path: Path) -> None:
    # lupdate's Python reader silently skips a call whose arguments hold another call, so a
    # count written as round(x) would leave its text out of every translation.
    (ts,) = update.extract(["de"], tmp_path)
    extracted = {
        (str(c.findtext("name")), str(m.findtext("source")))
        for c in ElementTree.parse(ts).getroot().iter("context")
        for m in c.iter("message")
    }
    written = _marked_in_code()
    assert len(written) > 400
    assert sorted(written - extracted) == []


def test_the_command_line_speaks_the_translation_without_an_application(
    tmp_path: Path, german: None
) -> None:
    (ts,) = update.extract(["de"], tmp_path)
    _translate_ts(ts)
    update.compile_all(tmp_path)
    try:
        assert load_command_line_translation(tmp_path) is not None
        assert "deine Daten auf Schäden prüfen" in build_parser().format_help()
        assert (
            translate("Commands", "%n already in your journal.", None, 2) == "2 schon im Tagebuch."
        )
        assert translate("Cli", "--tab and --size go with --screenshot") == (
            "--tab and --size go with --screenshot"  # untranslated: as written
        )
    finally:
        texts.use(None)
