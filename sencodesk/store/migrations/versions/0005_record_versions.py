"""a version number on each pupil's details

A form saved over a change made after it was opened silently undid that change. Each pupil row
now carries a number that goes up at every change; a save that opened an older number is
refused. Existing rows start at 1.

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-02 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pupil") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("pupil") as batch:
        batch.drop_column("version")
