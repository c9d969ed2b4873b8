"""Opening a case file that lives on the school's PostgreSQL server (server mode).

The server's database is named by its address (``postgresql://server/database``); this
computer's data folder keeps only what belongs to the computer (the audit anchors it has
written). Opening checks the server can be reached and brings the schema up to date, as
:mod:`sencodesk.store.case_file` does for a file.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import errors, layout
from sencodesk.store.backends import postgres
from sencodesk.store.database import Database

UNREACHABLE = ("The school's server could not be reached ({kind}). Check this computer is on "
               "the school's network and the server's address is right, or ask IT.")


def open_database(url: str, key: bytes, folder: Path, *, create: bool = False,
                  confidential_key: bytes | None = None) -> Database:
    """Open the server's database at ``url`` with the school's ``key`` (attached files are
    sealed with it), keeping this computer's files in ``folder``; with ``create`` the
    database must be empty and gets the schema. The schema is brought up to date.
    """
    from sencodesk.store import migrations  # Alembic loads slowly: only once reachable

    paths.ensure_private_dir(folder)
    engine = postgres.engine_for_url(url)
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
    except DBAPIError as error:
        engine.dispose()
        kind = type(error.orig).__name__ if error.orig is not None else type(error).__name__
        raise StoreError(UNREACHABLE.format(kind=kind)) from None
    if create and tables:
        engine.dispose()
        raise StoreError(f"{engine.url.render_as_string(hide_password=True)} is not empty: "
                         "a new school's case file needs an empty database.")
    database = Database(layout.server_path(folder), key, engine,
                        confidential_key=confidential_key)
    with errors.in_plain_words(database.close):
        migrations.upgrade(database, fresh=create)
    return database
