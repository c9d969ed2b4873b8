"""Documents from the app: the Reports screen, the EHCP tab's chronology and the provision
map's print button all make a real PDF in the background and preview it."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import signed_in_as, teaches
from pdf_checks import page_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.services import ehcp, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.provision.view import ProvisionView
from sencodesk.ui.pupil.ehcp_tab import EhcpTab
from sencodesk.ui.reports_view import ReportsView


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str]]:
    found: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: found.append((pdf, title))))
    return found


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page_text(pdf)).split())


def _choose(view: ReportsView, title: str) -> None:
    view.choice.setCurrentRow([d.title for d in view.documents].index(title))


def test_reports_screen_lists_what_the_role_may_make(qtbot: QtBot, demo_desk: Desk) -> None:
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    assert [d.title for d in view.documents] == [
        "Passports for a class", "SEND register", "Costed provision map", "SEND evidence pack",
        "SEN information report", "Passports for every teacher", "School summary for the trust",
        "Trust dashboard"]
    teacher = ReportsView(signed_in_as(demo_desk, Role.TEACHER))
    qtbot.addWidget(teacher)
    assert [d.title for d in teacher.documents] == ["Passports for a class"]


def test_register_and_provision_map_from_the_reports_screen(
        qtbot: QtBot, demo_desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    view.show()
    _choose(view, "SEND register")
    assert not view.form.isVisible() and not view.cases.isVisible()
    view.make_document()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert shown[0][1] == "SEND register" and "SEND REGISTER" in _text(shown[0][0])
    qtbot.waitUntil(view.preview.isEnabled, timeout=5000)
    _choose(view, "Costed provision map")
    assert view.starts.isVisible()
    view.make_document()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15000)
    assert "COSTED PROVISION MAP" in _text(shown[1][0])


def test_evidence_pack_case_sample_is_capped_at_six_and_anonymised(
        qtbot: QtBot, demo_desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    from PySide6.QtCore import Qt

    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    view.show()
    _choose(view, "SEND evidence pack")
    assert view.cases.isVisible() and view.anonymise.isVisible()
    for i in range(7):
        view.cases.item(i).setCheckState(Qt.CheckState.Checked)
    assert len(view.chosen_cases()) == 6
    assert "At most 6" in view.case_note.text()
    view.case_search.setText(view.cases.item(0).text().split(",")[0])
    assert not view.cases.item(0).isHidden()
    assert view.anonymise.isChecked()  # anonymised unless someone unticks it
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    text = _text(shown[0][0])
    assert "SEND EVIDENCE PACK" in text and "7. Case sample" in text
    for pid in view.chosen_cases():
        assert pupils.get(demo_desk, pid).row.upn not in text


def test_ehcp_tab_and_provision_view_print_their_documents(
        qtbot: QtBot, demo_desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    rows = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.EHCP))
    requests = ehcp.requests_for(demo_desk, [r.id for r in rows])
    pid = next(r.id for r in rows if requests.get(r.id))
    tab = EhcpTab(demo_desk, pid)
    qtbot.addWidget(tab)
    tab.print_chronology()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "EHCP CHRONOLOGY" in _text(shown[0][0])
    view = ProvisionView(demo_desk)
    qtbot.addWidget(view)
    view.print_map()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15000)
    assert "COSTED PROVISION MAP" in _text(shown[1][0])


def test_a_document_that_cannot_be_made_explains_why(
        qtbot: QtBot, demo_desk: Desk, message_boxes: list[tuple[str, str]],
        shown: list[tuple[bytes, str]]) -> None:
    none = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.NONE))[0]
    tab = EhcpTab(demo_desk, none.id)
    qtbot.addWidget(tab)
    tab.print_chronology()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)
    assert "no EHC needs assessment request or plan" in message_boxes[-1][1]
    assert not shown


def test_profile_exports_subject_access_zip_and_ctf(
        qtbot: QtBot, demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    from sencodesk.ui.pupil.profile_tab import ProfileTab

    pid = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.EHCP))[0].id
    tab = ProfileTab(demo_desk, pid, lambda: None)
    qtbot.addWidget(tab)
    targets = iter([tmp_path / "sar.zip", tmp_path / "ctf.xml"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(next(targets)), "")))
    tab.export_subject_access()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=15000)
    assert "Review it for exempt information" in message_boxes[-1][1]
    with zipfile.ZipFile(tmp_path / "sar.zip") as archive:
        assert "record.pdf" in archive.namelist()
    tab.export_ctf()
    assert b"<SENhistory>" in (tmp_path / "ctf.xml").read_bytes()
    teacher_desk = signed_in_as(demo_desk, Role.TEACHER)
    teaches(demo_desk, teacher_desk, pid)
    teacher = ProfileTab(teacher_desk, pid, lambda: None)
    qtbot.addWidget(teacher)
    assert not any(b.isVisibleTo(teacher) for b in teacher.findChildren(QPushButton)
                   if "Subject" in b.text())


def test_settings_lists_leavers_past_retention_and_deletes_on_confirmation(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from factories import add_pupil
    from ui_helpers import answering_forms

    from sencodesk.ui.settings.view import SettingsView

    pid = add_pupil(desk, dob=date(2005, 6, 1), year_group=14, form="")
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    upn = pupils.get(desk, pid).row.upn
    desk.today = lambda: date(2036, 6, 2)
    view = SettingsView(desk)
    qtbot.addWidget(view)
    box = view.retention
    assert box is not None and box.model.rowCount() == 1
    assert "1 due for deletion" in box.note.text()
    with answering_forms(monkeypatch, {"upn": "wrong"}) as shown:
        box.delete()
    # beside the field it names (by its id, "upn"), not at the foot of the form
    assert "does not match" in shown[0].errors["type the upn to confirm"].text()
    assert box.model.rowCount() == 1
    with answering_forms(monkeypatch, {"upn": upn}):
        box.delete()
    assert box.model.rowCount() == 0 and "No file is due" in box.note.text()


def test_passports_for_every_teacher_written_into_a_chosen_folder(
        qtbot: QtBot, demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sencodesk.ui import teacher_packs

    told: list[str] = []
    monkeypatch.setattr(teacher_packs.PackFolder, "ask",
                        classmethod(lambda cls, parent: tmp_path / "packs"))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    view.show()
    view.choice.setFocus()
    qtbot.keyClick(view.choice, Qt.Key.Key_End)
    qtbot.keyClick(view.choice, Qt.Key.Key_Up)  # the two trust documents come last
    qtbot.keyClick(view.choice, Qt.Key.Key_Up)
    assert view.current() is not None and view.preview.text() == "&Write the packs…"
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    written = sorted((tmp_path / "packs").glob("Passports - *.pdf"))
    assert written and told[0].startswith(f"{len(written)} packs written into")
    assert "Passports for" in page_text(written[0].read_bytes())[0]
