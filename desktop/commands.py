"""Subcommands that work on the data without opening a window: export, import, backup, check,
rescue, and keeping a glimmer. Only ``import`` and ``glimmer`` (like the app) start a journal
where there is none; ``export``, ``check`` and ``import --dry-run`` only read, so they work on a
journal that cannot be written to, and beside the app."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.clock import SystemWallClock
from desktop.paths import (
    backups_dir,
    database_path,
    ensure_private_dir,
    kept_by_glimmers,
    write_private_file,
)
from desktop.store import ProblemKind, Store, StoreProblem, WriteFailed, open_store
from desktop.store.backups import backup_to, check, make_backup
from desktop.store.exchange import export
from desktop.store.glimmers import keep_glimmer
from desktop.store.journal import clean_tags
from desktop.store.journal_lock import Holder, JournalLock
from desktop.store.portable import storable
from desktop.store.protection import WrongPassphrase, is_protected, settle, step_pending, unlock
from desktop.texts import translate

Command = Callable[[argparse.Namespace, Store], int]

# Commands that only read: they work beside the open app. Every other command changes the
# journal (import, backup, rescue, and whatever converts or restores) and waits its turn.
READS_ONLY = frozenset({"export", "check"})
BUSY = 3  # the exit status of a command refused because the journal is in use


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
    if (
        args.output
        and args.output != "-"
        and kept_by_glimmers(Path(args.output), store.path.parent)
    ):
        say(
            translate(
                "Commands",
                "glimmers: nothing was exported: {file} is one of the files Glimmers keeps your "
                "journal in. Choose another name or folder.",
            ).format(file=args.output)
        )
        return 1
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
    from desktop.store.imports import (
        ImportProblem,
        ReadOptions,
        detect,
        import_file,
        preview_file,
    )
    from desktop.store.imports.jrnl import check_tag_symbols

    path = Path(args.file)
    try:
        tag = clean_tags([args.starred_tag])
        symbols = check_tag_symbols(args.tag_symbols)
    except ValueError as e:
        say(f"glimmers: {e}")
        return 2
    options = ReadOptions(
        now=store.wall.now(),
        keep_location=args.keep_location,
        keep_weather=args.keep_weather,
        starred_tag=tag[0] if tag else "starred",
        tag_symbols=symbols,
    )
    try:
        fmt = args.source or detect(path)
        preview = preview_file(store, path, fmt, options)
        print(preview.summary())
        for note in preview.notes(options):
            print(note)
        if args.dry_run:
            print(translate("Commands", "Nothing was added: this was a dry run."))
            return 0
        result = import_file(store, path, fmt, options)
    except (ImportProblem, WriteFailed) as e:
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
        # Bytes that are not UTF-8 (a terminal set to another encoding) arrive as halves of
        # characters: kept as the mark for what could not be read, as imports do.
        keep_glimmer(store, storable(" ".join(args.words)), args.sense or "", args.where or "")
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
    except WriteFailed as e:  # it says "No backup was made" and why
        say(f"glimmers: {e}")
        return 1
    except OSError as e:
        say(translate("Commands", "glimmers: no backup was made: {reason}").format(reason=e))
        return 1
    print(translate("Commands", "Backed up your data to {file}").format(file=made))
    return 0


def _check(data_dir: Path, key: bytes | None) -> int:
    result = check(database_path(data_dir), key)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _rescue(data_dir: Path, key: bytes | None) -> int:
    from desktop.store.inspection import inspect_database
    from desktop.store.rescue import RescueFailed, rescue

    database = database_path(data_dir)
    try:
        inspect_database(database, key)
    except StoreProblem as problem:
        if problem.kind is not ProblemKind.DAMAGED:
            say(f"glimmers: {problem.explanation()}")
            return 2
    else:
        print(
            translate(
                "Commands", "Your journal looks healthy: there is nothing to rescue. ({file})"
            ).format(file=database)
        )
        return 0
    try:
        result = rescue(database, backups_dir(data_dir), SystemWallClock(), key)
    except RescueFailed as e:
        say(f"glimmers: {e}")
        return 1
    print(result.summary())
    return 0


COMMANDS: dict[str, Command] = {"export": _export, "import": _import, "glimmer": _glimmer}
# Only these start a journal where there is none (the app does too); the others say so.
CREATING = ("import", "glimmer")


def key_from_environment(data_dir: Path, ask: bool = False) -> bytes | None:
    """The key of a protected journal (None for one that is not): GLIMMERS_PASSPHRASE (or
    GLIMMERS_RECOVERY_KEY), or with ``ask`` the passphrase asked for on the terminal.
    NoPassphrase when none came; WrongPassphrase when it does not open the journal."""
    if not is_protected(data_dir):
        return None
    recovery = os.environ.get("GLIMMERS_RECOVERY_KEY")
    if recovery:
        return unlock(data_dir, recovery, recovery=True)
    passphrase = os.environ.get("GLIMMERS_PASSPHRASE")
    if passphrase is None and not ask:
        raise NoPassphrase
    if passphrase is None:
        try:
            passphrase = getpass.getpass(
                translate("Commands", "Passphrase for your Glimmers journal: ")
            )
        except (EOFError, KeyboardInterrupt) as e:  # Ctrl+D, Ctrl+C, or no terminal at all
            raise NoPassphrase from e
    return unlock(data_dir, passphrase)


class NoPassphrase(Exception):
    """The journal is protected and no passphrase came: none was typed, none was set."""


def _busy(command: str, holder: Holder | None) -> str:
    if holder is not None and not holder.is_app:
        return translate(
            "Commands",
            "glimmers: \u201cglimmers {other}\u201d is working on this journal right now, so "
            "{command} waits its turn. Nothing was changed; try again when it has finished.",
        ).format(other=holder.what, command=command)
    return translate(
        "Commands",
        "glimmers: Glimmers is open with this journal, so {command} would change it behind "
        "the app's back. Nothing was changed. Close Glimmers and try again; export and check "
        "work while it is open.",
    ).format(command=command)


def _reads_only(args: argparse.Namespace, journal_exists: bool) -> bool:
    """Export and check only read; so does an import's dry run, which only says what it would
    add (to a journal there is already: without one it starts one, as an import does)."""
    if args.command == "import" and args.dry_run:
        return journal_exists
    return args.command in READS_ONLY


def _hold(args: argparse.Namespace, data_dir: Path, lock: JournalLock, reading: bool) -> int | None:
    """Take the journal for a command that changes it, or check a reading one may read it
    now; a passphrase step cut short is finished first. The exit status when it may not."""
    try:
        taken = lock.acquire()
    except StoreProblem as problem:  # the lock file cannot be used
        if args.command not in READS_ONLY:
            say(f"glimmers: {problem.explanation()}")
            return 2
        taken = False  # reading needs no lock: it goes on as beside a running app
    if taken:
        if step_pending(data_dir):
            try:
                settle(data_dir)
            except OSError as e:
                say(
                    translate(
                        "Commands",
                        "glimmers: a passphrase change that was cut short could not be "
                        "finished: {reason}",
                    ).format(reason=e.strerror or e)
                )
                return 2
        if reading:
            lock.release()  # the app may open it meanwhile: reading goes on beside it
        return None
    if not reading:
        say(_busy(args.command, lock.holder()))
        return BUSY
    if step_pending(data_dir):
        say(
            translate(
                "Commands",
                "glimmers: Glimmers is changing the passphrase of this journal right now. "
                "Try again in a moment.",
            )
        )
        return BUSY
    return None


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    database = database_path(data_dir)
    if args.command in CREATING:
        try:
            ensure_private_dir(data_dir)  # a folder that exists keeps its modes
        except OSError as e:
            say(
                f"glimmers: {StoreProblem(ProblemKind.NOT_CREATED, database, str(e)).explanation()}"
            )
            return 2
    elif not database.exists():
        say(f"glimmers: {StoreProblem(ProblemKind.MISSING, database).explanation()}")
        return 2
    reading = _reads_only(args, database.exists())
    lock = JournalLock(data_dir, args.command)
    try:
        refused = _hold(args, data_dir, lock, reading)
        if refused is not None:
            return refused
        return _run(args, data_dir, reading)
    finally:
        lock.release()


def _run(args: argparse.Namespace, data_dir: Path, reading: bool) -> int:
    database = database_path(data_dir)
    try:
        key = key_from_environment(data_dir, ask=True)
    except WrongPassphrase as e:
        say(f"glimmers: {e}")
        return 2
    except NoPassphrase:
        say(
            "\n"
            + translate(
                "Commands",
                "glimmers: nothing was done: your journal is protected and no passphrase was "
                "given. Type it when asked, or set GLIMMERS_PASSPHRASE (or "
                "GLIMMERS_RECOVERY_KEY) where a script runs glimmers.",
            )
        )
        return 2
    if args.command == "check":  # reads only: it must work on a file the app refuses to open
        return _check(data_dir, key)
    if args.command == "rescue":
        return _rescue(data_dir, key)
    if args.command == "backup":
        command: Command = lambda a, s: _backup(a, s, data_dir)  # noqa: E731
    else:
        command = COMMANDS[args.command]
    try:
        store = open_store(
            database,
            backups_dir(data_dir),
            key=key,
            create=args.command in CREATING,
            read_only=reading,  # an export or a dry run changes nothing, not even the schema
        )
    except StoreProblem as problem:
        say(f"glimmers: {problem.explanation()}")
        return 2
    try:
        return command(args, store)
    finally:
        store.close()
