"""The command line: options and subcommands people script against. Pure: no Qt here."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop import __version__
from desktop.store.journal import SENSE_KEYS
from desktop.store.records import REGION_LABELS
from desktop.texts import translate

TABS = ("breathe", "listen", "journal", "together", "today", "over_time")
IMPORT_SOURCES = ("jrnl", "dayone", "daylio", "glimmers")  # as desktop.store.imports.FORMATS


@dataclass(frozen=True)
class Size:
    width: int
    height: int


def parse_size(text: str) -> Size:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(
            translate("Cli", "expected WIDTHxHEIGHT such as 1100x760, not {text}").format(
                text=repr(text)
            )
        )
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(
            translate("Cli", "width and height must be between 200 and 10000 pixels")
        )
    return Size(width, height)


def folder_name(text: str) -> str:
    """A folder named on the command line: an empty name (an unset variable in a script) would
    otherwise mean the default folder, the person's own journal."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            translate("Cli", "the folder's name is empty: name a folder, or leave --data-dir out")
        )
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glimmers",
        description=translate(
            "Cli",
            "Glimmers: gentle breathing, listening and journaling that stay on your computer.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"Glimmers {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=folder_name,
        help=translate(
            "Cli", "folder for your data (default: $GLIMMERS_DATA_DIR, else the app-data folder)"
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help=translate("Cli", "draw the main window offscreen into a PNG file and exit"),
    )
    parser.add_argument(
        "--tab",
        choices=TABS,
        default=None,
        help=translate("Cli", "with --screenshot: the tab to show"),
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=None,
        metavar="WxH",
        help=translate("Cli", "with --screenshot: window size in pixels (default 1100x760)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    export = commands.add_parser(
        "export",
        help=translate("Cli", "write everything you keep to a file"),
        description=translate(
            "Cli",
            "Write everything you keep (entries, sessions, patterns, check-ins, taps, music "
            "library, contacts) to a file.",
        ),
    )
    export.add_argument(
        "--format",
        choices=("json", "markdown", "csv"),
        default="json",
        help=translate(
            "Cli",
            "json holds everything and imports again; markdown reads as a diary; "
            "csv is one table with a row per record",
        ),
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help=translate("Cli", "file to write (default: print it)")
    )
    imported = commands.add_parser(
        "import",
        help=translate("Cli", "add what a jrnl, Day One, Daylio or Glimmers export holds"),
        description=translate(
            "Cli",
            "Add what an export holds: from jrnl (JSON or its journal file), Day One (the JSON "
            "export ZIP), Daylio (CSV or .daylio backup) or Glimmers (JSON). The file is read "
            "whole first; if anything in it is wrong, nothing is added. What you have already "
            "is skipped.",
        ),
    )
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--from",
        dest="source",
        choices=IMPORT_SOURCES,
        help=translate("Cli", "the app that made the file (default: found from the file)"),
    )
    imported.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "say what the file holds and what would be added; add nothing"),
    )
    imported.add_argument(
        "--keep-location",
        action="store_true",
        help=translate("Cli", "Day One: keep where each entry was written (left out otherwise)"),
    )
    imported.add_argument(
        "--keep-weather",
        action="store_true",
        help=translate("Cli", "Day One: keep the weather (left out otherwise)"),
    )
    imported.add_argument(
        "--starred-tag",
        metavar="TAG",
        default="starred",
        help=translate("Cli", "the tag starred entries get (default: starred)"),
    )
    imported.add_argument(
        "--tag-symbols",
        metavar="SYMBOLS",
        default="@",
        help=translate(
            "Cli",
            "jrnl's journal file: the characters that start a tag, as in jrnl's tagsymbols "
            "setting, such as '@#' (default: @)",
        ),
    )
    backup = commands.add_parser(
        "backup",
        help=translate("Cli", "make a backup of your data now"),
        description=translate(
            "Cli", "Make a backup of your data, in the backups folder or where you say."
        ),
    )
    backup.add_argument(
        "-o", "--output", metavar="FILE", help=translate("Cli", "where to write the backup")
    )
    glimmer = commands.add_parser(
        "glimmer",
        help=translate("Cli", "keep a glimmer: a small good moment, in a few words"),
        description=translate(
            "Cli", "Keep a glimmer, a small moment of warmth, ease or curiosity, in a few words."
        ),
    )
    glimmer.add_argument(
        "words", metavar="WORDS", nargs="+", help=translate("Cli", "what the small thing was")
    )
    glimmer.add_argument(
        "--sense",
        choices=SENSE_KEYS,
        help=translate("Cli", "the sense it came through"),
    )
    glimmer.add_argument(
        "--where",
        choices=tuple(REGION_LABELS),
        metavar="PLACE",
        help=translate("Cli", "where in the body you felt it: {places}").format(
            places=", ".join(REGION_LABELS)
        ),
    )
    commands.add_parser(
        "check",
        help=translate("Cli", "check your data for damage"),
        description=translate(
            "Cli", "Run SQLite's integrity check on your data and say what it found."
        ),
    )
    commands.add_parser(
        "rescue",
        help=translate("Cli", "rescue what can still be read from a damaged journal"),
        description=translate(
            "Cli",
            "Read every entry and record that can still be read from a damaged journal into "
            "a new one, add what the newest good backup holds, and keep the damaged file "
            "beside it.",
        ),
    )
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if (args.tab or args.size) and not args.screenshot:
        parser.error(translate("Cli", "--tab and --size go with --screenshot"))
    return args
