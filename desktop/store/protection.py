"""Passphrase protection of the whole journal. No Qt.

The database (and every backup) is encrypted by SQLCipher 4 with a random 256-bit key. That key
is kept in ``glimmers.key`` only wrapped: XORed with a key derived from the passphrase by scrypt
(a fresh random salt each time, so each derived key is used once), with an HMAC to tell a wrong
passphrase from a right one. The same key, written out as a recovery key, opens the journal
without the passphrase. A forgotten passphrase without the recovery key cannot be recovered.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import KEYFILE, PENDING
from desktop.paths import is_protected as is_protected  # lives in paths: asked at each start
from desktop.store.database import (
    cipher_module,
    create_private_file,
    encryption_available,
    key_pragma,
)
from desktop.texts import translate

MIN_PASSPHRASE = 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK = b"glimmers-key-check"

__all__ = ["encryption_available"]


class WrongPassphrase(ValueError):
    """The passphrase (or recovery key) does not open this journal. Nothing was changed."""


@dataclass(frozen=True)
class KeyFile:
    salt: bytes
    wrapped: bytes
    check: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": 1,
                "kdf": "scrypt",
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": self.salt.hex(),
                "wrapped": self.wrapped.hex(),
                "check": self.check.hex(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        data = json.loads(text)
        return cls(
            salt=bytes.fromhex(data["salt"]),
            wrapped=bytes.fromhex(data["wrapped"]),
            check=bytes.fromhex(data["check"]),
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
        )


def new_key() -> bytes:
    return secrets.token_bytes(32)


def _check_value(key: bytes) -> bytes:
    return hmac.new(key, _CHECK, hashlib.sha256).digest()


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32
    )


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(
            translate(
                "Store", "Choose a passphrase of at least {min_passphrase} characters."
            ).format(min_passphrase=MIN_PASSPHRASE)
        )


def wrap(key: bytes, passphrase: str) -> KeyFile:
    check_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    derived = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return KeyFile(salt, bytes(a ^ b for a, b in zip(key, derived, strict=True)), _check_value(key))


def unwrap(keyfile: KeyFile, passphrase: str) -> bytes:
    derived = _derive(passphrase, keyfile.salt, keyfile.n, keyfile.r, keyfile.p)
    key = bytes(a ^ b for a, b in zip(keyfile.wrapped, derived, strict=True))
    if not hmac.compare_digest(_check_value(key), keyfile.check):
        raise WrongPassphrase(translate("Store", "That passphrase did not open your journal."))
    return key


def recovery_text(key: bytes) -> str:
    """The key itself, in groups of four letters and digits, for printing or saving."""
    code = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def key_from_recovery(text: str, keyfile: KeyFile) -> bytes:
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        key = base64.b32decode(code + "=" * (-len(code) % 8))
    except ValueError:
        raise WrongPassphrase(
            translate("Store", "That recovery key is not complete; check each group.")
        ) from None
    if len(key) != 32 or not hmac.compare_digest(_check_value(key), keyfile.check):
        raise WrongPassphrase(translate("Store", "That recovery key does not open this journal."))
    return key


# -- the key file -------------------------------------------------------------------------------


def _write_private(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    create_private_file(temporary)
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def keyfiles(data_dir: Path) -> list[KeyFile]:
    """The key files to try, newest change first (a pending one if a change was cut short)."""
    found = []
    for name in (PENDING, KEYFILE):
        path = data_dir / name
        if path.exists():
            try:
                found.append(KeyFile.from_json(path.read_text(encoding="utf-8")))
            except (ValueError, KeyError):
                continue
    return found


def unlock(data_dir: Path, secret: str, recovery: bool = False) -> bytes:
    """The database key, from the passphrase or the recovery key. Raises WrongPassphrase."""
    files = keyfiles(data_dir)
    if not files:
        raise WrongPassphrase(
            translate("Store", "The key file of this journal is missing or damaged.")
        )
    for keyfile in files:
        try:
            return key_from_recovery(secret, keyfile) if recovery else unwrap(keyfile, secret)
        except WrongPassphrase:
            continue
    if recovery:
        raise WrongPassphrase(translate("Store", "That recovery key does not open this journal."))
    raise WrongPassphrase(
        translate(
            "Store", "That passphrase did not open your journal. Check Caps Lock and try again."
        )
    )


# -- changing the files -------------------------------------------------------------------------


def _convert(path: Path, old: bytes | None, new: bytes | None) -> None:
    """Rewrite one database file from key ``old`` to key ``new`` (None: plain SQLite)."""
    cipher = cipher_module()
    if cipher is None:
        raise RuntimeError("SQLCipher is not installed")
    temporary = path.with_name(path.name + ".converting")
    temporary.unlink(missing_ok=True)
    create_private_file(temporary)
    temporary.unlink()  # SQLCipher creates it; the mode comes from the folder and umask
    conn = cipher.connect(str(path), isolation_level=None)
    try:
        if old is not None:
            conn.execute(key_pragma(old))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mark = conn.execute("PRAGMA application_id").fetchone()[0]
        target_key = "" if new is None else f"x'{new.hex()}'"
        conn.execute(f'ATTACH DATABASE ? AS converted KEY "{target_key}"', (str(temporary),))
        conn.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies tables and rows, not the header's numbers
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute(f"PRAGMA converted.application_id = {int(mark)}")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _database_files(data_dir: Path, backups: Path) -> Iterable[Path]:
    yield data_dir / "glimmers.db"
    if backups.is_dir():
        yield from sorted(backups.glob("glimmers-*.db"))


def _encrypt_all(data_dir: Path, backups: Path, old_key: bytes | None, passphrase: str) -> bytes:
    # The new key file is written first, as pending: if this is cut short, both keys are tried.
    check_passphrase(passphrase)
    key = new_key()
    _write_private(data_dir / PENDING, wrap(key, passphrase).to_json())
    for path in _database_files(data_dir, backups):
        if path.exists():
            _convert(path, old_key, key)
    os.replace(data_dir / PENDING, data_dir / KEYFILE)
    return key


def protect(data_dir: Path, backups: Path, passphrase: str) -> bytes:
    """Encrypt the journal and its backups. The store must be closed. Returns the key."""
    return _encrypt_all(data_dir, backups, None, passphrase)


def change_passphrase(data_dir: Path, backups: Path, old_key: bytes, passphrase: str) -> bytes:
    """A new passphrase and a new key (the files are re-encrypted). Returns the new key."""
    return _encrypt_all(data_dir, backups, old_key, passphrase)


def unprotect(data_dir: Path, backups: Path, key: bytes) -> None:
    """Decrypt the journal and its backups back to ordinary SQLite files."""
    for path in _database_files(data_dir, backups):
        if path.exists():
            _convert(path, key, None)
    for name in (KEYFILE, PENDING):
        (data_dir / name).unlink(missing_ok=True)
