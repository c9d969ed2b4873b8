"""Subject access: everything held about one pupil, as a ZIP of a readable PDF, the same data as
JSON, the attached documents and the photo (UK GDPR Article 15; the school reviews the pack
for exemptions, e.g. information from other people or likely to cause serious harm, before it
releases it)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sencodesk.domain.dates import uk
from sencodesk.domain.documents import SubjectAccessSheet
from sencodesk.domain.permissions import Permission
from sencodesk.services import (
    audit,
    cycles,
    ehcp,
    passports,
    pupils,
    records_log,
    report_data,
    review_paperwork,
)
from sencodesk.services.context import Desk, composite

#: What a subject access export needs beyond exporting: every kind of record.
REQUIRED = (Permission.EXPORT, Permission.READ_EHCP, Permission.READ_CONFIDENTIAL,
            Permission.READ_AUDIT, Permission.READ_CONTACTS)


@composite(*REQUIRED)
def gather(desk: Desk, pupil_id: int) -> SubjectAccessSheet:
    """Every record about the pupil, every version, every document and every audit entry."""
    for permission in REQUIRED:
        desk.require(permission)
    sheet = whole_record(desk, pupil_id, title="Subject access", with_audit=True)
    report_data.record_export(desk, "subject access", pupil_id=pupil_id,
                              summary="everything held exported for a subject access request")
    return sheet


def whole_record(desk: Desk, pupil_id: int, *, title: str, with_audit: bool,
                 sent_to: str = "") -> SubjectAccessSheet:
    """Every record about the pupil, every version and every document; the audit trail of who
    did what only ``with_audit`` (a subject access request gets it; the next school does not).
    Not audited here: the caller records the export it is for."""
    detail = pupils.get(desk, pupil_id)
    documents = tuple(records_log.read_document(desk, d.id)
                      for d in records_log.documents(desk, pupil_id))
    return SubjectAccessSheet(
        meta=report_data.meta(desk, f"{title}: {detail.row.display_name}"),
        pupil=detail,
        passports=tuple(passports.versions(desk, pupil_id)),
        cycles=tuple(sorted(cycles.cycles_for(desk, pupil_id), key=lambda c: c.starts_on)),
        requests=tuple(ehcp.requests_for(desk, [pupil_id]).get(pupil_id, [])),
        plans=tuple(ehcp.plans_for(desk, [pupil_id]).get(pupil_id, [])),
        contacts=tuple(records_log.contacts(desk, pupil_id)),
        documents=documents,
        photo=records_log.photo(desk, pupil_id),
        audit=tuple(audit.list_events(desk, pupil_id=pupil_id, limit=None)) if with_audit
        else (),
        sent_to=sent_to,
        review_reports=review_paperwork.reports_for(desk, pupil_id),
    )


def package(sheet: SubjectAccessSheet, pdf: bytes) -> bytes:
    """The ZIP: README.txt, record.pdf, record.json, documents/ and the photo."""
    buffer = io.BytesIO()
    files = attached_files(sheet)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("record.pdf", pdf)
        archive.writestr("record.json", json.dumps(to_json(sheet), indent=2,
                                                   ensure_ascii=False, sort_keys=True))
        for name, data in files:
            archive.writestr(name, data)
        archive.writestr("README.txt", _readme(sheet, [n for n, _ in files
                                                       if n.startswith("documents/")]))
    return buffer.getvalue()


def attached_files(sheet: SubjectAccessSheet) -> list[tuple[str, bytes]]:
    """The attached documents as ``documents/NN-name`` and the photo, ready for an archive."""
    files = [(f"documents/{number:02d}-{safe_name(record.filename or record.title)}", data)
             for number, (record, data) in enumerate(sheet.documents, start=1)]
    if sheet.photo:
        files.append((f"photo.{_image_type(sheet.photo)}", sheet.photo))
    return files


def to_json(sheet: SubjectAccessSheet) -> dict[str, Any]:
    """Everything in the sheet as plain JSON values (ISO dates; file contents left out, they
    are in the ZIP beside it)."""
    plain = _plain(sheet)
    assert isinstance(plain, dict)
    plain.pop("photo", None)
    plain["documents"] = [_plain(record) for record, _ in sheet.documents]
    return plain


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return f"{len(value)} bytes"
    return value


def safe_name(name: str) -> str:
    """A file name with no folders, no leading dots and nothing a file system would refuse."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^\w.\- ]+", "_", base).strip(" .") or "document"
    return cleaned[:100]


def _image_type(data: bytes) -> str:
    return "png" if data.startswith(b"\x89PNG") else "jpg"


def _readme(sheet: SubjectAccessSheet, documents: list[str]) -> str:
    pupil = sheet.pupil.row
    lines = [
        f"Everything {sheet.meta.school} holds in sencodesk about {pupil.display_name} "
        f"(UPN {pupil.upn}).",
        f"Produced by {sheet.meta.produced_by} on "
        f"{uk(sheet.meta.produced_at)} at {sheet.meta.produced_at:%H:%M}.",
        "",
        "record.pdf   the record, readable: details, SEN history, every passport version, "
        "support plans and reviews, EHC records, contact log, documents list and audit trail.",
        "record.json  the same, as data.",
        (f"documents/   {len(documents)} attached file{'s' if len(documents) != 1 else ''}, "
         "as stored." if documents else "No files are attached to the record."),
    ]
    if sheet.photo:
        lines.append("photo        the pupil's photo.")
    lines += ["", "Before releasing this pack, check it for information that is exempt "
              "(for example about other people, or likely to cause serious harm) and redact it; "
              "the pack is complete, not filtered."]
    return "\n".join(lines) + "\n"
