"""Inclusion context for a pupil: attendance per term, suspensions and permanent exclusions,
part-time timetables, and the flags an inspector asks about (disadvantage, care, EAL).

Pure rules and codes; the store keeps the rows and services read and write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sencodesk.domain.errors import ValidationError


class Term(StrEnum):
    AUTUMN = "autumn"
    SPRING = "spring"
    SUMMER = "summer"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, text: str, *, field: str = "term") -> Term:
        cleaned = text.strip().casefold()
        for term in cls:
            if cleaned in (term.value, term.value[:3], term.value[:2]):
                return term
        raise ValidationError(field, f"{text!r} is not a term (Autumn, Spring or Summer)")


class ExclusionKind(StrEnum):
    SUSPENSION = "suspension"
    PERMANENT = "permanent"

    @property
    def label(self) -> str:
        return "Suspension" if self is ExclusionKind.SUSPENSION else "Permanent exclusion"

    @classmethod
    def parse(cls, text: str, *, field: str = "kind") -> ExclusionKind:
        cleaned = text.strip().casefold()
        if cleaned in ("suspension", "fixed", "fixd", "fixed period", "fixed term", "s"):
            return cls.SUSPENSION
        if cleaned in LUNCHTIME_NAMES:
            return cls.SUSPENSION  # of half a day (LUNCHTIME_RULE)
        if cleaned in ("permanent", "perm", "permanent exclusion", "p"):
            return cls.PERMANENT
        raise ValidationError(field, f"{text!r} is neither a suspension nor a permanent "
                              "exclusion (use Suspension or Permanent)")


#: How an MIS names a lunchtime suspension (SIMS: type "Lunchtime", census code LNCH).
LUNCHTIME_NAMES = ("lunchtime", "lnch", "lunchtime suspension", "lunchtime exclusion")
#: Why a lunchtime suspension (MIS type "Lunchtime", census code LNCH) is read as a
#: suspension of half a day, which its one session gives.
LUNCHTIME_RULE = ("DfE, Suspension and permanent exclusion from maintained schools, academies "
                  "and pupil referral units in England, including pupil movement (September "
                  "2023): lunchtime suspensions are counted as half a school day")

#: Where the reason codes come from, for reports that print them.
REASON_SOURCE = ("DfE school census, reason for exclusion codes (from 2020/21; "
                 "up to three reasons per suspension or exclusion)")

#: The DfE's exclusion reason codes, as schools return them in the school census.
EXCLUSION_REASONS: dict[str, str] = {
    "PP": "Physical assault against a pupil",
    "PA": "Physical assault against an adult",
    "VP": "Verbal abuse or threatening behaviour against a pupil",
    "VA": "Verbal abuse or threatening behaviour against an adult",
    "BU": "Bullying",
    "RA": "Racist abuse",
    "LG": "Abuse against sexual orientation and gender identity",
    "DS": "Abuse relating to disability",
    "SM": "Sexual misconduct",
    "DA": "Drug and alcohol related",
    "DM": "Damage to property",
    "TH": "Theft",
    "DB": "Persistent or general disruptive behaviour",
    "OW": "Use or threat of use of an offensive weapon or prohibited item",
    "MT": "Inappropriate use of social media or online technology",
    "PH": "Wilful and repeated transgression of protective measures in place to protect "
          "public health",
}


def reason_code(text: str, *, field: str = "reason") -> str:
    """A DfE exclusion reason code from ``text`` (the code, any case, or its description)."""
    cleaned = text.strip()
    if cleaned.upper() in EXCLUSION_REASONS:
        return cleaned.upper()
    for code, label in EXCLUSION_REASONS.items():
        if cleaned.casefold() == label.casefold():
            return code
    raise ValidationError(field, f"{text!r} is not a DfE exclusion reason code (e.g. PP, VA, "
                          "DB)")


#: Most suspensions a pupil may have in one school year (school days).
MAX_SUSPENSION_DAYS_A_YEAR = 45


def check_attendance(possible: int, attended: int, authorised: int, unauthorised: int,
                     ) -> None:
    """Sessions (half days) must add up: attended plus absences never exceed possible."""
    for name, value in (("possible", possible), ("attended", attended),
                        ("authorised", authorised), ("unauthorised", unauthorised)):
        if value < 0:
            raise ValidationError(name, "cannot be negative")
    if possible == 0 and attended == 0 and authorised == 0 and unauthorised == 0:
        return
    if attended + authorised + unauthorised > possible:
        raise ValidationError(
            "possible", f"is {possible} sessions, but {attended} attended, {authorised} "
            f"authorised and {unauthorised} unauthorised absences add up to "
            f"{attended + authorised + unauthorised}")


def check_exclusion(kind: ExclusionKind, starts_on: date, days: float) -> None:
    if kind is ExclusionKind.SUSPENSION and not 0 < days <= MAX_SUSPENSION_DAYS_A_YEAR:
        raise ValidationError("days", f"a suspension lasts from half a day to "
                              f"{MAX_SUSPENSION_DAYS_A_YEAR} school days, not {days:g}")
    if kind is ExclusionKind.PERMANENT and days < 0:
        raise ValidationError("days", "cannot be negative")
    if days * 2 != int(days * 2):
        raise ValidationError("days", "is counted in half days (sessions): e.g. 0.5, 1, 2.5")


def check_part_time(starts_on: date, planned_end: date, review_on: date) -> None:
    """A part-time timetable must be time-limited and reviewed (see RULES "part_time_review")."""
    if planned_end <= starts_on:
        raise ValidationError("planned_end", "must be after the start: a part-time timetable "
                              "has a time limit by which the pupil returns full time")
    if review_on < starts_on:
        raise ValidationError("review_on", "cannot be before the timetable starts")


@dataclass(frozen=True)
class ContextFlags:
    """Flags from the MIS. ``child_in_need`` and ``child_protection`` are safeguarding
    information: read only by roles allowed to (SENCO, head), never printed on a passport."""

    pupil_premium: bool = False
    fsm: bool = False
    looked_after: bool = False
    previously_looked_after: bool = False
    eal: bool = False
    child_in_need: bool | None = None  # None: not readable by this account
    child_protection: bool | None = None

    @property
    def disadvantaged(self) -> bool:
        """Disadvantaged as the pupil premium counts it: eligible, FSM, or (previously) in
        care."""
        return (self.pupil_premium or self.fsm or self.looked_after
                or self.previously_looked_after)


FLAG_LABELS = {
    "pupil_premium": "Pupil premium", "fsm": "Free school meals", "looked_after": "Looked after",
    "previously_looked_after": "Previously looked after", "eal": "EAL",
    "child_in_need": "Child in need", "child_protection": "Child protection plan",
}
SAFEGUARDING_FLAGS = ("child_in_need", "child_protection")

_YES = {"y", "yes", "true", "1", "t"}
_NO = {"n", "no", "false", "0", "f", ""}


def yes_no(text: str, *, field: str) -> bool:
    cleaned = text.strip().casefold()
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    raise ValidationError(field, f"{text!r} is not yes or no (use Y or N)")


def academic_year_label(start_year: int) -> str:
    """2025 -> "2025/26"."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def academic_year(text: str, *, field: str = "year") -> int:
    """The starting calendar year of an academic year written 2025/26, 2025-26, 2025/2026
    or 2025."""
    cleaned = text.strip().replace("-", "/")
    first, _, second = cleaned.partition("/")
    if not first.isdigit() or len(first) != 4:
        raise ValidationError(field, f"{text!r} is not an academic year (e.g. 2025/26)")
    start = int(first)
    if second and not (second.isdigit() and int(second) % 100 == (start + 1) % 100):
        raise ValidationError(field, f"{text!r} is not an academic year (e.g. 2025/26)")
    return start


@dataclass(frozen=True)
class AttendanceRecord:
    academic_year: int
    term: Term
    possible: int
    attended: int
    authorised: int
    unauthorised: int

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised


@dataclass(frozen=True)
class ExclusionRecord:
    id: int
    kind: ExclusionKind
    starts_on: date
    days: float
    reason: str

    @property
    def reason_label(self) -> str:
        return EXCLUSION_REASONS.get(self.reason, self.reason)


@dataclass(frozen=True)
class PartTimeRecord:
    id: int
    pupil_id: int
    starts_on: date
    planned_end: date
    review_on: date
    reason: str
    ended_on: date | None

    def in_force(self, on: date) -> bool:
        return self.starts_on <= on and (self.ended_on is None or self.ended_on > on)
