"""outcome-provision links, passport contacts, leavers' destinations

Impact is credited to an intervention only for the outcomes it is meant to achieve, so each
outcome is linked to the provisions of its plan (existing plans start with none: nothing is
credited until a SENCO links them). Passports name how to reach the SENCO and show a parent's
contact only if the school chooses to. A leaver records the school they went to and the day
their SEN file was sent there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 02:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outcomeprovisionlink",
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("provision_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["outcome_id"], ["cycleoutcome.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["provision_id"], ["cycleprovision.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("outcome_id", "provision_id"),
    )
    with op.batch_alter_table("outcomeprovisionlink", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcomeprovisionlink_provision_id"),
                              ["provision_id"], unique=False)
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.add_column(sa.Column("senco_contact", sa.String(length=200), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("passport_parent_contact", sa.String(length=20),
                                      nullable=False, server_default="none"))
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.add_column(sa.Column("destination", sa.String(length=200), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("file_sent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.drop_column("file_sent_on")
        batch_op.drop_column("destination")
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.drop_column("passport_parent_contact")
        batch_op.drop_column("senco_contact")
    with op.batch_alter_table("outcomeprovisionlink", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomeprovisionlink_provision_id"))
    op.drop_table("outcomeprovisionlink")
