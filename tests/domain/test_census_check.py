"""The register against an MIS SEN export, both ways, one pupil for each kind of difference."""

from __future__ import annotations

import pytest

from sencodesk.domain.census_check import Kind, RegisterSen, compare, read_mis_export
from sencodesk.domain.codes import NeedType as T
from sencodesk.domain.codes import SenStatus as S
from sencodesk.domain.errors import ValidationError

#: As SIMS's SEN needs report gives it: one row per need with its ranking.
MIS_BY_NEED = b"""UPN,Surname,Forename,SEN Provision,SEN Need,Ranking
B2,Bell,Ben,K,MLD,1
C3,Cole,Cara,E,SLCN,1
D4,Dunn,Dev,E,SLCN,1
D4,Dunn,Dev,E,ASD,2
E5,East,Eve,K,,
F6,Ford,Fay,E,NSA,1
G7,Gray,Gus,K,SPLD,1
G7,Gray,Gus,K,VI,1
H8,Hill,Hal,N,MLD,1
I9,Iqbal,Ida,K,MLD,1
J10,Jones,Jo,K,XYZ,1
K11,King,Kit,E,HI,1
"""

REGISTER = {r.upn: r for r in (
    RegisterSen("A1", "Amy Adams", S.SUPPORT, (T.SPLD,)),
    RegisterSen("B2", "Ben Bell", S.NONE),
    RegisterSen("C3", "Cara Cole", S.SUPPORT, (T.SLCN,)),
    RegisterSen("D4", "Dev Dunn", S.EHCP, (T.ASD, T.SLCN)),
    RegisterSen("E5", "Eve East", S.SUPPORT, (T.SEMH,)),
    RegisterSen("F6", "Fay Ford", S.EHCP, (T.ASD,)),
    RegisterSen("G7", "Gus Gray", S.SUPPORT, (T.SPLD, T.VI)),
    RegisterSen("H8", "Hal Hill", S.NONE),
    RegisterSen("I9", "Ida Iqbal", S.SUPPORT, (T.MLD,)),
    RegisterSen("J10", "Jo Jones", S.SUPPORT, (T.MLD,)),
    RegisterSen("Z99", "Zed Zane", S.NONE),
)}


def _by_upn() -> dict[str, list[tuple[Kind, str]]]:
    found: dict[str, list[tuple[Kind, str]]] = {}
    for d in compare(REGISTER, read_mis_export(MIS_BY_NEED)):
        found.setdefault(d.upn, []).append((d.kind, d.fix))
    return found


def test_each_kind_of_difference_with_its_fix() -> None:
    found = _by_upn()
    assert found["A1"] == [(Kind.NOT_IN_MIS, "In the MIS, record SEN provision K with SPLD "
                            "(rank 1).")]
    assert found["B2"][0][0] is Kind.NOT_ON_REGISTER and "set N" in found["B2"][0][1]
    assert found["C3"] == [(Kind.STATUS_DIFFERS, "In the MIS, change SEN provision from E to "
                            "K, with SLCN (rank 1).")]
    assert found["D4"] == [(Kind.NEEDS_DIFFER, "In the MIS, set the needs to ASD (rank 1), "
                            "SLCN (rank 2).")]
    assert found["E5"] == [(Kind.CENSUS_REJECTS, "Add a primary need type (rank 1): SEMH "
                            "(rank 1).")]
    assert found["F6"] == [(Kind.CENSUS_REJECTS, "Replace NSA with the need types the EHC "
                            "plan names: ASD (rank 1).")]
    assert found["G7"] == [(Kind.CENSUS_REJECTS, "Keep one need at rank 1 and at most one at "
                            "rank 2: SPLD (rank 1), VI (rank 2).")]
    assert found["H8"] == [(Kind.CENSUS_REJECTS, "Remove the need types: a pupil with N has "
                            "none.")]
    assert found["J10"][0][0] is Kind.UNREADABLE and len(found["J10"]) == 1
    assert found["K11"] == [(Kind.NOT_ON_REGISTER, "Check the UPN: no pupil on roll here has "
                             "it.")]
    assert "I9" not in found and "Z99" not in found  # agreeing, and N on both sides


def test_the_row_that_cannot_be_read_is_named() -> None:
    unreadable = read_mis_export(MIS_BY_NEED).unreadable
    assert len(unreadable) == 1 and unreadable[0].there.startswith("row 12: 'XYZ' is not")


def test_differences_come_grouped_by_kind_in_a_fixed_order() -> None:
    kinds = [d.kind for d in compare(REGISTER, read_mis_export(MIS_BY_NEED))]
    order = list(Kind)
    assert kinds == sorted(kinds, key=order.index)


def test_a_type_on_n_where_the_register_has_support_asks_for_the_status() -> None:
    mis = b"UPN,SEN Status,Primary Need\nA1,N,SPLD\n"
    found = compare({"A1": REGISTER["A1"]}, read_mis_export(mis))
    assert [(d.kind, d.fix) for d in found] == [
        (Kind.CENSUS_REJECTS, "Set SEN provision to K (the types need a status).")]


def test_primary_and_secondary_columns_and_a_matching_export() -> None:
    mis = (b"UPN;Legal Surname;Legal Forename;SEN Status;Primary Need;Secondary Need\n"
           b"D4;Dunn;Dev;E;ASD;SLCN\nA1;Adams;Amy;K;SPLD;\n")
    register = {k: REGISTER[k] for k in ("A1", "D4", "B2")}
    assert compare(register, read_mis_export(mis)) == []


def test_an_export_without_a_status_column_is_refused() -> None:
    with pytest.raises(ValidationError, match="no column for SEN status"):
        read_mis_export(b"UPN,Surname\nA1,Adams\n")
