"""a support cycle has at most one next cycle

Starting the next cycle twice (a double click) made two. Where that has happened already,
the later duplicates stop pointing back (they are kept, as cycles of their own), then a unique
index holds the rule.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-02 03:00:00
"""

from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE apdrcycle SET previous_id = NULL WHERE previous_id IS NOT NULL AND id NOT IN "
        "(SELECT min(id) FROM apdrcycle WHERE previous_id IS NOT NULL GROUP BY previous_id)")
    with op.batch_alter_table("apdrcycle", schema=None) as batch_op:
        batch_op.create_index("ix_apdrcycle_previous_id", ["previous_id"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("apdrcycle", schema=None) as batch_op:
        batch_op.drop_index("ix_apdrcycle_previous_id")
