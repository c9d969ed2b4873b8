"""Key slots: the random database key, wrapped once per staff account.

The 256-bit database key is never written in clear. Each account's slot holds the key encrypted
with AES-256-GCM under a key derived from that person's password with scrypt and a per-slot
salt. The slots live in ``keyslots.json`` beside the database; the file is replaced atomically.

Every change to the file (a new slot, a withdrawn one, the count of wrong passwords) reads and
rewrites it under an exclusive lock on ``keyslots.json.lock``, so two processes signing in or
managing accounts at once never write from a stale copy.

The slot's username is bound into the AES-GCM associated data, so a slot copied onto another
name does not open.
"""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from sencodesk import paths
from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.store import attempts, filelock

FORMAT = "sencodesk-keyslots"
VERSION = 1
KEY_BYTES = 32
# A real file is a few hundred bytes per account; anything far larger is not ours.
MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    """scrypt cost. 2**16 x 8 uses 64 MiB and takes a few hundred ms on a school laptop: slow
    enough to make guessing expensive, quick enough that a SENCO does not wait at login."""

    n: int = 2**16
    r: int = 8
    p: int = 1


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class Slot:
    username: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams
    #: The confidential-documents key (nonce + AES-GCM ciphertext) under the same password,
    #: only in the slots of roles that may read confidential documents.
    confidential: bytes | None = None


@dataclass(frozen=True)
class SlotFile:
    slots: tuple[Slot, ...]
    failures: int = 0
    last_failure: float = 0.0


def new_database_key() -> bytes:
    """A random 256-bit key (the database key, or the confidential-documents key)."""
    return secrets.token_bytes(KEY_BYTES)


def holds_confidential(slots: SlotFile) -> bool:
    """Whether any slot holds the confidential-documents key (case files made before it
    existed hold none until a reader of confidential documents signs in)."""
    return any(slot.confidential is not None for slot in slots.slots)


def _derive(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(password.encode())


def _aad(username: str) -> bytes:
    return f"{FORMAT}:{VERSION}:{username}".encode()


def _confidential_aad(username: str) -> bytes:
    return _aad(username) + b":confidential-documents"


def make_slot(
    username: str, password: str, db_key: bytes, kdf: KdfParams | None = None, *,
    confidential_key: bytes | None = None,
) -> Slot:
    """A slot opening the database key (and, if given, the confidential-documents key) with
    ``password``."""
    kdf = kdf or DEFAULT_KDF
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    aead = AESGCM(_derive(password, salt, kdf))
    wrapped = aead.encrypt(nonce, db_key, _aad(username))
    confidential = None
    if confidential_key is not None:
        second = secrets.token_bytes(12)
        confidential = second + aead.encrypt(second, confidential_key,
                                             _confidential_aad(username))
    return Slot(username, salt, nonce, wrapped, kdf, confidential)


def open_slot(slot: Slot, password: str) -> tuple[bytes, bytes | None] | None:
    """The database key and the confidential-documents key (None if this slot holds none),
    or None if the password is wrong (or the slot was tampered with)."""
    aead = AESGCM(_derive(password, slot.salt, slot.kdf))
    try:
        key = aead.decrypt(slot.nonce, slot.wrapped, _aad(slot.username))
    except InvalidTag:
        return None
    if slot.confidential is None:
        return key, None
    try:
        return key, aead.decrypt(slot.confidential[:12], slot.confidential[12:],
                                 _confidential_aad(slot.username))
    except InvalidTag:
        return key, None


def unwrap(slot: Slot, password: str) -> bytes | None:
    """The database key, or None if the password is wrong (or the slot was tampered with)."""
    opened = open_slot(slot, password)
    return opened[0] if opened else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    raw = {
        "username": slot.username,
        "kdf": {"name": "scrypt", "n": slot.kdf.n, "r": slot.kdf.r, "p": slot.kdf.p},
        "salt": _b64(slot.salt),
        "nonce": _b64(slot.nonce),
        "wrapped_key": _b64(slot.wrapped),
    }
    if slot.confidential is not None:
        raw["wrapped_confidential_key"] = _b64(slot.confidential)
    return raw


def _slot_from_json(raw: dict[str, Any]) -> Slot:
    kdf = raw["kdf"]
    if kdf.get("name") != "scrypt":
        raise ValueError("unknown key derivation")
    return Slot(
        username=str(raw["username"]),
        salt=base64.b64decode(raw["salt"], validate=True),
        nonce=base64.b64decode(raw["nonce"], validate=True),
        wrapped=base64.b64decode(raw["wrapped_key"], validate=True),
        kdf=_checked_kdf(KdfParams(int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))),
        confidential=(base64.b64decode(raw["wrapped_confidential_key"], validate=True)
                      if raw.get("wrapped_confidential_key") else None),
    )


def slot_text(slot: Slot) -> str:
    """One slot as the JSON a slot has in the key file (a server keeps it in a row)."""
    return json.dumps(_slot_to_json(slot))


def slot_from_text(text: str) -> Slot:
    """The slot :func:`slot_text` wrote; StoreError if it is damaged."""
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("not a key slot")
        return _slot_from_json(raw)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise StoreError(f"A key slot on the server is damaged ({error}). Ask IT to restore "
                         "the server's database from its backup.") from None


def _checked_kdf(kdf: KdfParams) -> KdfParams:
    """Costs a real slot can have: an edited file must not make sign-in take hours or all the
    memory."""
    if not (2**10 <= kdf.n <= 2**20 and kdf.n & (kdf.n - 1) == 0 and 1 <= kdf.r <= 32
            and 1 <= kdf.p <= 16):
        raise ValueError("impossible key derivation costs")
    return kdf


def read(path: Path) -> SlotFile:
    """Read the key slots, or explain plainly why they cannot be used."""
    if not path.exists():
        raise StoreError(
            f"The key file {path.name} is missing from {path.parent}. Without it the case file "
            "cannot be unlocked: restore it from a backup of this folder."
        )
    try:
        with path.open("rb") as handle:
            text = handle.read(MAX_FILE_BYTES + 1)
        if len(text) > MAX_FILE_BYTES:
            raise ValueError("far too large to be a key file")
        raw = json.loads(text.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a key-slot file")
        if int(raw.get("version", 0)) > VERSION:
            raise StoreError(
                f"{path.name} was written by a newer version of sencodesk: update the app."
            )
        slots = tuple(_slot_from_json(item) for item in raw["slots"])
        return SlotFile(slots, int(raw.get("failures", 0)), float(raw.get("last_failure", 0.0)))
    except StoreError:
        raise
    except OSError as error:
        raise StoreError(f"Cannot read the key file {path}: {error.strerror or error}.") \
            from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise StoreError(
            f"The key file {path} is damaged ({error}). Restore it from a backup of this folder."
        ) from None


def write(path: Path, slots: SlotFile) -> None:
    """Replace the slot file atomically (write, fsync, rename) so a crash leaves old or new."""
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "slots": [_slot_to_json(slot) for slot in slots.slots],
        "failures": slots.failures,
        "last_failure": slots.last_failure,
    }
    paths.write_private(path, json.dumps(payload, indent=2).encode("utf-8"))


def find(slots: SlotFile, username: str) -> Slot | None:
    wanted = username.strip().casefold()
    return next((s for s in slots.slots if s.username.casefold() == wanted), None)


def failure_delay(failures: int) -> float:
    """Seconds to wait before answering after ``failures`` wrong passwords in a row: none for
    the first three slips, then doubling up to half a minute."""
    if failures < 3:
        return 0.0
    return float(min(2 ** (failures - 3), 30))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with filelock.exclusive(path.with_name(path.name + ".lock"), what="the key file"):
        yield


def _update(path: Path, change: Callable[[SlotFile], SlotFile]) -> None:
    """Read, change and write the slot file as one step no other process can interleave."""
    with _locked(path):
        write(path, change(read(path)))


def unlock(path: Path, username: str, password: str, *, sleep: Any = time.sleep) -> bytes:
    """The database key for this person, or AuthenticationFailed with the same words whether
    the account is missing or the password is wrong."""
    return unlock_keys(path, username, password, sleep=sleep)[0]


def unlock_keys(
    path: Path, username: str, password: str, *, sleep: Any = time.sleep
) -> tuple[bytes, bytes | None]:
    """The database key and this person's confidential-documents key (None if their slot
    holds none), as :func:`unlock`."""
    state = read(path)
    sleep(failure_delay(attempts.failures(path.parent, username)))
    slot = find(state, username)
    opened = open_slot(slot, password) if slot and password else None
    if slot is None:
        # The same scrypt work as a real slot, so timing does not reveal which accounts exist.
        _derive(password or "-", bytes(16), DEFAULT_KDF)
    if opened is None:
        attempts.failed(path.parent, username)
        raise AuthenticationFailed("That name and password do not match an account.")
    attempts.succeeded(path.parent, username)
    return opened


def _without(state: SlotFile, username: str) -> tuple[Slot, ...]:
    return tuple(s for s in state.slots if s.username.casefold() != username.casefold())


def add(path: Path, slot: Slot) -> None:
    _update(path, lambda now: replace(now, slots=(*_without(now, slot.username), slot)))


def remove(path: Path, username: str) -> None:
    _update(path, lambda now: replace(now, slots=_without(now, username)))


def create(path: Path, first: Slot) -> None:
    with _locked(path):
        if path.exists():
            raise StoreError(f"{path} already exists: this folder already holds a school.")
        write(path, SlotFile((first,)))
