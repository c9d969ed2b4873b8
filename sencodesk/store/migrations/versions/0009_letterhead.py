"""The school's letterhead (postal address and logo) and the SEN information report's sections

Existing schools get an empty address and no logo; letters then print the school's name alone
until the SENCO fills them in under Settings. The information report's narrative sections are
kept from year to year, one row per Schedule 1 heading.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-02 03:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("address", sa.String(length=400), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))
    op.create_table(
        "inforeportsection",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("text", sa.String(length=8000), nullable=False),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("inforeportsection")
    with op.batch_alter_table("school") as batch:
        batch.drop_column("logo")
        batch.drop_column("address")
