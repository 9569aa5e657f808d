"""Where data lives (--data-dir, then GLIMMERS_DATA_DIR, then the platform app-data folder),
and writing files there that only their owner can read."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path

ENV_VAR = "GLIMMERS_DATA_DIR"
DATABASE_NAME = "glimmers.db"
SETTINGS_NAME = "settings.ini"
BACKUPS_NAME = "backups"
KEYFILE = "glimmers.key"  # a protected journal's wrapped key (see store/protection.py)
PENDING = "glimmers.key.new"  # written before the files change, renamed once they have
STEP = "glimmers.key.step"  # the record of a passphrase change under way (store/protection.py)
LOCK_NAME = "glimmers.lock"  # held by the one Glimmers that has this journal open


def resolve_data_dir(
    cli_value: str | None,
    environ: Mapping[str, str],
    platform_default: Callable[[], str],
) -> Path:
    """Pick the data folder; ``platform_default`` is only asked when nothing else is set."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser().resolve()
    return Path(platform_default()).expanduser().resolve()


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) readable by its owner only. A folder that exists already
    keeps the modes its owner gave it: Glimmers sets modes only on what it creates."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path, 0o700)  # whatever the umask took away or left
    return path


def write_private_file(target: Path, text: str) -> None:
    """Write all or nothing: a private temp file beside the target, then renamed over it.

    A target that is a pipe or a device (``-o /dev/stdout``, a named pipe) is written into as
    it is: renaming over it would put a plain file in its place (as root, even in /dev)."""
    import stat
    import tempfile  # here, not before the first paint: PySide reads each new module's source

    target = target.expanduser()
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = 0  # not there yet (or not to be looked at): made as a file, as below
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode):
        with open(target, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    target = target.resolve()
    fd, temp = tempfile.mkstemp(prefix=".glimmers-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def kept_by_glimmers(target: Path, data_dir: Path) -> bool:
    """Whether writing ``target`` would replace a file the journal in ``data_dir`` is kept in:
    the database and its log, the key files, settings, the lock, a backup or a damaged copy
    kept aside (by any of its names). An export or a saved recovery key must go elsewhere."""
    target = target.expanduser().resolve()
    data_dir = data_dir.expanduser().resolve()
    backups = backups_dir(data_dir)
    if target == backups or backups in target.parents:
        return True
    if target.parent == data_dir:
        name = target.name
        if name in (KEYFILE, PENDING, STEP, LOCK_NAME, SETTINGS_NAME) or name.startswith(
            (DATABASE_NAME, "glimmers-", ".glimmers")
        ):
            return True
    try:  # another name (a hard link) of the journal itself
        return target.exists() and os.path.samefile(target, database_path(data_dir))
    except OSError:
        return False


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_NAME


def is_protected(data_dir: Path) -> bool:
    """Whether the journal here is protected by a passphrase (asked at each start: kept light).

    Without its key file a protected journal is still told by its database: the recovery key
    can open it.
    """
    return any((data_dir / name).exists() for name in (KEYFILE, PENDING)) or looks_encrypted(
        database_path(data_dir)
    )


SQLITE_MAGIC = b"SQLite format 3\x00"
NOISE_BITS = 7.5  # bits per byte: SQLCipher's pages are near 8, SQLite's own far below


def looks_encrypted(path: Path) -> bool:
    """A file that is noise from its first byte, as SQLCipher writes it: no SQLite header, a
    size in whole pages, and a first page with nothing in it that reads as text or structure."""
    try:
        size = path.stat().st_size
        if size < 1024 or size % 512:
            return False
        with path.open("rb") as f:
            page = f.read(4096)
    except OSError:
        return False
    if page.startswith(SQLITE_MAGIC):
        return False
    from collections import Counter

    counts = Counter(page)
    entropy = -sum(n / len(page) * math.log2(n / len(page)) for n in counts.values())
    return entropy >= NOISE_BITS
