"""The EHC needs assessment clock, from the day the LA received the request (SEND-RULES.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sencodesk.domain.clock.calendar import weeks_after
from sencodesk.domain.clock.milestone import Milestone, RecordedException, make
from sencodesk.domain.clock.rules import TIME_LIMITED, citation, label
from sencodesk.domain.clock.terms import Term, closure_exception
from sencodesk.domain.dates import uk

#: "at least 15 calendar days, beginning with the day the draft is served": day 1 is the day
#: served, so the last day is 14 days later.
COMMENT_DAYS = 15


def _applies(exceptions: Sequence[RecordedException], milestone_id: str,
             ) -> list[RecordedException]:
    return [e for e in exceptions
            if e.milestone_id == milestone_id
            or (e.milestone_id is None and milestone_id in TIME_LIMITED)]


def ehcp_timeline(
    received_on: date, *, today: date, advice_asked_on: date | None = None,
    draft_served_on: date | None = None, done: Mapping[str, date] | None = None,
    exceptions: Sequence[RecordedException] = (),
    advice_asked_dates: Sequence[date] = (), terms: Sequence[Term] = (),
) -> list[Milestone]:
    """Every milestone of one request, in date order.

    Advice is shown once asked; the comment window once the draft is served (its service date
    is the draft target's done date). Where advice was asked (``advice_asked_dates``) from a
    week before a school closure of 4 weeks or more (from ``terms``) until a week before it
    re-opens, the time-limited milestones still open suggest the Reg 10(4)(a) exception for
    the SENCO to confirm; it is never applied until recorded.
    """
    done = dict(done or {})
    if draft_served_on is not None:
        done.setdefault("draft_target", draft_served_on)
    due = {
        "decision_to_assess": weeks_after(received_on, 6),
        "decision_not_to_issue": weeks_after(received_on, 16),
        "draft_target": weeks_after(received_on, 14),
        "final_plan": weeks_after(received_on, 20),
    }
    if advice_asked_on is not None:
        due["advice_due"] = weeks_after(advice_asked_on, 6)
    served = done.get("draft_target")
    if served is not None:
        due["draft_comments_end"] = served + timedelta(days=COMMENT_DAYS - 1)
        # Serving a draft is the LA's decision to issue: Reg 10(1) (notice of a decision not
        # to issue) no longer applies, so its 16 weeks are neither met nor missed: drop them
        # (unless a refusal was recorded all the same).
        if "decision_not_to_issue" not in done:
            del due["decision_not_to_issue"]
    hint = "" if exceptions else suggested_exception(advice_asked_dates, terms)
    milestones = [
        make(key, label(key), when, citation(key), today=today, done_on=done.get(key),
             exceptions=_applies(exceptions, key),
             note=hint if key in TIME_LIMITED and key not in done else "")
        for key, when in due.items()
    ]
    return sorted(milestones, key=lambda m: m.due)


def suggested_exception(advice_asked_dates: Sequence[date], terms: Sequence[Term]) -> str:
    """The text suggesting the school-closure exception, or "" when no advice was asked in
    the period it covers (Reg 5(4)(a), 10(4)(a); applied to the 20 weeks by Reg 13(3))."""
    for asked in sorted(advice_asked_dates):
        closure = closure_exception(asked, terms)
        if closure is not None:
            last_closed = closure.reopens - timedelta(days=1)
            return (f"possible exception, SENCO to confirm: advice asked {uk(asked)}, "
                    f"school closed {uk(closure.first_day)}-{uk(last_closed)} "
                    "(4 weeks or more), Reg 10(4)(a) (also Reg 5(4)(a), Reg 13(3)) if the "
                    "school's advice was asked then")
    return ""
