"""Common Transfer Files through the services: arrivals previewed and imported whole, leavers'
SEN history exported and read back by another school."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ctf_samples import UPN_A, UPN_B, ctf_file, ctf_pupil
from factories import PASSWORD, TODAY, add_pupil

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.errors import ValidationError
from sencodesk.services import accounts, audit, ctf, mis_import, pupils
from sencodesk.services.context import Desk


def test_arrivals_are_previewed_then_imported_with_their_sen_history(desk: Desk) -> None:
    data = ctf_file(ctf_pupil(), ctf_pupil(UPN_B, sen="", needs=""))
    plan = ctf.preview(desk, data)
    assert (len(plan.new), len(plan.rejected)) == (2, 0)
    assert pupils.list_pupils(desk) == []  # a preview writes nothing
    mis_import.apply(desk, plan)
    detail = pupils.get(desk, pupils.id_for_upn(desk, UPN_A))
    assert detail.row.status is SenStatus.SUPPORT
    assert (detail.row.primary_need, detail.row.secondary_need) == (NeedType.SLCN,
                                                                    NeedType.SPLD)
    assert detail.statuses[0].starts_on == date(2023, 9, 4)  # from the CTF, not today
    again = ctf.preview(desk, data)
    assert again.writes == 0 and len(again.unchanged) == 2  # re-import changes nothing


def test_a_new_pupil_keeps_the_whole_sen_history_from_the_file(desk: Desk) -> None:
    sen = ("<SEN><StartDate>2021-09-01</StartDate><SENprovision>K</SENprovision></SEN>"
           "<SEN><StartDate>2024-01-10</StartDate><SENprovision>E</SENprovision></SEN>")
    mis_import.apply(desk, ctf.preview(desk, ctf_file(ctf_pupil(sen=sen))))
    detail = pupils.get(desk, pupils.id_for_upn(desk, UPN_A))
    assert [(s.status, s.starts_on, s.ends_on) for s in detail.statuses] == [
        (SenStatus.EHCP, date(2024, 1, 10), None),
        (SenStatus.SUPPORT, date(2021, 9, 1), date(2024, 1, 9))]


def test_same_upn_different_birthday_is_flagged_not_merged(desk: Desk) -> None:
    add_pupil(desk, upn=UPN_A, dob=date(2013, 1, 1))
    plan = ctf.preview(desk, ctf_file(ctf_pupil()))
    assert plan.writes == 0
    assert "born 01/01/2013" in plan.rejected[0].message
    assert mis_import.describe(plan, unit="line")[-1].startswith("Rejected: line 5:")


def test_hostile_file_is_refused_and_nothing_is_written(desk: Desk) -> None:
    data = ctf_file(ctf_pupil().replace("Zoë", "&x;"),
                    prolog='<!DOCTYPE CTfile [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n')
    with pytest.raises(ValidationError, match="refused unread"):
        ctf.preview(desk, data)
    assert pupils.list_pupils(desk) == []


def test_leavers_history_round_trips_into_an_empty_school(desk: Desk, tmp_path: Path,
                                                          _empty_school: Path) -> None:
    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.ASD, NeedType.SLCN))
    pupils.mark_left(desk, pid, TODAY)
    data = ctf.export(desk, [pid])
    assert b"<SENprovision>E</SENprovision>" in data and b"<SENtype>ASD</SENtype>" in data
    assert audit.list_events(desk, pupil_id=pid)[0].entity == "ctf"
    other_dir = tmp_path / "other-school"
    shutil.copytree(_empty_school, other_dir)
    other = accounts.sign_in(other_dir, "senco", PASSWORD)
    other.today = lambda: TODAY
    plan = ctf.preview(other, data)
    mis_import.apply(other, plan)
    (row,) = pupils.list_pupils(other)
    assert (row.status, row.primary_need, row.secondary_need) == (
        SenStatus.EHCP, NeedType.ASD, NeedType.SLCN)
    assert row.upn == pupils.get(desk, pid).row.upn
    other.close()
