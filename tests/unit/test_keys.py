"""The key file: Argon2id and AES-256-GCM with the KDF as associated data, tuned costs, damage
told from a wrong passphrase, the first format still read, the recovery key checked against
the database itself."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from pathlib import Path

import pytest

from desktop.paths import KEYFILE, is_protected
from desktop.store import open_store
from desktop.store.connection import encryption_available
from desktop.store.journal import Entry, count_entries, save_entry
from desktop.store.keys import (
    MIN_MEMORY_KIB,
    Argon2Cost,
    KeyFile,
    KeyFileProblem,
    WrongPassphrase,
    read_keyfile,
    tune,
    wrap,
)
from desktop.store.protection import (
    change_passphrase,
    key_file_problem,
    protect,
    recovery_text,
    unlock,
)
from tests.helpers import CHEAP_KEYS, FakeWallClock

PASSPHRASE = "a long and calm passphrase"
needs_cipher = pytest.mark.skipif(not encryption_available(), reason="sqlcipher3 not installed")


def journal(folder: Path, key: bytes | None = None):  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    return open_store(folder / "glimmers.db", folder / "backups", FakeWallClock(), key=key)


def protected_journal(folder: Path, entries: int = 3) -> bytes:
    store = journal(folder)
    for i in range(entries):
        save_entry(store, Entry(body=f"entry {i}"))
    store.close()
    return protect(folder, folder / "backups", PASSPHRASE, CHEAP_KEYS)


class FakeTimer:
    """A timer that a fake derivation moves: one pass of 64 MiB costs 0.09 s, filling the
    memory 0.04 s (about what this machine measured)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.asked: list[Argon2Cost] = []

    def __call__(self) -> float:
        return self.now

    def derive(self, secret: bytes, salt: bytes, cost: Argon2Cost) -> bytes:
        self.asked.append(cost)
        scale = cost.memory_kib / MIN_MEMORY_KIB
        self.now += scale * (0.04 + 0.09 * cost.passes)
        return bytes(32)


def test_tuning_takes_about_half_a_second_and_never_less_than_64_mib() -> None:
    timer = FakeTimer()
    cost = tune(timer=timer, derive=timer.derive)
    assert cost.memory_kib >= 64 * 1024
    assert all(asked.memory_kib >= 64 * 1024 for asked in timer.asked)
    predicted = 0.04 + 0.09 * cost.passes
    assert abs(predicted - 0.5) <= 0.09 / 2  # the nearest whole number of passes
    # Asked for less memory, it still takes 64 MiB; on a slow computer, one pass.
    assert tune(timer=timer, derive=timer.derive, memory_kib=1024).memory_kib == 64 * 1024
    slow = FakeTimer()
    slow_derive = lambda s, salt, c: slow.derive(s, salt, Argon2Cost(c.memory_kib * 20, c.passes))  # noqa: E731
    assert tune(timer=slow, derive=slow_derive) == Argon2Cost(64 * 1024, 1)


def test_the_key_is_wrapped_with_aes_gcm_under_argon2id() -> None:
    key = secrets.token_bytes(32)
    keyfile = wrap(key, PASSPHRASE, CHEAP_KEYS)
    data = json.loads(keyfile.to_json())
    assert data["version"] == 2 and data["cipher"] == "aes-256-gcm"
    assert data["kdf"]["name"] == "argon2id" and data["kdf"]["memory_kib"] == 8
    assert len(bytes.fromhex(data["wrapped"])) == 32 + 16  # the key and GCM's tag
    assert key.hex() not in keyfile.to_json()
    assert keyfile.unwrap(PASSPHRASE) == key
    with pytest.raises(WrongPassphrase, match="Caps Lock"):
        keyfile.unwrap("not the passphrase")


def test_the_costs_are_associated_data_a_lowered_cost_does_not_open(tmp_path: Path) -> None:
    keyfile = wrap(secrets.token_bytes(32), PASSPHRASE, Argon2Cost(16, 2, 1))
    data = json.loads(keyfile.to_json())
    data["kdf"]["passes"] = 1  # an attacker's cheaper guesses; the sum made to match
    del data["sum"]
    body = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    data["sum"] = hashlib.sha256(body).hexdigest()
    (tmp_path / KEYFILE).write_text(json.dumps(data))
    lowered = read_keyfile(tmp_path / KEYFILE)
    assert isinstance(lowered, KeyFile) and lowered.cost.passes == 1
    with pytest.raises(WrongPassphrase):
        lowered.unwrap(PASSPHRASE)


@needs_cipher
def test_one_changed_character_is_damage_and_the_recovery_key_still_opens(tmp_path: Path) -> None:
    key = protected_journal(tmp_path)
    text = (tmp_path / KEYFILE).read_text()
    start = text.index('"wrapped": "') + len('"wrapped": "')
    changed = text[:start] + ("0" if text[start] != "0" else "1") + text[start + 1 :]
    (tmp_path / KEYFILE).write_text(changed)
    with pytest.raises(KeyFileProblem, match="damaged") as refused:
        unlock(tmp_path, PASSPHRASE)
    assert "recovery key still can" in str(refused.value)
    assert key_file_problem(tmp_path) is not None
    assert unlock(tmp_path, recovery_text(key), recovery=True) == key
    store = journal(tmp_path, key)
    assert count_entries(store) == 3
    store.close()


@needs_cipher
def test_a_missing_key_file_still_reads_as_protected_and_the_recovery_key_opens(
    tmp_path: Path,
) -> None:
    key = protected_journal(tmp_path)
    (tmp_path / KEYFILE).unlink()
    assert is_protected(tmp_path)  # the database itself is told apart from a plain one
    assert "cannot find the key file" in (key_file_problem(tmp_path) or "")
    with pytest.raises(KeyFileProblem):
        unlock(tmp_path, PASSPHRASE)
    assert unlock(tmp_path, recovery_text(key), recovery=True) == key


@needs_cipher
def test_the_recovery_key_is_checked_against_the_database_not_the_key_file(
    tmp_path: Path,
) -> None:
    key = protected_journal(tmp_path / "one")
    other = protected_journal(tmp_path / "two")
    # The key file of another journal in its place: the database decides.
    (tmp_path / "one" / KEYFILE).write_bytes((tmp_path / "two" / KEYFILE).read_bytes())
    assert unlock(tmp_path / "one", recovery_text(key), recovery=True) == key
    with pytest.raises(WrongPassphrase, match="does not open"):
        unlock(tmp_path / "one", recovery_text(other), recovery=True)
    with pytest.raises(WrongPassphrase, match="not complete"):
        unlock(tmp_path / "one", "ABCD-EFGH", recovery=True)


@needs_cipher
def test_an_unprotected_journal_is_not_taken_for_a_protected_one(tmp_path: Path) -> None:
    store = journal(tmp_path)
    for i in range(50):
        save_entry(store, Entry(body=f"plain words {i} " * 20))
    store.close()
    assert not is_protected(tmp_path)
    damaged = bytearray((tmp_path / "glimmers.db").read_bytes())
    damaged[:100] = secrets.token_bytes(100)  # a destroyed header is damage, not a cipher
    (tmp_path / "glimmers.db").write_bytes(bytes(damaged))
    assert not is_protected(tmp_path)


def legacy_keyfile(key: bytes, passphrase: str) -> str:
    """A key file exactly as the first version wrote it: scrypt N=2^15, XOR and an HMAC."""
    salt = secrets.token_bytes(16)
    derived = hashlib.scrypt(
        passphrase.encode(), salt=salt, n=2**15, r=8, p=1, maxmem=256 * 1024 * 1024, dklen=32
    )
    check = hmac.new(key, b"glimmers-key-check", hashlib.sha256).digest()
    wrapped = bytes(a ^ b for a, b in zip(key, derived, strict=True))
    return json.dumps(
        {"version": 1, "kdf": "scrypt", "n": 2**15, "r": 8, "p": 1, "salt": salt.hex(),
         "wrapped": wrapped.hex(), "check": check.hex()}
    )  # fmt: skip


@needs_cipher
def test_first_version_key_files_keep_opening_and_are_rewrapped_at_the_next_change(
    tmp_path: Path,
) -> None:
    key = protected_journal(tmp_path)
    (tmp_path / KEYFILE).write_text(legacy_keyfile(key, PASSPHRASE))
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path, "not the passphrase")
    assert unlock(tmp_path, PASSPHRASE) == key
    new = change_passphrase(tmp_path, tmp_path / "backups", key, "a second calm one", CHEAP_KEYS)
    data = json.loads((tmp_path / KEYFILE).read_text())
    assert data["version"] == 2 and data["kdf"]["name"] == "argon2id"
    assert unlock(tmp_path, "a second calm one") == new
    store = journal(tmp_path, new)
    assert count_entries(store) == 3
    store.close()


@needs_cipher
@pytest.mark.parametrize(
    ("field", "value"),
    [("n", 2**15 + 1), ("n", 2**16 + 7), ("r", 32)],
)
def test_a_first_version_key_file_with_a_changed_cost_is_damaged_not_a_crash(
    tmp_path: Path, field: str, value: int
) -> None:
    """One changed digit in a cost scrypt cannot run with (N not a power of two, or more memory
    than it may use) made unlocking raise scrypt's own ValueError: the unlock window did
    nothing, the command line showed a traceback, and the recovery key was never offered."""
    key = protected_journal(tmp_path)
    data = json.loads(legacy_keyfile(key, PASSPHRASE))
    data[field] = value
    if field == "r":
        data["n"] = 2**20  # with r=32: 4 GiB of memory
    (tmp_path / KEYFILE).write_text(json.dumps(data))
    with pytest.raises(KeyFileProblem):
        unlock(tmp_path, PASSPHRASE)
    assert key_file_problem(tmp_path) is not None  # the unlock window offers the recovery key
    assert unlock(tmp_path, recovery_text(key), recovery=True) == key
