"""Files kept whole under the journal's key: the damaged copies a rescue sets aside. No Qt.

A damaged copy cannot be converted as a database (its damaged pages stop SQLCipher), but it
holds the person's words as much as the journal does; once the journal is protected, the copy
is sealed as it is, bytes and all, and unsealed again when the protection is removed.

A sealed file is MAGIC, then chunks of up to ``CHUNK`` bytes, each as: its length (4 bytes),
a fresh nonce and its AES-GCM ciphertext. Each chunk's associated data is its number and
whether it is the last, so chunks cannot be reordered, dropped or cut off unnoticed. The key
is derived from the journal's own key for this use only.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.copies import create_private_file, fsync_file
from desktop.texts import translate

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"Glimmers sealed\x01"
CHUNK = 1 << 20
NONCE = 12
TAG = 16
_LENGTH = struct.Struct(">I")
_INFO = b"glimmers: a damaged copy sealed under the journal's key"


class SealBroken(ValueError):
    """A sealed file that does not open with this key, or was changed or cut short."""


def is_sealed(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def _cipher(key: bytes) -> AESGCM:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(key)
    return AESGCM(derived)


def _chunk_data(number: int, last: bool) -> bytes:
    return struct.pack(">Q?", number, last)


def seal(source: Path, target: Path, key: bytes) -> None:
    """Write ``source``'s bytes to ``target``, sealed under ``key``; flushed to the disk."""
    cipher = _cipher(key)
    target.unlink(missing_ok=True)
    create_private_file(target)
    with source.open("rb") as src, target.open("r+b") as out:
        out.write(MAGIC)
        number = 0
        chunk = src.read(CHUNK)
        while True:
            following = src.read(CHUNK) if chunk else b""
            last = not following
            nonce = os.urandom(NONCE)
            sealed = cipher.encrypt(nonce, chunk, _chunk_data(number, last))
            out.write(_LENGTH.pack(len(chunk)) + nonce + sealed)
            if last:
                break
            chunk, number = following, number + 1
    fsync_file(target)


def unseal(source: Path, target: Path, key: bytes) -> None:
    """Write the bytes sealed in ``source`` to ``target``; flushed to the disk. SealBroken
    when ``key`` does not open it, or it was changed or cut short."""
    cipher = _cipher(key)
    target.unlink(missing_ok=True)
    create_private_file(target)
    try:
        _unseal_into(source, target, cipher)
    except BaseException:
        target.unlink(missing_ok=True)  # no half of the words left in plain text
        raise
    fsync_file(target)


def _unseal_into(source: Path, target: Path, cipher: AESGCM) -> None:
    from cryptography.exceptions import InvalidTag

    with source.open("rb") as src, target.open("r+b") as out:
        if src.read(len(MAGIC)) != MAGIC:
            raise _broken(source)
        number = 0
        while True:
            head = src.read(_LENGTH.size + NONCE)
            if len(head) < _LENGTH.size + NONCE:
                raise _broken(source)  # cut short before its last chunk
            (length,) = _LENGTH.unpack(head[: _LENGTH.size])
            if length > CHUNK:
                raise _broken(source)
            sealed = src.read(length + TAG)
            last = not src.peek(1)  # nothing after it: it must say it is the last
            try:
                chunk = cipher.decrypt(head[_LENGTH.size :], sealed, _chunk_data(number, last))
            except InvalidTag:
                raise _broken(source) from None
            out.write(chunk)
            if last:
                break
            number += 1


def _broken(path: Path) -> SealBroken:
    return SealBroken(
        translate(
            "Store",
            "{file} does not open with this journal's key: it was changed, or cut short.",
        ).format(file=path)
    )
