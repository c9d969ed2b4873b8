"""A computed deadline and how it stands today."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sencodesk.domain.clock.rules import Kind, Owner, rule_for

#: A milestone this close (in days) is "due soon".
DUE_SOON_DAYS = 14


class MilestoneStatus(StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    DONE_ON_TIME = "done on time"
    DONE_LATE = "done late"
    EXCEPTION = "exception recorded"


@dataclass(frozen=True)
class RecordedException:
    """An exception to the EHC time limits (Reg 5(4), Reg 8(2), Reg 10(4)(a)-(d), Reg 13(3)).

    ``milestone_id`` None means it covers every time-limited milestone of the request.
    """

    regulation: str
    reason: str
    start: date
    end: date | None
    milestone_id: str | None = None


@dataclass(frozen=True)
class Milestone:
    id: str
    label: str
    due: date
    rule: str
    status: MilestoneStatus
    done_on: date | None = None
    note: str = ""
    #: Whose duty it is and whether it is a statutory limit or a practice target (rules.py).
    owner: Owner = Owner.SCHOOL
    kind: Kind = Kind.STATUTORY

    @property
    def is_practice(self) -> bool:
        return self.kind is Kind.PRACTICE

    def to_json(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "label": self.label,
            "due": self.due.isoformat(),
            "rule": self.rule,
            "status": self.status.value,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "note": self.note,
            "owner": self.owner.value,
            "kind": self.kind.value,
        }


def status_of(due: date, *, today: date, done_on: date | None = None,
              excused: bool = False) -> MilestoneStatus:
    """Done on time or late if done; else an excused lateness shows as an exception, not a
    breach; else overdue, due soon or upcoming."""
    if done_on is not None:
        if done_on <= due:
            return MilestoneStatus.DONE_ON_TIME
        return MilestoneStatus.EXCEPTION if excused else MilestoneStatus.DONE_LATE
    if today > due:
        return MilestoneStatus.EXCEPTION if excused else MilestoneStatus.OVERDUE
    if today >= due - timedelta(days=DUE_SOON_DAYS):
        return MilestoneStatus.DUE_SOON
    return MilestoneStatus.UPCOMING


#: Milestones that are the end of a window given to the family, not an action anyone owes:
#: once the day has passed, the window has simply closed.
WINDOWS = frozenset({"draft_comments_end", "amendment_comments_end"})


def make(
    milestone_id: str, label: str, due: date, rule: str, *, today: date,
    done_on: date | None = None, exceptions: Sequence[RecordedException] = (),
    note: str = "",
) -> Milestone:
    """A milestone with its status. An exception counts if it began on or before the due date
    (the circumstance made the limit impractical) and covers this milestone."""
    if milestone_id in WINDOWS and done_on is None and today > due:
        done_on, note = due, note or "the window has closed"
    excuse = next((e for e in exceptions if e.start <= due), None)
    status = status_of(due, today=today, done_on=done_on, excused=excuse is not None)
    if status is MilestoneStatus.EXCEPTION and excuse is not None:
        note = f"exception recorded: {excuse.reason} ({excuse.regulation})"
    ruled = rule_for(milestone_id)
    return Milestone(milestone_id, label, due, rule, status, done_on, note, ruled.owner,
                     ruled.kind)


class Look(StrEnum):
    """How a milestone is drawn everywhere (Due view, timelines, PDFs): a statutory limit, a
    practice target or reminder (never in the colour of a breach), or done."""

    STATUTORY = "statutory"
    PRACTICE = "practice"
    DONE = "done"


_DONE_STATUSES = frozenset({MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE})


def look_of(milestone: Milestone) -> Look:
    if milestone.status in _DONE_STATUSES:
        return Look.DONE
    return Look.PRACTICE if milestone.is_practice else Look.STATUTORY


def status_text(milestone: Milestone) -> str:
    """The status in words; a practice target that has passed is not "overdue", nor one met
    after its day "late"."""
    if milestone.is_practice and milestone.status is MilestoneStatus.OVERDUE:
        return "target passed"
    if milestone.is_practice and milestone.status is MilestoneStatus.DONE_LATE:
        return "done after the target"
    return milestone.status.value


#: Short names for whose duty a milestone is, for columns and headlines.
OWNER_SHORT = {Owner.SCHOOL: "School", Owner.LA: "LA", Owner.FAMILY: "Family",
               Owner.ADVISERS: "Advisers"}
