"""Alembic environment: always runs on the connection sencodesk hands it (already unlocked)."""

from alembic import context
from sqlmodel import SQLModel

import sencodesk.store.tables  # noqa: F401  (registers the tables)
from sencodesk.store import backends

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("sencodesk migrations run only through sencodesk.store.migrations")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=backends.of(connection).render_as_batch,
    transaction_per_migration=True,
)
with context.begin_transaction():
    # in the same transaction as the migrations and the policies made again after them
    backends.of(connection).before_migrations(connection)
    context.run_migrations()
