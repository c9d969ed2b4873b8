"""Which school's server this computer signs in to: ``server.json`` in its data folder, read
before anyone signs in (so with nothing heavier than the standard library)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import layout


def write(folder: Path, url: str) -> None:
    """Remember ``url`` (already without a password) for ``folder``."""
    paths.ensure_private_dir(folder)
    paths.write_private(layout.server_path(folder), json.dumps({"url": url}).encode())


def remove(folder: Path) -> None:
    layout.server_path(folder).unlink(missing_ok=True)


def read(folder: Path) -> str | None:
    """The server this folder signs in to, or None (the case file is a file here)."""
    try:
        raw = json.loads(layout.server_path(folder).read_text(encoding="utf-8"))
        return str(raw["url"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreError(f"{layout.server_path(folder)} is damaged: run `sencodesk connect` "
                         "again with the school's server address.") from None


def describe(url: str) -> str:
    """The database and server of ``url`` in words, for the sign-in window."""
    parts = urlsplit(url)
    database = parts.path.lstrip("/") or "the school's database"
    host = parts.hostname or parse_qs(parts.query).get("host", [""])[0] or "this computer"
    return f"{database} on {host}"
