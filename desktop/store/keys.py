"""The key of a protected journal and the file that keeps it wrapped. No Qt.

The database (and every backup) is encrypted by SQLCipher with a random 256-bit key. The key is
kept in ``glimmers.key`` only wrapped with AES-256-GCM under a key derived from the passphrase
by Argon2id; the KDF's name, its parameters and the salt are the associated data, so a key file
whose costs were lowered, or that was changed in any other way, does not open. A plain SHA-256
over the whole file tells a damaged file from a wrong passphrase.

Key files of the first format (scrypt, the key XORed with the derived key, an HMAC to check it)
still open; the next passphrase change writes the current format.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.texts import translate

KEY_BYTES = 32
MIN_PASSPHRASE = 8
FORMAT = "glimmers-key"
VERSION = 2
KDF = "argon2id"
CIPHER = "aes-256-gcm"

# Argon2id costs. Set-up measures this computer and picks the passes that take about half a
# second, never with less than 64 MiB of memory (a guess costs an attacker the same).
MIN_MEMORY_KIB = 64 * 1024
PARALLELISM = 4  # the lanes of RFC 9106's second recommended option
TARGET_SECONDS = 0.5
MAX_PASSES = 64
# A key file asking for more than this is taken for damaged rather than tried for minutes.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_SCRYPT_N = 2**20
SCRYPT_MAXMEM = 256 * 1024 * 1024  # what the first version let scrypt use


class WrongPassphrase(ValueError):
    """The passphrase (or recovery key) does not open this journal. Nothing was changed."""


class KeyFileProblem(WrongPassphrase):
    """The key file is missing or damaged: the passphrase cannot open the journal, the
    recovery key still can."""


@dataclass(frozen=True)
class Argon2Cost:
    memory_kib: int = MIN_MEMORY_KIB
    passes: int = 2
    parallelism: int = PARALLELISM


Derive = Callable[[bytes, bytes, Argon2Cost], bytes]
Timer = Callable[[], float]


def argon2id(secret: bytes, salt: bytes, cost: Argon2Cost) -> bytes:
    from argon2.low_level import Type, hash_secret_raw  # loaded when a key is first made

    return bytes(
        hash_secret_raw(
            secret,
            salt,
            time_cost=cost.passes,
            memory_cost=cost.memory_kib,
            parallelism=cost.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
            version=19,
        )
    )


def tune(
    target: float = TARGET_SECONDS,
    timer: Timer = time.perf_counter,
    derive: Derive = argon2id,
    memory_kib: int = MIN_MEMORY_KIB,
) -> Argon2Cost:
    """Argon2id costs that take about ``target`` seconds on this computer.

    One pass and two passes are timed: their difference is the cost of a pass, the rest is
    the fixed cost of filling the memory. Memory never goes below 64 MiB, however slow.
    """
    memory = max(memory_kib, MIN_MEMORY_KIB)

    def seconds(passes: int) -> float:
        start = timer()
        derive(b"tuning Glimmers", bytes(16), Argon2Cost(memory, passes, PARALLELISM))
        return max(timer() - start, 1e-9)

    one, two = seconds(1), seconds(2)
    per_pass = two - one if two > one else one
    fixed = max(0.0, one - per_pass)
    passes = round((target - fixed) / per_pass)
    return Argon2Cost(memory, max(1, min(MAX_PASSES, passes)), PARALLELISM)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(
            translate(
                "Store", "Choose a passphrase of at least {min_passphrase} characters."
            ).format(min_passphrase=MIN_PASSPHRASE)
        )


def _wrong_passphrase() -> WrongPassphrase:
    return WrongPassphrase(
        translate(
            "Store", "That passphrase did not open your journal. Check Caps Lock and try again."
        )
    )


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("ascii")


# -- the key file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFile:
    """The current format: Argon2id, then AES-256-GCM with the KDF as associated data."""

    salt: bytes
    nonce: bytes
    wrapped: bytes  # the key and GCM's 16-byte tag
    cost: Argon2Cost

    def _header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "kdf": {
                "name": KDF,
                "argon2_version": 19,
                "memory_kib": self.cost.memory_kib,
                "passes": self.cost.passes,
                "parallelism": self.cost.parallelism,
                "salt": self.salt.hex(),
            },
            "cipher": CIPHER,
        }

    def associated_data(self) -> bytes:
        return _canonical(self._header())

    def _body(self) -> dict[str, Any]:
        return {**self._header(), "nonce": self.nonce.hex(), "wrapped": self.wrapped.hex()}

    def to_json(self) -> str:
        body = self._body()
        return json.dumps({**body, "sum": hashlib.sha256(_canonical(body)).hexdigest()}, indent=1)

    def unwrap(self, passphrase: str, derive: Derive = argon2id) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        derived = derive(passphrase.encode("utf-8"), self.salt, self.cost)
        try:
            key = AESGCM(derived).decrypt(self.nonce, self.wrapped, self.associated_data())
        except InvalidTag:
            raise _wrong_passphrase() from None
        if len(key) != KEY_BYTES:
            raise _wrong_passphrase()
        return key

    @classmethod
    def parse(cls, data: dict[str, Any]) -> KeyFile:
        kdf = data["kdf"]
        if data["format"] != FORMAT or data["cipher"] != CIPHER or kdf["name"] != KDF:
            raise ValueError("not a key file this version knows")
        cost = Argon2Cost(int(kdf["memory_kib"]), int(kdf["passes"]), int(kdf["parallelism"]))
        if not (8 <= cost.memory_kib <= MAX_MEMORY_KIB and 1 <= cost.passes <= 1000):
            raise ValueError("costs out of range")
        if not 1 <= cost.parallelism <= 64 or int(kdf["argon2_version"]) != 19:
            raise ValueError("costs out of range")
        keyfile = cls(
            bytes.fromhex(kdf["salt"]),
            bytes.fromhex(data["nonce"]),
            bytes.fromhex(data["wrapped"]),
            cost,
        )
        if keyfile._body() != {k: v for k, v in data.items() if k != "sum"}:
            raise ValueError("unknown fields")
        expected = hashlib.sha256(_canonical(keyfile._body())).hexdigest()
        if not hmac.compare_digest(expected, str(data["sum"])):
            raise ValueError("the file's check sum does not match")
        return keyfile


_CHECK = b"glimmers-key-check"


@dataclass(frozen=True)
class LegacyKeyFile:
    """The first format: scrypt, the key XORed with the derived key, an HMAC to check it.

    Only read: a journal protected this way keeps opening, and the next passphrase change
    wraps its new key in the current format."""

    salt: bytes
    wrapped: bytes
    check: bytes
    n: int
    r: int
    p: int

    def unwrap(self, passphrase: str, derive: Derive = argon2id) -> bytes:
        derived = hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=self.salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=SCRYPT_MAXMEM,
            dklen=KEY_BYTES,
        )
        key = bytes(a ^ b for a, b in zip(self.wrapped, derived, strict=True))
        check = hmac.new(key, _CHECK, hashlib.sha256).digest()
        if not hmac.compare_digest(check, self.check):
            raise _wrong_passphrase()
        return key

    @classmethod
    def parse(cls, data: dict[str, Any]) -> LegacyKeyFile:
        keyfile = cls(
            bytes.fromhex(data["salt"]),
            bytes.fromhex(data["wrapped"]),
            bytes.fromhex(data["check"]),
            int(data["n"]),
            int(data["r"]),
            int(data["p"]),
        )
        if data["kdf"] != "scrypt" or len(keyfile.wrapped) != KEY_BYTES:
            raise ValueError("not a key file this version knows")
        if not (2 <= keyfile.n <= MAX_SCRYPT_N and 1 <= keyfile.r <= 32 and 1 <= keyfile.p <= 16):
            raise ValueError("costs out of range")
        # Costs scrypt cannot run with are a changed digit, not a wrong passphrase.
        if keyfile.n & (keyfile.n - 1):
            raise ValueError("scrypt's N is not a power of two")
        if 128 * keyfile.r * (keyfile.n + keyfile.p + 2) > SCRYPT_MAXMEM:
            raise ValueError("costs out of range")
        return keyfile


AnyKeyFile = KeyFile | LegacyKeyFile


def read_keyfile(path: Path) -> AnyKeyFile:
    """The key file at ``path``. Raises KeyFileProblem when it is missing or damaged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyFileProblem(
            translate(
                "Store",
                "Glimmers cannot find the key file of this journal ({file}), so your "
                "passphrase cannot open it. Your recovery key still can.",
            ).format(file=path.name)
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise _damaged(path) from e
    try:
        data = json.loads(text)
        if data.get("version") == 1:
            return LegacyKeyFile.parse(data)
        return KeyFile.parse(data)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise _damaged(path) from e


def _damaged(path: Path) -> KeyFileProblem:
    return KeyFileProblem(
        translate(
            "Store",
            "The key file of this journal ({file}) is damaged, so your passphrase cannot open "
            "it. Your recovery key still can.",
        ).format(file=path.name)
    )


def wrap(
    key: bytes, passphrase: str, cost: Argon2Cost | None = None, derive: Derive = argon2id
) -> KeyFile:
    """A new key file for ``key``; without ``cost`` the costs are tuned to this computer."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    cost = cost or tune(derive=derive)
    shell = KeyFile(secrets.token_bytes(16), secrets.token_bytes(12), b"", cost)
    derived = derive(passphrase.encode("utf-8"), shell.salt, cost)
    wrapped = AESGCM(derived).encrypt(shell.nonce, key, shell.associated_data())
    return KeyFile(shell.salt, shell.nonce, wrapped, cost)


# -- the recovery key ---------------------------------------------------------------------------


def recovery_text(key: bytes) -> str:
    """The key itself, in groups of four letters and digits, for printing or saving."""
    code = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def key_from_recovery(text: str) -> bytes:
    """The key a recovery key stands for; whether it opens the journal is for the database
    to say. Raises WrongPassphrase when the text cannot be a recovery key."""
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        key = base64.b32decode(code + "=" * (-len(code) % 8))
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise WrongPassphrase(
            translate("Store", "That recovery key is not complete; check each group.")
        )
    return key
