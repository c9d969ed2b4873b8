from __future__ import annotations

from datetime import date

from sqlalchemy import event
from sqlmodel import Field, SQLModel


class Pupil(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    upn: str = Field(max_length=13, unique=True, index=True)
    legal_surname: str = Field(max_length=100, index=True)
    legal_forename: str = Field(max_length=100)
    preferred_surname: str = Field(default="", max_length=100)
    preferred_forename: str = Field(default="", max_length=100)
    dob: date
    year_group: int = Field(index=True)
    form: str = Field(default="", max_length=20, index=True)
    gender: str = Field(default="", max_length=20)
    joined_on: date | None = None
    left_on: date | None = None
    #: The school a leaver went to, and the day their SEN file was sent there.
    destination: str = Field(default="", max_length=200)
    file_sent_on: date | None = None
    #: Content hash of the photo in the encrypted document store.
    photo_sha256: str | None = Field(default=None, max_length=64)
    #: One more at every change (store.tables.pupil._next_version): a form saved over a newer
    #: change than the one it opened is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})



@event.listens_for(Pupil, "before_update")
def _next_version(_mapper: object, _connection: object, target: Pupil) -> None:
    target.version = (target.version or 0) + 1

class ParentCarer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    relationship: str = Field(default="", max_length=60)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    parental_responsibility: bool = True


class Agency(SQLModel, table=True):
    """An outside agency involved with a pupil (EP, SALT, CAMHS, OT, social care...)."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    contact: str = Field(default="", max_length=200)
    started_on: date | None = None
    ended_on: date | None = None


class ContactLogEntry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    occurred_on: date
    kind: str = Field(max_length=40)  # parent meeting, agency, phone call, observation
    with_whom: str = Field(default="", max_length=200)
    summary: str = Field(max_length=4000)
    actions: str = Field(default="", max_length=2000)
    is_parent_meeting: bool = False
    author_id: int | None = Field(default=None, foreign_key="staffmember.id")
    #: Readable by the staff who teach this pupil; otherwise a Teacher reads only their own.
    for_teachers: bool = False
