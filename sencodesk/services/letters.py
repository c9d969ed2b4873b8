"""Letters to parents for a selection of pupils: drafted from the case file, each one sent
recorded in the pupil's contact log (and the export audited) in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence

from sencodesk.domain import letters
from sencodesk.domain.letters import Letter, Letterhead, LetterKind, LetterPupil, LetterSet
from sencodesk.domain.permissions import Permission
from sencodesk.services import cycles, pupils, records_log, school
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import record_export

_CONTACT_KIND = "letter"


def letterhead(desk: Desk) -> Letterhead:
    info = school.get(desk)
    lines = tuple(line.strip() for line in info.address.splitlines() if line.strip())
    return Letterhead(info.name, lines, school.logo(desk))


def _pupil(desk: Desk, pupil_id: int) -> LetterPupil:
    detail = pupils.get(desk, pupil_id)
    row = detail.row
    provision = cycles.provision_in_force(desk, [pupil_id]).get(pupil_id, ())
    history = tuple(sorted(cycles.cycles_for(desk, pupil_id), key=lambda c: c.starts_on))
    return LetterPupil(pupil_id, row.forename, row.display_name, row.status, detail.parents,
                       provision, history)


@composite(Permission.EXPORT, Permission.ADD_CONTACT)
def draft(desk: Desk, kind: LetterKind, pupil_ids: Sequence[int]) -> LetterSet:
    """The letters of ``kind`` for ``pupil_ids`` (one per family), each recorded as sent in the
    pupil's contact log. If any pupil cannot have this letter nothing is recorded, and the
    error names the pupil."""
    today = desk.today()
    signed = desk.actor.name
    role = desk.actor.role.label
    info = school.get(desk)
    made: list[Letter] = []
    for pupil_id in dict.fromkeys(pupil_ids):
        pupil = _pupil(desk, pupil_id)
        if kind is LetterKind.SEN_PROVISION:
            made.append(letters.sen_provision(pupil, school=info.name, today=today,
                                              signed=signed, role=role))
        elif kind is LetterKind.REVIEW_INVITATION:
            made.append(letters.review_invitation(pupil, today=today, signed=signed,
                                                  role=role))
        else:
            made.append(letters.review_summary(pupil, today=today, signed=signed, role=role))
    for letter in made:
        records_log.add_contact(desk, letter.pupil_id, occurred_on=today, kind=_CONTACT_KIND,
                                with_whom=letter.greeting.removeprefix("Dear ").rstrip(","),
                                summary=f"Letter sent: {kind.value} (\u201c{letter.subject}\u201d)")
    record_export(desk, "letters", summary=f"{len(made)} letters: {kind.value}")
    return LetterSet(letterhead(desk), tuple(made), desk.actor.name)
