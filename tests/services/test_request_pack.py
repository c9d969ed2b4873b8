"""The EHC needs assessment request pack drawn from a real case file and read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil, with_reviewed_plan
from pdf_checks import page_text

from sencodesk.domain.errors import ValidationError
from sencodesk.reports.request_pack import render_request_pack
from sencodesk.services import audit, cycles, people, records_log, request_pack
from sencodesk.services.context import Desk


def _text(pdf: bytes) -> list[str]:
    return [" ".join(page.split()) for page in page_text(pdf)]


def test_the_pack_holds_the_graduated_approach_costs_reports_and_views(
        desk: Desk, tmp_path: Path) -> None:
    pid = with_reviewed_plan(desk, "Amy")
    people.add_agency(desk, pid, name="Speech and language therapy",
                      started_on=date(2026, 10, 1))
    report = tmp_path / "salt.pdf"
    report.write_bytes(b"%PDF-1.4 a report")
    records_log.attach(desk, pid, report, title="SALT assessment", kind="report",
                       dated=date(2026, 10, 20))
    # a costly intervention in the next plan, so the year passes £6,000
    plan = cycles.cycles_for(desk, pid)[0]
    cycles.update_plan(desk, plan.id, cycles.CyclePlan(
        starts_on=plan.starts_on, review_on=plan.review_on,
        outcomes=(cycles.OutcomeInput("Spell the 100 common words"),),
        provisions=(cycles.ProvisionInput(description="1:1 teaching assistant",
                                          cost_pence=650_000, outcomes=(1,)),)))
    pages = _text(render_request_pack(request_pack.gather(desk, pid)).pdf)
    text = " ".join(pages)
    assert "Contents" in pages[0] and "1. Chronology" in pages[0]
    for words in ("EHC NEEDS ASSESSMENT REQUEST", "Children and Families Act 2014, section 36(1)",
                  "SEND Regulations 2014, regulation 5(1)",
                  "07/09/2026 Support plan 1 started", "16/11/2026 Support plan 1 reviewed",
                  "01/10/2026 Speech and language therapy involved",
                  "20/10/2026 Report held: SALT assessment",
                  "Read a page of a new book aloud", "Reading with an adult, 3 times a week",
                  "1:1 teaching assistant", "more than the £6,000.00",
                  "SALT assessment report 20/10/2026",
                  "Amy: \u201cI like the dog books.\u201d",
                  "Parents: \u201cReads at bedtime now.\u201d"):
        assert words in text, words
    assert "The year" in text and "<b>" not in text
    assert pupil_upn_absent(desk, pid, text)
    events = audit.list_events(desk, pupil_id=pid, limit=3)
    assert any(e.entity == "ehc request pack" for e in events)


def pupil_upn_absent(desk: Desk, pid: int, text: str) -> bool:
    from sencodesk.services import pupils

    return pupils.get(desk, pid).row.upn not in text


def test_a_pupil_without_a_support_plan_has_no_pack(desk: Desk) -> None:
    pid = add_pupil(desk, legal_forename="Cal", legal_surname="Dunn")
    with pytest.raises(ValidationError, match="Cal Dunn has no support plan yet"):
        request_pack.gather(desk, pid)
