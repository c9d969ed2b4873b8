"""a version number on every record a form edits

Only a pupil's details (0005) and the passport carried a version: two people editing the same
support plan, EHC plan, annual review, EHC request, intervention, teaching group, information
report section or the school's settings at once silently lost the first save. Each of these
rows now carries a number that goes up at every change, and a save that opened an older number
is refused. Existing rows start at 1. Plain add_column in batch mode: no SQLite-only SQL.

Revision ID: 0015
Revises: 0008
Create Date: 2026-12-02 04:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("apdrcycle", "ehcprequest", "ehcplan", "annualreview", "intervention", "school",
          "teachinggroup", "inforeportsection")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
