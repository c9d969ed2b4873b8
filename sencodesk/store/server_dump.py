"""Backups of a school's case file on its server: PostgreSQL's own ``pg_dump`` (custom format),
encrypted with the school's key like a file's backup, and restored with ``pg_restore`` into an
empty database.

The file is a line of JSON (format, schema, when, the server, and the key slot of the person
who took it: the school's key wrapped under their password, as in ``keyslots.json``), then the
dump in sealed chunks (AES-256-GCM; each chunk's number, and whether it is the last, are bound
into its seal, so chunks cannot be reordered, dropped or the file cut short unnoticed).
The dump is taken as the signed-in member of staff with row-level security on: it holds what
their login may read, which for a SENCO is every record, and their own key slot only; the
other accounts are given new passwords after a restore.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import URL

from sencodesk import paths
from sencodesk.domain.errors import StoreError

MAGIC = b"SENCODESK-SERVER-BACKUP\n"
FORMAT = 1
CHUNK = 1024 * 1024
LENGTH = struct.Struct(">I")
NO_TOOLS = ("PostgreSQL's {tool} is not installed on this computer: install the "
            "postgresql-client package (the same major version as the server, or newer).")


def find_tool(tool: str) -> Path:
    """Debian's newest ``/usr/lib/postgresql/<version>/bin/<tool>``, or ``tool`` on the PATH
    (pg_dump must be as new as the server)."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                   else 0)
    if found:
        return found[-1]
    on_path = shutil.which(tool)
    if on_path:
        return Path(on_path)
    raise StoreError(NO_TOOLS.format(tool=tool))


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """``url`` as libpq takes it, without its password, which goes in the environment
    (PGPASSWORD) rather than on a command line others may read."""
    bare = url.set(drivername="postgresql")._replace(password=None)
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    return bare.render_as_string(hide_password=False), environment


def _run(command: list[str], environment: dict[str, str], doing: str) -> None:
    done = subprocess.run(command, env=environment, capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise StoreError(f"{doing} failed: {lines[-1] if lines else 'no reason given'}")


def dump(url: URL, key: bytes, destination: Path, header: dict[str, object]) -> Path:
    """Write the encrypted backup of the database at ``url`` to ``destination`` (through a
    ``.partial`` file renamed into place)."""
    conninfo, environment = _libpq(url)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    with tempfile.TemporaryDirectory(dir=destination.parent) as scratch:
        plain = Path(scratch) / "dump"
        _run([str(find_tool("pg_dump")), "--format=custom", "--enable-row-security",
              "--no-owner", "--no-privileges", f"--file={plain}", f"--dbname={conninfo}"],
             environment, "pg_dump")
        try:
            with partial.open("wb") as out:
                if os.name == "posix":
                    partial.chmod(0o600)
                out.write(MAGIC)
                out.write(json.dumps({"format": FORMAT, **header}).encode() + b"\n")
                for sealed in _seal(plain, key):
                    out.write(LENGTH.pack(len(sealed)))
                    out.write(sealed)
            partial.replace(destination)
        finally:
            plain.unlink(missing_ok=True)
            partial.unlink(missing_ok=True)
    return destination


def _aad(number: int, last: bool) -> bytes:
    return MAGIC + struct.pack(">Q?", number, last)


def _seal(plain: Path, key: bytes) -> Iterator[bytes]:
    cipher = AESGCM(key)
    with plain.open("rb") as source:
        number, chunk = 0, source.read(CHUNK)
        while True:
            following = source.read(CHUNK)
            last = not following
            nonce = secrets.token_bytes(12)
            yield nonce + cipher.encrypt(nonce, chunk, _aad(number, last))
            if last:
                return
            number, chunk = number + 1, following


def header(source: Path) -> dict[str, object]:
    """The header of a server backup at ``source``; StoreError if it is not one."""
    with source.open("rb") as handle:
        return _header(handle, source)


def _header(stream: BinaryIO, source: Path) -> dict[str, object]:
    if stream.read(len(MAGIC)) != MAGIC:
        raise StoreError(f"{source.name} is not a backup of a school's server.")
    try:
        found = json.loads(stream.readline())
    except ValueError:
        raise StoreError(f"{source.name} is damaged (its header cannot be read).") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise StoreError(f"{source.name} was written by a newer sencodesk: update to restore it.")
    return found


def _open(source: Path, key: bytes, target: Path) -> None:
    """The dump in ``source`` unsealed with ``key`` into ``target``."""
    cipher = AESGCM(key)
    with source.open("rb") as handle, target.open("wb") as out:
        _header(handle, source)
        number, last = 0, False
        while not last:
            size = handle.read(LENGTH.size)
            if len(size) < LENGTH.size:
                raise StoreError(f"{source.name} is incomplete (it was cut short).")
            sealed = handle.read(LENGTH.unpack(size)[0])
            for last in (False, True):
                try:
                    out.write(cipher.decrypt(sealed[:12], sealed[12:], _aad(number, last)))
                    break
                except InvalidTag:
                    if last:
                        raise StoreError(f"{source.name} is damaged, or is another school's "
                                         "backup.") from None
            number += 1
        if handle.read(1):
            raise StoreError(f"{source.name} is damaged (it goes on after its end).")


def restore(source: Path, key: bytes, url: URL) -> None:
    """The dump in ``source`` restored with ``pg_restore`` into the empty database at ``url``
    (as the server's owner role), in one transaction."""
    conninfo, environment = _libpq(url)
    with tempfile.TemporaryDirectory() as scratch:
        paths.ensure_private_dir(Path(scratch))
        plain = Path(scratch) / "dump"
        _open(source, key, plain)
        _run([str(find_tool("pg_restore")), "--single-transaction", "--exit-on-error",
              "--no-owner", "--no-privileges", f"--dbname={conninfo}", str(plain)],
             environment, "pg_restore")
