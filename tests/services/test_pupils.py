from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil, new_upn, pupil_fields

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import Conflict, ValidationError
from sencodesk.services import audit, people, pupils
from sencodesk.services.context import Desk


def test_create_and_read_back_with_accents_and_apostrophes(desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Łukasiewicz-Smith", legal_forename="Zoë")
    detail = pupils.get(desk, pid)
    assert detail.row.surname == "Łukasiewicz-Smith"
    assert detail.row.status is SenStatus.SUPPORT
    assert detail.row.primary_need is NeedType.SLCN


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"upn": "C801200005001"}, "upn"),
        ({"upn": "B80120000500"}, "upn"),
        ({"upn": "I801200005001"}, "upn"),
        ({"dob": date(2027, 1, 1)}, "date of birth"),
        ({"legal_surname": "x" * 101}, "surname"),
        ({"legal_surname": ""}, "surname"),
        ({"legal_forename": "R2D2"}, "forename"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(
    desk: Desk, overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        pupils.create(desk, pupil_fields(**overrides))
    assert caught.value.field == field
    assert pupils.list_pupils(desk) == []


def test_duplicate_upn_is_refused(desk: Desk) -> None:
    upn = new_upn()
    add_pupil(desk, upn=upn)
    with pytest.raises(Conflict, match=upn):
        add_pupil(desk, upn=upn, legal_surname="Other")
    assert len(pupils.list_pupils(desk)) == 1


def test_third_need_and_nsa_with_ehcp_are_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="at most two"):
        add_pupil(desk, needs=(NeedType.SLCN, NeedType.ASD, NeedType.MLD))
    with pytest.raises(ValidationError, match="NSA"):
        add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.NSA,))
    with pytest.raises(ValidationError, match="primary need"):
        add_pupil(desk, status=SenStatus.EHCP, needs=())
    assert pupils.list_pupils(desk) == []


def test_status_change_keeps_history(desk: Desk) -> None:
    pid = add_pupil(desk)
    pupils.change_sen(
        desk, pid, pupils.SenChange(SenStatus.EHCP, (NeedType.ASD, NeedType.SLCN),
                                    date(2026, 3, 2))
    )
    detail = pupils.get(desk, pid)
    assert [(s.status, s.starts_on, s.ends_on) for s in detail.statuses] == [
        (SenStatus.EHCP, date(2026, 3, 2), None),
        (SenStatus.SUPPORT, date(2025, 9, 1), date(2026, 3, 1)),
    ]
    open_needs = [(n.need, n.rank) for n in detail.needs if n.ends_on is None]
    assert sorted(open_needs, key=lambda n: n[1]) == [(NeedType.ASD, 1), (NeedType.SLCN, 2)]
    ended = [n for n in detail.needs if n.ends_on is not None]
    assert [(n.need, n.ends_on) for n in ended] == [(NeedType.SLCN, date(2026, 3, 1))]


def test_status_change_before_current_start_is_refused(desk: Desk) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match="01/09/2025"):
        pupils.change_sen(desk, pid, pupils.SenChange(SenStatus.NONE, (), date(2025, 1, 1)))
    assert pupils.get(desk, pid).row.status is SenStatus.SUPPORT


def test_filters(desk: Desk) -> None:
    add_pupil(desk, legal_surname="Adeyemi", year_group=YearGroup.Y8, form="8C")
    add_pupil(desk, legal_surname="Begum", status=SenStatus.EHCP, needs=(NeedType.ASD,))
    add_pupil(desk, legal_surname="Chen", status=SenStatus.NONE)

    def names(where: pupils.RegisterFilter) -> list[str]:
        return [r.surname for r in pupils.list_pupils(desk, where)]

    assert names(pupils.RegisterFilter(status=SenStatus.EHCP)) == ["Begum"]
    assert names(pupils.RegisterFilter(need=NeedType.SLCN)) == ["Adeyemi"]
    assert names(pupils.RegisterFilter(year_group=YearGroup.Y8)) == ["Adeyemi"]
    assert names(pupils.RegisterFilter(form="8c")) == ["Adeyemi"]
    assert names(pupils.RegisterFilter(search="beg")) == ["Begum"]


def test_update_is_audited_field_by_field(desk: Desk) -> None:
    pid = add_pupil(desk, form="7B")
    detail = pupils.get(desk, pid)
    changed = pupils.fields_of(detail)
    pupils.update(desk, pid, pupils.PupilFields(**{**changed.__dict__, "form": "7C"}))
    (latest, *_) = audit.list_events(desk, pupil_id=pid)
    assert latest.action == "update"
    assert latest.changes == {"form": ["7B", "7C"]}


def test_left_pupils_are_read_only_and_off_the_register(desk: Desk) -> None:
    pid = add_pupil(desk)
    pupils.mark_left(desk, pid, date(2026, 7, 22))
    assert pupils.list_pupils(desk) == []
    assert len(pupils.list_pupils(desk, pupils.RegisterFilter(include_left=True))) == 1
    with pytest.raises(ValidationError, match="read-only"):
        pupils.change_sen(desk, pid, pupils.SenChange(SenStatus.NONE))


def test_sql_injection_text_is_stored_verbatim(desk: Desk) -> None:
    nasty = "Robert'); DROP TABLE pupil;--"
    pid = add_pupil(desk)
    people.add_agency(desk, pid, name=nasty, contact="' OR 1=1 --")
    assert pupils.get(desk, pid).agencies[0].name == nasty
    assert len(pupils.list_pupils(desk, pupils.RegisterFilter(search="'; DROP"))) == 0
    assert len(pupils.list_pupils(desk)) == 1


def test_search_finds_legal_names_behind_preferred_ones_case_folded(desk: Desk) -> None:
    add_pupil(desk, legal_surname="Łukasiewicz", legal_forename="Aleksandra",
              preferred_surname="Lucas", preferred_forename="Ola")
    add_pupil(desk, legal_surname="Chen")

    def names(search: str) -> list[str]:
        return [r.surname for r in pupils.list_pupils(desk, pupils.RegisterFilter(search=search))]

    assert names("łuk") == ["Lucas"]
    assert names("ŁUKASIEWICZ") == ["Lucas"]
    assert names("aleksandra") == ["Lucas"]
    assert names("ola lucas") == ["Lucas"]
