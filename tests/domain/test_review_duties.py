"""The school's annual review steps apart from the LA's, counted with hand-worked dates."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.codes import LaDecision
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord
from sencodesk.domain.review_duties import review_duties

TODAY = date(2026, 11, 22)


def test_each_step_is_judged_against_its_own_due_date() -> None:
    # plan issued 01/04/2025: 12 months end 31/03/2026, meeting by 31/03 - 28 = 03/03/2026.
    # meeting 02/03/2026 (on time); invitations due 16/02, sent 10/02 (on time); advice due
    # 16/02, circulated 20/02 (late); report due 16/03, none on file (not recorded);
    # LA decision due min(31/03/2026, 02/03 + 28 = 30/03/2026) = 30/03, notified 07/04 (late).
    first = AnnualReviewRecord(1, 1, date(2026, 3, 2), date(2026, 2, 10), date(2026, 2, 20),
                               None, LaDecision.MAINTAIN, date(2026, 4, 7), None, None, "")
    # the next review counts from 07/04/2026: 12 months end 06/04/2027; meeting booked
    # 20/11/2026 is only two days ago: report (due 04/12) and decision not yet judged.
    second = AnnualReviewRecord(2, 1, date(2026, 11, 20), date(2026, 11, 2), date(2026, 11, 6),
                                None, None, None, None, None, "")
    plan = PlanRecord(1, 1, None, date(2025, 4, 1), "", "", None, None, (first, second))
    school, la = review_duties([plan], since=date(2025, 11, 22), today=TODAY)
    counts = {s.label.split(" ")[0] + s.label.split(" ")[1]: (s.on_time, s.late, s.not_recorded)
              for s in school}
    assert counts == {"Annualreview": (2, 0, 0), "Invitationssent": (2, 0, 0),
                      "Adviceand": (1, 1, 0), "Reviewreport": (0, 0, 1)}
    assert [(s.on_time, s.late, s.not_recorded) for s in la] == [(0, 1, 0)]
    assert [s.rule for s in school] == ["CFA 2014 s44(1), Reg 20(1)", "Reg 20(3)", "Reg 20(4)",
                                        "Reg 20"]
