"""Reading a pupil list exported from an MIS (SIMS, Arbor, Bromcom, ScholarPack) as CSV.

Pure parsing: bytes in, rows or row errors out, every error naming its CSV row (the header is
row 1) and column. Encodings: UTF-8, UTF-8 with BOM, else Windows-1252. Comma or semicolon.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sencodesk.domain import census, validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import ValidationError

REQUIRED = ("upn", "surname", "forename", "dob", "year")
#: Column headers (compared case-insensitively) that every preset understands.
ALIASES: dict[str, tuple[str, ...]] = {
    "upn": ("upn", "unique pupil number"),
    "surname": ("legal surname", "surname", "last name", "family name"),
    "forename": ("legal forename", "forename", "first name", "given name"),
    "preferred_surname": ("preferred surname",),
    "preferred_forename": ("preferred forename", "preferred name"),
    "dob": ("dob", "date of birth"),
    "year": ("year", "nc year", "year group", "national curriculum year"),
    "form": ("reg", "form", "class", "reg group", "registration group", "tutor group"),
    "gender": ("gender", "sex"),
    "status": ("sen status", "sen provision"),
    "primary_need": ("primary need", "sen need 1", "primary sen need"),
    "secondary_need": ("secondary need", "sen need 2", "secondary sen need"),
}
#: Named presets: extra header names a particular MIS export uses.
PRESETS: dict[str, dict[str, str]] = {
    "sims": {"Legal Surname": "surname", "Legal Forename": "forename", "Reg": "form"},
    "arbor": {"Last Name": "surname", "First Name": "forename", "Registration Form": "form"},
    "bromcom": {"Family Name": "surname", "Given Name": "forename", "Tutor Group": "form"},
    "scholarpack": {"Surname": "surname", "Forename": "forename", "Class": "form"},
    "sencodesk": {},
}
#: The columns `sencodesk export register --csv` writes (they read back with no mapping).
EXPORT_COLUMNS = ("UPN", "Legal Surname", "Legal Forename", "Preferred Surname",
                  "Preferred Forename", "DOB", "Year", "Class", "Gender", "SEN Status",
                  "Primary Need", "Secondary Need")


@dataclass(frozen=True)
class MisRow:
    row: int
    upn: str
    surname: str
    forename: str
    dob: date
    year_group: YearGroup
    form: str = ""
    gender: str = ""
    preferred_surname: str = ""
    preferred_forename: str = ""
    status: SenStatus | None = None  # None when the file has no status column
    needs: tuple[NeedType, ...] = ()
    note: str = ""
    #: The SEN statuses the file records with their start dates, oldest first (a CTF's
    #: SENhistory); empty when it gives only the current status (an MIS CSV).
    sen_history: tuple[tuple[date, SenStatus], ...] = ()

    @property
    def sen_since(self) -> date | None:
        """When the current status began, if the file says."""
        return self.sen_history[-1][0] if self.sen_history else None


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


@dataclass(frozen=True)
class ParsedFile:
    rows: tuple[MisRow, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    columns: dict[str, str] = field(default_factory=dict)  # field -> header used


# what a spreadsheet saved in its own format starts with (.xlsx is a ZIP, .xls an OLE file)
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def decode(data: bytes) -> str:
    """The text of a CSV saved as UTF-8 (with or without a BOM), Excel's "Unicode text"
    (UTF-16) or Windows-1252; a workbook or other binary file is refused with what to do."""
    if data.startswith(_WORKBOOKS):
        raise ValidationError("file", "is a spreadsheet workbook, not CSV: in Excel choose "
                              "File > Save As > CSV UTF-8 (Comma delimited), then import that")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValidationError("file", "is damaged UTF-16 text: save it again from the MIS "
                                  "as CSV") from None
    if b"\x00" in data[:4096]:
        raise ValidationError("file", "is not a text file: save it again from the MIS as CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError("file", "is neither UTF-8 nor Windows-1252 text: save it again "
                              "from the MIS as CSV") from None


_DATE_SHAPES = (("%d/%m/%Y", re.compile(r"\d{1,2}/\d{1,2}/\d{4}")),
                ("%Y-%m-%d", re.compile(r"\d{4}-\d{1,2}-\d{1,2}")),
                ("%d-%m-%Y", re.compile(r"\d{1,2}-\d{1,2}-\d{4}")),
                ("%d.%m.%Y", re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")))


def parse_date(text: str, *, row: int, column: str) -> date:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(column, "is missing", row=row)
    for pattern, shape in _DATE_SHAPES:
        if shape.fullmatch(cleaned):
            try:
                parsed = datetime.strptime(cleaned, pattern).date()
            except ValueError:
                raise ValidationError(column, f"{cleaned} is not a real date (there is no such "
                                      "day in that month)", row=row) from None
            try:
                return validation.plausible_date(parsed, field=column)
            except ValidationError as error:
                raise ValidationError(column, error.message, row=row) from None
    raise ValidationError(column, f"{text!r} is not a date (use dd/mm/yyyy)", row=row)


IGNORE = ""  # a mapping to this field name means "do not read this column"


def _columns(header: list[str], mapping: Mapping[str, str],
             aliases: Mapping[str, tuple[str, ...]] = ALIASES,
             ) -> tuple[dict[str, int], list[str]]:
    """Field -> column index. Columns the mapping names are taken as it says (to a field, or
    to IGNORE); the usual names (``aliases``) fill in the fields and columns it leaves out."""
    chosen = {k.strip().casefold(): v for k, v in mapping.items()}
    usual = {alias: name for name, names in aliases.items() for alias in names}
    titles = [title.strip().casefold() for title in header]
    found: dict[str, int] = {}
    for index, title in enumerate(titles):
        name = chosen.get(title)
        if name and name not in found:
            found[name] = index
    for index, title in enumerate(titles):
        name = usual.get(title)
        if title not in chosen and name and name not in found:
            found[name] = index
    used = set(found.values())
    ignored = [title.strip() for index, title in enumerate(header)
               if title.strip() and index not in used]
    return found, ignored


#: A cell starting with one of these is read by spreadsheets as a formula (or, for tab and
#: carriage return, may start one after trimming): the export prefixes an apostrophe, which
#: spreadsheets show as text, and the import takes it off again (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """``value`` as a CSV cell that no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _from_spreadsheet(value: str) -> str:
    """Undo :func:`spreadsheet_safe` (so our own export imports back exactly)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _reader(data: bytes) -> Iterator[list[str]]:
    text = decode(data)
    if not text.strip():
        raise ValidationError("file", "is empty")
    first_line = text.lstrip().splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _checked_rows(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows numbered as a spreadsheet shows them (the header is row 1); a cell too long for
    any pupil list (over 128 KB, e.g. a stray quote swallowing the rest of the file) is a
    ValidationError naming its row."""
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ValidationError("file", f"row {number} cannot be read ({error}); is a quote "
                                  "mark left open, or is this not a pupil list?") from None
        yield number, cells


def read_header(data: bytes) -> list[str]:
    """The file's column headers, to let the user map the ones an import does not know."""
    return [title.strip() for title in next(_reader(data))]


def match_columns(header: list[str], mapping: Mapping[str, str] | None = None,
                  ) -> dict[str, str]:
    """Which header each field would be read from (field -> header), given ``mapping``."""
    columns, _ = _columns(header, mapping or {})
    return {name: header[index] for name, index in columns.items()}


def detect_preset(header: list[str]) -> dict[str, str]:
    """The preset that recognises the most of these headers (its mapping)."""
    return max(PRESETS.values(), key=lambda preset: len(match_columns(header, preset)))


FIELD_LABELS = {
    "upn": "UPN", "surname": "Legal surname", "forename": "Legal forename",
    "preferred_surname": "Preferred surname", "preferred_forename": "Preferred forename",
    "dob": "Date of birth", "year": "Year group", "form": "Class", "gender": "Gender",
    "status": "SEN status", "primary_need": "Primary need", "secondary_need": "Secondary need",
}


def field_label(name: str) -> str:
    """A field's everyday name, for the column-mapping screen and missing-column messages."""
    return FIELD_LABELS.get(name, name)


@dataclass(frozen=True)
class Table:
    """A CSV's header read against the fields an import wants: which column holds each field
    (``columns``, by index), the file's own name for it (``names``), the columns left unread,
    and the rows still to read."""

    header: list[str]
    columns: dict[str, int]
    names: dict[str, str]
    ignored: list[str]
    rows: Iterator[tuple[int, list[str]]]
    needed: int

    def filled_rows(self, errors: list[RowError]) -> Iterator[tuple[int, list[str]]]:
        """The rows with something in them, numbered; a row with too few cells to hold every
        required field goes to ``errors`` instead."""
        for number, cells in self.rows:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) < self.needed:
                errors.append(RowError(
                    number, f"has {len(cells)} columns but the header has {len(self.header)} "
                    "(is a comma or line break in a name missing its quotes?)"))
                continue
            yield number, cells

    def cell(self, cells: list[str], name: str) -> str:
        """The field ``name`` of a row, trimmed ("" if the file has no such column)."""
        index = self.columns.get(name)
        found = cells[index].strip() if index is not None and index < len(cells) else ""
        return _from_spreadsheet(found)


def preset(mapping: str | Mapping[str, str] | None,
           presets: Mapping[str, Mapping[str, str]]) -> Mapping[str, str]:
    """A mapping given by name (one of ``presets``) or as headers -> fields."""
    if isinstance(mapping, str):
        if mapping.casefold() not in presets:
            raise ValidationError("mapping", f"{mapping!r} is not a preset "
                                  f"({', '.join(presets)})")
        return presets[mapping.casefold()]
    return mapping or {}


def table(data: bytes, mapping: Mapping[str, str], *, aliases: Mapping[str, tuple[str, ...]],
          required: tuple[str, ...], labels: Mapping[str, str]) -> Table:
    """Read ``data``'s header against ``aliases`` and ``mapping``; a required field without a
    column is refused, naming it as ``labels`` does."""
    reader = _reader(data)
    header = next(reader)
    columns, ignored = _columns(header, mapping, aliases)
    missing = [name for name in required if name not in columns]
    if missing:
        readable = ", ".join(labels.get(name, name) for name in missing)
        raise ValidationError("header", f"the file has no column for {readable}")
    names = {name: header[index].strip() for name, index in columns.items()}
    needed = max(columns[name] for name in required) + 1
    return Table(header, columns, names, ignored, _checked_rows(reader), needed)


def parse(data: bytes, mapping: str | Mapping[str, str] | None = None) -> ParsedFile:
    """Every row of the file as a MisRow or a RowError; file-level problems raise."""
    read = table(data, preset(mapping, PRESETS), aliases=ALIASES, required=REQUIRED,
                 labels=FIELD_LABELS)
    rows: list[MisRow] = []
    errors: list[RowError] = []
    for number, cells in read.filled_rows(errors):
        try:
            rows.append(_row(number, cells, read))
        except ValidationError as error:
            errors.append(RowError(number, f"{error.field}: {error.message}"))
    if not rows and not errors:
        raise ValidationError("file", "has a header but no pupils")
    return ParsedFile(tuple(rows), tuple(errors), tuple(read.ignored), read.names)


def _row(number: int, cells: list[str], read: Table) -> MisRow:
    """One pupil from one row; errors name the column as the file's header does."""
    columns, names = read.columns, read.names

    def cell(name: str) -> str:
        return read.cell(cells, name)

    try:
        year = YearGroup.parse(cell("year"))
    except ValueError as error:
        raise ValidationError(names["year"], str(error), row=number) from None
    status, note = None, ""
    if "status" in columns:
        status, mapped = census.parse_status(cell("status") or "N", field=names["status"])
        note = mapped or ""
    needs = tuple(census.parse_need(cell(name), field=names[name])
                  for name in ("primary_need", "secondary_need") if cell(name))
    return MisRow(row=number, upn=cell("upn"), surname=cell("surname"),
                  forename=cell("forename"), dob=parse_date(cell("dob"), row=number,
                                                            column=names["dob"]),
                  year_group=year, form=cell("form"),
                  gender=validation.sex(cell("gender"), field=names.get("gender", "Gender")),
                  preferred_surname=cell("preferred_surname"),
                  preferred_forename=cell("preferred_forename"), status=status, needs=needs,
                  note=note)
