"""Staff sign-in on a school's server: each account is a login role of its own, and its key
slot (the school's key wrapped under the same password, as in the key file) is a row of
``keyslot`` that row-level security lets only that login read.

Slots are written by two functions that run as the schema's owner (SECURITY DEFINER), since
making a login role is the owner's right: a member of staff may set their own slot, and a
manager of accounts (SENCO, Administrator) anyone's. The password never reaches the server:
the role gets its SCRAM verifier, worked out here by libpq, and the slot holds the key wrapped
under scrypt. Attached files are rows too (``postgres_files``).

One server may hold many schools, each in a database of its own (a trust's). Login roles
belong to the whole server, so each names its school's database as well as the account
(:func:`role_name`), and may connect to that database only: two schools may each have a
"senco", and neither's login opens the other's case file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from sqlalchemy import Connection, Engine, select, text
from sqlmodel import col

from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.store import keyslots
from sencodesk.store.backends.postgres_files import TableFiles
from sencodesk.store.blobs import SealedFiles
from sencodesk.store.tables.server import KeySlot

ROLE_PREFIX = "sd:"
#: The roles whose accounts may set others' slots (domain.permissions MANAGE_ACCOUNTS).
MANAGERS = ("senco", "admin")
NO_MATCH = "That name and password do not match an account."


#: The longest name PostgreSQL keeps (NAMEDATALEN - 1 bytes); a longer one is cut short.
LONGEST_ROLE = 63


def role_name(database: str, username: str) -> str:
    """The server login role of ``username`` at the school whose database is ``database``:
    ``sd:database:username`` where that fits, else ``sd:`` and a digest of the two (the same
    rule as ``sencodesk_role_name`` on the server, which makes the roles)."""
    readable = f"{ROLE_PREFIX}{database}:{username.casefold()}"
    if len(readable.encode()) <= LONGEST_ROLE:
        return readable
    digest = hashlib.sha256(f"{database}:{username.casefold()}".encode()).hexdigest()
    return ROLE_PREFIX + digest[:20]


#: :func:`role_name` in SQL, for this database (usernames reach it casefolded, and hold no
#: ":", so no two schools' logins share a name): the one place the server names a login.
_ROLE_NAME_SQL = f"""
    CREATE OR REPLACE FUNCTION sencodesk_role_name(p_username text) RETURNS text
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
      SELECT CASE WHEN octet_length(r) <= {LONGEST_ROLE} THEN r
             ELSE '{ROLE_PREFIX}' || left(encode(sha256(convert_to(
                  current_database() || ':' || p_username, 'UTF8')), 'hex'), 20) END
        FROM (SELECT '{ROLE_PREFIX}' || current_database() || ':' || p_username AS r) n
    $$"""
#: What a login made for ``p_username`` at this school says of itself (COMMENT ON ROLE): a
#: role of the right name that does not say so is not this school's, and is never changed.
_ROLE_MARK_SQL = """
    CREATE OR REPLACE FUNCTION sencodesk_role_mark(p_username text) RETURNS text
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
      SELECT 'sencodesk: ' || p_username || ' at ' || current_database()
    $$"""
#: Logins named before a server held many schools (sd:<username>) take their new names; a
#: SCRAM password does not depend on the name, so it survives the renaming.
_RENAME_OLD_LOGINS = f"""
    DO $$ DECLARE k record; v text; BEGIN
      FOR k IN SELECT username, role_name FROM keyslot
               WHERE role_name = '{ROLE_PREFIX}' || username LOOP
        v := sencodesk_role_name(k.username);
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = k.role_name)
           AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = v) THEN
          EXECUTE format('ALTER ROLE %I RENAME TO %I', k.role_name, v);
          EXECUTE format('COMMENT ON ROLE %I IS %L', v, sencodesk_role_mark(k.username));
          UPDATE keyslot SET role_name = v WHERE username = k.username;
        END IF;
      END LOOP;
    END $$"""
#: Only this school's own logins (and the owner) may connect to its database: CONNECT is
#: taken from PUBLIC and from any other sencodesk login (a restored copy's slots still name
#: the original school's), and given to each account's login of this school.
_OWN_LOGINS_ONLY = f"""
    DO $$ DECLARE r text; BEGIN
      EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
      FOR r IN SELECT a.rolname FROM pg_database d, aclexplode(d.datacl) x
               JOIN pg_roles a ON a.oid = x.grantee
               WHERE d.datname = current_database() AND x.privilege_type = 'CONNECT'
                 AND starts_with(a.rolname, '{ROLE_PREFIX}')
                 AND a.rolname NOT IN (SELECT k.role_name FROM keyslot k
                                       WHERE k.role_name = sencodesk_role_name(k.username)) LOOP
        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), r);
      END LOOP;
      FOR r IN SELECT k.role_name FROM keyslot k JOIN pg_roles g ON g.rolname = k.role_name
               WHERE k.role_name = sencodesk_role_name(k.username) LOOP
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), r);
      END LOOP;
    END $$"""


def secure_slots(connection: Connection, staff_role: str) -> None:
    """Row-level security on the slots and the two functions that write them."""
    may_manage = ", ".join(f"'{role}'" for role in MANAGERS)
    for statement in (
        _ROLE_NAME_SQL,
        _ROLE_MARK_SQL,
        _RENAME_OLD_LOGINS,
        _OWN_LOGINS_ONLY,
        f"REVOKE ALL ON keyslot FROM {staff_role}",
        f"GRANT SELECT ON keyslot TO {staff_role}",
        "ALTER TABLE keyslot ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS own_slot ON keyslot",
        "CREATE POLICY own_slot ON keyslot FOR SELECT USING (role_name = session_user)",
        f"""CREATE OR REPLACE FUNCTION sencodesk_may_set_slot(p_username text)
            RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
              SELECT NOT EXISTS (SELECT 1 FROM pg_auth_members m
                                 JOIN pg_roles g ON g.oid = m.roleid
                                 JOIN pg_roles u ON u.oid = m.member
                                 WHERE g.rolname = '{staff_role}' AND u.rolname = session_user)
                 OR EXISTS (SELECT 1 FROM keyslot k JOIN staffmember s
                            ON s.username = k.username
                            WHERE k.role_name = session_user AND s.active
                              AND (s.role IN ({may_manage}) OR k.username = p_username))
            $$""",
        f"""CREATE OR REPLACE FUNCTION sencodesk_set_slot(p_username text, p_verifier text,
                                                         p_slot text)
            RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
            DECLARE
              v_role text := sencodesk_role_name(p_username);
            BEGIN
              IF NOT sencodesk_may_set_slot(p_username) THEN
                RAISE EXCEPTION 'may not set this key slot' USING ERRCODE = '42501';
              END IF;
              IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
                IF shobj_description((SELECT oid FROM pg_roles WHERE rolname = v_role),
                                     'pg_authid') IS DISTINCT FROM
                   sencodesk_role_mark(p_username) THEN
                  RAISE EXCEPTION 'login % is not this school''s', v_role
                    USING ERRCODE = '42501';
                END IF;
                EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', v_role, p_verifier);
              ELSE
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE {staff_role}',
                               v_role, p_verifier);
                EXECUTE format('COMMENT ON ROLE %I IS %L', v_role,
                               sencodesk_role_mark(p_username));
              END IF;
              EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), v_role);
              INSERT INTO keyslot (username, role_name, slot)
                VALUES (p_username, v_role, p_slot)
                ON CONFLICT (username) DO UPDATE SET slot = EXCLUDED.slot,
                                                     role_name = EXCLUDED.role_name;
            END $$""",
        """CREATE OR REPLACE FUNCTION sencodesk_drop_slot(p_username text)
            RETURNS void LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
            DECLARE
              v_role text := sencodesk_role_name(p_username);
            BEGIN
              IF NOT sencodesk_may_set_slot(p_username) THEN
                RAISE EXCEPTION 'may not withdraw this key slot' USING ERRCODE = '42501';
              END IF;
              DELETE FROM keyslot WHERE username = p_username;
              IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
                EXECUTE format('ALTER ROLE %I NOLOGIN', v_role);
              END IF;
            END $$""",
        "REVOKE ALL ON FUNCTION sencodesk_may_set_slot(text) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION sencodesk_role_name(text) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION sencodesk_role_mark(text) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION sencodesk_set_slot(text, text, text) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION sencodesk_drop_slot(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION sencodesk_set_slot(text, text, text) TO {staff_role}",
        f"GRANT EXECUTE ON FUNCTION sencodesk_drop_slot(text) TO {staff_role}",
    ):
        connection.execute(text(statement))


def scram_verifier(engine: Engine, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``role``, worked out by libpq on this
    computer (the server stores only this)."""
    raw = engine.raw_connection()
    try:
        pgconn = raw.driver_connection.pgconn  # type: ignore[union-attr]
        verifier: bytes = pgconn.encrypt_password(password.encode(), role.encode(),
                                                  b"scram-sha-256")
        return verifier.decode()
    finally:
        raw.close()


def own_slot(connection: Connection, username: str) -> keyslots.Slot | None:
    """The signed-in login's own slot (row-level security hides every other)."""
    found = connection.execute(select(col(KeySlot.slot)).where(
        col(KeySlot.username) == username.casefold())).scalar_one_or_none()
    return keyslots.slot_from_text(found) if found is not None else None


class TableHome:
    """Key slots and attached files in the server's tables."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def files(self, key: bytes) -> SealedFiles:
        return TableFiles(self._engine, key)

    def add_slot(self, slot: keyslots.Slot, password: str) -> None:
        database = self._engine.url.database or ""
        verifier = scram_verifier(self._engine, role_name(database, slot.username), password)
        with self._engine.begin() as connection:
            connection.execute(text("SELECT sencodesk_set_slot(:username, :verifier, :slot)"),
                               {"username": slot.username.casefold(), "verifier": verifier,
                                "slot": keyslots.slot_text(slot)})

    def remove_slot(self, username: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(text("SELECT sencodesk_drop_slot(:username)"),
                               {"username": username.casefold()})

    def unlock(self, username: str, password: str, *,
               sleep: Callable[[float], None] = time.sleep) -> tuple[bytes, bytes | None]:
        """The server itself slows down guessing (its login attempts): no wait here."""
        with self._engine.connect() as connection:
            return unlock_keys(connection, username, password)

    def holds_confidential(self) -> bool:
        """A school's server is always made with the confidential-documents key."""
        return True


def unlock_keys(connection: Connection, username: str, password: str,
                ) -> tuple[bytes, bytes | None]:
    """At sign-in, over ``connection`` made as the person's login role: the keys their slot
    opens with ``password``."""
    slot = own_slot(connection, username)
    opened = keyslots.open_slot(slot, password) if slot and password else None
    if opened is None:
        raise AuthenticationFailed(NO_MATCH)
    return opened
