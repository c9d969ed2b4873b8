"""What a school's folder holds and what each file is called.

Only the store knows these names: services and the GUI hold the folder as an opaque place
("where this school lives") and ask the store about it, so a second backend need not be a
folder of files at all.
"""

from __future__ import annotations

from pathlib import Path

DATABASE_NAME = "sencodesk.db"
KEYSLOTS_NAME = "keyslots.json"
DOCUMENTS_NAME = "documents"  # attached files, encrypted (store.blobs)
BACKUPS_NAME = "backups"
ATTEMPTS_NAME = "signin-attempts.json"  # wrong passwords per account (store.attempts)
SERVER_NAME = "server.json"  # the school's server, in server mode (store.server)
#: The files a restore replaces (the database with its write-ahead log, and the key slots).
CASE_FILES = (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm", KEYSLOTS_NAME)


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def slots_path(folder: Path) -> Path:
    return folder / KEYSLOTS_NAME


def documents_path(folder: Path) -> Path:
    return folder / DOCUMENTS_NAME


def server_path(folder: Path) -> Path:
    return folder / SERVER_NAME


def backups_path(folder: Path) -> Path:
    return folder / BACKUPS_NAME


def attempts_path(folder: Path) -> Path:
    return folder / ATTEMPTS_NAME


def school_exists(folder: Path) -> bool:
    """Whether a school's case file has been set up in ``folder``, or the folder signs in
    to a school's server."""
    return database_path(folder).exists() or server_path(folder).exists()


def school_whole(folder: Path) -> bool:
    """Whether ``folder`` holds both a case file and the key slots that unlock it."""
    return database_path(folder).exists() and slots_path(folder).exists()


def holds_case_files(folder: Path) -> bool:
    """Whether ``folder`` holds a case file or key slots (either one: a half-restored folder
    is still a school's data folder)."""
    return database_path(folder).exists() or slots_path(folder).exists()
