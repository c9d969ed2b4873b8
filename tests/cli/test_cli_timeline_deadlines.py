"""`sencodesk timeline ...` needs no case file; `sencodesk deadlines` reads the school."""

from __future__ import annotations

import json

import pytest
from factories import PASSWORD

from sencodesk.cli import main


def _json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    data: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return data


def test_ehcp_timeline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "ehcp", "--requested", "2026-01-05", "--today", "2026-02-20",
                 "--json"]) == 0
    rows = _json(capsys)
    assert rows[0] == {"id": "decision_to_assess", "label": "LA decides whether to assess "
                       "(6 weeks)", "due": "2026-02-16", "rule": "Reg 5(1)", "status": "overdue"}
    assert [r["id"] for r in rows][-1] == "final_plan"


def test_ehcp_timeline_with_draft_and_uk_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "ehcp", "--requested", "05/01/2026", "--draft-served",
                 "13/04/2026", "--today", "2026-04-14"]) == 0
    out = capsys.readouterr().out
    assert "27/04/2026" in out and "Reg 13(1)" in out


def test_review_transfer_and_appeal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "review", "--last-review", "2025-03-31", "--json",
                 "--today", "2026-01-01"]) == 0
    assert {r["id"] for r in _json(capsys)} >= {"review_meeting", "review_invitations",
                                                 "review_advice", "review_report",
                                                 "review_la_decision"}
    assert main(["timeline", "transfer", "--year-group", "6", "--on", "2026-11-22",
                 "--phase", "primary", "--json"]) == 0
    assert _json(capsys)[0]["due"] == "2027-02-15"
    assert main(["timeline", "appeal", "--decision", "2026-10-25", "--json"]) == 0
    assert _json(capsys)[0]["due"] == "2027-01-04"


def test_transfer_takes_the_phase_from_the_year_group_and_refuses_a_mismatch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Year 6 on 01/09/2024: primary to secondary, plan final by 15/02/2025 (Reg 18)
    assert main(["timeline", "transfer", "--year-group", "6", "--on", "01/09/2024",
                 "--today", "01/09/2024"]) == 0
    out = capsys.readouterr().out
    assert "Taking a primary school" in out and "15/02/2025" in out
    assert "primary to secondary" in out
    assert main(["timeline", "transfer", "--year-group", "6", "--on", "01/09/2024",
                 "--phase", "secondary"]) == 1
    assert "a secondary school teaches Year 7 to Year 14, not Year 6" in capsys.readouterr().err
    assert main(["timeline", "transfer", "--year-group", "1", "--on", "01/09/2024",
                 "--phase", "infant"]) == 0
    assert "infant to junior" in capsys.readouterr().out
    assert main(["timeline", "transfer", "--year-group", "14", "--on", "01/09/2024",
                 "--phase", "all-through"]) == 0
    assert "at an all-through school: no phase transfer ahead" in capsys.readouterr().out


def test_review_counts_from_the_last_completed_review(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # last review completed 20/05/2025: 12 months end 19/05/2026; meeting by 21/04/2026
    # (19/05 - 28 days); booked 14/04/2026: invitations 31/03/2026, report 28/04/2026,
    # LA decision 12/05/2026 (14/04 + 28 days, inside the 12 months).
    assert main(["timeline", "review", "--last-review", "20/05/2025", "--meeting",
                 "14/04/2026", "--today", "01/03/2026", "--json"]) == 0
    due = {r["id"]: r["due"] for r in _json(capsys)}
    assert due == {"review_invitations": "2026-03-31", "review_advice": "2026-03-31",
                   "review_meeting": "2026-04-21", "review_report": "2026-04-28",
                   "review_la_decision": "2026-05-12"}


def test_transfer_by_destination(capsys: pytest.CaptureFixture[str]) -> None:
    # Year 11 on 22/11/2026 moves in September 2027
    args = ["timeline", "transfer", "--year-group", "11", "--on", "22/11/2026",
            "--phase", "secondary"]
    assert main([*args, "--destination", "post-16", "--json"]) == 0
    assert [(r["id"], r["due"], r["rule"]) for r in _json(capsys)] == [
        ("phase_transfer", "2027-03-31", "Reg 18(1)(a)")]
    assert main([*args, "--destination", "school", "--json"]) == 0
    assert [(r["due"], r["rule"]) for r in _json(capsys)] == [("2027-02-15", "Reg 18(1)(b)")]
    assert main([*args, "--destination", "own-sixth-form", "--json"]) == 0
    assert _json(capsys) == []
    assert main([*args, "--destination", "own-sixth-form"]) == 0
    out = capsys.readouterr().out
    assert "stays in the school's own sixth form" in out and "no Reg 18 date" in out


def test_a_bad_date_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["timeline", "ehcp", "--requested", "31/02/2026"])
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert "--requested" in err and "not a date" in err


def test_deadlines_over_the_demo_school(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "200", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["deadlines", "--json"]) == 0
    rows = _json(capsys)
    assert rows and all(set(r) >= {"id", "label", "due", "rule", "status", "upn"} for r in rows)
    assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)
    assert main(["deadlines", "--overdue", "--json"]) == 0
    overdue = _json(capsys)
    assert overdue and all(r["status"] == "overdue" for r in overdue)
