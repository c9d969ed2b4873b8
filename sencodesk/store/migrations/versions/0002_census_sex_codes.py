"""pupils' sex as the school census codes

Forms, imports and the demo school stored whatever was typed ("Male", "girl"); transfer files
and the census need M or F. Values that are clearly one of them become M or F, "not known"
becomes blank, anything else is left for the SENCO to correct.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for code, words in (("M", "'m', 'male', 'boy'"), ("F", "'f', 'female', 'girl'"),
                        ("", "'u', 'unknown', 'not known'")):
        op.execute(f"UPDATE pupil SET gender = '{code}' "
                   f"WHERE lower(trim(gender)) IN ({words})")


def downgrade() -> None:
    """The words typed before cannot be recovered; M and F are valid in every version."""
