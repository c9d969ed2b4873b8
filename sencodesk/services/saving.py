"""Saving an export where the user asked: whole and readable only by them, or a plain message
saying why it could not be saved (no folder, no permission, a full disk)."""

from __future__ import annotations

from pathlib import Path

from sencodesk import paths
from sencodesk.domain.errors import ValidationError
from sencodesk.store import unfinished


def save_export(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole (never half a file under the final name)."""
    target = path.expanduser()
    if target.is_dir():
        raise ValidationError("file", f"{target} is a folder; give a file name to save to.")
    try:
        with unfinished.noted(target.with_name(target.name + ".partial")):
            return paths.write_private(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ValidationError("file", f"could not save {target}: {reason}.") from None
