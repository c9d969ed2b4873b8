"""Small builders for test data (valid UPNs, pupils) so tests say only what matters to them."""

from __future__ import annotations

import io
from datetime import date
from itertools import count

from PIL import Image, ImageDraw

from sencodesk.domain.codes import NeedType, Progress, Role, SenStatus, YearGroup
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import accounts, cycles, people, pupils
from sencodesk.services.context import Desk

TODAY = date(2026, 11, 22)
PASSWORD = "correct horse battery"

_serial = count(1)


def new_upn() -> str:
    return with_check_letter(f"80120000{next(_serial):04d}")


def pupil_fields(**overrides: object) -> pupils.PupilFields:
    values: dict[str, object] = {
        "upn": new_upn(),
        "legal_surname": "O'Brien",
        "legal_forename": "Zoë",
        "dob": date(2014, 3, 1),
        "year_group": YearGroup.Y7,
        "form": "7B",
    }
    values.update(overrides)
    return pupils.PupilFields(**values)  # type: ignore[arg-type]


def add_pupil(
    desk: Desk,
    status: SenStatus = SenStatus.SUPPORT,
    needs: tuple[NeedType, ...] = (NeedType.SLCN,),
    **overrides: object,
) -> int:
    sen = pupils.SenChange(status, needs if status is not SenStatus.NONE else (),
                           date(2025, 9, 1))
    return pupils.create(desk, pupil_fields(**overrides), sen)


def signed_in_as(desk: Desk, role: Role) -> Desk:
    """A second account with ``role`` in the same school, signed in, sharing ``desk``'s today."""
    name = role.value + "user"
    accounts.add_account(desk, full_name="Pat Example", username=name, role=role,
                         password="long enough pass")
    other = accounts.sign_in(desk.data_dir, name, "long enough pass")
    other.today = desk.today
    return other


def photo_png() -> bytes:
    """A soft illustrated portrait standing in for a school photo."""
    image = Image.new("RGB", (300, 380), (214, 228, 236))
    draw = ImageDraw.Draw(image)
    draw.ellipse((95, 70, 205, 200), fill=(226, 184, 150))
    draw.pieslice((85, 55, 215, 190), 180, 360, fill=(92, 58, 38))
    draw.ellipse((40, 230, 260, 470), fill=(0, 90, 112))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def with_reviewed_plan(desk: Desk, forename: str) -> int:
    """A pupil on SEN support (surname Adams) with two parents, a reviewed support plan and the
    next one drafted (review on 08/02/2027)."""
    pid = add_pupil(desk, legal_forename=forename, legal_surname="Adams",
                    needs=(NeedType.SPLD,))
    people.add_parent(desk, pid, name="Jo Adams", relationship="mother")
    people.add_parent(desk, pid, name="Sam Adams", relationship="father")
    cycle = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 16),
        outcomes=(cycles.OutcomeInput("Read a page of a new book aloud"),
                  cycles.OutcomeInput("Spell the 100 common words")),
        provisions=(cycles.ProvisionInput(description="Reading with an adult, 3 times a week",
                                          outcomes=(1,)),)))
    cycles.activate(desk, cycle)
    cycles.record_review(desk, cycle, cycles.ReviewInput(
        reviewed_on=date(2026, 11, 16), progress={1: Progress.MET, 2: Progress.PARTLY},
        next_steps="Keep reading every day; start a spelling game at home.",
        pupil_voice="I like the dog books.", parent_voice="Reads at bedtime now."))
    cycles.start_next(desk, cycle, review_on=date(2027, 2, 8))
    return pid


def teaches(senco: Desk, teacher: Desk, *pupil_ids: int, code: str = "7B/En1") -> int:
    """A teaching group ``code`` that ``teacher`` teaches, holding ``pupil_ids`` since
    September (a Teacher reads only the pupils they teach)."""
    from sencodesk.services import groups

    group = groups.create_group(senco, groups.GroupFields(code, "English",
                                                          (teacher.actor.staff_id,)))
    groups.add_pupils(senco, group, pupil_ids, starts_on=date(2026, 9, 1))
    return group


def second_senco(desk: Desk, full_name: str = "Alex Smith") -> Desk:
    """Another SENCO signed in on the same case file, as at a second desk (close it)."""
    username = full_name.split()[0].lower()
    accounts.add_account(desk, full_name=full_name, username=username, role=Role.SENCO,
                         password="long enough pass")
    other = accounts.sign_in(desk.data_dir, username, "long enough pass")
    other.today = desk.today
    return other
