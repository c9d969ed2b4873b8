"""Opening a case file that lives on the school's PostgreSQL server (server mode).

The server's database is named by its address (``postgresql://server/database``), which
``sencodesk connect`` writes to this computer's data folder (``server.json``); the folder keeps
only what belongs to the computer (the audit anchors it has written). Each member of staff
signs in as their own login role on the server and opens their own key slot there
(``backends.postgres_keys``). The schema is made and upgraded by the server's owner role
(``sencodesk server init``), never by staff.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from sencodesk import paths
from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.store import errors, keyslots, layout
from sencodesk.store.backends import postgres, postgres_keys
from sencodesk.store.database import Database

UNREACHABLE = ("The school's server could not be reached ({kind}). Check this computer is on "
               "the school's network and the server's address is right, or ask IT.")


def connect(folder: Path, url: str) -> str:
    """Make this computer's data folder sign in to the school's server at ``url`` (no
    password is kept). Returns the address as it will be shown."""
    shown = make_url(postgres.normalised_url(url)).set(password=None)
    paths.ensure_private_dir(folder)
    paths.write_private(layout.server_path(folder), json.dumps(
        {"url": shown.render_as_string(hide_password=False)}).encode())
    return describe(shown.render_as_string(hide_password=False))


def disconnect(folder: Path) -> None:
    layout.server_path(folder).unlink(missing_ok=True)


def address(folder: Path) -> str | None:
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
    """The server and database of ``url`` in words, for the sign-in window."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "this computer"
    return f"{parsed.database} on {host}"


def _reach(engine: Engine) -> list[str]:
    """The tables of the database (proving the server answers)."""
    try:
        with engine.connect() as connection:
            return inspect(connection).get_table_names()
    except DBAPIError as error:
        engine.dispose()
        message = str(error.orig).lower() if error.orig is not None else ""
        # a wrong password, no such login, or a withdrawn one: the same words for each
        if "authentication failed" in message or "not permitted to log in" in message or \
                ("role" in message and "does not exist" in message):
            raise AuthenticationFailed(postgres_keys.NO_MATCH) from None
        kind = type(error.orig).__name__ if error.orig is not None else type(error).__name__
        raise StoreError(UNREACHABLE.format(kind=kind)) from None


def create(url: str, folder: Path, username: str, password: str) -> Database:
    """A new school's case file in the empty database at ``url`` (as the server's owner
    role): the schema, and the first account's login role and key slot (with the
    confidential-documents key: the first account is a SENCO)."""
    key, confidential = keyslots.new_database_key(), keyslots.new_database_key()
    database = open_database(url, key, folder, create=True, confidential_key=confidential)
    with errors.in_plain_words(database.close):
        database.grant(username, password, confidential=True)
    return database


def unlock(url: str, folder: Path, username: str, password: str) -> Database:
    """The school's case file on the server, opened as ``username``'s own login role with
    the keys of their slot; AuthenticationFailed if the name or password is wrong."""
    from sencodesk.store import migrations

    as_them = make_url(postgres.normalised_url(url)).set(
        username=postgres_keys.role_name(username), password=password)
    engine = postgres.engine_for_url(as_them.render_as_string(hide_password=False))
    _reach(engine)
    try:
        with engine.connect() as connection:
            key, confidential = postgres_keys.unlock_keys(connection, username, password)
    except BaseException:
        engine.dispose()
        raise
    database = Database(layout.server_path(folder), key, engine,
                        confidential_key=confidential)
    with errors.in_plain_words(database.close):
        migrations.require_current(database)
    return database


def open_database(url: str, key: bytes, folder: Path, *, create: bool = False,
                  confidential_key: bytes | None = None) -> Database:
    """Open the server's database at ``url`` with the school's ``key`` (attached files are
    sealed with it), keeping this computer's files in ``folder``; with ``create`` the
    database must be empty and gets the schema. The schema is brought up to date.
    """
    from sencodesk.store import migrations  # Alembic loads slowly: only once reachable

    paths.ensure_private_dir(folder)
    engine = postgres.engine_for_url(url)
    tables = _reach(engine)
    if create and tables:
        engine.dispose()
        raise StoreError(f"{engine.url.render_as_string(hide_password=True)} is not empty: "
                         "a new school's case file needs an empty database.")
    database = Database(layout.server_path(folder), key, engine,
                        confidential_key=confidential_key)
    with errors.in_plain_words(database.close):
        migrations.upgrade(database, fresh=create)
    return database
