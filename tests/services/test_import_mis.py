"""MIS import: preview first, all or nothing, idempotent, conflicts flagged not merged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil, new_upn

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import audit, demo, mis_import, pupils
from sencodesk.services.context import Desk
from sencodesk.services.register_csv import register_csv, write_register_csv

HEADER = "UPN,Legal Surname,Legal Forename,DOB,Year,Reg,SEN Status,Primary Need\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{r}\n" for r in rows)).encode()


def test_preview_writes_nothing_then_apply_writes_all(desk: Desk) -> None:
    data = _csv(f"{new_upn()},O'Brien,Zoë,01/03/2014,7,7B,K,SLCN",
                f"{new_upn()},Ahmed,Yusuf,12/11/2013,8,8A,N,",
                "C801200005001,Bad,Upn,01/03/2014,7,7B,N,")
    plan = mis_import.preview(desk, data)
    assert (len(plan.new), len(plan.rejected)) == (2, 1)
    assert "row 4" in mis_import.describe(plan)[-1] and "check letter" in plan.rejected[0].message
    assert pupils.list_pupils(desk) == []
    assert mis_import.apply(desk, plan).created == 2
    statuses = {r.surname: r.status for r in pupils.list_pupils(desk)}
    assert statuses == {"O'Brien": SenStatus.SUPPORT, "Ahmed": SenStatus.NONE}
    again = mis_import.preview(desk, data)
    assert (len(again.new), len(again.updated), len(again.unchanged)) == (0, 0, 2)


def test_updates_are_listed_field_by_field(desk: Desk) -> None:
    upn = new_upn()
    pid = add_pupil(desk, upn=upn, form="7B")
    plan = mis_import.preview(desk, _csv(f"{upn},O'Brien,Zoë,01/03/2014,8,8B,E,ASD"))
    (update,) = plan.updated
    assert update.changes == {"year": (7, 8), "class": ("7B", "8B"), "status": ("K", "E"),
                              "needs": ("SLCN", "ASD")}
    mis_import.apply(desk, plan)
    row = pupils.get(desk, pid).row
    assert (row.form, row.status, row.primary_need) == ("8B", SenStatus.EHCP, NeedType.ASD)
    assert len(pupils.get(desk, pid).statuses) == 2  # history kept


def test_duplicates_and_date_of_birth_conflicts_are_rejected(desk: Desk) -> None:
    upn, twin = new_upn(), new_upn()
    add_pupil(desk, upn=upn)
    plan = mis_import.preview(desk, _csv(f"{upn},O'Brien,Zoë,02/03/2014,7,7B,K,SLCN",
                                         f"{twin},A,B,01/03/2014,7,7B,N,",
                                         f"{twin},C,D,01/03/2014,7,7B,N,"))
    messages = [e.message for e in plan.rejected]
    assert "Check before merging" in messages[0] and "01/03/2014" in messages[0]
    assert len(messages) == 3 and plan.writes == 0
    assert all("more than once" in m for m in messages[1:])


def test_a_date_of_birth_that_does_not_fit_the_year_group_is_rejected_with_its_row(
    desk: Desk,
) -> None:
    # the desk's today is 22/11/2026: a 2026 birth cannot be in Year 8
    plan = mis_import.preview(desk, _csv(f"{new_upn()},Slip,Typed,01/01/2026,8,8A,N,",
                                         f"{new_upn()},Fine,Pupil,01/03/2014,8,8A,N,"))
    (rejected,) = plan.rejected
    assert rejected.row == 2 and "puts the pupil in no year group yet" in rejected.message
    assert len(plan.new) == 1


def test_all_or_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = mis_import.preview(desk, _csv(*(f"{new_upn()},Pupil,Number,01/03/2014,7,7B,N,"
                                           for _ in range(5))))
    calls = {"n": 0}
    real = audit.record

    def failing(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise SencodeskError("disk full")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(SencodeskError, match="disk full"):
        mis_import.apply(desk, plan)
    assert pupils.list_pupils(desk) == []


def test_register_csv_round_trip_into_an_empty_school(desk: Desk, tmp_path: Path) -> None:
    from factories import PASSWORD

    from sencodesk.services import accounts

    demo.build(desk, pupils=60, seed=3)
    exported = tmp_path / "register.csv"
    assert write_register_csv(desk, exported) == 60
    other = accounts.init_school(tmp_path / "other", school_name="Empty", username="s2",
                                 full_name="Sam Two", password=PASSWORD)
    other.today = desk.today
    mis_import.apply(other, mis_import.preview(other, exported.read_bytes()))

    def key(d: Desk) -> list[tuple[object, ...]]:
        return sorted((r.upn, r.surname, r.forename, r.dob, r.year_group, r.form, r.status,
                       r.primary_need, r.secondary_need) for r in pupils.list_pupils(d))

    assert key(other) == key(desk)
    assert register_csv(other).splitlines()[1:] == register_csv(desk).splitlines()[1:]
    other.close()


def test_fifty_thousand_rows_are_all_previewed(desk: Desk) -> None:
    """Every row of a very large file is read and classified (its speed is in make bench)."""
    rows = [f"{with_check_letter(f'9{n:011d}')},Surname,Forename,01/03/2014,7,7B,N,"
            for n in range(50_000)]
    plan = mis_import.preview(desk, _csv(*rows))
    assert len(plan.new) == 50_000 and plan.rejected == ()


def test_an_update_keeps_what_the_file_does_not_carry(desk: Desk) -> None:
    upn = new_upn()
    pid = add_pupil(desk, upn=upn, joined_on=date(2025, 9, 3), preferred_forename="Zo")
    mis_import.apply(desk, mis_import.preview(desk, _csv(
        f"{upn},O'Brien,Zoë,01/03/2014,8,8B,K,SLCN")))
    detail = pupils.get(desk, pid)
    assert detail.joined_on == date(2025, 9, 3) and detail.preferred_forename == "Zo"
    assert detail.row.form == "8B"


def test_a_rejected_row_names_the_column_as_the_file_does(desk: Desk) -> None:
    data = ("UPN,Legal Surname,Legal Forename,Date of Birth,Year\n"
            "A801200005001,Smith,Sam,01/03/2014,7\n"
            f"{new_upn()},Sm1th,Sam,01/03/2014,7\n").encode()
    plan = mis_import.preview(desk, data)
    assert [e.message.split(":")[0] for e in plan.rejected] == ["UPN", "Legal Surname"]
