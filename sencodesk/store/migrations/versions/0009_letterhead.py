"""The school's letterhead: postal address and logo, printed on letters to parents

Existing schools get an empty address and no logo; letters then print the school's name alone
until the SENCO fills them in under Settings.

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


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_column("logo")
        batch.drop_column("address")
