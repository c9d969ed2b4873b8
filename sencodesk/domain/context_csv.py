"""Reading inclusion context exported from an MIS as CSV: attendance per term, suspensions and
exclusions, part-time timetables, pupil flags. One file holds one kind, a pupil per row named
by UPN.

The same reading as the pupil import (domain.mis_csv): encodings, delimiters, a mapping from
the file's headers to fields, and every error naming its CSV row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sencodesk.domain import upn as upns
from sencodesk.domain.assessment import ScoreKind, age_text, parse_value
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.inclusion import (
    FLAG_LABELS,
    LUNCHTIME_NAMES,
    AttendanceRecord,
    ExclusionKind,
    Term,
    academic_year,
    academic_year_label,
    check_attendance,
    check_exclusion,
    check_part_time,
    reason_code,
    yes_no,
)
from sencodesk.domain.mis_csv import (
    IGNORE,
    RowError,
    _checked_rows,
    _columns,
    _from_spreadsheet,
    _reader,
    parse_date,
)


class ContextKind(StrEnum):
    ATTENDANCE = "attendance"
    EXCLUSIONS = "exclusions"
    PART_TIME = "part-time"
    FLAGS = "flags"
    SCORES = "scores"

    @property
    def label(self) -> str:
        return {"attendance": "attendance per term", "exclusions": "suspensions and exclusions",
                "part-time": "part-time timetables", "flags": "pupil flags",
                "scores": "assessment scores"}[self.value]


@dataclass(frozen=True)
class ExclusionEntry:
    kind: ExclusionKind
    starts_on: date
    days: float
    reason: str


@dataclass(frozen=True)
class PartTimeEntry:
    starts_on: date
    planned_end: date
    review_on: date
    reason: str


@dataclass(frozen=True)
class FlagsEntry:
    """Only the flags the file has a column for: the others are kept as they are."""

    values: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class ScoreEntry:
    kind: ScoreKind
    test_name: str
    assessed_on: date
    value: float
    assessor: str


Entry = AttendanceRecord | ExclusionEntry | PartTimeEntry | FlagsEntry | ScoreEntry


@dataclass(frozen=True)
class ContextRow:
    row: int
    upn: str
    entry: Entry

    @property
    def key(self) -> tuple[object, ...]:
        """What a pupil's record of this kind is known by: a second row with the same key is a
        duplicate; a stored one with the same key is updated, not repeated."""
        entry = self.entry
        if isinstance(entry, AttendanceRecord):
            return (self.upn, entry.academic_year, entry.term)
        if isinstance(entry, ExclusionEntry):
            return (self.upn, entry.starts_on, entry.kind)
        if isinstance(entry, PartTimeEntry):
            return (self.upn, entry.starts_on)
        if isinstance(entry, ScoreEntry):
            return (self.upn, entry.test_name.casefold(), entry.assessed_on, entry.kind)
        return (self.upn,)


@dataclass(frozen=True)
class ParsedContext:
    kind: ContextKind
    rows: tuple[ContextRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    columns: dict[str, str]


_UPN = ("upn", "unique pupil number")
_START = ("start date", "start", "date", "starts", "from")
ALIASES: dict[ContextKind, dict[str, tuple[str, ...]]] = {
    ContextKind.ATTENDANCE: {
        "upn": _UPN, "year": ("academic year", "school year", "year"), "term": ("term",),
        "possible": ("possible", "possible sessions", "sessions possible"),
        "attended": ("attended", "attendances", "present", "sessions attended"),
        "authorised": ("authorised", "authorised absence", "authorised absences",
                       "authorized absence", "authorized absences"),
        "unauthorised": ("unauthorised", "unauthorised absence", "unauthorised absences",
                         "unauthorized absence", "unauthorized absences"),
    },
    ContextKind.EXCLUSIONS: {
        "upn": _UPN, "kind": ("type", "exclusion type", "category", "kind"),
        "start": (*_START, "exclusion start date"),
        "days": ("days", "number of days", "length (days)", "school days"),
        "sessions": ("sessions", "number of sessions", "sessions missed"),
        "reason": ("reason", "reason code", "exclusion reason", "reason 1"),
    },
    ContextKind.PART_TIME: {
        "upn": _UPN, "start": _START,
        "planned_end": ("planned end", "planned end date", "end date", "end", "time limit"),
        "review": ("review date", "review", "next review", "review on"),
        "reason": ("reason", "reasons", "why"),
    },
    ContextKind.FLAGS: {
        "upn": _UPN, "pupil_premium": ("pupil premium", "pp", "pupil premium indicator"),
        "fsm": ("fsm", "free school meals", "fsm eligible", "fsm eligibility"),
        "looked_after": ("looked after", "lac", "cla", "in care", "child looked after"),
        "previously_looked_after": ("previously looked after", "plac", "post lac",
                                    "post-lac", "previously in care"),
        "eal": ("eal", "english as an additional language"),
        "child_in_need": ("child in need", "cin"),
        "child_protection": ("child protection", "cp", "child protection plan"),
    },
    ContextKind.SCORES: {
        "upn": _UPN, "test": ("test", "test name", "assessment"),
        "date": ("date", "assessed on", "test date", "date of test"),
        "kind": ("kind", "measure", "score type", "type"),
        "score": ("score", "result", "value"),
        "assessor": ("assessor", "assessed by", "tester"),
    },
}
REQUIRED: dict[ContextKind, tuple[str, ...]] = {
    ContextKind.ATTENDANCE: ("upn", "year", "term", "possible", "attended"),
    ContextKind.EXCLUSIONS: ("upn", "kind", "start", "reason"),
    ContextKind.PART_TIME: ("upn", "start", "planned_end", "review"),
    ContextKind.FLAGS: ("upn",),
    ContextKind.SCORES: ("upn", "test", "date", "kind", "score"),
}
#: Named presets: for each MIS, per kind, the headers its exports use that the usual names
#: above do not cover, and the columns to leave unread because a usual name would misread them
#: (a SIMS or Arbor list carries the pupil's "Year" group, not the academic year). The headers
#: are those of the MIS's own reports as commonly exported; a school's report named otherwise
#: is matched on the app's Columns page or with ``--column``. "sencodesk" is this program's
#: own columns, read back with no mapping.
PRESETS: dict[str, dict[ContextKind, dict[str, str]]] = {
    "sims": {
        ContextKind.ATTENDANCE: {
            "Year": IGNORE, "Reg": IGNORE, "Possible Sessions": "possible",
            "Present": "attended", "Authorised Absences": "authorised",
            "Unauthorised Absences": "unauthorised"},
        ContextKind.EXCLUSIONS: {
            "Year": IGNORE, "Reg": IGNORE, "Exclusion Type": "kind", "Start Date": "start",
            "End Date": IGNORE, "Actual Sessions": "sessions", "Reason": "reason"},
        ContextKind.PART_TIME: {
            "Year": IGNORE, "Reg": IGNORE, "Reduced Timetable Start": "start",
            "Reduced Timetable End": "planned_end", "Review Date": "review",
            "Reason": "reason"},
        ContextKind.FLAGS: {
            "Year": IGNORE, "Reg": IGNORE, "FSM Eligible": "fsm",
            "Pupil Premium Indicator": "pupil_premium", "In LA Care": "looked_after",
            "Post Looked After": "previously_looked_after",
            "English Additional Language": "eal"},
    },
    "arbor": {
        ContextKind.ATTENDANCE: {
            "Student": IGNORE, "Year": IGNORE, "Registration Form": IGNORE,
            "Possible Sessions": "possible", "Attended Sessions": "attended",
            "Authorised Absence Sessions": "authorised",
            "Unauthorised Absence Sessions": "unauthorised"},
        ContextKind.EXCLUSIONS: {
            "Student": IGNORE, "Year": IGNORE, "Registration Form": IGNORE,
            "Exclusion Type": "kind", "Start Date": "start", "Number of Sessions": "sessions",
            "Primary Reason": "reason"},
        ContextKind.PART_TIME: {
            "Student": IGNORE, "Year": IGNORE, "Registration Form": IGNORE,
            "Part-time Timetable Start Date": "start",
            "Part-time Timetable End Date": "planned_end", "Next Review Date": "review",
            "Reason": "reason"},
        ContextKind.FLAGS: {
            "Student": IGNORE, "Year": IGNORE, "Registration Form": IGNORE,
            "Pupil Premium": "pupil_premium", "Eligible for FSM": "fsm",
            "Looked After": "looked_after", "Previously Looked After": "previously_looked_after",
            "EAL": "eal"},
    },
    "sencodesk": {},
}
LABELS = {"upn": "UPN", "year": "Academic year", "term": "Term", "possible": "Possible sessions",
          "attended": "Attended", "authorised": "Authorised absence",
          "unauthorised": "Unauthorised absence", "kind": "Type", "start": "Start date",
          "days": "Days", "sessions": "Sessions", "reason": "Reason",
          "planned_end": "Planned end", "review": "Review date", "test": "Test",
          "date": "Date", "score": "Score", "assessor": "Assessed by", **FLAG_LABELS}


def _count(text: str, column: str, row: int) -> int:
    cleaned = text.strip() or "0"
    if not cleaned.isdigit():
        raise ValidationError(column, f"{text!r} is not a whole number of sessions", row=row)
    return int(cleaned)


Cell = Callable[[str], str]


def _attendance(cell: Cell, name: Callable[[str], str], row: int) -> AttendanceRecord:
    counts = {f: _count(cell(f), name(f), row)
              for f in ("possible", "attended", "authorised", "unauthorised")}
    try:
        check_attendance(**counts)
    except ValidationError as error:
        raise ValidationError(name(error.field), error.message, row=row) from None
    return AttendanceRecord(academic_year(cell("year"), field=name("year")),
                            Term.parse(cell("term"), field=name("term")), **counts)


def _exclusion(cell: Cell, name: Callable[[str], str], row: int) -> ExclusionEntry:
    kind = ExclusionKind.parse(cell("kind"), field=name("kind"))
    starts_on = parse_date(cell("start"), row=row, column=name("start"))
    try:
        if cell("days"):
            days = float(cell("days"))
        elif not cell("sessions") and cell("kind").casefold() in LUNCHTIME_NAMES:
            days = 0.5  # LUNCHTIME_RULE: half a school day
        else:
            days = _count(cell("sessions"), name("sessions"), row) / 2
    except ValueError:
        raise ValidationError(name("days"), f"{cell('days')!r} is not a number of days",
                              row=row) from None
    try:
        check_exclusion(kind, starts_on, days)
    except ValidationError as error:
        raise ValidationError(name("days"), error.message, row=row) from None
    return ExclusionEntry(kind, starts_on, days, reason_code(cell("reason"),
                                                             field=name("reason")))


def _part_time(cell: Cell, name: Callable[[str], str], row: int) -> PartTimeEntry:
    starts_on, planned_end, review_on = (parse_date(cell(f), row=row, column=name(f))
                                         for f in ("start", "planned_end", "review"))
    fields = {"planned_end": "planned_end", "review_on": "review"}
    try:
        check_part_time(starts_on, planned_end, review_on)
    except ValidationError as error:
        raise ValidationError(name(fields[error.field]), error.message, row=row) from None
    return PartTimeEntry(starts_on, planned_end, review_on, cell("reason"))


def _score(cell: Cell, name: Callable[[str], str], row: int) -> ScoreEntry:
    kind = ScoreKind.parse(cell("kind"), field=name("kind"))
    if not cell("test"):
        raise ValidationError(name("test"), "is missing", row=row)
    return ScoreEntry(kind, cell("test"), parse_date(cell("date"), row=row, column=name("date")),
                      parse_value(kind, cell("score"), field=name("score")), cell("assessor"))


_BUILDERS: dict[ContextKind, Callable[[Cell, Callable[[str], str], int], Entry]] = {
    ContextKind.ATTENDANCE: _attendance, ContextKind.EXCLUSIONS: _exclusion,
    ContextKind.PART_TIME: _part_time, ContextKind.SCORES: _score}


def parse(kind: ContextKind, data: bytes, mapping: str | Mapping[str, str] | None = None,
          ) -> ParsedContext:
    """Every row of the file as a ContextRow or a RowError; file-level problems raise.
    ``mapping`` is a preset's name, or headers -> fields added to the preset whose headers
    the file uses (a SIMS or Arbor export is read as such without being named)."""
    reader = _reader(data)
    header = next(reader)
    if isinstance(mapping, str):
        if mapping.casefold() not in PRESETS:
            raise ValidationError("mapping", f"{mapping!r} is not a preset "
                                  f"({', '.join(PRESETS)})")
        chosen = PRESETS[mapping.casefold()].get(kind, {})
    else:
        chosen = {**detect_preset(kind, header), **(mapping or {})}
    columns, ignored = _columns(header, chosen, ALIASES[kind])
    missing = [LABELS[f] for f in REQUIRED[kind] if f not in columns]
    if kind is ContextKind.EXCLUSIONS and not {"days", "sessions"} & set(columns):
        missing.append("Days (or Sessions)")
    if kind is ContextKind.FLAGS and len(columns) < 2:
        missing.append("any flag (e.g. Pupil premium, FSM, EAL)")
    if missing:
        raise ValidationError("header", f"the file has no column for {', '.join(missing)}")
    names = {f: header[i].strip() for f, i in columns.items()}
    rows: list[ContextRow] = []
    errors: list[RowError] = []
    for number, cells in _checked_rows(reader):
        if not any(c.strip() for c in cells):
            continue

        def cell(field: str, cells: list[str] = cells) -> str:
            index = columns.get(field)
            found = cells[index].strip() if index is not None and index < len(cells) else ""
            return _from_spreadsheet(found)

        def name(field: str) -> str:
            return names.get(field, LABELS.get(field, field))

        try:
            upn = upns.normalise(cell("upn"))
            if not upn:
                raise ValidationError(name("upn"), "is missing", row=number)
            entry: Entry
            if kind is ContextKind.FLAGS:
                entry = FlagsEntry(tuple((f, yes_no(cell(f), field=name(f)))
                                         for f in ALIASES[kind] if f != "upn" and f in columns))
            else:
                entry = _BUILDERS[kind](cell, name, number)
            rows.append(ContextRow(number, upn, entry))
        except ValidationError as error:
            column = name(error.field) if error.field in names else error.field
            errors.append(RowError(number, f"{column}: {error.message}"))
    if not rows and not errors:
        raise ValidationError("file", "has a header but no rows")
    return ParsedContext(kind, tuple(rows), tuple(errors), tuple(ignored), names)


def match_columns(kind: ContextKind, header: list[str],
                  mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Which header each field of ``kind`` would be read from (field -> header)."""
    columns, _ = _columns(header, mapping or {}, ALIASES[kind])
    return {field: header[index] for field, index in columns.items()}


def detect_preset(kind: ContextKind, header: list[str]) -> dict[str, str]:
    """The preset whose headers for ``kind`` this file uses most (its mapping); the usual
    names alone when no preset names any of them."""
    titles = {title.strip().casefold() for title in header}

    def named(mapping: Mapping[str, str]) -> int:
        return sum(1 for title, field in mapping.items()
                   if field != IGNORE and title.casefold() in titles)

    found = max((presets.get(kind, {}) for presets in PRESETS.values()), key=named)
    return dict(found) if named(found) else {}


def field_label(name: str) -> str:
    """A field's everyday name, for the column-mapping screen."""
    return LABELS.get(name, name)


def describe_entry(entry: Entry) -> str:
    """One record in a few words, for an import preview: "2025/26 Autumn: 180 of 190
    sessions", "Suspension from 05/10/2026, 2 days (DB)"."""
    if isinstance(entry, AttendanceRecord):
        return (f"{academic_year_label(entry.academic_year)} {entry.term.label}: "
                f"{entry.attended} of {entry.possible} sessions attended, {entry.authorised} "
                f"authorised and {entry.unauthorised} unauthorised absence")
    if isinstance(entry, ExclusionEntry):
        days = f", {entry.days:g} day{'' if entry.days == 1 else 's'}" if entry.days else ""
        return f"{entry.kind.label} from {uk(entry.starts_on)}{days} ({entry.reason})"
    if isinstance(entry, PartTimeEntry):
        return (f"Part-time from {uk(entry.starts_on)} until {uk(entry.planned_end)}, review "
                f"{uk(entry.review_on)}" + (f": {entry.reason}" if entry.reason else ""))
    if isinstance(entry, ScoreEntry):
        value = age_text(entry.value) if entry.kind.is_age else f"{entry.value:g}"
        return f"{entry.test_name} {entry.kind.value} {value} on {uk(entry.assessed_on)}"
    return ", ".join(f"{LABELS.get(name, name)} {'yes' if value else 'no'}"
                     for name, value in entry.values)
