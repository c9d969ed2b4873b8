"""Saving an export where the user asked: whole and readable only by them, or a plain message
saying why it could not be saved (no folder, no permission, a full disk, a file already there,
or sencodesk's own data folder)."""

from __future__ import annotations

from pathlib import Path

from sencodesk import paths
from sencodesk.domain.errors import ValidationError
from sencodesk.services import location
from sencodesk.store import unfinished


def data_folder_holding(path: Path) -> Path | None:
    """The sencodesk data folder ``path`` would be written into (the folder holding a case
    file or key file, or any folder inside one), or None. Links are followed, so a link
    pointing into the data folder counts."""
    folder = path.expanduser().resolve().parent
    for candidate in (folder, *folder.parents):
        if location.holds_case_files(candidate):
            return candidate
    return None


def check_target(path: Path, *, replace: bool = False) -> Path:
    """Refuse, before any work is done, a target that is a folder, lies in sencodesk's data
    folder (the case file, the key file, documents and backups live there; an export there
    could replace them), or exists already unless ``replace`` (the app asks the person first;
    the command line needs --replace)."""
    target = path.expanduser()
    if target.is_dir():
        raise ValidationError("file", f"{target} is a folder; give a file name to save to.")
    inside = data_folder_holding(target)
    if inside is not None:
        raise ValidationError("file", f"{target} is in sencodesk's data folder ({inside}), "
                              "which holds the case file and its keys; save exports somewhere "
                              "else.")
    if target.exists() and not replace:
        raise ValidationError("file", f"{target} already exists; choose another name, or add "
                              "--replace to write over it.")
    return target


def save_export(path: Path, data: bytes, *, replace: bool = False) -> Path:
    """Write ``data`` to ``path`` whole (never half a file under the final name), after
    :func:`check_target`."""
    target = check_target(path, replace=replace)
    try:
        with unfinished.noted(target.with_name(target.name + ".partial")):
            return paths.write_private(target, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ValidationError("file", f"could not save {target}: {reason}.") from None
