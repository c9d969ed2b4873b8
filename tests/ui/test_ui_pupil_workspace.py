"""The pupil workspace, driven as a SENCO would: edit, save, reopen, see the change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import answering_forms

from sencodesk.domain.codes import CycleStatus, NeedType, Progress, SenStatus
from sencodesk.domain.records import PassportContent
from sencodesk.services import cycles, ehcp, interventions, passports, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.pupil.documents_tab import DocumentsTab
from sencodesk.ui.pupil.passport_tab import PassportTab, diff_html
from sencodesk.ui.pupil.workspace import PupilWorkspace


def _workspace(qtbot: QtBot, desk: Desk, pid: int) -> PupilWorkspace:
    workspace = PupilWorkspace(desk, pid)
    qtbot.addWidget(workspace)
    return workspace


def test_profile_edit_saves_and_reopens(qtbot: QtBot, desk: Desk) -> None:
    pid = add_pupil(desk)
    workspace = _workspace(qtbot, desk, pid)
    tab = workspace.tab("profile")
    tab.form.setText("7C")
    tab.forename.setText("R2D2")
    tab.save()
    assert "letters" in tab.errors["forename"].text()
    assert pupils.get(desk, pid).row.form == "7B"
    tab.forename.setText("Zoë")
    tab.save()
    reopened = _workspace(qtbot, desk, pid)
    assert reopened.tab("profile").form.text() == "7C"


def test_change_status_through_the_form(qtbot: QtBot, desk: Desk,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    workspace = _workspace(qtbot, desk, pid)
    with answering_forms(monkeypatch, {"status": SenStatus.EHCP, "primary": NeedType.NSA},
                         {"status": SenStatus.EHCP, "primary": NeedType.ASD,
                          "starts": date(2026, 11, 1)}) as shown:
        workspace.tab("profile").change_sen()
        assert "NSA" in shown[0].errors["primary need"].text()
        workspace.tab("profile").change_sen()
    assert pupils.get(desk, pid).row.status is SenStatus.EHCP
    assert "E · Education" in workspace.badge.text()


def test_passport_preview_save_versions_and_diff(qtbot: QtBot, desk: Desk) -> None:
    pid = add_pupil(desk)
    tab = PassportTab(desk, pid)
    qtbot.addWidget(tab)
    qtbot.keyClicks(tab.editors["about_me"], "I love trains")
    qtbot.waitUntil(lambda: "I love trains" in tab.preview.toPlainText(), timeout=2000)
    assert tab.has_unsaved_changes()
    tab.save()
    tab.editors["support_me"].setPlainText("Sit me near the door\nWarn me of changes")
    tab.save()
    assert [r.version for r in passports.versions(desk, pid)] == [2, 1]
    again = PassportTab(desk, pid)
    qtbot.addWidget(again)
    assert again.versions.count() == 2 and not again.has_unsaved_changes()
    old, new = reversed(passports.versions(desk, pid))
    assert "Warn me of changes" in diff_html(old, new)


def test_passport_print_preview(qtbot: QtBot, desk: Desk,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like art"))
    shown: list[bytes] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, *a, **k: shown.append(pdf)))
    tab = PassportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.print_current()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith(b"%PDF")


def test_support_cycle_plan_review_and_next(qtbot: QtBot, desk: Desk,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    reading = interventions.add(desk, interventions.InterventionFields(
        "Lexia", hourly_cost_pence=1800))
    workspace = _workspace(qtbot, desk, pid)
    tab = workspace.tab("support")
    plan = {"starts": date(2026, 9, 7), "review": date(2026, 11, 20),
            "outcome1": {"description": "Read 150 words at 95% accuracy",
                         "criteria": "Half-termly check"},
            "outcome2": {"description": "Spell 40 of 50 words"},
            "provision1": {"intervention": reading, "who": "TA"}}
    with answering_forms(monkeypatch, {**plan, "review": date(2026, 9, 1)}, plan):
        tab.new_cycle()
        assert cycles.cycles_for(desk, pid) == []
        tab.new_cycle()
    (cycle,) = cycles.cycles_for(desk, pid)
    assert len(cycle.outcomes) == 2 and cycle.provisions[0].cost_pence > 0
    tab.activate()
    with answering_forms(monkeypatch, {"on": date(2026, 11, 20), "o1": Progress.MET,
                                       "o2": Progress.PARTLY, "pupil": "Better now",
                                       "parent": "Pleased"}):
        tab.record_review()
    assert cycles.cycles_for(desk, pid)[0].status is CycleStatus.REVIEWED
    tab.start_next()
    newest = cycles.cycles_for(desk, pid)[0]
    assert newest.status is CycleStatus.DRAFT
    assert [o.description for o in newest.outcomes] == ["Spell 40 of 50 words"]


def test_ehcp_request_done_dates_and_exceptions(qtbot: QtBot, desk: Desk,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    workspace = _workspace(qtbot, desk, pid)
    tab = workspace.tab("ehcp")
    with answering_forms(monkeypatch, {"received": date(2026, 9, 1), "la": "Riverside"},
                         {"milestone": "decision_to_assess", "on": date(2026, 10, 12)},
                         {"reg": "Reg 10(4)(a)", "reason": "School closed",
                          "from": date(2026, 10, 20)}):
        tab.new_request()
        tab.mark_done()
        tab.add_exception()
    (request,) = ehcp.requests_for(desk, [pid])[pid]
    assert request.done == {"decision_to_assess": date(2026, 10, 12)}
    assert request.exceptions[0].regulation == "Reg 10(4)(a)"
    statuses = {m.id: m.status.value for m in tab.milestones.records}
    assert statuses["decision_to_assess"] == "done on time"
    assert "Reg 5(1)" in tab.timeline.accessibleDescription()


def test_contacts_documents_and_history(qtbot: QtBot, desk: Desk, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    workspace = _workspace(qtbot, desk, pid)
    with answering_forms(monkeypatch, {"on": date(2026, 11, 20), "kind": "phone call",
                                       "summary": "Mum called about homework"}):
        workspace.tab("contacts").add()
    assert records_log.contacts(desk, pid)[0].summary == "Mum called about homework"
    report = tmp_path / "ep-report.pdf"
    report.write_bytes(b"%PDF-1.4 test")
    monkeypatch.setattr(DocumentsTab, "pick_file", classmethod(lambda cls, p: str(report)))
    with answering_forms(monkeypatch, {"title": "EP report", "confidential": True}):
        workspace.tab("documents").attach()
    assert [d.title for d in records_log.documents(desk, pid)] == ["EP report"]
    workspace = _workspace(qtbot, desk, pid)
    history = workspace.tab("history")
    assert {r.entity for r in history.model.records} >= {"pupil", "contact", "document"}


def test_provision_map_against_the_budget(qtbot: QtBot, demo_desk: Desk) -> None:
    from sencodesk.ui.provision.view import ProvisionView

    view = ProvisionView(demo_desk)
    qtbot.addWidget(view)
    assert view.map.total_pence > 0 and view.by_intervention.rowCount() > 0
    share = view.map.total_pence / view.map.budget_pence
    assert f"{share:.0%} of the notional SEN budget (£185,000.00)" in view.totals.text()
    assert " left" not in view.totals.text() and "over budget" not in view.totals.text()
    headers = [view.by_pupil.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.by_pupil.columnCount())]
    assert "Of £6,000" in headers
    first = view.map.by_pupil[0]
    shown = view.by_pupil.index(0, headers.index("Of £6,000")).data()
    assert shown == f"{round(100 * first.cost_pence / 600_000)}%"
    levels = {view.catalogue.index(r, 1).data() for r in range(view.catalogue.rowCount())}
    assert levels <= {"Universal", "Targeted", "Specialist"} and "Targeted" in levels
    assert sum(line.cost_pence for line in view.map.by_pupil) == view.map.total_pence


def test_reports_screen_makes_a_class_set(qtbot: QtBot, demo_desk: Desk,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from sencodesk.ui.reports_view import ReportsView

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: shown.append((pdf, title))))
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    rows = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.SUPPORT))
    with_passport = next(r for r in rows if passports.latest(demo_desk, r.id))
    view.form.setCurrentText(with_passport.form)
    view.make_document()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert shown[0][0].startswith(b"%PDF")


def test_ehcp_tab_shows_an_estimated_decision_and_records_the_destination(
    qtbot: QtBot, desk: Desk,
) -> None:
    from PySide6.QtCore import Qt

    from sencodesk.domain.codes import YearGroup

    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.ASD,),
                    year_group=YearGroup.Y11, dob=date(2010, 10, 1))
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 1, 15))
    ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2025, 12, 1)))
    workspace = _workspace(qtbot, desk, pid)
    workspace.show()
    tab = workspace.tab("ehcp")
    workspace.tabs.setCurrentWidget(tab)
    # meeting 01/12/2025 + 28 days = 29/12/2025, shown as an estimate
    decided = tab.reviews.index(0, 5)
    assert decided.data() == "29/12/2025 (estimate)"
    assert "estimated" in decided.data(Qt.ItemDataRole.ToolTipRole)
    assert "phase_transfer" in {m.id for m in tab.plan_milestones.records}
    tab.destination.setFocus()
    qtbot.keyClick(tab.destination, Qt.Key.Key_Down)   # "Stays in the school's own sixth form"
    assert ehcp.plans_for(desk, [pid])[pid][0].transfer_destination == "own-sixth-form"
    assert "phase_transfer" not in {m.id for m in tab.plan_milestones.records}
    qtbot.keyClick(tab.destination, Qt.Key.Key_Down)   # "Another school"
    transfer = next(m for m in tab.plan_milestones.records if m.id == "phase_transfer")
    assert (transfer.due, transfer.rule) == (date(2027, 2, 15), "Reg 18(1)(b)")
