"""sessions delivered of each provision in a support plan

The review records how many sessions of each provision were delivered, so the provision map
can set them against the sessions planned (sessions a week x weeks). Plans reviewed before
this have none recorded (NULL), which the map shows as not recorded rather than as none.

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-02 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cycleprovision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sessions_delivered", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cycleprovision", schema=None) as batch_op:
        batch_op.drop_column("sessions_delivered")
