"""A pupil leaving for another school: record the day and where they went, then send their
whole SEN file there as an encrypted pack (the record is then listed for deletion here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QWidget

from sencodesk.domain.errors import ValidationError
from sencodesk.reports import pdf_bytes
from sencodesk.services import pupils, saving, transfer
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog


def record_leaving(parent: QWidget, desk: Desk, pupil_id: int) -> bool:
    """Ask for the leaving day and destination (for a leaver, the destination only)."""
    row = pupils.get(desk, pupil_id).row
    destination = QLineEdit()
    destination.setPlaceholderText(parent.tr("e.g. Hillside Academy, Riverside"))
    if row.left_on is not None:
        return FormDialog.ask(
            parent.tr("Where {name} went").format(name=row.display_name),
            [("destination", parent.tr("Moved to"), destination)],
            lambda v: pupils.record_destination(desk, pupil_id, v["destination"]), parent)
    fields = [("on", parent.tr("Left on"), DateField(desk.today())),
              ("destination", parent.tr("Moved to"), destination)]
    return FormDialog.ask(
        parent.tr("{name} is leaving").format(name=row.display_name), fields,
        lambda v: pupils.mark_left(desk, pupil_id, v["on"], destination=v["destination"]),
        parent, intro=parent.tr("The file becomes read-only. If the pupil is moving to another "
                                "school, name it: their SEN file goes there."))


def send_transfer_pack(parent: QWidget, desk: Desk, pupil_id: int, upn: str) -> None:
    """Choose where to save the pack and a passphrase (typed twice), then write it."""
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Save the SEN file for the next school"),
        str(Path.home() / f"{upn}-sen-file.zip"), parent.tr("ZIP archives (*.zip)"))
    if not name:
        return
    target = Path(name)
    phrase, again = QLineEdit(), QLineEdit()
    for box in (phrase, again):
        box.setEchoMode(QLineEdit.EchoMode.Password)

    def save(v: dict[str, Any]) -> transfer.TransferPack:
        if v["passphrase"] != v["again"]:
            raise ValidationError("passphrase again", "the two passphrases differ")
        saving.check_target(target, replace=True)  # before the export is audited
        pack = transfer.transfer_pack(desk, pupil_id, passphrase=v["passphrase"],
                                      render=pdf_bytes)
        saving.save_export(target, pack.data, replace=True)  # the save dialog asked
        return pack

    if FormDialog.ask(
            parent.tr("Encrypt the SEN file"),
            [("passphrase", parent.tr("Passphrase"), phrase),
             ("again", parent.tr("Passphrase again"), again)], save, parent,
            intro=parent.tr("The pack is an AES-256 encrypted ZIP. Choose a passphrase of at "
                            "least {n} characters and give it to the next school separately "
                            "(by phone, not with the file).").format(n=transfer.MIN_PASSPHRASE)):
        QMessageBox.information(parent, parent.tr("SEN file for the next school"), parent.tr(
            "Saved {path}. Once the next school has it, the record here is listed for "
            "deletion (Settings, leavers).").format(path=target))
