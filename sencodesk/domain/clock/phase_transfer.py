"""Phase transfer deadlines for pupils with an EHC plan (Reg 18(1)).

Reg 18(1): where a child or young person is within 12 months of a transfer between phases of
education, the plan must be reviewed and, where necessary, amended to name the next school or
institution before (a) 31 March in the calendar year of a transfer from secondary school to a
post-16 institution and (b) 15 February in the calendar year of the transfer in any other case
(early years to school, infant to junior, primary to middle or secondary, middle to secondary).

The date depends on where the pupil goes, so each EHCP pupil's destination is recorded: a Year
11 pupil staying in the school's own sixth form does not transfer and has no Reg 18 date; one
leaving for a college or an apprenticeship (or leaving the sixth form at the end of Year 13) has
31 March. Local authorities apply the 31 March date to apprenticeships as well; Reg 18 itself
names a "post-16 institution".

The last year group of each phase (where the pupil moves on) is this module's assumption:
infant Y2, junior and primary Y6, middle Y8 (a 9-13 middle school; 8-12 schools vary, so check
with the LA), secondary Y11 (and Y13 for the sixth form); all-through schools transfer
internally at Y6 (still a phase transfer) and out at Y11. Schools with a nursery class transfer
from Nursery into Reception.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sencodesk.domain.clock.calendar import academic_year_of
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.codes import SchoolPhase, YearGroup

_Y = YearGroup


class Destination(StrEnum):
    """Where an EHCP pupil goes at the next move (recorded on the plan)."""

    OWN_SIXTH_FORM = "own-sixth-form"
    SCHOOL = "school"
    POST_16 = "post-16"

    @property
    def label(self) -> str:
        return _DESTINATION_LABELS[self]


_DESTINATION_LABELS = {
    Destination.OWN_SIXTH_FORM: "Stays in the school's own sixth form",
    Destination.SCHOOL: "Another school (a school phase transfer)",
    Destination.POST_16: "A college or other post-16 institution, or an apprenticeship",
}

SCHOOL_PHASE = ((2, 15), "Reg 18(1)(b)")
POST_16 = ((3, 31), "Reg 18(1)(a)")
_Deadline = tuple[tuple[int, int], str]

#: (last year group before the move, what the move is, its deadline and the rule)
TRANSFERS: dict[SchoolPhase, tuple[tuple[YearGroup, str, _Deadline], ...]] = {
    SchoolPhase.INFANT: ((_Y.NURSERY, "early years to school", SCHOOL_PHASE),
                         (_Y.Y2, "infant to junior", SCHOOL_PHASE)),
    SchoolPhase.PRIMARY: ((_Y.NURSERY, "early years to school", SCHOOL_PHASE),
                          (_Y.Y6, "primary to secondary", SCHOOL_PHASE)),
    SchoolPhase.JUNIOR: ((_Y.Y6, "junior to secondary", SCHOOL_PHASE),),
    SchoolPhase.MIDDLE: ((_Y.Y8, "middle to secondary", SCHOOL_PHASE),),
    SchoolPhase.SECONDARY: ((_Y.Y11, "secondary to post-16", POST_16),
                            (_Y.Y13, "sixth form to post-16", POST_16)),
    SchoolPhase.ALL_THROUGH: ((_Y.NURSERY, "early years to school", SCHOOL_PHASE),
                              (_Y.Y6, "primary to secondary", SCHOOL_PHASE),
                              (_Y.Y11, "secondary to post-16", POST_16),
                              (_Y.Y13, "sixth form to post-16", POST_16)),
}
#: The move out of Year 11, which depends on the destination.
END_OF_YEAR_11 = _Y.Y11
NO_TRANSFER_OWN_SIXTH_FORM = ("stays in the school's own sixth form: no transfer between "
                              "phases, so no Reg 18 date")


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


def why_no_transfer(*, year_group: YearGroup, phase: SchoolPhase,
                    destination: Destination | None = None) -> str:
    """Why ``phase_transfer`` gives no date for this pupil ("" if it gives one)."""
    if not teaches(phase, year_group):
        first, last = TAUGHT[phase]
        return f"a {phase} school teaches {first.label} to {last.label}, not {year_group.label}"
    move = _next_move(year_group, phase)
    if move is None:
        return f"no phase transfer ahead from {year_group.label} at a {phase} school"
    if move[0] == END_OF_YEAR_11 and destination is Destination.OWN_SIXTH_FORM:
        return NO_TRANSFER_OWN_SIXTH_FORM
    return ""


def _next_move(year_group: YearGroup, phase: SchoolPhase,
               ) -> tuple[YearGroup, str, _Deadline] | None:
    return next((entry for entry in TRANSFERS[phase] if year_group <= entry[0]), None)


def phase_transfer(*, year_group: YearGroup, on: date, phase: SchoolPhase,
                   today: date | None = None,
                   destination: Destination | None = None) -> Milestone | None:
    """The next transfer deadline for a pupil in ``year_group`` on ``on``, or None if there is
    none (``why_no_transfer`` says why): the pupil stays in the school's own sixth form, will
    not transfer again from a school of this phase, or is in a year it does not teach.

    Leaving Year 11, the destination decides: another school is a school-phase transfer
    (15 February), a college or apprenticeship 31 March; unrecorded, 31 March is assumed and
    the note asks for the destination."""
    if why_no_transfer(year_group=year_group, phase=phase, destination=destination):
        return None
    move = _next_move(year_group, phase)
    assert move is not None
    last, what, ((month, day), rule) = move
    note = ""
    if last == END_OF_YEAR_11:
        if destination is Destination.SCHOOL:
            what, ((month, day), rule) = "secondary to another school", SCHOOL_PHASE
        elif destination is None:
            note = "destination not recorded (31 March assumed); "
    transfer_year = academic_year_of(on) + (int(last) - int(year_group)) + 1
    due = date(transfer_year, month, day)
    return make("phase_transfer", f"Phase transfer ({what}): plan finalised", due, rule,
                today=today or on, note=f"{note}moves in September {transfer_year}")
