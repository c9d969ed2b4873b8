"""Teaching groups: who teaches whom, and when. A primary class is a teaching group too.

Membership is a dated period, so a pupil who changes set or leaves drops out of a teacher's
view on the day it happens while the history stays.
"""

from datetime import date

from sqlmodel import Field, SQLModel


class TeachingGroup(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)  # as the MIS names it: "8X/Ma1", "Oak"
    subject: str = Field(default="", max_length=80)
    starts_on: date | None = None
    ends_on: date | None = None
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class GroupTeacher(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="teachinggroup.id", index=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")


class GroupMember(SQLModel, table=True):
    """A pupil in a group from ``starts_on`` to ``ends_on`` (the last day, inclusive)."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="teachinggroup.id", index=True, ondelete="CASCADE")
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    starts_on: date
    ends_on: date | None = None


class PupilShare(SQLModel, table=True):
    """A pupil the SENCO shares by name with a member of staff who does not teach them, until
    ``ends_on`` (the last day, inclusive)."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    starts_on: date
    ends_on: date
