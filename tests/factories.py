"""Small builders for test data (valid UPNs, pupils) so tests say only what matters to them."""

from __future__ import annotations

from datetime import date
from itertools import count

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
