"""Small builders for test data (valid UPNs, pupils) so tests say only what matters to them."""

from __future__ import annotations

import io
from datetime import date
from itertools import count

from PIL import Image, ImageDraw

from sencodesk.domain.codes import NeedType, Role, SenStatus, YearGroup
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import accounts, pupils
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


def teaches(senco: Desk, teacher: Desk, *pupil_ids: int, code: str = "7B/En1") -> int:
    """A teaching group ``code`` that ``teacher`` teaches, holding ``pupil_ids`` since
    September (a Teacher reads only the pupils they teach)."""
    from sencodesk.services import groups

    group = groups.create_group(senco, groups.GroupFields(code, "English",
                                                          (teacher.actor.staff_id,)))
    groups.add_pupils(senco, group, pupil_ids, starts_on=date(2026, 9, 1))
    return group
