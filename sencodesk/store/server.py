"""Opening a case file that lives on the school's PostgreSQL server (server mode).

The server's database is named by its address (``postgresql://server/database``), which
``sencodesk connect`` writes to this computer's data folder (``server.json``); the folder keeps
only what belongs to the computer (the audit anchors it has written). Each member of staff
signs in as their own login role on the server and opens their own key slot there
(``backends.postgres_keys``). The schema is made and upgraded by the server's owner role
(``sencodesk server init``), never by staff.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from sencodesk import paths
from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.store import anchors, errors, keyslots, layout, server_address, server_dump
from sencodesk.store.backends import postgres, postgres_keys, postgres_trust
from sencodesk.store.database import Database

T = TypeVar("T")

NOT_SECURE = ("The school's server could not be reached securely: it does not offer TLS, or "
              "its certificate could not be checked against the school's CA (kept in "
              "~/.postgresql/root.crt on this computer, %APPDATA%\\postgresql\\root.crt on "
              "Windows). Ask IT.")
UNREACHABLE = ("The school's server could not be reached ({kind}). Check this computer is on "
               "the school's network and the server's address is right, or ask IT.")


def connect(folder: Path, url: str) -> str:
    """Make this computer's data folder sign in to the school's server at ``url`` (no
    password is kept). Returns the server as the sign-in window shows it."""
    shown = make_url(postgres.normalised_url(url))._replace(password=None)
    if not shown.database:  # each school is a database of its own: which?
        raise StoreError("That address names no database. Write it as "
                         "postgresql://server/database, with the school's database.")
    text = shown.render_as_string(hide_password=False)
    if server_address.read(folder) != text:
        # the audit heads this computer recorded were another case file's
        anchors.start_afresh(folder)
    server_address.write(folder, text)
    return server_address.describe(text)


def staff_address(url: str) -> str:
    """``url`` without a user name or password (each member of staff signs in as their own
    login), in the form a technician types: ``postgresql://server/database``."""
    # URL.set ignores None, so the name and password are cleared with _replace
    bare = make_url(postgres.normalised_url(url))._replace(
        drivername="postgresql", username=None, password=None)
    return bare.render_as_string(hide_password=False)


def disconnect(folder: Path) -> None:
    """This computer's data folder signs in to its own case file again."""
    server_address.remove(folder)


def address(folder: Path) -> str | None:
    """The server this folder signs in to, or None (the case file is a file here)."""
    return server_address.read(folder)


def _reach(engine: Engine) -> list[str]:
    """The tables of the database (proving the server answers)."""
    try:
        with engine.connect() as connection:
            return inspect(connection).get_table_names()
    except DBAPIError as error:
        engine.dispose()
        message = str(error.orig).lower() if error.orig is not None else ""
        # a wrong password, no such login, a withdrawn one or another school's: the same words
        if "authentication failed" in message or "not permitted to log in" in message or \
                ("role" in message and "does not exist" in message) or \
                "permission denied for database" in message:
            raise AuthenticationFailed(postgres_keys.NO_MATCH) from None
        if _not_secure(message):
            raise StoreError(NOT_SECURE) from None
        kind = type(error.orig).__name__ if error.orig is not None else type(error).__name__
        raise StoreError(UNREACHABLE.format(kind=kind)) from None


def _not_secure(message: str) -> bool:
    """Whether libpq's ``message`` says TLS could not be set up or the certificate checked."""
    return "ssl" in message.lower() or "certificate" in message.lower()


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

    address = make_url(postgres.normalised_url(url))
    as_them = address.set(username=postgres_keys.role_name(address.database or "", username),
                          password=password)
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


#: The databases the role in the address owns (a trust's IT made each school's with it).
_OWNED_SQL = ("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate "
              "AND pg_get_userbyid(datdba) = current_user ORDER BY datname")


def _visit_databases(address: URL, listing: str,
                     visit: Callable[[URL, Connection, list[str]], T | None]) -> dict[str, T]:
    """Run ``listing`` (SQL naming databases) where ``address`` points, then ``visit`` each
    database it names, signed in as the same role: with its address, a connection and its
    tables. What ``visit`` finds, by database, in the listing's order (None: left out)."""
    def engine_for(database: str) -> Engine:
        return postgres.engine_for_url(
            address.set(database=database).render_as_string(hide_password=False))

    first = engine_for(address.database or "postgres")
    with errors.in_plain_words(first.dispose):
        _reach(first)
        with first.connect() as connection:
            names = list(connection.execute(text(listing)).scalars())
    first.dispose()
    found = {}
    for name in names:
        engine = engine_for(name)
        with errors.in_plain_words(engine.dispose):
            tables = _reach(engine)
            with engine.connect() as connection:
                result = visit(address.set(database=name), connection, tables)
        engine.dispose()
        if result is not None:
            found[name] = result
    return found


def school_databases(url: str) -> dict[str, str]:
    """The schools' databases on the server at ``url`` whose owner is ``url``'s role (each
    holding a case file: its schema's revision table): each one's address, by name."""
    def school(at: URL, _connection: Connection, tables: list[str]) -> str | None:
        if {"alembic_version", "keyslot", "pupil"} <= set(tables):
            return at.render_as_string(hide_password=False)
        return None

    return _visit_databases(make_url(postgres.normalised_url(url)), _OWNED_SQL, school)


def back_up(database: Database, username: str, destination: Path,
            header: dict[str, object]) -> Path:
    """An encrypted pg_dump of the server's case file, taken as ``username``'s login (a
    SENCO's reads every record), whose key slot goes in the header to unlock it."""
    with database.engine.connect() as connection:
        slot = postgres_keys.own_slot(connection, username)
    if slot is None:
        raise StoreError("Your account has no key slot on the server, so a backup could not be "
                         "unlocked: ask a SENCO to set your password again.")
    try:
        return server_dump.dump(database.engine.url, database.key, destination,
                                header | {"slot": keyslots.slot_text(slot)})
    except StoreError as error:
        # libpq's own advice there is to turn certificate checks off
        if _not_secure(str(error)):
            raise StoreError(NOT_SECURE) from None
        raise


def restore_backup(source: Path, url: str, folder: Path, username: str,
                   password: str) -> Database:
    """A server backup restored into the empty database at ``url`` (as the server's owner
    role), unlocked by the password of ``username``, who took it. Returns the database (to
    close), its grants made again; only the backup's taker has a key slot yet."""
    slot = keyslots.slot_from_text(str(server_dump.header(source).get("slot", "")))
    opened = keyslots.open_slot(slot, password) if slot.username == username.casefold() \
        else None
    if opened is None:
        raise AuthenticationFailed(f"This backup opens with the password of {slot.username}, "
                                   "who took it: that name and password do not match.")
    key, confidential = opened
    engine = postgres.engine_for_url(url)
    tables = _reach(engine)
    engine.dispose()
    if tables:
        raise StoreError(f"{engine.url.render_as_string(hide_password=True)} is not empty: a "
                         "backup is restored into an empty database.")
    server_dump.restore(source, key, make_url(postgres.normalised_url(url)))
    database = open_database(url, key, folder, confidential_key=confidential)
    with errors.in_plain_words(database.close), database.engine.begin() as connection:
        postgres.BACKEND.after_upgrade(connection)  # pg_restore leaves out the grants
    return database


def set_trust_login(url: str, name: str, password: str) -> str:
    """Make the trust's login ``name`` on the server at ``url`` (as its owner role), or set
    its password. Returns the login role's name."""
    engine = postgres.engine_for_url(url)
    try:
        _reach(engine)
        return postgres_trust.set_trust_login(engine, name, password)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class Shared:
    """One school's database on the trust's server, and the newest summary it has shared with
    the trust (None if it has shared none yet)."""

    database: str
    summary_json: str | None


def trust_summaries(url: str, name: str, password: str) -> list[Shared]:
    """Signed in as the trust's login ``name``: each school's database on the server at
    ``url`` that the login may read, and the newest summary it has shared, in the order of
    the databases' names. AuthenticationFailed if the name or password is wrong."""
    address = make_url(postgres.normalised_url(url)).set(
        username=postgres_trust.trust_login(name), password=password)

    def newest(at: URL, connection: Connection, _tables: list[str]) -> Shared | None:
        if not connection.execute(text(postgres_trust.READABLE_SQL)).scalar():
            return None
        shared = connection.execute(text(postgres_trust.NEWEST_SQL)).scalar()
        return Shared(at.database or "", shared)

    return list(_visit_databases(address, postgres_trust.SCHOOLS_SQL, newest).values())
