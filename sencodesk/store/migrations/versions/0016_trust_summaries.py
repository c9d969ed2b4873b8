"""the school's summaries shared with its trust

A school's summary for its trust (counts only: no pupil named) is kept each time the school
shares it. On a trust's server the trust's own login reads these rows, and nothing else of the
school's; a case file on one computer sends its summary as a file, and keeps no rows here.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-02 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trustsummary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shared_by", sa.String(length=60), nullable=False),
        sa.Column("summary_json", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("trustsummary")
