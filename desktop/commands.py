"""Subcommands that work on the data without opening a window: export, import, backup, check,
and keeping a glimmer."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.paths import backups_dir, database_path, ensure_private_dir, write_private_file
from desktop.store import Store, StoreProblem, open_store
from desktop.store.backups import backup_to, check, make_backup
from desktop.store.exchange import ImportProblem, export, import_json
from desktop.store.glimmers import keep_glimmer
from desktop.store.protection import WrongPassphrase, is_protected, unlock
from desktop.texts import translate

Command = Callable[[argparse.Namespace, Store], int]


def say(text: str) -> None:
    """A note or a problem: on standard error, so standard output stays the data."""
    print(text, file=sys.stderr)


def _export(args: argparse.Namespace, store: Store) -> int:
    if store.encrypted:
        say(
            translate(
                "Commands", "glimmers: note: your journal is protected, but this export is not."
            )
        )
    text = export(store, args.format)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_private_file(Path(args.output), text)
    except OSError as e:
        say(
            translate("Commands", "glimmers: could not write {file}: {reason}").format(
                file=args.output, reason=e.strerror or e
            )
        )
        return 1
    say(translate("Commands", "Exported your journal to {file}").format(file=args.output))
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as e:
        say(
            translate("Commands", "glimmers: could not read {file}: {reason}").format(
                file=args.file, reason=e.strerror or e
            )
        )
        return 1
    try:
        result = import_json(store, data)
    except ImportProblem as e:
        say(translate("Commands", "glimmers: nothing was imported. {reason}").format(reason=e))
        return 1
    already = result.already_there
    print(
        translate("Commands", "Imported {records};").format(records=result.describe_added())
        + " "
        + translate("Commands", "%n already in your journal.", None, already)
    )
    return 0


def _glimmer(args: argparse.Namespace, store: Store) -> int:
    try:
        keep_glimmer(store, " ".join(args.words), args.sense or "", args.where or "")
    except ValueError as e:
        say(translate("Commands", "glimmers: nothing was kept. {reason}").format(reason=e))
        return 1
    print(translate("Commands", "Kept. Small things count."))
    return 0


def _backup(args: argparse.Namespace, store: Store, data_dir: Path) -> int:
    try:
        if args.output:
            made = backup_to(store, Path(args.output))
        else:
            made = make_backup(store, backups_dir(data_dir), label="by-hand")
    except (OSError, FileExistsError) as e:
        say(translate("Commands", "glimmers: no backup was made: {reason}").format(reason=e))
        return 1
    print(translate("Commands", "Backed up your data to {file}").format(file=made))
    return 0


def _check(data_dir: Path, key: bytes | None) -> int:
    result = check(database_path(data_dir), key)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


COMMANDS: dict[str, Command] = {"export": _export, "import": _import, "glimmer": _glimmer}


def _key_for(data_dir: Path) -> bytes | None:
    """The key of a protected journal: GLIMMERS_PASSPHRASE, or asked for on the terminal."""
    if not is_protected(data_dir):
        return None
    passphrase = os.environ.get("GLIMMERS_PASSPHRASE")
    if passphrase is None:
        passphrase = getpass.getpass(
            translate("Commands", "Passphrase for your Glimmers journal: ")
        )
    return unlock(data_dir, passphrase)


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    ensure_private_dir(data_dir)
    try:
        key = _key_for(data_dir)
    except WrongPassphrase as e:
        say(f"glimmers: {e}")
        return 2
    if args.command == "check":  # reads only: it must work on a file the app refuses to open
        return _check(data_dir, key)
    if args.command == "backup":
        command: Command = lambda a, s: _backup(a, s, data_dir)  # noqa: E731
    else:
        command = COMMANDS[args.command]
    try:
        store = open_store(database_path(data_dir), backups_dir(data_dir), key=key)
    except StoreProblem as problem:
        say(f"glimmers: {problem.explanation()}")
        return 2
    try:
        return command(args, store)
    finally:
        store.close()
