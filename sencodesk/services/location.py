"""Where a school lives, asked before anyone signs in.

The GUI chooses between signing in and setting up a school before it loads the database
stack, so this module imports nothing heavier than the store's knowledge of its own files.
"""

from __future__ import annotations

from pathlib import Path

from sencodesk.store import layout, restoring, server_address


def school_exists(data_dir: Path) -> bool:
    """Whether a school has been set up at ``data_dir`` (else the app offers the first run)."""
    return layout.school_exists(data_dir)


def server_of(data_dir: Path) -> str | None:
    """The school's server this computer signs in to, in words (``sencodesk connect``), or
    None when the case file is on this computer."""
    url = server_address.read(data_dir)
    return server_address.describe(url) if url is not None else None


def server_address_of(data_dir: Path) -> str | None:
    """The address of the server this computer signs in to (no password is kept), or None."""
    return server_address.read(data_dir)


def school_whole(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a case file and the key slots that unlock it."""
    return layout.school_whole(data_dir)


def holds_case_files(folder: Path) -> bool:
    """Whether ``folder`` is a school's data folder (it holds a case file or key slots)."""
    return layout.holds_case_files(folder)


def case_file_path(data_dir: Path) -> Path:
    """The encrypted case file, for telling a person where their data is."""
    return layout.database_path(data_dir)


def documents_path(data_dir: Path) -> Path:
    """The folder of attached documents (encrypted), for telling a person where it is."""
    return layout.documents_path(data_dir)


def recover_interrupted_restore(data_dir: Path) -> bool:
    """Before anyone signs in: roll back a restore that a crash cut short (unless another
    process has the case file open). Whether one was rolled back."""
    return restoring.recover_if_free(data_dir)
