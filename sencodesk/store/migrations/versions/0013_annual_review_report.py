"""the school's report of an annual review meeting

A review of an EHC plan now keeps the report the school drafts after the meeting (progress on
each outcome, provision delivered against the plan, views, recommended amendments), one per
review, so it can be edited and printed again. Existing reviews have none until one is written.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "annualreviewreport",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(["review_id"], ["annualreview.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("review_id"),
    )


def downgrade() -> None:
    op.drop_table("annualreviewreport")
