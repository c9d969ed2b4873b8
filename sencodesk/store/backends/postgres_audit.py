"""The audit chain's head on a school's server, for staff who may not read the trail.

Every member of staff appends to the audit trail, and an entry's hash covers the hash of the
one before, so each append reads the chain's head. Reading the trail itself needs the
permission that reads or verifies it (row-level security, from ``postgres_policies.RULES``):
its summaries name pupils. The head is read instead through an owner-run function that
returns only the newest entry's number and hash (SECURITY DEFINER, search_path pinned),
which only the staff group may call.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlmodel import Session

HEAD_FUNCTION = "sencodesk_audit_head()"


def install_head(connection: Connection, staff_role: str) -> None:
    """Make (again, after each upgrade) the function that reads the chain's head."""
    connection.execute(text(f"""
        CREATE OR REPLACE FUNCTION {HEAD_FUNCTION} RETURNS TABLE (id integer, hash text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
          SELECT e.id, e.hash::text FROM auditevent e ORDER BY e.id DESC LIMIT 1
        $$"""))
    connection.execute(text(f"REVOKE ALL ON FUNCTION {HEAD_FUNCTION} FROM PUBLIC"))
    connection.execute(text(f"GRANT EXECUTE ON FUNCTION {HEAD_FUNCTION} TO {staff_role}"))


def head(session: Session) -> tuple[int, str] | None:
    """The newest entry's number and hash; None when the trail is empty."""
    row = session.execute(text(f"SELECT id, hash FROM {HEAD_FUNCTION}")).first()
    return (int(row[0]), str(row[1])) if row else None
