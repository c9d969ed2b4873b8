"""A leaver's whole SEN file for the school they moved to, as one encrypted ZIP.

The pupil's file follows them to the next school and the school they left should not keep a
duplicate (IRMS Information Management Toolkit for Schools; see domain.retention). So the pack
holds everything: a PDF summary of the whole record, the Common Transfer File, the support
plans and reviews, the passport, the EHCP chronology and every attached file. It is an AES-256
encrypted ZIP (the WinZip AE-2 format that 7-Zip and most archive tools open) under a
passphrase the SENCO chooses and gives the next school separately. Making the pack is audited
and recorded as the day the file was sent; the record is then listed for deletion here.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyzipper

from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.retention import TRANSFER_SOURCE
from sencodesk.services import audit, ctf, pupils, report_data, subject_access
from sencodesk.services.context import Desk
from sencodesk.store.tables import Pupil

MIN_PASSPHRASE = 12
#: What making the pack needs: every kind of record, and marking the file as sent.
REQUIRED = (Permission.EXPORT, Permission.READ_EHCP, Permission.READ_CONFIDENTIAL,
            Permission.READ_CONTACTS, Permission.EDIT_PUPILS)


@dataclass(frozen=True)
class TransferPack:
    data: bytes
    names: tuple[str, ...]
    destination: str


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", f"use at least {MIN_PASSPHRASE} characters: the "
                              "pack holds the pupil's whole SEN file")


#: Draws one of the services' document sheets as PDF bytes (``reports.render(sheet)``);
#: passed in by the caller because services never import the reports layer.
Renderer = Callable[[Any], bytes]


def transfer_pack(desk: Desk, pupil_id: int, *, passphrase: str,
                  render: Renderer) -> TransferPack:
    """The encrypted pack for a leaver whose destination is recorded; audited, and the file
    is marked as sent today. ``render`` draws each document's sheet as a PDF."""
    check_passphrase(passphrase)
    for permission in REQUIRED:
        desk.require(permission)
    detail = pupils.get(desk, pupil_id)
    row = detail.row
    with desk.unit(Permission.READ_PUPILS) as session:
        pupil = session.get(Pupil, pupil_id)
        destination = pupil.destination if pupil else ""
    if row.left_on is None:
        raise ValidationError("pupil", f"{row.display_name} has not left: mark them as left, "
                              "with the school they are moving to, first")
    if not destination:
        raise ValidationError("destination", "record the school the pupil moved to first")
    sheet = subject_access.whole_record(desk, pupil_id, title="SEN file",
                                        with_audit=False, sent_to=destination)
    parts: list[tuple[str, bytes]] = [
        ("summary.pdf", render(sheet)),
        ("ctf.xml", ctf.export(desk, [pupil_id])),
    ]
    if sheet.cycles:
        parts.append(("plans-and-reviews.pdf", render(report_data.plan(desk, pupil_id))))
    if sheet.passports:
        parts.append(("passport.pdf", render(report_data.passport(desk, pupil_id))))
    if sheet.requests or sheet.plans:
        parts.append(("ehcp-chronology.pdf",
                      render(report_data.ehcp_chronology(desk, pupil_id))))
    parts += subject_access.attached_files(sheet)
    parts.append(("README.txt", _readme(sheet.meta.school, row.display_name, row.upn,
                                        destination, [n for n, _ in parts]).encode()))
    data = _encrypt(parts, passphrase)
    today = desk.today()
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = session.get(Pupil, pupil_id)
        assert pupil is not None
        pupil.file_sent_on = today
        session.add(pupil)
        audit.record(session, desk.actor, "export", "transfer pack", entity_id=pupil_id,
                     pupil_id=pupil_id,
                     summary=f"whole SEN file packed (encrypted) for {destination}; listed for "
                     f"deletion here ({TRANSFER_SOURCE})",
                     changed={"file_sent_on": [None, today.isoformat()]})
    return TransferPack(data, tuple(n for n, _ in parts), destination)


def _encrypt(parts: list[tuple[str, bytes]], passphrase: str) -> bytes:
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(buffer, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(passphrase.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in parts:
            archive.writestr(name, data)
    return buffer.getvalue()


def _readme(school: str, name: str, upn: str, destination: str, names: list[str]) -> str:
    documents = sum(n.startswith("documents/") for n in names)
    lines = [
        f"The SEN file of {name} (UPN {upn}) from {school}, for {destination}.",
        "",
        "summary.pdf            the whole record: details, SEN status and need history, "
        "parents and carers, agencies, every passport version, support plans and reviews, "
        "EHC records, contact log and a list of attached files.",
        "ctf.xml                the Common Transfer File (basic details and SEN history).",
    ]
    described = {
        "plans-and-reviews.pdf": "the assess-plan-do-review plans and their reviews.",
        "passport.pdf": "the current pupil passport.",
        "ehcp-chronology.pdf": "the EHC needs assessment and plan chronology, with annual "
                               "reviews.",
    }
    lines += [f"{n:<23}{text}" for n, text in described.items() if n in names]
    if documents:
        lines.append(f"documents/             {documents} attached "
                     f"file{'s' if documents != 1 else ''}, as stored.")
    if any(n.startswith("photo.") for n in names):
        lines.append("photo                  the pupil's photo.")
    lines += ["", "Keep this file securely: it is the pupil's SEN record. As the last school "
              "the pupil attends, keep it until their date of birth plus 31 years."]
    return "\n".join(lines) + "\n"
