"""A case file on the school's (or trust's) PostgreSQL server.

Writing units of work run at READ COMMITTED: each statement sees what others have committed,
and the audit chain is appended under a transaction-level advisory lock taken before its head
is read, so two writers never both extend the same head. Units that only read (reports) run
in one REPEATABLE READ, READ ONLY snapshot and never wait for writers.

Staff reach the tables through the group role :data:`STAFF_ROLE`, which may read and write the
records but only read and append to the audit trail: grants, not convention (row-level
security narrows both, ``postgres_policies``). The schema and the grants belong to whoever
ran the migrations (the server's owner role), never to staff.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlmodel import Session

from sencodesk.domain.errors import StoreError
from sencodesk.store.backends import postgres_audit, postgres_policies, postgres_trust
from sencodesk.store.backends.postgres_changes import NotifyWatch, announce_changes
from sencodesk.store.backends.postgres_keys import TableHome, secure_slots
from sencodesk.store.tables.audit import REDACTED

STAFF_ROLE = "sencodesk_staff"
AUDIT_TABLE = "auditevent"
# pg_advisory_xact_lock takes a 64-bit key; this one is the audit chain's, derived from its
# name so that no other use of advisory locks on the server picks it by chance.
AUDIT_CHAIN_LOCK = int.from_bytes(hashlib.sha256(b"sencodesk audit chain").digest()[:8],
                                  "big", signed=True)


LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
TLS_REQUIRED = ("The school's server is reached over the network, so sencodesk checks its "
                "certificate (sslmode=verify-full, with the school's CA in "
                "~/.postgresql/root.crt or sslrootcert=...): leave sslmode out, or set it to "
                "verify-full.")


def normalised_url(url: str) -> str:
    """``url`` with the driver sencodesk uses (psycopg 3): ``postgresql://host/db`` as typed
    by a technician becomes ``postgresql+psycopg://host/db``. A server reached over the network
    (not this computer's loopback or socket) is reached over TLS with its certificate checked
    against the school's CA (sslmode=verify-full); a weaker sslmode is refused."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - SQLAlchemy raises several kinds for a malformed URL
        raise StoreError("That is not a database address. Write it as "
                         "postgresql://server/database.") from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise StoreError(f"{parsed.get_backend_name()!r} is not a PostgreSQL address. Write "
                         "it as postgresql://server/database.")
    if _reaches_network(parsed):
        mode = parsed.query.get("sslmode")
        if mode is None:
            parsed = parsed.update_query_dict({"sslmode": "verify-full"})
        elif mode != "verify-full":
            raise StoreError(TLS_REQUIRED)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _reaches_network(parsed: URL) -> bool:
    """Whether libpq, given ``parsed``, connects to another computer: at its host or its
    ``hostaddr=`` (which libpq dials instead), each taken from PGHOST and PGHOSTADDR in the
    environment where the address leaves it out, as libpq takes them."""
    host = parsed.host or parsed.query.get("host") or os.environ.get("PGHOST") or None
    hostaddr = parsed.query.get("hostaddr") or os.environ.get("PGHOSTADDR") or None
    return _over_network(host) or _over_network(hostaddr)


def _over_network(host: object) -> bool:
    """Whether ``host`` (a URL's host, or its ``host=`` query) is another computer: not
    loopback, and not a unix socket's folder (nor absent, which is the default socket)."""
    if host is None:
        return False
    hosts = [host] if isinstance(host, str) else list(host)  # type: ignore[call-overload]
    return any(h not in LOOPBACK and not str(h).startswith("/") for h in hosts)


def engine_for_url(url: str) -> Engine:
    """A pooled engine for the server's database at ``url``."""
    return create_engine(normalised_url(url), pool_size=4, max_overflow=4, pool_pre_ping=True,
                         connect_args={"application_name": "sencodesk"})


class PostgresBackend:
    name = "postgresql"
    render_as_batch = False
    copies_as_file = False

    def for_unit(self, engine: Engine, *, write: bool) -> Engine:
        if write:
            return engine.execution_options(isolation_level="READ COMMITTED")
        return engine.execution_options(isolation_level="REPEATABLE READ",
                                        postgresql_readonly=True)

    def hold_audit_chain(self, session: Session) -> None:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})

    def audit_head(self, session: Session) -> tuple[int, str] | None:
        return postgres_audit.head(session)

    def before_migrations(self, connection: Connection) -> None:
        postgres_policies.drop(connection)

    def after_upgrade(self, connection: Connection) -> None:
        grant_staff(connection)
        allow_resealing(connection)
        announce_changes(connection)
        tables = inspect(connection).get_table_names()
        if "keyslot" in tables:  # not when the migrations stopped before it
            secure_slots(connection, STAFF_ROLE)
            postgres_audit.install_head(connection, STAFF_ROLE)
            postgres_policies.install(connection, STAFF_ROLE)
        if postgres_trust.SHARED_TABLE in tables:
            postgres_trust.open_to_trust(connection)

    def reseal(self, session: Session, entries: Sequence[Mapping[str, object]]) -> None:
        session.execute(text("SELECT sencodesk_reseal(:id, :summary, :changes_json, "
                             ":prev_hash, :hash)"), list(entries))

    def home(self, engine: Engine, path: Path) -> TableHome:
        return TableHome(engine)

    def watch(self, engine: Engine, path: Path, key: bytes) -> NotifyWatch:
        return NotifyWatch(engine)

    def alone(self, path: Path) -> contextlib.AbstractContextManager[bool]:
        """Always: no computer holds the server's database to itself, and an attached file
        is taken for an orphan only once it has settled (``postgres_files.SETTLED``)."""
        return contextlib.nullcontext(True)


def grant_staff(connection: Connection) -> None:
    """The staff group role (made if missing) may use every table of the schema, except the
    audit trail, which it may only read and append to. Run after every migration, so new
    tables are granted too."""
    connection.execute(text(
        "DO $$ BEGIN "
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{STAFF_ROLE}') THEN "
        f"CREATE ROLE {STAFF_ROLE} NOLOGIN; END IF; END $$"))
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {STAFF_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {STAFF_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STAFF_ROLE}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {STAFF_ROLE}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {STAFF_ROLE}",
    ):
        connection.execute(text(statement))


def allow_resealing(connection: Connection) -> None:
    """The one change staff may make to the audit trail, through an owner-run function: after
    a pupil's record is deleted (it no longer exists), their entries lose their summary and
    changed values, and the chain is re-sealed from there (new hashes). Nothing else of any
    entry can be changed, so the trail keeps who did what and when."""
    redacted = REDACTED.replace("'", "''")
    connection.execute(text(f"""
        CREATE OR REPLACE FUNCTION sencodesk_reseal(p_id integer, p_summary text,
            p_changes text, p_prev text, p_hash text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          e {AUDIT_TABLE};
        BEGIN
          SELECT * INTO e FROM {AUDIT_TABLE} WHERE id = p_id FOR UPDATE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'no audit entry %', p_id USING ERRCODE = '42501';
          END IF;
          IF (p_summary, p_changes) IS DISTINCT FROM (e.summary, e.changes_json) AND NOT (
              p_summary = '{redacted}' AND p_changes = '{{}}' AND e.pupil_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pupil WHERE id = e.pupil_id)) THEN
            RAISE EXCEPTION 'only what the trail says about a deleted pupil may be removed'
              USING ERRCODE = '42501';
          END IF;
          UPDATE {AUDIT_TABLE} SET summary = p_summary, changes_json = p_changes,
            prev_hash = p_prev, hash = p_hash WHERE id = p_id;
        END $$"""))
    connection.execute(text("REVOKE ALL ON FUNCTION sencodesk_reseal(integer, text, text, "
                            "text, text) FROM PUBLIC"))
    connection.execute(text("GRANT EXECUTE ON FUNCTION sencodesk_reseal(integer, text, text, "
                            f"text, text) TO {STAFF_ROLE}"))


BACKEND = PostgresBackend()
