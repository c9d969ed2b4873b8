"""A small school with inclusion context, for the figures, the pack and the Inclusion screen."""

from __future__ import annotations

from datetime import date

from factories import add_pupil

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.inclusion import AttendanceRecord, ContextFlags, ExclusionKind, Term
from sencodesk.services import inclusion
from sencodesk.services.context import Desk

K, E, N = SenStatus.SUPPORT, SenStatus.EHCP, SenStatus.NONE
SURNAMES = ("Quenby", "Trelawney", "Ashdown", "Pemberton", "Radclyffe", "Vosper", "Whitlock",
            "Yardley", "Ollerton", "Kingsley", "Fairbairn")


def small_school(desk: Desk) -> dict[str, int]:
    """Three pupils on K, six on E and two not on the register, all there since 2024."""
    ids = {}
    for surname, status in zip(SURNAMES, [K] * 3 + [E] * 6 + [N] * 2, strict=True):
        ids[surname] = add_pupil(desk, status, needs=(NeedType.SLCN,) if status is not N
                                 else (), legal_surname=surname, joined_on=date(2024, 9, 1))
    # this year (2026/27) so far: one K pupil persistently absent, the E pupils not
    inclusion.set_attendance(desk, ids["Quenby"], AttendanceRecord(2026, Term.AUTUMN, 100, 80,
                                                                   10, 10))
    for name in ("Trelawney", "Ashdown"):
        inclusion.set_attendance(desk, ids[name], AttendanceRecord(2026, Term.AUTUMN, 100, 96,
                                                                   4, 0))
    for name in ("Pemberton", "Radclyffe", "Vosper", "Whitlock", "Yardley", "Ollerton"):
        inclusion.set_attendance(desk, ids[name], AttendanceRecord(2026, Term.AUTUMN, 100, 95,
                                                                   5, 0))
    inclusion.add_exclusion(desk, ids["Quenby"], ExclusionKind.SUSPENSION, date(2026, 10, 5),
                            2, "DB")
    inclusion.add_exclusion(desk, ids["Pemberton"], ExclusionKind.SUSPENSION,
                            date(2025, 11, 3), 1, "VA")
    inclusion.add_part_time(desk, ids["Trelawney"], date(2026, 10, 1), date(2026, 12, 18),
                            date(2026, 11, 12), "Anxiety: Quenby's friend")
    inclusion.set_context(desk, ids["Vosper"], ContextFlags(fsm=True))
    return ids


def sims_file(kind: str, upns: list[str]) -> bytes:
    """A context file as SIMS exports it: the pupil's name, year group and registration group
    beside the figures, under SIMS's headers (Windows-1252, as SIMS writes)."""
    head = "UPN,Surname,Forename,Year,Reg,"
    rows = {
        "attendance": (head + "Academic Year,Term,Possible Sessions,Present,Authorised Absences,"
                       "Unauthorised Absences",
                       "Year 7,7B,2025/2026,Autumn,140,126,10,4"),
        "exclusions": (head + "Exclusion Type,Start Date,End Date,Actual Sessions,Reason",
                       "Year 8,8C,Lunchtime,14/10/2025,14/10/2025,1,VP"),
        "part-time": (head + "Reduced Timetable Start,Reduced Timetable End,Review Date,Reason",
                      "Year 9,9A,01/10/2026,18/12/2026,12/11/2026,Returning after illness"),
        "flags": (head + "FSM Eligible,Pupil Premium Indicator,In LA Care,Post Looked After,"
                  "English Additional Language",
                  "Year 10,10D,T,T,F,F,T"),
    }
    return _export(rows[kind], [f"{upn},Zoë,Ashdown" for upn in upns], "\r\n").encode("cp1252")


def arbor_file(kind: str, upns: list[str]) -> bytes:
    """A context file as Arbor exports it: the student's full name first, then UPN, year and
    registration form, under Arbor's headers (UTF-8 with a byte order mark)."""
    head = "Student,UPN,Year,Registration Form,"
    rows = {
        "attendance": (head + "Academic Year,Term,Possible Sessions,Attended Sessions,"
                       "Authorised Absence Sessions,Unauthorised Absence Sessions",
                       "Year 7,7B,2025/26,Spring,120,100,12,8"),
        "exclusions": (head + "Exclusion Type,Start Date,Number of Sessions,Primary Reason",
                       "Year 8,8C,Suspension,03/03/2026,4,DB"),
        "part-time": (head + "Part-time Timetable Start Date,Part-time Timetable End Date,"
                      "Next Review Date,Reason",
                      "Year 9,9A,2026-10-05,2026-12-11,2026-11-02,Anxiety"),
        "flags": (head + "Pupil Premium,Eligible for FSM,Looked After,Previously Looked After,"
                  "EAL",
                  "Year 10,10D,Yes,No,No,Yes,No"),
    }
    return ("\ufeff" + _export(rows[kind], [f"Siobhán O'Brien,{upn}" for upn in upns],
                               "\n")).encode()


def _export(shape: tuple[str, str], pupils: list[str], newline: str) -> str:
    """A header, and a line per pupil: who they are, then the same figures."""
    header, values = shape
    return newline.join([header, *(f"{who},{values}" for who in pupils)]) + newline
