"""SIMS and Arbor context exports are read by their own headers: recognised without being
named, or named as a preset; the year group beside the figures is never taken for the academic
year, and a SIMS lunchtime suspension is half a day."""

from __future__ import annotations

from datetime import date

import pytest
from inclusion_samples import arbor_file, sims_file

from sencodesk.domain.context_csv import (
    ContextKind,
    Entry,
    ExclusionEntry,
    FlagsEntry,
    PartTimeEntry,
    describe_entry,
    detect_preset,
    parse,
)
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.inclusion import LUNCHTIME_RULE, AttendanceRecord, ExclusionKind, Term

UPN = "A801200000011"
KINDS = ("attendance", "exclusions", "part-time", "flags")
EXPECTED: dict[tuple[str, str], Entry] = {
    ("sims", "attendance"): AttendanceRecord(2025, Term.AUTUMN, 140, 126, 10, 4),
    ("sims", "exclusions"): ExclusionEntry(ExclusionKind.SUSPENSION, date(2025, 10, 14), 0.5,
                                           "VP"),
    ("sims", "part-time"): PartTimeEntry(date(2026, 10, 1), date(2026, 12, 18),
                                         date(2026, 11, 12), "Returning after illness"),
    ("sims", "flags"): FlagsEntry((("pupil_premium", True), ("fsm", True),
                                   ("looked_after", False), ("previously_looked_after", False),
                                   ("eal", True))),
    ("arbor", "attendance"): AttendanceRecord(2025, Term.SPRING, 120, 100, 12, 8),
    ("arbor", "exclusions"): ExclusionEntry(ExclusionKind.SUSPENSION, date(2026, 3, 3), 2,
                                            "DB"),
    ("arbor", "part-time"): PartTimeEntry(date(2026, 10, 5), date(2026, 12, 11),
                                          date(2026, 11, 2), "Anxiety"),
    ("arbor", "flags"): FlagsEntry((("pupil_premium", True), ("fsm", False),
                                    ("looked_after", False), ("previously_looked_after", True),
                                    ("eal", False))),
}
FILES = {"sims": sims_file, "arbor": arbor_file}


@pytest.mark.parametrize("mis", ["sims", "arbor"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_preset_reads_its_own_export_named_or_not(mis: str, kind: str) -> None:
    data = FILES[mis](kind, [UPN])
    for mapping in (mis, None):
        parsed = parse(ContextKind(kind), data, mapping)
        assert parsed.errors == ()
        assert [(r.row, r.upn, r.entry) for r in parsed.rows] == [(2, UPN,
                                                                   EXPECTED[mis, kind])]
        # the pupil's name, year group and class are left unread, never misread
        assert "Year" in parsed.ignored_columns


@pytest.mark.parametrize("kind", KINDS)
def test_the_usual_names_alone_do_not_read_these_exports(kind: str) -> None:
    """Each preset is needed: without it the file is refused or misread."""
    for make in (sims_file, arbor_file):
        data = make(kind, [UPN])
        try:
            parsed = parse(ContextKind(kind), data, "sencodesk")
        except ValidationError:
            continue  # refused: a column it needs has a name only the preset knows
        assert parsed.errors or [r.entry for r in parsed.rows] != [
            EXPECTED[make.__name__.split("_")[0], kind]]


def test_a_file_in_no_preset_shape_is_read_by_the_usual_names_alone() -> None:
    header = ["UPN", "Academic Year", "Term", "Possible", "Attended"]
    assert detect_preset(ContextKind.ATTENDANCE, header) == {}
    sims = detect_preset(ContextKind.ATTENDANCE, ["UPN", "Year", "Present", "Possible Sessions"])
    assert sims["Year"] == "" and sims["Present"] == "attended"


def test_a_column_named_by_hand_wins_over_the_preset() -> None:
    data = sims_file("attendance", [UPN]).replace(b"Present", b"Here")
    parsed = parse(ContextKind.ATTENDANCE, data, {"Here": "attended"})
    assert parsed.rows[0].entry == EXPECTED["sims", "attendance"]


def test_records_are_described_in_words_with_uk_dates() -> None:
    assert describe_entry(EXPECTED["sims", "exclusions"]) == \
        "Suspension from 14/10/2025, 0.5 days (VP)"
    assert describe_entry(ExclusionEntry(ExclusionKind.PERMANENT, date(2026, 2, 3), 0,
                                         "PA")) == "Permanent exclusion from 03/02/2026 (PA)"
    assert describe_entry(EXPECTED["arbor", "attendance"]) == (
        "2025/26 Spring: 100 of 120 sessions attended, 12 authorised and 8 unauthorised "
        "absence")
    assert describe_entry(EXPECTED["arbor", "part-time"]) == \
        "Part-time from 05/10/2026 until 11/12/2026, review 02/11/2026: Anxiety"


def test_a_lunchtime_suspension_is_half_a_day_with_or_without_its_session() -> None:
    """LUNCHTIME_RULE: lunchtime suspensions are counted as half a school day."""
    header = "UPN,Exclusion Type,Start Date,End Date,Actual Sessions,Reason\n"
    data = (header + f"{UPN},Lunchtime,14/10/2025,14/10/2025,,VP\n"
            f"{UPN},LNCH,15/10/2025,15/10/2025,1,VP\n").encode()
    parsed = parse(ContextKind.EXCLUSIONS, data, "sims")
    assert [(r.entry.kind, r.entry.days) for r in parsed.rows  # type: ignore[union-attr]
            ] == [(ExclusionKind.SUSPENSION, 0.5)] * 2
    assert "half a school day" in LUNCHTIME_RULE and "2023" in LUNCHTIME_RULE
