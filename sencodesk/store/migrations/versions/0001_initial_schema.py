"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 14:08:13.819559
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "auditevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("pupil_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("changes_json", sa.String(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auditevent_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_auditevent_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "intervention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("staff_grade", sa.String(length=60), nullable=False),
        sa.Column("hourly_cost_pence", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "pupil",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upn", sa.String(length=13), nullable=False),
        sa.Column("legal_surname", sa.String(length=100), nullable=False),
        sa.Column("legal_forename", sa.String(length=100), nullable=False),
        sa.Column("preferred_surname", sa.String(length=100), nullable=False),
        sa.Column("preferred_forename", sa.String(length=100), nullable=False),
        sa.Column("dob", sa.Date(), nullable=False),
        sa.Column("year_group", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("gender", sa.String(length=20), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("photo_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pupil_form"), ["form"], unique=False)
        batch_op.create_index(batch_op.f("ix_pupil_legal_surname"), ["legal_surname"], unique=False)
        batch_op.create_index(batch_op.f("ix_pupil_upn"), ["upn"], unique=True)
        batch_op.create_index(batch_op.f("ix_pupil_year_group"), ["year_group"], unique=False)

    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("urn", sa.String(length=10), nullable=False),
        sa.Column("local_authority", sa.String(length=120), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("notional_sen_budget_pence", sa.Integer(), nullable=False),
        sa.Column("autolock_minutes", sa.Integer(), nullable=False),
        sa.Column("lead_times_json", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "staffmember",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("job_title", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "termdate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("academic_year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("termdate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_termdate_academic_year"), ["academic_year"], unique=False
        )

    op.create_table(
        "agency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "apdrcycle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("assess_notes", sa.String(), nullable=False),
        sa.Column("areas_of_need", sa.String(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("next_steps", sa.String(), nullable=False),
        sa.Column("pupil_voice", sa.String(), nullable=False),
        sa.Column("parent_voice", sa.String(), nullable=False),
        sa.Column("attendees", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["apdrcycle.id"],
        ),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("apdrcycle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_apdrcycle_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "contactlogentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("with_whom", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.String(length=4000), nullable=False),
        sa.Column("actions", sa.String(length=2000), nullable=False),
        sa.Column("is_parent_meeting", sa.Boolean(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["staffmember.id"],
        ),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contactlogentry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contactlogentry_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["staffmember.id"],
        ),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_pupil_id"), ["pupil_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)

    op.create_table(
        "ehcprequest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=120), nullable=False),
        sa.Column("local_authority", sa.String(length=120), nullable=False),
        sa.Column("draft_served_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ehcprequest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ehcprequest_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "needperiod",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("need", sa.String(length=4), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("needperiod", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needperiod_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "parentcarer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("relationship", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parentcarer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parentcarer_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "passportversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("about_me", sa.String(), nullable=False),
        sa.Column("important_to_me", sa.String(), nullable=False),
        sa.Column("find_difficult", sa.String(), nullable=False),
        sa.Column("support_me", sa.String(), nullable=False),
        sa.Column("help_myself", sa.String(), nullable=False),
        sa.Column("current_provision", sa.String(), nullable=False),
        sa.Column("key_information", sa.String(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["staffmember.id"],
        ),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pupil_id", "version"),
    )
    with op.batch_alter_table("passportversion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_passportversion_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "statusperiod",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statusperiod", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statusperiod_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "cycleoutcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("success_criteria", sa.String(length=1000), nullable=False),
        sa.Column("progress", sa.String(length=12), nullable=True),
        sa.ForeignKeyConstraint(["cycle_id"], ["apdrcycle.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cycleoutcome", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycleoutcome_cycle_id"), ["cycle_id"], unique=False)

    op.create_table(
        "cycleprovision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("intervention_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("delivered_by", sa.String(length=120), nullable=False),
        sa.Column("group_size", sa.Integer(), nullable=False),
        sa.Column("minutes_per_session", sa.Integer(), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("cost_pence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["apdrcycle.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["intervention_id"],
            ["intervention.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cycleprovision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycleprovision_cycle_id"), ["cycle_id"], unique=False)

    op.create_table(
        "ehcpadvice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["ehcprequest.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ehcpadvice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ehcpadvice_request_id"), ["request_id"], unique=False)

    op.create_table(
        "ehcpexception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("regulation", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("milestone_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["ehcprequest.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ehcpexception", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ehcpexception_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "ehcplan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("local_authority", sa.String(length=120), nullable=False),
        sa.Column("sections_summary", sa.String(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=True),
        sa.Column("ceased_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["ehcprequest.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ehcplan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ehcplan_pupil_id"), ["pupil_id"], unique=False)

    op.create_table(
        "ehcpmilestonedone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("milestone_id", sa.String(length=40), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["ehcprequest.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id", "milestone_id"),
    )
    with op.batch_alter_table("ehcpmilestonedone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ehcpmilestonedone_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "annualreview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=False),
        sa.Column("invitations_sent_on", sa.Date(), nullable=True),
        sa.Column("advice_circulated_on", sa.Date(), nullable=True),
        sa.Column("report_sent_on", sa.Date(), nullable=True),
        sa.Column("la_decision", sa.String(length=10), nullable=True),
        sa.Column("la_decision_on", sa.Date(), nullable=True),
        sa.Column("amendments_proposed_on", sa.Date(), nullable=True),
        sa.Column("amended_plan_issued_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["ehcplan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("annualreview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annualreview_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("annualreview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_annualreview_plan_id"))

    op.drop_table("annualreview")
    with op.batch_alter_table("ehcpmilestonedone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ehcpmilestonedone_request_id"))

    op.drop_table("ehcpmilestonedone")
    with op.batch_alter_table("ehcplan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ehcplan_pupil_id"))

    op.drop_table("ehcplan")
    with op.batch_alter_table("ehcpexception", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ehcpexception_request_id"))

    op.drop_table("ehcpexception")
    with op.batch_alter_table("ehcpadvice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ehcpadvice_request_id"))

    op.drop_table("ehcpadvice")
    with op.batch_alter_table("cycleprovision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycleprovision_cycle_id"))

    op.drop_table("cycleprovision")
    with op.batch_alter_table("cycleoutcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycleoutcome_cycle_id"))

    op.drop_table("cycleoutcome")
    with op.batch_alter_table("statusperiod", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statusperiod_pupil_id"))

    op.drop_table("statusperiod")
    with op.batch_alter_table("passportversion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_passportversion_pupil_id"))

    op.drop_table("passportversion")
    with op.batch_alter_table("parentcarer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parentcarer_pupil_id"))

    op.drop_table("parentcarer")
    with op.batch_alter_table("needperiod", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needperiod_pupil_id"))

    op.drop_table("needperiod")
    with op.batch_alter_table("ehcprequest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ehcprequest_pupil_id"))

    op.drop_table("ehcprequest")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_pupil_id"))

    op.drop_table("document")
    with op.batch_alter_table("contactlogentry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contactlogentry_pupil_id"))

    op.drop_table("contactlogentry")
    with op.batch_alter_table("apdrcycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_apdrcycle_pupil_id"))

    op.drop_table("apdrcycle")
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_pupil_id"))

    op.drop_table("agency")
    with op.batch_alter_table("termdate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_termdate_academic_year"))

    op.drop_table("termdate")
    op.drop_table("staffmember")
    op.drop_table("school")
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pupil_year_group"))
        batch_op.drop_index(batch_op.f("ix_pupil_upn"))
        batch_op.drop_index(batch_op.f("ix_pupil_legal_surname"))
        batch_op.drop_index(batch_op.f("ix_pupil_form"))

    op.drop_table("pupil")
    op.drop_table("intervention")
    with op.batch_alter_table("auditevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auditevent_pupil_id"))
        batch_op.drop_index(batch_op.f("ix_auditevent_action"))

    op.drop_table("auditevent")
