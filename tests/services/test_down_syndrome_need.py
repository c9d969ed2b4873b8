"""Down syndrome (census SEN type DS, from January 2025) is read, kept and sent on by every
path that carries a need type: the census checks, the register, MIS CSV, CTF in and out."""

from __future__ import annotations

import shutil
from pathlib import Path

from ctf_samples import UPN_A, ctf_file, ctf_pupil
from factories import PASSWORD, TODAY, add_pupil, new_upn

from sencodesk.domain import census
from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.ctf import parse_ctf
from sencodesk.domain.mis_csv import parse
from sencodesk.services import accounts, ctf, mis_import, pupils
from sencodesk.services.context import Desk

DS_NEED = ("<SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>DS</SENtype></SENneed>"
           "<SENneed><SENtypeRank>2</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds>")


def test_the_census_checks_accept_ds_as_a_primary_or_secondary_need() -> None:
    assert census.parse_need(" ds ") is NeedType.DS
    assert NeedType.DS.label == "Down syndrome"
    census.check_needs(SenStatus.SUPPORT, (NeedType.DS,))
    census.check_needs(SenStatus.EHCP, (NeedType.SLD, NeedType.DS))


def test_an_mis_row_carrying_ds_is_read_not_rejected(desk: Desk) -> None:
    upn = new_upn()
    data = ("UPN,Legal Surname,Legal Forename,DOB,Year,Reg,SEN Status,Primary Need,"
            f"Secondary Need\n{upn},Hughes,Amy,01/03/2014,7,7B,E,DS,SLCN\n").encode()
    (row,) = parse(data).rows
    assert row.needs == (NeedType.DS, NeedType.SLCN)
    plan = mis_import.preview(desk, data)
    assert (len(plan.new), len(plan.rejected)) == (1, 0)
    mis_import.apply(desk, plan)
    (found,) = pupils.list_pupils(desk, pupils.RegisterFilter(need=NeedType.DS))
    assert (found.upn, found.primary_need, found.secondary_need) == (upn, NeedType.DS,
                                                                      NeedType.SLCN)


def test_a_ctf_carrying_ds_is_read_and_a_leavers_ds_is_sent_on(desk: Desk, tmp_path: Path,
                                                               _empty_school: Path) -> None:
    parsed = parse_ctf(ctf_file(ctf_pupil(needs=DS_NEED)))
    assert not parsed.errors and parsed.rows[0].needs == (NeedType.DS, NeedType.SLCN)
    mis_import.apply(desk, ctf.preview(desk, ctf_file(ctf_pupil(needs=DS_NEED))))
    pid = pupils.id_for_upn(desk, UPN_A)
    assert pupils.get(desk, pid).row.primary_need is NeedType.DS
    leaver = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.DS,))
    pupils.mark_left(desk, leaver, TODAY)
    data = ctf.export(desk, [leaver])
    assert b"<SENtype>DS</SENtype>" in data
    other_dir = tmp_path / "next-school"
    shutil.copytree(_empty_school, other_dir)
    other = accounts.sign_in(other_dir, "senco", PASSWORD)
    other.today = lambda: TODAY
    mis_import.apply(other, ctf.preview(other, data))
    (row,) = pupils.list_pupils(other)
    assert row.primary_need is NeedType.DS
    other.close()
