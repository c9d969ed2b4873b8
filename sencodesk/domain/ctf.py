"""Common Transfer Files (CTF): the XML schools send when a pupil moves.

Reading: the pupils' basic details and their SEN part (``Pupil/SENhistory/SEN/{StartDate,
SENprovision}`` and ``Pupil/SENhistory/SENneeds/SENneed/{SENtypeRank,SENtype}``, as SEND-RULES
gives them; check element order against the current DfE CTF specification). The file is parsed
with defusedxml: a DOCTYPE, entity or external reference is refused, never expanded or fetched,
so a billion-laughs file or one pointing at a local file cannot do harm. Unknown elements are
ignored. Each pupil's problems are reported with the line of its ``<Pupil>`` element.

Writing: a CTF fragment of the SEN history of leavers, for the next school.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from sencodesk.domain import census, validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.mis_csv import MisRow, ParsedFile, RowError


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def _tree(data: bytes) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        raise ValidationError("file", "the file declares a DTD, entities or external "
                              "references, which a Common Transfer File never needs; it was "
                              "refused unread for safety") from None
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise ValidationError("file", f"is not well-formed XML at line {line}, column "
                              f"{column + 1}: {reason}") from None
    return root, builder.lines


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# parts of a pupil's record about other people: their names and details are not the pupil's
_OTHER_PEOPLE = frozenset({"Contacts", "Contact"})


def _first(element: ET.Element, *names: str) -> str:
    """The text of the first descendant with one of ``names`` (namespaces ignored), in document
    order, never from inside a contact."""
    waiting = list(reversed(element))
    while waiting:
        child = waiting.pop()
        tag = _local(child.tag)
        if tag in _OTHER_PEOPLE:
            continue
        if tag in names and child.text and child.text.strip():
            return child.text.strip()
        waiting.extend(reversed(child))
    return ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element.iter() if _local(child.tag) == name]


def _date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a date (CTF dates are yyyy-mm-dd)") \
            from None


def parse_ctf(data: bytes) -> ParsedFile:
    """Every pupil in the file as a row (its number is the line of its ``<Pupil>``) or a
    rejection; problems with the file as a whole raise ValidationError."""
    if not data.strip():
        raise ValidationError("file", "is empty")
    root, lines = _tree(data)
    found = _children(root, "Pupil")
    if not found:
        raise ValidationError("file", "has no <Pupil> elements: is it a Common Transfer File?")
    rows: list[MisRow] = []
    errors: list[RowError] = []
    for element in found:
        line = lines.get(id(element), 0)
        try:
            rows.append(_pupil(element, line))
        except ValidationError as error:
            errors.append(RowError(line, f"{error.field}: {error.message}"))
    return ParsedFile(tuple(rows), tuple(errors), ())


def _pupil(element: ET.Element, line: int) -> MisRow:
    upn = _first(element, "UPN")
    if not upn:
        raise ValidationError("UPN", "is missing")
    surname = _first(element, "Surname", "LegalSurname")
    forename = _first(element, "Forename", "LegalForename")
    dob_text = _first(element, "DOB")
    if not dob_text:
        raise ValidationError("DOB", "is missing")
    year_text = _first(element, "NCyearActual", "NCyear")
    try:
        year = YearGroup.parse(year_text) if year_text else None
    except ValueError as error:
        raise ValidationError("NCyearActual", str(error)) from None
    if year is None:
        raise ValidationError("NCyearActual", "is missing")
    gender = validation.sex(_first(element, "Sex", "Gender"), field="Sex")
    status, history, note = _sen(element)
    needs = _needs(element)
    return MisRow(row=line, upn=upn, surname=surname, forename=forename,
                  dob=_date(dob_text, "DOB"), year_group=year, form="", gender=gender,
                  preferred_surname=_first(element, "PreferredSurname"),
                  preferred_forename=_first(element, "PreferredForename"),
                  status=status, needs=needs, note=note, sen_history=history)


def _sen(element: ET.Element) -> tuple[SenStatus, tuple[tuple[date, SenStatus], ...], str]:
    """The current SEN provision (the newest entry; N if there is none), the dated history and
    a note of any historical codes mapped."""
    entries: list[tuple[date | None, SenStatus]] = []
    notes: list[str] = []
    for sen in _children(element, "SEN"):
        provision = _first(sen, "SENprovision")
        if not provision:
            continue
        start = _first(sen, "StartDate")
        status, mapped = census.parse_status(provision, field="SENprovision")
        if mapped and mapped not in notes:
            notes.append(mapped)
        entries.append((_date(start, "StartDate") if start else None, status))
    if not entries:
        return SenStatus.NONE, (), ""
    entries.sort(key=lambda e: e[0] or date.min)
    dated = {on: status for on, status in entries if on is not None}  # one per day: the last
    current = entries[-1][1]
    history = tuple(dated.items())
    if history and history[-1][1] is not current:
        history = ()  # an undated entry is the newest: we cannot date the history honestly
    return current, history, "; ".join(notes)


def _needs(element: ET.Element) -> tuple[NeedType, ...]:
    ranked = []
    for need in _children(element, "SENneed"):
        code = _first(need, "SENtype")
        if not code:
            continue
        rank_text = _first(need, "SENtypeRank") or "9"
        if not rank_text.isdigit():
            raise ValidationError("SENtypeRank", f"{rank_text!r} is not a number")
        ranked.append((int(rank_text), census.parse_need(code, field="SENtype")))
    return tuple(need for _, need in sorted(ranked, key=lambda r: r[0]))


@dataclass(frozen=True)
class LeaverHistory:
    """What a leaver's CTF carries from us: basic details and SEN history."""

    upn: str
    surname: str
    forename: str
    dob: date
    gender: str
    year_group: YearGroup
    #: (start date, status) oldest first.
    statuses: tuple[tuple[date, SenStatus], ...]
    needs: tuple[NeedType, ...]


def build_ctf(pupils: Sequence[LeaverHistory], *, school: str, urn: str, la: str,
              generated_at: datetime) -> bytes:
    """A CTF fragment (UTF-8 XML) with a header and one ``<Pupil>`` per leaver."""
    root = ET.Element("CTfile")
    header = ET.SubElement(root, "Header")
    _text(header, "DocumentName", "Common Transfer File")
    _text(header, "DocumentQualifier", "partial")
    _text(header, "DataDescriptor", "SEN history")
    _text(header, "DateTime", generated_at.replace(microsecond=0).isoformat())
    source = ET.SubElement(header, "SourceSchool")
    _text(source, "LEA", la)
    _text(source, "URN", urn)
    _text(source, "SchoolName", school)
    data = ET.SubElement(root, "CTFpupilData")
    for leaver in pupils:
        pupil = ET.SubElement(data, "Pupil")
        _text(pupil, "UPN", leaver.upn)
        _text(pupil, "Surname", leaver.surname)
        _text(pupil, "Forename", leaver.forename)
        _text(pupil, "DOB", leaver.dob.isoformat())
        _text(pupil, "Sex", leaver.gender)
        basic = ET.SubElement(pupil, "BasicDetails")
        _text(basic, "NCyearActual", leaver.year_group.short)
        history = ET.SubElement(pupil, "SENhistory")
        for starts_on, status in leaver.statuses:
            sen = ET.SubElement(history, "SEN")
            _text(sen, "StartDate", starts_on.isoformat())
            _text(sen, "SENprovision", status.value)
        needs = ET.SubElement(history, "SENneeds")
        for rank, need in enumerate(leaver.needs, start=1):
            entry = ET.SubElement(needs, "SENneed")
            _text(entry, "SENtypeRank", str(rank))
            _text(entry, "SENtype", need.value)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value
