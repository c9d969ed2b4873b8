"""Reading inclusion context from MIS CSV exports: headers by their usual names or a mapping,
and every bad row named by its row and column."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain.context_csv import ContextKind, ExclusionEntry, FlagsEntry, parse
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.inclusion import AttendanceRecord, ExclusionKind, Term, academic_year

UPN = "A801200000011"


def test_attendance_rows_with_usual_headers_and_row_errors() -> None:
    data = (
        "UPN;Academic Year;Term;Possible Sessions;Attendances;Authorised Absences;"
        "Unauthorised Absences\n"
        f"{UPN};2025/26;Autumn;140;126;10;4\n"
        f"{UPN};2025/26;Spring;120;110;6;8\n"       # 124 > 120
        f"{UPN};2025-26;Winter;120;110;6;4\n"
        f"{UPN};2025/27;Summer;120;110;6;4\n"
    ).encode()
    parsed = parse(ContextKind.ATTENDANCE, data)
    (row,) = parsed.rows
    assert row.entry == AttendanceRecord(2025, Term.AUTUMN, 140, 126, 10, 4)
    assert [(e.row, e.message.split(":")[0]) for e in parsed.errors] == [
        (3, "Possible Sessions"), (4, "Term"), (5, "Academic Year")]
    assert "add up to 124" in parsed.errors[0].message


def test_exclusions_by_days_or_sessions_with_reason_codes() -> None:
    data = (
        "UPN,Exclusion Type,Start Date,Sessions,Reason\n"
        f"{UPN},Fixed,06/10/2025,3,Persistent or general disruptive behaviour\n"
        f"{UPN},PERM,03/02/2026,0,PA\n"
        f"{UPN},Fixed,07/10/2025,3,Other\n"
        f"{UPN},Fixed,31/09/2025,2,DB\n"
    ).encode()
    parsed = parse(ContextKind.EXCLUSIONS, data)
    assert [r.entry for r in parsed.rows] == [
        ExclusionEntry(ExclusionKind.SUSPENSION, date(2025, 10, 6), 1.5, "DB"),
        ExclusionEntry(ExclusionKind.PERMANENT, date(2026, 2, 3), 0, "PA")]
    assert [(e.row, e.message.split(":")[0]) for e in parsed.errors] == [
        (4, "Reason"), (5, "Start Date")]


def test_a_mapping_names_unusual_headers_and_flags_take_only_their_columns() -> None:
    data = f"Pupil UPN,Disadvantaged,EAL\n{UPN},Y,no\n{UPN},maybe,N\n".encode()
    parsed = parse(ContextKind.FLAGS, data, {"Pupil UPN": "upn", "Disadvantaged": "pupil_premium"})
    assert parsed.rows[0].entry == FlagsEntry((("pupil_premium", True), ("eal", False)))
    assert parsed.errors[0].row == 3 and parsed.errors[0].message.startswith("Disadvantaged:")


def test_file_level_problems_name_the_missing_column() -> None:
    with pytest.raises(ValidationError, match="no column for Planned end, Review date"):
        parse(ContextKind.PART_TIME, f"UPN,Start\n{UPN},01/10/2026\n".encode())
    with pytest.raises(ValidationError, match="Days \\(or Sessions\\)"):
        parse(ContextKind.EXCLUSIONS, b"UPN,Type,Start,Reason\n")


def test_academic_years_in_the_ways_they_are_written() -> None:
    assert [academic_year(t) for t in ("2025/26", "2025-26", "2025/2026", "2025")] == [2025] * 4
    with pytest.raises(ValidationError):
        academic_year("25/26")
