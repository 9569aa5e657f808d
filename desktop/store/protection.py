"""Passphrase protection of the whole journal: opening it, and setting, changing or removing the
passphrase in steps that a crash cannot split. No Qt.

The key and its file are in ``keys.py``. Here, every change of the files is one step:

1. the record of the step (``glimmers.key.step``) is written: what is done, to which files;
2. the new key file is written beside the old one, as ``glimmers.key.new``;
3. every file (the database, every backup) is converted into a copy beside it, ``NAME.new``,
   which is flushed to disk and checked to open with its new key;
4. the record is marked "renaming": from here on the step is done;
5. each copy is renamed over its file, the new key file over the old one (or the key file is
   removed), and the record is deleted.

Cut short before 4, the next start rolls the step back (the copies and the new key file are
deleted, so no plain copy is left behind); cut short after it, the next start finishes the
renames. Either way one passphrase, the old or the new, opens every file.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.paths import KEYFILE, PENDING, STEP, database_path
from desktop.paths import is_protected as is_protected  # lives in paths: asked at each start
from desktop.store.backups import DAMAGED_COPIES
from desktop.store.connection import (
    cipher_module,
    connect,
    database_errors,
    encryption_available,
    failure_reason,
    key_pragma,
    read_only_uri,
)
from desktop.store.copies import create_private_file, fsync_file
from desktop.store.keys import (
    MIN_PASSPHRASE,
    Argon2Cost,
    Derive,
    KeyFileProblem,
    WrongPassphrase,
    argon2id,
    check_passphrase,
    key_from_recovery,
    new_key,
    read_keyfile,
    recovery_text,
    wrap,
)
from desktop.store.sealed import SealBroken, is_sealed, seal, unseal
from desktop.texts import translate

__all__ = [
    "MIN_PASSPHRASE",
    "Argon2Cost",
    "KeyFileProblem",
    "WrongPassphrase",
    "encryption_available",
    "is_protected",
    "recovery_text",
]

COPY_SUFFIX = ".new"
Hook = Callable[[str], None]  # told each point the step has reached (tests stop it there)


class ChangeUnfinished(OSError):
    """The files were all converted and the step is done, but putting them in place was cut
    short; the next start finishes it. Something has changed: never say nothing did.

    ``key`` is the journal's key from now on (None once the passphrase is removed)."""

    def __init__(self, message: str, key: bytes | None) -> None:
        super().__init__(message)
        self.key = key


class ConversionFailed(OSError):
    """One file could not be converted (nothing was changed): it says which, and why."""

    def __init__(self, data_dir: Path, path: Path, error: BaseException) -> None:
        text = translate("Store", "{file} could not be converted: {reason}").format(
            file=_relative(data_dir, path), reason=failure_reason(error)
        )
        if path.parent != data_dir:  # a backup: the journal itself opened a moment ago
            text += ". " + translate(
                "Store",
                "If that backup is damaged, move it out of the backups folder and try again",
            )
        super().__init__(text)


def _quiet(point: str) -> None:
    return None


# -- opening ------------------------------------------------------------------------------------


def opens(path: Path, key: bytes | None) -> bool:
    """Whether ``key`` opens the database file at ``path`` (read only; nothing is written)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = connect(read_only_uri(path), key, uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except database_errors():
        return False
    return True


def _backup_files(backups: Path) -> list[Path]:
    return sorted(backups.glob("glimmers-*.db"), reverse=True) if backups.is_dir() else []


def _opens_journal(data_dir: Path, key: bytes) -> bool:
    """The database itself says whether a key is its own. SQLCipher checks every page, so a
    wrong key and a damaged first page look alike: then the backups are asked too."""
    if opens(database_path(data_dir), key):
        return True
    return any(opens(backup, key) for backup in _backup_files(data_dir / "backups"))


def unlock(data_dir: Path, secret: str, recovery: bool = False, derive: Derive = argon2id) -> bytes:
    """The database key, from the passphrase or the recovery key. Raises WrongPassphrase
    (KeyFileProblem when the key file is missing or damaged: the recovery key still opens it).
    """
    if recovery:
        key = key_from_recovery(secret)
        if _opens_journal(data_dir, key):
            return key
        raise WrongPassphrase(translate("Store", "That recovery key does not open this journal."))
    problem: WrongPassphrase | None = None
    candidates = []
    # A pending key file is only ever left by a change the first version cut short; it holds
    # the key of some of the files.
    for name in (KEYFILE, PENDING):
        try:
            keyfile = read_keyfile(data_dir / name)
        except KeyFileProblem as e:
            if name == KEYFILE:
                problem = e
            continue
        try:
            candidates.append(keyfile.unwrap(secret, derive))
        except WrongPassphrase as e:
            problem = e
    database = database_path(data_dir)
    for key in candidates:
        if opens(database, key) or not database.exists():
            return key
    if candidates:
        return candidates[0]  # a damaged database: the problem window says so, with this key
    assert problem is not None
    raise problem


def key_file_problem(data_dir: Path) -> str | None:
    """Why the passphrase cannot open this journal (its key file is missing or damaged), or
    None when it can."""
    try:
        read_keyfile(data_dir / KEYFILE)
    except KeyFileProblem as e:
        try:
            read_keyfile(data_dir / PENDING)
        except KeyFileProblem:
            return str(e)
    return None


# -- the record of a step -----------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str  # "protect", "change" or "remove"
    phase: str  # "converting", then "renaming" once every copy is made
    files: tuple[str, ...]  # relative to the data folder


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Unlike ``copies.fsync_folder``, a failure is raised:
    a change of protection does not go on as if its renames were kept."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_private(path: Path, text: str) -> None:
    """All or nothing: a private file beside it, flushed, then renamed over it."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


def _write_step(data_dir: Path, step: Step) -> None:
    record = {"step": step.kind, "phase": step.phase, "files": list(step.files)}
    _write_private(data_dir / STEP, json.dumps(record, indent=1))


def read_step(data_dir: Path) -> Step | None:
    path = data_dir / STEP
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        step = Step(str(data["step"]), str(data["phase"]), tuple(str(f) for f in data["files"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Written whole or not at all, so this is a damaged disk: undo what can be undone.
        return Step("unknown", "converting", ())
    return step


def step_pending(data_dir: Path) -> bool:
    return (data_dir / STEP).exists()


# -- converting ---------------------------------------------------------------------------------


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}{extra}") for extra in ("-wal", "-shm", "-journal")]


def _copy_of(path: Path) -> Path:
    return path.with_name(path.name + COPY_SUFFIX)


def _convert(source: Path, target: Path, old: bytes | None, new: bytes | None) -> None:
    """Write a copy of the database at ``source`` (key ``old``; None: plain SQLite) to
    ``target`` under key ``new``, flush it and check that it opens."""
    cipher = cipher_module()
    if cipher is None:
        raise RuntimeError("SQLCipher is not installed")
    for stale in (target, *_companions(target)):
        stale.unlink(missing_ok=True)
    create_private_file(target)
    conn = cipher.connect(str(source), isolation_level=None)
    try:
        if old is not None:
            conn.execute(key_pragma(old))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        mark = int(conn.execute("PRAGMA application_id").fetchone()[0])
        target_key = "" if new is None else f"x'{new.hex()}'"
        # As bytes: a path that is not UTF-8 (a folder named on an older system) is still a path.
        conn.execute(f'ATTACH DATABASE ? AS converted KEY "{target_key}"', (os.fsencode(target),))
        # One transaction: statement by statement, each table would wait for its own fsync.
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute("COMMIT")
        # sqlcipher_export copies tables and rows, not the header's numbers
        conn.execute(f"PRAGMA converted.user_version = {version}")
        conn.execute(f"PRAGMA converted.application_id = {mark}")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    fsync_file(target)
    check = connect(read_only_uri(target), new, uri=True)
    try:
        result = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        raise OSError(f"the converted copy of {source.name} did not pass its check: {result}")


def _database_files(data_dir: Path, backups: Path) -> Iterable[Path]:
    database = database_path(data_dir)
    if database.exists():
        yield database
    yield from sorted(_backup_files(backups))


def _damaged_copies(data_dir: Path, removing: bool) -> list[Path]:
    """The damaged copies a rescue set aside, with their logs: sealed under the key with the
    journal (they hold its words too), unsealed when the protection is removed. A copy left
    unsealed while the journal was protected (kept from before) stays as it is then."""
    found = []
    for copy in sorted(data_dir.glob(DAMAGED_COPIES)):  # never the copies' own logs
        for path in (copy, *_companions(copy)):
            if path.is_file() and (not removing or is_sealed(path)):
                found.append(path)
    return found


def _reseal(source: Path, target: Path, old: bytes | None, new: bytes | None) -> None:
    """``source``'s bytes in ``target``: sealed under ``new`` (None: as they are), once
    unsealed with ``old`` if they were sealed."""
    plain = source
    if old is not None and is_sealed(source):
        plain = _plain_of(target)
        unseal(source, plain, old)
    try:
        if new is not None:
            seal(plain, target, new)
        elif plain != source:
            os.replace(plain, target)  # unsealed: flushed already
        else:
            shutil.copyfile(source, target)
            fsync_file(target)
    finally:
        if plain != source:
            plain.unlink(missing_ok=True)


def _plain_of(copy: Path) -> Path:
    """Where a sealed copy's bytes wait between their two keys, for a moment."""
    return copy.with_name(copy.name + ".plain")


def _relative(data_dir: Path, path: Path) -> str:
    return os.path.relpath(path, data_dir)


def _roll_back(data_dir: Path, step: Step) -> None:
    for name in step.files:
        copy = _copy_of(data_dir / name)
        for made in (copy, *_companions(copy), _plain_of(copy)):
            made.unlink(missing_ok=True)
    # A record damaged on disk names no files: every copy a step can make is looked for.
    for copy in data_dir.glob(f"*.db{COPY_SUFFIX}"):
        copy.unlink(missing_ok=True)
    for copy in (data_dir / "backups").glob(f"glimmers-*.db{COPY_SUFFIX}"):
        copy.unlink(missing_ok=True)
    (data_dir / f"{PENDING}.tmp").unlink(missing_ok=True)
    if step.kind != "remove":  # the new key file is the step's own
        (data_dir / PENDING).unlink(missing_ok=True)
    _fsync_dir(data_dir)
    (data_dir / STEP).unlink(missing_ok=True)
    _fsync_dir(data_dir)


def _roll_forward(data_dir: Path, step: Step, hook: Hook = _quiet) -> None:
    folders = {data_dir}
    for name in step.files:
        path = data_dir / name
        copy = _copy_of(path)
        if not copy.exists():
            continue  # put in place before the step was cut short
        for companion in _companions(path):  # the old file's, empty since it was converted
            companion.unlink(missing_ok=True)
        os.replace(copy, path)
        folders.add(path.parent)
        hook(f"renamed {name}")
    if step.kind == "remove":
        for name in (KEYFILE, PENDING):
            (data_dir / name).unlink(missing_ok=True)
    elif (data_dir / PENDING).exists():
        os.replace(data_dir / PENDING, data_dir / KEYFILE)
    for folder in folders:
        _fsync_dir(folder)
    hook("key in place")
    (data_dir / STEP).unlink(missing_ok=True)
    _fsync_dir(data_dir)


def settle(data_dir: Path) -> str | None:
    """Finish or roll back a step that was cut short (call it before opening anything, while
    holding the journal). Returns "finished", "rolled back", or None when there was none."""
    step = read_step(data_dir)
    (data_dir / f"{STEP}.tmp").unlink(missing_ok=True)
    if step is None:
        return None
    if step.phase == "renaming":
        _roll_forward(data_dir, step)
        return "finished"
    _roll_back(data_dir, step)
    return "rolled back"


@contextlib.contextmanager
def _undone_on_failure(data_dir: Path, step: Step) -> Iterator[None]:
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            _roll_back(data_dir, step)
        raise


def _convert_all(
    data_dir: Path,
    backups: Path,
    kind: str,
    old: bytes | None,
    new: bytes | None,
    keyfile_text: str | None,
    hook: Hook,
) -> None:
    settle(data_dir)  # a step cut short earlier is finished or undone first
    damaged = _damaged_copies(data_dir, removing=new is None)
    files = [*_database_files(data_dir, backups), *damaged]
    step = Step(kind, "converting", tuple(_relative(data_dir, f) for f in files))
    _write_step(data_dir, step)
    hook("recorded")
    refused: tuple[type[Exception], ...] = (*database_errors(), SealBroken)
    with _undone_on_failure(data_dir, step):
        if keyfile_text is not None:
            _write_private(data_dir / PENDING, keyfile_text)
            hook("key written")
        for path in files:
            try:
                if path in damaged:
                    _reseal(path, _copy_of(path), old, new)
                else:
                    _convert(path, _copy_of(path), old, new)
            except refused as e:
                raise ConversionFailed(data_dir, path, e) from e
            hook(f"converted {_relative(data_dir, path)}")
        _write_step(data_dir, replace(step, phase="renaming"))
    hook("committed")
    try:
        _roll_forward(data_dir, step, hook)
    except OSError as e:
        raise ChangeUnfinished(
            translate(
                "Store",
                "the change is made, but Glimmers could not put every file in place ({reason}). "
                "It finishes the next time Glimmers opens this journal",
            ).format(reason=e.strerror or e),
            new,
        ) from e


def protect(
    data_dir: Path,
    backups: Path,
    passphrase: str,
    cost: Argon2Cost | None = None,
    hook: Hook = _quiet,
) -> bytes:
    """Encrypt the journal and its backups. The store must be closed. Returns the key.

    Without ``cost`` the key derivation is tuned to this computer (about half a second)."""
    check_passphrase(passphrase)
    key = new_key()
    text = wrap(key, passphrase, cost).to_json()
    _convert_all(data_dir, backups, "protect", None, key, text, hook)
    return key


def change_passphrase(
    data_dir: Path,
    backups: Path,
    old_key: bytes,
    passphrase: str,
    cost: Argon2Cost | None = None,
    hook: Hook = _quiet,
) -> bytes:
    """A new passphrase and a new key: every file is re-encrypted, the key file is written in
    the current format. Returns the new key."""
    check_passphrase(passphrase)
    key = new_key()
    text = wrap(key, passphrase, cost).to_json()
    _convert_all(data_dir, backups, "change", old_key, key, text, hook)
    return key


def unprotect(data_dir: Path, backups: Path, key: bytes, hook: Hook = _quiet) -> None:
    """Decrypt the journal and its backups back to ordinary SQLite files."""
    _convert_all(data_dir, backups, "remove", key, None, None, hook)
