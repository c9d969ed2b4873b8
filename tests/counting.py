"""Counting what a service does to the database: transactions begun on the engine and audit
rows written, so a test can hold a use case to one unit of work."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, func
from sqlmodel import select

from sencodesk.services.context import Desk
from sencodesk.store.tables import AuditEvent


@contextlib.contextmanager
def transactions(desk: Desk) -> Iterator[list[int]]:
    """Counts the transactions begun on the desk's engine while the block runs."""
    begun: list[int] = []

    def count(_connection: Any) -> None:
        begun.append(1)

    event.listen(desk.db.engine, "begin", count)
    try:
        yield begun
    finally:
        event.remove(desk.db.engine, "begin", count)


def audit_rows(desk: Desk) -> int:
    with desk.db.transaction() as session:
        return session.exec(select(func.count()).select_from(AuditEvent)).one()
