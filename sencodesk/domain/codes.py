"""Census codes and the small vocabularies the whole product shares.

Sources: DfE school census guide ("SEN provision", "SENtype"); SEND Code of Practice 2015.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class SenStatus(StrEnum):
    """Census "SEN provision" (one per pupil at any date)."""

    NONE = "N"
    SUPPORT = "K"
    EHCP = "E"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    SenStatus.NONE: "No special educational need",
    SenStatus.SUPPORT: "SEN support",
    SenStatus.EHCP: "Education, health and care plan",
}

#: Codes found in old data and what they became (census guide): A and P became K in 2014,
#: S (statement) became E by April 2018.
HISTORICAL_STATUS = {"A": SenStatus.SUPPORT, "P": SenStatus.SUPPORT, "S": SenStatus.EHCP}


class NeedType(StrEnum):
    """Census "SENtype".

    DS (Down syndrome) is a type of need of its own from the January 2025 spring census: the DfE
    added it to the SEN type code set in the school census guide for 2024 to 2025 ("SEN type",
    in the pupil section on special educational needs), after announcing on 19 January 2024 that
    Down syndrome would be collected separately. Uncertain: the guide's own code table could not
    be read while this was written; "DS" is the code as MIS suppliers and local authorities
    repeat it. Check it against the current guide's SEN type table before a census return.
    """

    SPLD = "SPLD"
    MLD = "MLD"
    SLD = "SLD"
    PMLD = "PMLD"
    SEMH = "SEMH"
    SLCN = "SLCN"
    HI = "HI"
    VI = "VI"
    MSI = "MSI"
    PD = "PD"
    ASD = "ASD"
    OTH = "OTH"
    NSA = "NSA"
    DS = "DS"

    @property
    def label(self) -> str:
        return _NEED_LABELS[self]


_NEED_LABELS = {
    NeedType.SPLD: "Specific learning difficulty",
    NeedType.MLD: "Moderate learning difficulty",
    NeedType.SLD: "Severe learning difficulty",
    NeedType.PMLD: "Profound and multiple learning difficulty",
    NeedType.SEMH: "Social, emotional and mental health",
    NeedType.SLCN: "Speech, language and communication needs",
    NeedType.HI: "Hearing impairment",
    NeedType.VI: "Vision impairment",
    NeedType.MSI: "Multi-sensory impairment",
    NeedType.PD: "Physical disability",
    NeedType.ASD: "Autistic spectrum disorder",
    NeedType.OTH: "Other difficulty or disability",
    NeedType.NSA: "SEN support but no specialist assessment of type of need",
    NeedType.DS: "Down syndrome",
}


class YearGroup(IntEnum):
    """National curriculum year. Nursery and Reception come before Year 1."""

    NURSERY = -1
    RECEPTION = 0
    Y1 = 1
    Y2 = 2
    Y3 = 3
    Y4 = 4
    Y5 = 5
    Y6 = 6
    Y7 = 7
    Y8 = 8
    Y9 = 9
    Y10 = 10
    Y11 = 11
    Y12 = 12
    Y13 = 13
    Y14 = 14

    @property
    def label(self) -> str:
        if self is YearGroup.NURSERY:
            return "Nursery"
        if self is YearGroup.RECEPTION:
            return "Reception"
        return f"Year {int(self)}"

    @property
    def short(self) -> str:
        if self is YearGroup.NURSERY:
            return "N"
        if self is YearGroup.RECEPTION:
            return "R"
        return str(int(self))

    @classmethod
    def parse(cls, text: str) -> YearGroup:
        """Read "N", "Nursery", "R", "Reception", "7", "Y7", "Year 7" or "NC 7"."""
        cleaned = text.strip().upper().replace("YEAR", "").replace("NC", "").strip()
        cleaned = cleaned.removeprefix("Y").strip()
        if cleaned in {"N", "N1", "N2", "NURSERY", "URSERY"}:
            return cls.NURSERY
        if cleaned in {"R", "RECEPTION", "ECEPTION"}:
            return cls.RECEPTION
        try:
            return cls(int(cleaned))
        except ValueError:
            raise ValueError(f"{text!r} is not a year group (use N, R or 1-14)") from None


class Role(StrEnum):
    """What a signed-in member of staff may do (enforced in services)."""

    SENCO = "senco"
    TEACHER = "teacher"
    HEAD = "head"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {
            Role.SENCO: "SENCO",
            Role.TEACHER: "Teacher",
            Role.HEAD: "Head / senior leader",
            Role.ADMIN: "Administrator",
        }[self]


class Progress(StrEnum):
    """Progress against one APDR outcome at review."""

    NOT_MET = "not met"
    PARTLY = "partly met"
    MET = "met"
    EXCEEDED = "exceeded"


class CycleStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    REVIEWED = "reviewed"

    @property
    def in_force_rank(self) -> int:
        """Which of a pupil's plans is in force (highest first, then the newest): the one
        running, else the last one reviewed, and a draft (not yet agreed) only when there is
        nothing else."""
        return {"active": 2, "reviewed": 1, "draft": 0}[self.value]


class SchoolPhase(StrEnum):
    """Set in School settings; decides when a phase transfer falls (Reg 18)."""

    INFANT = "infant"
    PRIMARY = "primary"
    JUNIOR = "junior"
    MIDDLE = "middle"
    SECONDARY = "secondary"
    ALL_THROUGH = "all-through"


class RequestOutcome(StrEnum):
    """Where an EHC needs assessment request stands (stored as these words)."""

    OPEN = "open"
    ASSESSING = "assessing"
    REFUSED = "refused to assess"
    NOT_ISSUED = "not issued"
    PLAN_ISSUED = "plan issued"
    WITHDRAWN = "withdrawn"

    @property
    def still_open(self) -> bool:
        """The request's statutory clock is still running."""
        return self in (RequestOutcome.OPEN, RequestOutcome.ASSESSING)


class LaDecision(StrEnum):
    """The LA's decision after an annual review: maintain, amend or cease the plan (the rule
    "review_la_decision" cites its source)."""

    MAINTAIN = "maintain"
    AMEND = "amend"
    CEASE = "cease"
