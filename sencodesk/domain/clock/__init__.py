"""The statutory clock: pure functions from dates to milestones, each citing its rule.

``today`` is always an argument, never read from the system, so every deadline is testable.
"""

from sencodesk.domain.clock.annual_review import annual_review_timeline
from sencodesk.domain.clock.apdr import (
    apdr_review,
    part_time_review,
    passport_review,
    reviews_this_year_warning,
)
from sencodesk.domain.clock.appeal import appeal_deadline
from sencodesk.domain.clock.calendar import academic_year_bounds, academic_year_of
from sencodesk.domain.clock.ehcp import ehcp_timeline
from sencodesk.domain.clock.milestone import (
    DUE_SOON_DAYS,
    OWNER_SHORT,
    Look,
    Milestone,
    MilestoneStatus,
    RecordedException,
    look_of,
    status_text,
)
from sencodesk.domain.clock.phase_transfer import phase_transfer
from sencodesk.domain.clock.rules import RULES, Kind, Owner, Rule

__all__ = [
    "DUE_SOON_DAYS",
    "OWNER_SHORT",
    "RULES",
    "Kind",
    "Look",
    "Milestone",
    "MilestoneStatus",
    "Owner",
    "RecordedException",
    "Rule",
    "academic_year_bounds",
    "academic_year_of",
    "annual_review_timeline",
    "apdr_review",
    "appeal_deadline",
    "ehcp_timeline",
    "look_of",
    "part_time_review",
    "passport_review",
    "phase_transfer",
    "reviews_this_year_warning",
    "status_text",
]
