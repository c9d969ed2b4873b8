"""Decrypted copies of attached documents, made so another program can show them.

Every copy goes in one private folder per user under the system's temporary folder, so that
all of them can be removed when the app locks or closes, and at the next start if it crashed.
"""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
from pathlib import Path

from sencodesk import paths


def folder() -> Path:
    """The folder holding this user's viewing copies (it may not exist)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without an account entry)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"sencodesk-viewing-{user}"


def write_copy(filename: str, data: bytes) -> Path:
    """A private copy of ``data`` named ``filename``, in its own subfolder."""
    home = paths.ensure_private_dir(folder())
    target = Path(tempfile.mkdtemp(dir=home)) / (Path(filename).name or "document")
    return paths.write_private(target, data)


def remove_all() -> None:
    """Remove every viewing copy. A file another program still holds open (Windows) stays
    until the next time this runs."""
    shutil.rmtree(folder(), ignore_errors=True)
