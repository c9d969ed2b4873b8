"""passport prints: who printed which version of a pupil's passport, and when

A teacher who printed a passport is shown, in My pupils and on the next print, which sections
changed since. Each print records the member of staff, the passport version and a hash of its
content. Existing case files start with no prints (nothing is marked until a first print).

Revision ID: 0011
Revises: 0015
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passportprint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staffmember.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("passportprint", schema=None) as batch_op:
        for column in ("pupil_id", "staff_id"):
            batch_op.create_index(batch_op.f(f"ix_passportprint_{column}"), [column],
                                  unique=False)


def downgrade() -> None:
    op.drop_table("passportprint")
