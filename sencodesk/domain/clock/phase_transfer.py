"""Phase transfer deadlines for pupils with an EHC plan (Reg 18).

The plan naming the next school must be finalised by 15 February of the calendar year of
transfer for school phases (early years to school, infant to junior, primary to middle or
secondary, middle to secondary) and by 31 March for secondary to post-16.

The last year group of each phase (where the pupil moves on) is this module's assumption:
infant Y2, junior and primary Y6, middle Y8 (a 9-13 middle school; 8-12 schools vary, so check
with the LA), secondary Y11; all-through schools transfer internally at Y6 (still a phase
transfer) and out at Y11. Schools with a nursery class transfer from Nursery into Reception.
"""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock.calendar import academic_year_of
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.clock.rules import citation
from sencodesk.domain.codes import SchoolPhase, YearGroup

_Y = YearGroup
#: (last year group before the move, what the move is, month and day of the deadline)
TRANSFERS: dict[SchoolPhase, tuple[tuple[YearGroup, str, tuple[int, int]], ...]] = {
    SchoolPhase.INFANT: ((_Y.NURSERY, "early years to school", (2, 15)),
                         (_Y.Y2, "infant to junior", (2, 15))),
    SchoolPhase.PRIMARY: ((_Y.NURSERY, "early years to school", (2, 15)),
                          (_Y.Y6, "primary to secondary", (2, 15))),
    SchoolPhase.JUNIOR: ((_Y.Y6, "junior to secondary", (2, 15)),),
    SchoolPhase.MIDDLE: ((_Y.Y8, "middle to secondary", (2, 15)),),
    SchoolPhase.SECONDARY: ((_Y.Y11, "secondary to post-16", (3, 31)),),
    SchoolPhase.ALL_THROUGH: ((_Y.NURSERY, "early years to school", (2, 15)),
                              (_Y.Y6, "primary to secondary", (2, 15)),
                              (_Y.Y11, "secondary to post-16", (3, 31))),
}


#: The year groups a school of each phase teaches (this module's assumption, as above; sixth
#: forms and post-16 years are counted in secondary and all-through schools).
TAUGHT: dict[SchoolPhase, tuple[YearGroup, YearGroup]] = {
    SchoolPhase.INFANT: (_Y.NURSERY, _Y.Y2),
    SchoolPhase.PRIMARY: (_Y.NURSERY, _Y.Y6),
    SchoolPhase.JUNIOR: (_Y.Y3, _Y.Y6),
    SchoolPhase.MIDDLE: (_Y.Y5, _Y.Y8),
    SchoolPhase.SECONDARY: (_Y.Y7, _Y.Y14),
    SchoolPhase.ALL_THROUGH: (_Y.NURSERY, _Y.Y14),
}


def teaches(phase: SchoolPhase, year_group: YearGroup) -> bool:
    first, last = TAUGHT[phase]
    return first <= year_group <= last


def phase_transfer(*, year_group: YearGroup, on: date, phase: SchoolPhase,
                   today: date | None = None) -> Milestone | None:
    """The next transfer deadline for a pupil in ``year_group`` on ``on``, or None if the
    pupil will not transfer again from a school of this phase (or it does not teach that
    year group, so there is no telling)."""
    if not teaches(phase, year_group):
        return None
    for last, move, (month, day) in TRANSFERS[phase]:
        if year_group <= last:
            transfer_year = academic_year_of(on) + (int(last) - int(year_group)) + 1
            due = date(transfer_year, month, day)
            return make("phase_transfer", f"Phase transfer ({move}): plan finalised", due,
                        citation("phase_transfer"), today=today or on,
                        note=f"moves in September {transfer_year}")
    return None
