from __future__ import annotations

from datetime import date

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel


class School(SQLModel, table=True):
    """The one school this case file belongs to, and its settings that travel with the data."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    urn: str = Field(default="", max_length=10)
    local_authority: str = Field(default="", max_length=120)
    phase: str = Field(default="secondary", max_length=20)
    notional_sen_budget_pence: int = 0
    autolock_minutes: int = 10
    #: JSON object of the school's own reminder lead times in days, e.g. {"request_reports": 56}.
    lead_times_json: str = "{}"
    #: How class and supply staff reach the SENCO, printed on every passport.
    senco_contact: str = Field(default="", max_length=200)
    #: Which parent/carer contact a passport shows: "none", "name" or "name and phone".
    passport_parent_contact: str = Field(default="none", max_length=20)
    #: The postal address printed under the name on letters to parents (one line per line).
    address: str = Field(default="", max_length=400)
    #: The school's logo (PNG or JPEG) for the letterhead.
    logo: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class InfoReportSection(SQLModel, table=True):
    """A narrative section of the SEN information report as the school last wrote it, kept
    from year to year (the figures are drawn fresh from the case file each time)."""

    key: str = Field(primary_key=True, max_length=40)
    text: str = Field(default="", max_length=8000)
    updated_on: date | None = None
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class TermDate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    academic_year: int = Field(index=True)  # the September it starts in
    name: str = Field(max_length=40)  # "Autumn", "Spring", "Summer"
    starts_on: date
    ends_on: date


class StaffMember(SQLModel, table=True):
    """Anyone named in the case file. Those with a username and role can sign in."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    job_title: str = Field(default="", max_length=80)
    email: str = Field(default="", max_length=200)
    username: str | None = Field(default=None, max_length=60, unique=True)
    role: str | None = Field(default=None, max_length=20)
    #: The MIS's staff code (e.g. "JSM"), so a class-list import can name the teacher.
    mis_code: str = Field(default="", max_length=20)
    active: bool = True
