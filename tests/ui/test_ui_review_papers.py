"""A SENCO makes an annual review's papers from the EHCP tab, writes the report of the meeting
(typing into the table of outcomes as a person does), prints it and records the day it went."""

from __future__ import annotations

from datetime import date

import pytest
from factories import with_reviewed_plan
from pdf_checks import page_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from ui_helpers import type_date

from sencodesk.services import ehcp, review_paperwork
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.pupil.ehcp_tab import EhcpTab
from sencodesk.ui.pupil.review_papers import PairsField, ReviewPapersDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    found: list[bytes] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, *a, **k: found.append(pdf)))
    return found


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page_text(pdf)).split())


def _form() -> FormDialog:
    form = QApplication.activeModalWidget()
    assert isinstance(form, FormDialog)
    return form


def _save(qtbot: QtBot, form: FormDialog) -> None:
    box = form.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), LEFT)


def test_the_papers_the_report_and_its_sent_date_from_the_ehcp_tab(
        qtbot: QtBot, desk: Desk, shown: list[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    pid = with_reviewed_plan(desk, "Amy")
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 12, 1), local_authority="Hilltown")
    review = ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2026, 11, 5)))
    opened: list[ReviewPapersDialog] = []

    def open_without_waiting(self: ReviewPapersDialog) -> int:
        opened.append(self)
        self.show()
        return 0

    monkeypatch.setattr(ReviewPapersDialog, "exec", open_without_waiting)
    tab = EhcpTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.papers_button.isEnabled()
    qtbot.mouseClick(tab.papers_button, LEFT)
    dialog = opened[0]
    qtbot.addWidget(dialog)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Amy Adams: annual review meeting on 05/11/2026" in words
    assert "22/10/2026 (SEND Regulations 2014, regulation 20(3))" in words
    assert "not sent: overdue since 19/11/2026" in words

    qtbot.mouseClick(dialog.buttons["invitations"], LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "Reg 20(2)(e)" in _text(shown[-1]) and "To the SEN officer, Hilltown" in _text(
        shown[-1])

    def write() -> None:
        form = _form()
        fields = {label: widget for _key, label, widget in form.fields}
        outcomes = fields["Progress on each outcome"]
        assert isinstance(outcomes, PairsField)
        assert outcomes.value()[0] == ("Read a page of a new book aloud", "met")
        cell = outcomes.view.visualRect(outcomes.model.index(0, 1)).center()
        qtbot.mouseDClick(outcomes.view.viewport(), LEFT, pos=cell)
        editor = outcomes.view.viewport().findChild(QLineEdit)  # the cell's editor
        assert editor is not None and editor.isVisible()
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor, "Reached in October")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it a moment later
        qtbot.waitUntil(lambda: outcomes.value()[0][1] == "Reached in October")
        amendments = fields["Recommended amendments"]
        assert isinstance(amendments, QPlainTextEdit)
        qtbot.mouseClick(amendments.viewport(), LEFT)
        qtbot.keyClicks(amendments, "Add a spelling outcome to Section E.")
        _save(qtbot, form)

    QTimer.singleShot(0, write)
    qtbot.mouseClick(dialog.buttons["write"], LEFT)
    saved = review_paperwork.sheet(desk, review).report
    assert saved.outcomes[0].progress == "Reached in October"
    assert saved.recommendations == "Add a spelling outcome to Section E."

    qtbot.mouseClick(dialog.buttons["report"], LEFT)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15000)
    report = _text(shown[-1])
    assert "Reached in October" in report and "Add a spelling outcome to Section E." in report

    def sent() -> None:
        form = _form()
        field = form.fields[0][2]
        assert isinstance(field, DateField)
        type_date(field, "21/11/2026")
        _save(qtbot, form)

    QTimer.singleShot(0, sent)
    qtbot.mouseClick(dialog.buttons["sent"], LEFT)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "sent 21/11/2026, 2 days late (due 19/11/2026)" in words
    dialog.done(0)
    assert ehcp.plans_for(desk, [pid])[pid][0].reviews[0].report_sent_on == date(2026, 11, 21)


def test_the_request_pack_from_the_ehcp_tab(qtbot: QtBot, desk: Desk,
                                            shown: list[bytes]) -> None:
    pid = with_reviewed_plan(desk, "Amy")
    tab = EhcpTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    button = next(b for b in tab.findChildren(QPushButton)
                  if b.text().replace("&", "").startswith("Evidence for a request pack"))
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    text = _text(shown[-1])
    assert "EHC NEEDS ASSESSMENT REQUEST" in text
    assert "Amy: \u201cI like the dog books.\u201d" in text
