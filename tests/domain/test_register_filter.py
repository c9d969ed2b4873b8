"""The one register filter: what "matches" means for the services and the Register screen."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.records import PupilRow
from sencodesk.domain.register_filter import RegisterFilter, matches, natural_key, needs_text

TODAY = date(2026, 11, 22)


def _row(**overrides: object) -> PupilRow:
    values: dict[str, object] = dict(
        id=1, upn="B801200005001", surname="Smith", forename="Jo", dob=date(2014, 3, 1),
        year_group=YearGroup.Y7, form="7B", gender="F", status=SenStatus.SUPPORT,
        primary_need=NeedType.SLCN, secondary_need=NeedType.ASD, left_on=None,
        legal_surname="Łukasiewicz", legal_forename="Joanna")
    values.update(overrides)
    return PupilRow(**values)  # type: ignore[arg-type]


def test_search_is_case_folded_over_legal_and_preferred_names_and_upn() -> None:
    row = _row()
    for term in ("łuk", "ŁUKASIEWICZ", "joanna", "smith", "jo smith", "b80120000"):
        assert matches(row, RegisterFilter(search=term), today=TODAY), term
    assert not matches(row, RegisterFilter(search="lukasiewicz"), today=TODAY)
    assert matches(_row(legal_surname="Straße"), RegisterFilter(search="STRASSE"), today=TODAY)


def test_need_matches_either_need_and_both_are_shown() -> None:
    row = _row()
    assert matches(row, RegisterFilter(need=NeedType.ASD), today=TODAY)
    assert not matches(row, RegisterFilter(need=NeedType.MLD), today=TODAY)
    assert needs_text(row) == "SLCN, ASD"


def test_class_is_matched_case_folded_and_leavers_only_when_asked() -> None:
    assert matches(_row(), RegisterFilter(form=" 7b "), today=TODAY)
    left = _row(left_on=date(2026, 7, 22))
    assert not matches(left, RegisterFilter(), today=TODAY)
    assert matches(left, RegisterFilter(include_left=True), today=TODAY)


def test_class_names_sort_naturally() -> None:
    forms = ["10A", "7B", "Maple", "7A", "11C", "8a", "9"]
    assert sorted(forms, key=natural_key) == ["7A", "7B", "8a", "9", "10A", "11C", "Maple"]
