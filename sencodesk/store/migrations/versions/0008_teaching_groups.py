"""teaching groups, pupils shared by name, staff MIS codes, contact notes for teachers

A Teacher now reads only the pupils they teach. Teaching groups (a primary class is one too)
hold who teaches whom and the dated periods each pupil is in a group; a SENCO can share a pupil
with a member of staff by name until an end date. Staff carry the MIS's staff code so a
class-list import can name them, and a contact-log note can be marked for the staff who teach
the pupil (existing notes are not: teachers then read only their own).

Revision ID: 0008
Revises: 0010
Create Date: 2026-12-02 03:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0010"
branch_labels = None
depends_on = None


def _indexed(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "teachinggroup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "groupteacher",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["teachinggroup.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staffmember.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexed("groupteacher", "group_id", "staff_id")
    op.create_table(
        "groupmember",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["teachinggroup.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexed("groupmember", "group_id", "pupil_id")
    op.create_table(
        "pupilshare",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staffmember.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexed("pupilshare", "pupil_id", "staff_id")
    with op.batch_alter_table("staffmember", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mis_code", sa.String(length=20), nullable=False,
                                      server_default=""))
    with op.batch_alter_table("contactlogentry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("for_teachers", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("contactlogentry", schema=None) as batch_op:
        batch_op.drop_column("for_teachers")
    with op.batch_alter_table("staffmember", schema=None) as batch_op:
        batch_op.drop_column("mis_code")
    for table in ("pupilshare", "groupmember", "groupteacher", "teachinggroup"):
        op.drop_table(table)
