"""Parsing MIS CSV exports: encodings, separators, headers, and every bad row named."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain import validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.mis_csv import IGNORE, parse

HEADER = "UPN,Legal Surname,Legal Forename,DOB,Year,Reg,SEN Status,Primary Need\n"
GOOD = "B801200005001,O'Brien,Zoë,01/03/2014,7,7B,K,SLCN\n"


def test_a_sims_style_file() -> None:
    parsed = parse((HEADER + GOOD).encode())
    (row,) = parsed.rows
    assert (row.row, row.upn, row.surname, row.forename) == (2, "B801200005001", "O'Brien", "Zoë")
    assert row.dob == date(2014, 3, 1) and row.year_group is YearGroup.Y7
    assert row.status is SenStatus.SUPPORT and row.needs == (NeedType.SLCN,)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings(encoding: str) -> None:
    assert parse((HEADER + GOOD).encode(encoding)).rows[0].forename == "Zoë"


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    text = (HEADER + GOOD).replace(",", "\t")
    (row,) = parse(text.encode("utf-16")).rows
    assert (row.forename, row.form) == ("Zoë", "7B")


def test_semicolons_quotes_blank_lines_and_extra_columns() -> None:
    text = ("UPN;Surname;Forename;Date of Birth;NC Year;Form;Ethnicity\n\n"
            'B801200005001;"Smith; Jones";"Anne\nMarie";2014-03-01;R;RB;WBRI\n')
    parsed = parse(text.encode())
    (row,) = parsed.rows
    assert row.surname == "Smith; Jones" and row.forename == "Anne\nMarie"
    assert row.year_group is YearGroup.RECEPTION and row.dob == date(2014, 3, 1)
    assert parsed.ignored_columns == ("Ethnicity",)
    assert row.status is None  # no status column: statuses are left alone


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"), (b"   \n", "empty"), (HEADER.encode(), "no pupils"),
    (b"UPN,Surname,Forename,Year\nB801200005001,A,B,7\n", "no column for Date of birth"),
    (b"PK\x03\x04\x14\x00\x06\x00 [Content_Types].xml", "workbook, not CSV: in Excel"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "workbook, not CSV"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
])
def test_file_level_problems(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse(data)


def test_historical_codes_are_mapped_and_reported() -> None:
    parsed = parse((HEADER + "B801200005001,A,B,01/03/2014,7,7B,S,ASD\n").encode())
    assert parsed.rows[0].status is SenStatus.EHCP
    assert parsed.rows[0].note == "historical code S recorded as E"


def test_each_bad_row_is_named_and_the_rest_survive() -> None:
    text = HEADER + GOOD + ("B801200005001,A,B,03-14-2014,7,7B,K,SLCN\n"
                            "B801200005001,A,B,01/03/2014,15,7B,K,SLCN\n"
                            "B801200005001,A,B,01/03/2014,7,7B,X,SLCN\n"
                            "B801200005001,A,B,01/03/2014,7,7B,K,DYS\n")
    parsed = parse(text.encode())
    assert len(parsed.rows) == 1
    assert [(e.row, e.message.split(":")[0]) for e in parsed.errors] == [
        (3, "DOB"), (4, "Year"), (5, "SEN Status"), (6, "Primary Need")]


def test_presets_and_unknown_preset() -> None:
    text = "UPN,Last Name,First Name,Date Of Birth,Year Group,Registration Form\n" \
           "B801200005001,Adeyemi,Tunde,01/03/2014,7,7A\n"
    assert parse(text.encode(), "arbor").rows[0].form == "7A"
    with pytest.raises(ValidationError, match="not a preset"):
        parse(text.encode(), "capita")


def test_a_chosen_column_beats_the_usual_name_and_a_dropped_one_is_not_read() -> None:
    text = ("UPN,Surname,Forename,Preferred Surname,DOB,Year,Reg,Gender\n"
            "B801200005001,Smith,Anne,Jones,01/03/2014,7,7B,F\n")
    # the usual "Surname" column is set aside for another; "Gender" is not to be read
    parsed = parse(text.encode(), {"Preferred Surname": "surname", "Surname": IGNORE,
                                   "Gender": IGNORE})
    (row,) = parsed.rows
    assert row.surname == "Jones" and row.gender == ""
    assert {"Surname", "Gender"} <= set(parsed.ignored_columns)


def test_gender_is_stored_as_the_census_code_and_a_stray_value_is_a_row_error() -> None:
    text = ("UPN,Surname,Forename,DOB,Year,Gender\n"
            "B801200005001,Smith,Sam,01/03/2014,7,Male\n"
            "B801200005002,Jones,Ann,01/03/2014,7,Q\n")
    parsed = parse(text.encode())
    assert [r.gender for r in parsed.rows] == ["M"]
    assert [(e.row, e.message.split(":")[0]) for e in parsed.errors] == [(3, "Gender")]


def test_row_errors_name_the_files_own_columns_and_say_what_is_wrong() -> None:
    text = ("UPN,Surname,Forename,Date of Birth,NC Year,Gender\n"
            ",Smith,Sam,01/03/2014,7,M\n"
            "B801200005002,Jones,Ann,31/02/2014,7,F\n"
            "B801200005003,Khan,Ali,01/03/2014,Q,M\n"
            "B801200005004,Short\n")
    parsed = parse(text.encode())
    assert [r.upn for r in parsed.rows] == [""]  # a blank UPN is refused when checked
    assert [(e.row, e.message) for e in parsed.errors] == [
        (3, "Date of Birth: 31/02/2014 is not a real date (there is no such day in that month)"),
        (4, "NC Year: 'Q' is not a year group (use N, R or 1-14)"),
        (5, "has 2 columns but the header has 6 (is a comma or line break in a name missing "
            "its quotes?)"),
    ]
    with pytest.raises(ValidationError, match="upn: is missing"):
        validation.upn("  ")
