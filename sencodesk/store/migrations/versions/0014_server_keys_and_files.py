"""key slots and attached files in the database, for a case file on a server

On a school's PostgreSQL server there is no folder beside the case file: each account's key
slot, and each attached file (sealed with the school's key as in the folder), is a row. A case
file on one computer keeps using its key file and documents folder; these tables stay empty.

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "keyslot",
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("slot", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
        sa.UniqueConstraint("role_name"),
    )
    op.create_table(
        "storedfile",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("storedfile")
    op.drop_table("keyslot")
