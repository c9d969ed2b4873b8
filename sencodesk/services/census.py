"""Census readiness: the next census day, and the register checked against the MIS's SEN
export before it (both ways, with the fix to make in the MIS for each difference)."""

from __future__ import annotations

from datetime import timedelta

from sencodesk.domain.census_check import (
    CensusCheckSheet,
    Difference,
    RegisterSen,
    compare,
    read_mis_export,
)
from sencodesk.domain.census_days import CensusDay, next_census_day
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.permissions import Permission
from sencodesk.services import pupils
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import meta, record_export

#: How long before a census day the Due dashboard asks for the check.
REMIND_DAYS = 28


def next_census(desk: Desk) -> CensusDay:
    """The next census day from the desk's today (today included)."""
    return next_census_day(desk.today())


def reminder(desk: Desk) -> CensusDay | None:
    """The census day to prepare for, when one is within :data:`REMIND_DAYS`."""
    day = next_census(desk)
    return day if day.on - desk.today() <= timedelta(days=REMIND_DAYS) else None


def register_sen(desk: Desk) -> dict[str, RegisterSen]:
    """Every pupil on roll (not leavers) with their current status and needs, by UPN."""
    return {row.upn: RegisterSen(row.upn, row.display_name, row.status,
                                 tuple(n for n in (row.primary_need, row.secondary_need) if n))
            for row in pupils.list_pupils(desk)}


def check(desk: Desk, data: bytes) -> list[Difference]:
    """The differences between the register and the MIS's SEN export (CSV bytes)."""
    desk.require(Permission.READ_PUPILS)
    return compare(register_sen(desk), read_mis_export(data))


@composite(Permission.EXPORT)
def check_sheet(desk: Desk, data: bytes, *, mis_file: str) -> CensusCheckSheet:
    """The census check as a printable sheet (its export audited: it names pupils)."""
    register = register_sen(desk)
    export = read_mis_export(data)
    differences = tuple(compare(register, export))
    day = next_census(desk)
    record_export(desk, "census check", summary=f"census check against {mis_file}: "
                  f"{len(differences)} differences")
    on_register = sum(1 for r in register.values() if r.status is not SenStatus.NONE)
    on_mis = sum(1 for m in export.pupils.values() if m.status is not SenStatus.NONE)
    return CensusCheckSheet(meta(desk, f"Census check for {uk(day.on)}"), day, mis_file,
                            on_register, on_mis, differences)
