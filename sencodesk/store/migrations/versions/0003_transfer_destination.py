"""EHC plans record the pupil's next-phase destination

The phase transfer date depends on where the pupil goes (Reg 18(1)): 15 February for a school
phase, 31 March for a college or other post-16 institution, none for a Year 11 pupil staying in
the school's own sixth form. Existing plans have no destination recorded (NULL), which the clock
shows as "destination not recorded".

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ehcplan") as batch:
        batch.add_column(sa.Column("transfer_destination", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ehcplan") as batch:
        batch.drop_column("transfer_destination")
