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
