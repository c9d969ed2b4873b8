"""Reading a class list exported from an MIS (SIMS, Arbor) as CSV: one row per pupil in a
teaching group, naming the group, its subject, its teacher(s) and the pupil's UPN.

Pure parsing on the pupil import's CSV machinery (:mod:`sencodesk.domain.mis_csv`): the same
encodings, delimiters, column mapping and row numbering (the header is row 1). Whether the UPN
and the teacher exist is for the service to say; this module checks each row's shape and that
the file describes each group one way and lists each pupil in it once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sencodesk.domain import mis_csv
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.mis_csv import RowError
from sencodesk.domain.upn import normalise

REQUIRED = ("group", "upn")
ALIASES: dict[str, tuple[str, ...]] = {
    "group": ("class", "group", "teaching group", "class code", "group code", "academic unit"),
    "subject": ("subject", "course", "subject name"),
    "teacher": ("teacher", "teachers", "staff", "staff code", "teacher code", "class teacher"),
    "upn": ("upn", "unique pupil number"),
    "surname": ("legal surname", "surname", "last name"),
    "forename": ("legal forename", "forename", "first name"),
    "starts_on": ("start date", "from", "date joined", "start"),
    "ends_on": ("end date", "to", "date left", "end"),
}
PRESETS: dict[str, dict[str, str]] = {
    "sims": {"Class": "group", "Subject": "subject", "Staff": "teacher", "UPN": "upn"},
    "arbor": {"Academic Unit": "group", "Subject": "subject", "Teachers": "teacher",
              "Student UPN": "upn", "Start Date": "starts_on", "End Date": "ends_on"},
}
LABELS = {"group": "Group", "subject": "Subject", "teacher": "Teacher", "upn": "UPN",
          "starts_on": "Start date", "ends_on": "End date"}
# several teachers in one cell: "JSM; ABR", "Mr Smith & Ms Brown", "JSM/ABR"
_TEACHER_SPLIT = re.compile(r"\s*(?:;|&|/|\band\b)\s*")


@dataclass(frozen=True)
class ClassRow:
    row: int
    group: str
    subject: str
    teachers: tuple[str, ...]
    upn: str
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class ClassList:
    rows: tuple[ClassRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    columns: dict[str, str]


def parse(data: bytes, mapping: str | Mapping[str, str] | None = None) -> ClassList:
    """Every row of the class list as a ClassRow or a RowError naming its row and column.

    A group described two ways (another subject or other teachers in a later row) and a pupil
    listed twice in one group are errors on the later row, naming the earlier one."""
    read = mis_csv.table(data, mis_csv.preset(mapping, PRESETS), aliases=ALIASES,
                         required=REQUIRED, labels=LABELS)
    rows: list[ClassRow] = []
    errors: list[RowError] = []
    first: dict[str, ClassRow] = {}
    seen: dict[tuple[str, str], int] = {}
    for number, cells in read.filled_rows(errors):
        try:
            row = _row(number, cells, read)
        except ValidationError as error:
            errors.append(RowError(number, f"{error.field}: {error.message}"))
            continue
        earlier = first.setdefault(row.group.casefold(), row)
        clash = _clash(earlier, row, read.names)
        if clash:
            errors.append(RowError(number, clash))
            continue
        listed = seen.setdefault((row.group.casefold(), row.upn), number)
        if listed != number:
            errors.append(RowError(number, f"{read.names['upn']}: {row.upn} is already in "
                                   f"{row.group} in row {listed}"))
            continue
        rows.append(row)
    if not rows and not errors:
        raise ValidationError("file", "has a header but no pupils in groups")
    return ClassList(tuple(rows), tuple(errors), tuple(read.ignored), read.names)


def _row(number: int, cells: list[str], read: mis_csv.Table) -> ClassRow:
    def dated(name: str) -> date | None:
        text = read.cell(cells, name)
        return mis_csv.parse_date(text, row=number, column=read.names[name]) if text else None

    group = read.cell(cells, "group")
    if not group:
        raise ValidationError(read.names["group"], "is missing", row=number)
    if len(group) > 40:
        raise ValidationError(read.names["group"], "is longer than 40 characters", row=number)
    upn = normalise(read.cell(cells, "upn"))
    if not upn:
        raise ValidationError(read.names["upn"], "is missing", row=number)
    teachers = tuple(t for t in _TEACHER_SPLIT.split(read.cell(cells, "teacher")) if t)
    starts_on, ends_on = dated("starts_on"), dated("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(read.names["ends_on"], f"{uk(ends_on)} is before the start "
                              f"date {uk(starts_on)}", row=number)
    return ClassRow(number, group, read.cell(cells, "subject"), teachers, upn, starts_on,
                    ends_on)


def _clash(earlier: ClassRow, row: ClassRow, names: Mapping[str, str]) -> str:
    """Why ``row`` describes its group differently from ``earlier`` ("" if it does not)."""
    if earlier is row:
        return ""
    if earlier.subject.casefold() != row.subject.casefold():
        return (f"{names.get('subject', 'Subject')}: {row.group} is {earlier.subject!r} in row "
                f"{earlier.row} but {row.subject!r} here (is this a second group with the "
                "same code?)")
    if {t.casefold() for t in earlier.teachers} != {t.casefold() for t in row.teachers}:
        return (f"{names.get('teacher', 'Teacher')}: {row.group} is taught by "
                f"{', '.join(earlier.teachers) or 'nobody'} in row {earlier.row} but by "
                f"{', '.join(row.teachers) or 'nobody'} here (is this a second group with the "
                "same code?)")
    return ""
