"""The paperwork of an EHC plan's annual review, held at the school: who must be invited, the
dates each paper is due, and what the report of the meeting holds.

Checked against the text of the SEND Regulations 2014 (S.I. 2014/1530) on legislation.gov.uk:
Reg 19(a) (the LA consults the child and the parent or young person and takes account of their
views, wishes and feelings), Reg 20(2) (who must be invited to the review meeting), Reg 20(3)
("At least two weeks' notice of the date of the meeting must be given"), Reg 20(4) (advice and
information obtained from those invited and circulated to them "at least two weeks in advance
of the review meeting"). The report of the meeting goes to the LA and everyone invited within
two weeks of the meeting (Reg 20; the paragraph is not quoted here as it was not checked).
Pure: dates in, dates out; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from sencodesk.domain.dates import uk
from sencodesk.domain.records import CycleRecord

#: At least two weeks' notice of the meeting (Reg 20(3)), advice circulated at least two weeks
#: before it (Reg 20(4)), the report within two weeks after it.
TWO_WEEKS = timedelta(weeks=2)
#: School practice: advice is asked to arrive a week before it must be circulated, so there is
#: time to copy and send it. Not a statutory limit.
ADVICE_MARGIN = timedelta(weeks=1)

RULE_INVITED = "SEND Regulations 2014, regulation 20(2)"
RULE_NOTICE = "SEND Regulations 2014, regulation 20(3)"
RULE_ADVICE = "SEND Regulations 2014, regulation 20(4)"
RULE_VIEWS = "SEND Regulations 2014, regulation 19(a)"
RULE_REPORT = "SEND Regulations 2014, regulation 20"
#: "The child or young person's progress towards achieving the outcomes specified in the EHC
#: plan must be considered" at the meeting.
RULE_PROGRESS = "SEND Regulations 2014, regulation 20(5)"
#: From Year 9 the meeting considers "what provision is required to assist the child or young
#: person in preparation for adulthood and independent living" (Reg 20(6), as quoted by Oldham's
#: and Surrey's SEND guidance; the paragraph's own text was not reached on legislation.gov.uk).
RULE_ADULTHOOD = "SEND Regulations 2014, regulation 20(6)"


class Invitee(Enum):
    """Who must be invited to the review meeting, in the words of Reg 20(2)(a)-(e), and the
    person asked for advice."""

    PARENT = ("(a)", "the child's parent or the young person")
    HEAD = ("(b)", "the provider of the relevant early years education or the head teacher "
                   "or principal of the school, post-16 or other institution attended by the "
                   "child or young person")
    LA_SEN = ("(c)", "an officer of the authority who exercises the local authority's "
                     "education functions in relation to children and young people with "
                     "special educational needs")
    HEALTH = ("(d)", "a health care professional identified by the responsible commissioning "
                     "body to provide advice about health care provision in relation to the "
                     "child or young person")
    SOCIAL_CARE = ("(e)", "an officer of the authority who exercises the local authority's "
                          "social services functions in relation to children and young people "
                          "with special educational needs")

    @property
    def paragraph(self) -> str:
        return f"Reg 20(2){self.value[0]}"

    @property
    def words(self) -> str:
        return self.value[1]


#: Short names for a letter's address line ("To ...").
INVITEE_TITLES = {
    Invitee.PARENT: "the parents and carers",
    Invitee.HEAD: "the head teacher",
    Invitee.LA_SEN: "the SEN officer, {la}",
    Invitee.HEALTH: "the health care professional named by the responsible commissioning body",
    Invitee.SOCIAL_CARE: "the social care officer, {la}",
}

#: Those asked for advice and information by letter (Reg 20(4)); the parent's and the child's
#: come on the views forms, and the school writes its own.
ADVISERS = (Invitee.LA_SEN, Invitee.HEALTH, Invitee.SOCIAL_CARE)


@dataclass(frozen=True)
class ReviewDates:
    """Every date of the school's part of a review, from the meeting's date."""

    meeting_on: date
    #: the last day invitations give two weeks' notice (Reg 20(3))
    invite_by: date
    #: the last day advice can be circulated (Reg 20(4))
    circulate_by: date
    #: when advice is asked to arrive (school practice: a week before circulating)
    advice_needed_by: date
    #: the report of the meeting to the LA and everyone invited (Reg 20)
    report_due: date


def review_dates(meeting_on: date) -> ReviewDates:
    """The dates for a meeting on ``meeting_on``: "two weeks" is 14 calendar days."""
    circulate_by = meeting_on - TWO_WEEKS
    return ReviewDates(meeting_on, meeting_on - TWO_WEEKS, circulate_by,
                       circulate_by - ADVICE_MARGIN, meeting_on + TWO_WEEKS)


def notice_problem(meeting_on: date, sent_on: date) -> str:
    """Why invitations sent on ``sent_on`` give too little notice, or "" if they give enough."""
    dates = review_dates(meeting_on)
    if sent_on <= dates.invite_by:
        return ""
    days = (meeting_on - sent_on).days
    earliest = sent_on + TWO_WEEKS
    return (f"Invitations sent on {uk(sent_on)} give {days} days' notice; at least two "
            f"weeks are needed ({RULE_NOTICE}). Move the meeting to {uk(earliest)} or "
            "later.")


def report_status(meeting_on: date, sent_on: date | None, today: date) -> str:
    """The report duty in words: sent on time, sent late, not yet due, or overdue."""
    due = review_dates(meeting_on).report_due
    if sent_on is not None:
        late = (sent_on - due).days
        return (f"sent {uk(sent_on)}, on time" if late <= 0 else
                f"sent {uk(sent_on)}, {late} days late (due {uk(due)})")
    if today > due:
        return f"not sent: overdue since {uk(due)}"
    return f"due by {uk(due)}"


@dataclass(frozen=True)
class OutcomeProgress:
    """An outcome of the plan and the progress made towards it, in the SENCO's words."""

    outcome: str
    progress: str = ""


@dataclass(frozen=True)
class ProvisionCheck:
    """What the plan specifies and what was delivered over the year."""

    specified: str
    delivered: str = ""


@dataclass(frozen=True)
class ReviewReport:
    """The report of a review meeting (Reg 20): progress on each outcome, the provision
    delivered against the plan, the views given and the recommended amendments."""

    attendees: str = ""
    outcomes: tuple[OutcomeProgress, ...] = ()
    provision: tuple[ProvisionCheck, ...] = ()
    pupil_views: str = ""
    parent_views: str = ""
    others_views: str = ""
    recommendations: str = ""
    differences: str = ""
    adulthood: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "attendees": self.attendees,
            "outcomes": [[o.outcome, o.progress] for o in self.outcomes],
            "provision": [[p.specified, p.delivered] for p in self.provision],
            "pupil_views": self.pupil_views, "parent_views": self.parent_views,
            "others_views": self.others_views, "recommendations": self.recommendations,
            "differences": self.differences, "adulthood": self.adulthood,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ReviewReport:
        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        def pairs(key: str) -> list[tuple[str, str]]:
            value = data.get(key, [])
            found = []
            for item in value if isinstance(value, list) else []:
                if isinstance(item, list) and len(item) == 2:
                    found.append((str(item[0]), str(item[1])))
            return found

        return cls(text("attendees"),
                   tuple(OutcomeProgress(a, b) for a, b in pairs("outcomes")),
                   tuple(ProvisionCheck(a, b) for a, b in pairs("provision")),
                   text("pupil_views"), text("parent_views"), text("others_views"),
                   text("recommendations"), text("differences"), text("adulthood"))


@dataclass(frozen=True)
class ReviewSheet:
    """Everything the review's documents are drawn from."""

    pupil_id: int
    review_id: int
    pupil_name: str
    forename: str
    dob: date
    year_group: str
    in_year_9_or_above: bool
    school: str
    local_authority: str
    plan_issued_on: date
    dates: ReviewDates
    report: ReviewReport
    report_sent_on: date | None
    produced_by: str
    role: str
    today: date
    parents_greeting: str = "Dear parent or carer,"
    agencies: tuple[str, ...] = field(default=())
    report_version: int = 0  # of the saved report as read (0: not saved yet)


def _weekly(minutes: int, sessions: int) -> str:
    return f"{sessions} × {minutes} minutes a week" if minutes and sessions else ""


def draft_report(cycles: Sequence[CycleRecord], *, since: date, until: date,
                 attendees: str = "") -> ReviewReport:
    """A first draft of the report from the support plans that ran between the last review
    (or the plan's issue) and this meeting: their outcomes with the progress recorded at
    review, their provision as planned (what was delivered is for the SENCO to confirm), and
    the views given at the latest review. The SENCO edits it to the plan's own outcomes."""
    ran = sorted((c for c in cycles if c.starts_on <= until and
                  (c.reviewed_on or c.review_on) >= since), key=lambda c: c.starts_on)
    outcomes: dict[str, str] = {}
    provision: dict[str, str] = {}
    for cycle in ran:
        for o in sorted(cycle.outcomes, key=lambda o: o.position):
            # a plan carried on into the next keeps the progress its review recorded
            if o.progress is not None or o.description.strip() not in outcomes:
                outcomes[o.description.strip()] = o.progress.value if o.progress else ""
        for p in cycle.provisions:
            weekly = _weekly(p.minutes_per_session, p.sessions_per_week)
            specified = p.name + (f" ({weekly})" if weekly else "")
            provision[specified] = (f"planned for {p.weeks} weeks from "
                                    f"{uk(cycle.starts_on)}" if p.weeks else "")
    voiced = [c for c in ran if c.reviewed_on is not None]
    last = max(voiced, key=lambda c: c.reviewed_on or c.review_on) if voiced else None
    return ReviewReport(
        attendees=attendees,
        outcomes=tuple(OutcomeProgress(k, v) for k, v in outcomes.items() if k),
        provision=tuple(ProvisionCheck(k, v) for k, v in provision.items() if k),
        pupil_views=last.pupil_voice.strip() if last else "",
        parent_views=last.parent_voice.strip() if last else "")
