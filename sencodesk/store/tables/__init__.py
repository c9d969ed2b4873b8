"""SQLModel tables. Importing this package registers every table on ``SQLModel.metadata``.

History is kept rather than overwritten wherever the past matters: SEN status and needs are
periods with start and end dates, passports are numbered versions, cycles follow one another.
"""

from sencodesk.store.tables.audit import AuditEvent
from sencodesk.store.tables.documents import Document
from sencodesk.store.tables.ehcp import (
    AnnualReview,
    AnnualReviewReport,
    EhcpAdvice,
    EhcpException,
    EhcPlan,
    EhcpMilestoneDone,
    EhcpRequest,
)
from sencodesk.store.tables.groups import GroupMember, GroupTeacher, PupilShare, TeachingGroup
from sencodesk.store.tables.inclusion import (
    AssessmentScore,
    AttendanceTerm,
    Exclusion,
    PartTimeTimetable,
    ProvisionMeasure,
    PupilContext,
)
from sencodesk.store.tables.pupil import Agency, ContactLogEntry, ParentCarer, Pupil
from sencodesk.store.tables.school import InfoReportSection, School, StaffMember, TermDate
from sencodesk.store.tables.sen import NeedPeriod, StatusPeriod
from sencodesk.store.tables.server import KeySlot, StoredFile, TrustSummary
from sencodesk.store.tables.support import (
    ApdrCycle,
    CycleOutcome,
    CycleProvision,
    Intervention,
    OutcomeProvisionLink,
    PassportPrint,
    PassportVersion,
)

__all__ = [
    "Agency",
    "AnnualReview",
    "AnnualReviewReport",
    "ApdrCycle",
    "AssessmentScore",
    "AttendanceTerm",
    "AuditEvent",
    "ContactLogEntry",
    "CycleOutcome",
    "CycleProvision",
    "Document",
    "EhcPlan",
    "EhcpAdvice",
    "EhcpException",
    "EhcpMilestoneDone",
    "EhcpRequest",
    "Exclusion",
    "GroupMember",
    "GroupTeacher",
    "InfoReportSection",
    "Intervention",
    "KeySlot",
    "NeedPeriod",
    "OutcomeProvisionLink",
    "ParentCarer",
    "PartTimeTimetable",
    "PassportPrint",
    "PassportVersion",
    "ProvisionMeasure",
    "Pupil",
    "PupilContext",
    "PupilShare",
    "School",
    "StaffMember",
    "StatusPeriod",
    "StoredFile",
    "TeachingGroup",
    "TermDate",
    "TrustSummary",
]
