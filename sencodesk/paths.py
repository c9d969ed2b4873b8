"""Every path the application uses, in one place.

Tests and ``--data-dir`` redirect the data folder; a PyInstaller bundle finds ``resources/`` under
``sys._MEIPASS``. This module imports nothing from sencodesk so any layer may use it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

APP = "sencodesk"
DATA_DIR_ENV = "SENCODESK_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the case file: ``--data-dir``, then SENCODESK_DATA_DIR, then the
    platform's per-user data folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` readable only by its owner (children's health data)."""
    old = os.umask(0o077)
    try:
        path.mkdir(parents=True, exist_ok=True)
    finally:
        os.umask(old)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def write_private(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or chunks of them) whole or not at all, readable only by the
    owner: written beside the target, flushed to disk, then renamed into place, so a crash
    leaves the old file or the new one and never half of either."""
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def resources_dir() -> Path:
    """``resources/`` in a checkout or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
