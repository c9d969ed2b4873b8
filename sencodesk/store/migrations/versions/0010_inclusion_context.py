"""inclusion context: attendance per term, suspensions and exclusions, part-time timetables,
pupil flags; assessment scores and provisions' entry and exit measures

Inspectors ask how pupils with SEND attend, how often they are suspended or excluded, whether
any are on part-time timetables and how disadvantaged pupils with SEND are doing. These tables
hold what the MIS knows of it, per pupil. Test scores, and a provision's measures before and
after, show whether an intervention worked. Existing pupils and provisions start with none.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 03:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _pupil_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE")


def _index_pupil(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_pupil_id"), ["pupil_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "attendanceterm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("academic_year", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=6), nullable=False),
        sa.Column("possible", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=False),
        sa.Column("authorised", sa.Integer(), nullable=False),
        sa.Column("unauthorised", sa.Integer(), nullable=False),
        _pupil_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pupil_id", "academic_year", "term"),
    )
    _index_pupil("attendanceterm")
    op.create_table(
        "exclusion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("days", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(length=2), nullable=False),
        _pupil_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pupil_id", "starts_on", "kind"),
    )
    _index_pupil("exclusion")
    op.create_table(
        "parttimetimetable",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        _pupil_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    _index_pupil("parttimetimetable")
    op.create_table(
        "pupilcontext",
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Boolean(), nullable=False) for name in (
            "pupil_premium", "fsm", "looked_after", "previously_looked_after", "eal",
            "child_in_need", "child_protection")),
        _pupil_fk(),
        sa.PrimaryKeyConstraint("pupil_id"),
    )


    op.create_table(
        "assessmentscore",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("test_name", sa.String(length=120), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("assessor", sa.String(length=120), nullable=False),
        _pupil_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    _index_pupil("assessmentscore")
    op.create_table(
        "provisionmeasure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("intervention_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=14), nullable=False),
        sa.Column("test_name", sa.String(length=120), nullable=False),
        sa.Column("entry_value", sa.Float(), nullable=False),
        sa.Column("entry_on", sa.Date(), nullable=False),
        sa.Column("exit_value", sa.Float(), nullable=True),
        sa.Column("exit_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["cycle_id"], ["apdrcycle.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["intervention_id"], ["intervention.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cycle_id", "intervention_id", "kind"),
    )
    with op.batch_alter_table("provisionmeasure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provisionmeasure_cycle_id"), ["cycle_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("provisionmeasure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provisionmeasure_cycle_id"))
    op.drop_table("provisionmeasure")
    with op.batch_alter_table("assessmentscore", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessmentscore_pupil_id"))
    op.drop_table("assessmentscore")
    op.drop_table("pupilcontext")
    for table in ("parttimetimetable", "exclusion", "attendanceterm"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_pupil_id"))
        op.drop_table(table)
