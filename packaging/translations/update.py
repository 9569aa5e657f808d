"""Keep the translation sources up to date and compile them for the app.

    python packaging/translations/update.py extract de fr  # resources/translations/*.ts
    python packaging/translations/update.py compile        # every .ts -> .qm beside it

``extract`` runs pyside6-lupdate over the code and over the word lists in resources/ (the
feeling words and the breathing cues are shown through translate() as well), so one .ts per
language holds everything a translator needs; Qt Linguist opens it. ``compile`` makes the .qm
files the app loads for the person's locale; they are build output and not kept in git.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(
            f"{name} is missing; it comes with PySide6 (pip install PySide6-Essentials)"
        )
    return found


def _word_lists_as_code() -> str:
    """The word lists, written as the calls lupdate understands, for extraction only."""
    lines = []
    for raw in (ROOT / "resources" / "feelings.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.lstrip("= ").rstrip("! ").strip()
        lines += [f"QT_TRANSLATE_NOOP('Feelings', {part.strip()!r})" for part in line.split("=")]
    for raw in (ROOT / "resources" / "cues.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", "[")):
            lines.append(f"QT_TRANSLATE_NOOP('Cues', {line!r})")
    return "\n".join(lines) + "\n"


def extract(languages: list[str], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        word_lists = Path(scratch) / "word_lists.py"
        word_lists.write_text(_word_lists_as_code(), encoding="utf-8")
        for language in languages:
            target = out / f"glimmers_{language}.ts"
            subprocess.run(
                [_tool("pyside6-lupdate"), *sources, str(word_lists), "-ts", str(target)],
                check=True,
                capture_output=True,
            )
            _mark_counted(target)
            written.append(target)
    return written


def _mark_counted(ts: Path) -> None:
    """Give every text with %n its plural forms: lupdate sees the count only when it is a
    literal number, and ours are variables."""
    tree = ElementTree.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if "%n" not in source or message.get("numerus") == "yes" or translation is None:
            continue
        message.set("numerus", "yes")
        if not len(translation):
            ElementTree.SubElement(translation, "numerusform").text = translation.text
            translation.text = None
        changed = True
    if changed:
        write_ts(tree, ts)


def write_ts(tree: ElementTree.ElementTree, ts: Path) -> None:
    """Save a .ts file with the doctype Qt's tools expect (ElementTree leaves it out)."""
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")


def compile_all(folder: Path) -> list[Path]:
    made = []
    for source in sorted(folder.glob("glimmers_*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run(
            [_tool("pyside6-lrelease"), str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        made.append(target)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=TRANSLATIONS)
    commands = parser.add_subparsers(dest="command", required=True)
    extract_args = commands.add_parser("extract", help="write or update glimmers_LANG.ts")
    extract_args.add_argument("languages", nargs="+", help="language codes such as de or pt_BR")
    commands.add_parser("compile", help="turn every .ts into the .qm the app loads")
    args = parser.parse_args(argv)
    if args.command == "extract":
        done = extract(args.languages, args.folder)
    else:
        done = compile_all(args.folder)
    for path in done:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
