"""A trust's server: many schools, each in a database of its own, and the trust's own login.

Each school's staff sign in to their school's database only (``postgres_keys``). The trust's
central team signs in as a trust login: a member of :data:`TRUST_ROLE`, which each school's
database lets connect and read the summaries the school has shared (``trustsummary``: counts,
no pupil named), and nothing else of the school's, neither table nor function. The trust's
logins are made by the server's owner (IT), as the schools' databases are.
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, text

from sencodesk.domain.errors import StoreError
from sencodesk.store.backends.postgres_keys import LONGEST_ROLE, scram_verifier

TRUST_ROLE = "sencodesk_trust"
TRUST_PREFIX = "sd-trust:"
SHARED_TABLE = "trustsummary"
#: The databases this login may connect to (each school's, and the server's own).
SCHOOLS_SQL = ("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate "
               "AND has_database_privilege(datname, 'CONNECT') ORDER BY datname")
#: Whether this database is a school's whose summaries the login may read.
READABLE_SQL = (f"SELECT coalesce(has_column_privilege(to_regclass('{SHARED_TABLE}'), "
                "'summary_json', 'SELECT'), false)")
NEWEST_SQL = (f"SELECT summary_json FROM {SHARED_TABLE} "
              "ORDER BY shared_at DESC, id DESC LIMIT 1")
_MAKE_GROUP = (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{TRUST_ROLE}') "
               f"THEN CREATE ROLE {TRUST_ROLE} NOLOGIN; END IF; END $$")


def trust_login(name: str) -> str:
    """The server login role of the trust's login ``name``."""
    role = TRUST_PREFIX + name.casefold()
    if len(role.encode()) > LONGEST_ROLE:
        raise StoreError(f"A trust login's name is at most {LONGEST_ROLE - len(TRUST_PREFIX)} "
                         "characters.")
    return role


def open_to_trust(connection: Connection) -> None:
    """The trust's logins may connect to this school's database and read the summaries it
    has shared, and nothing else (run after every upgrade, with the school's other grants)."""
    for statement in (
        _MAKE_GROUP,
        f"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO {TRUST_ROLE}', "
        "current_database()); END $$",
        f"GRANT USAGE ON SCHEMA public TO {TRUST_ROLE}",
        # the counts and when, not who shared them (a member of staff's username)
        f"REVOKE ALL ON {SHARED_TABLE} FROM {TRUST_ROLE}",
        f"GRANT SELECT (id, shared_at, summary_json) ON {SHARED_TABLE} TO {TRUST_ROLE}",
        # the staff's policy on the table asks who the login is: for a trust login, nobody
        f"GRANT EXECUTE ON FUNCTION sencodesk_role() TO {TRUST_ROLE}",
        f"DROP POLICY IF EXISTS sencodesk_trust_read ON {SHARED_TABLE}",
        f"CREATE POLICY sencodesk_trust_read ON {SHARED_TABLE} FOR SELECT TO {TRUST_ROLE} "
        "USING (true)",
    ):
        connection.execute(text(statement))


def set_trust_login(engine: Engine, name: str, password: str) -> str:
    """Make the trust's login ``name`` (or set its password), as the server's owner: the
    server keeps only the password's SCRAM verifier. Returns the login role's name."""
    role = trust_login(name)
    verifier = scram_verifier(engine, role, password)
    with engine.begin() as connection:
        connection.execute(text(_MAKE_GROUP))
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                    {"r": role}).first()
        verb = "ALTER ROLE {} LOGIN PASSWORD {}" if exists else \
            "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE " + TRUST_ROLE
        raw = connection.connection.dbapi_connection
        assert isinstance(raw, psycopg.Connection)
        statement = sql.SQL(verb).format(sql.Identifier(role), sql.Literal(verifier))
        connection.exec_driver_sql(statement.as_string(raw))
    return role
