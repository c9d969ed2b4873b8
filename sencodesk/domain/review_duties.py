"""Annual reviews held in the past year, counted step by step and by whose duty it was.

The school controls the meeting (held in time to leave the LA its 4 weeks inside the 12
months, CFA 2014 s44(1)), the invitations and the advice circulated 2 weeks before (Reg 20(3),
20(4)) and the report within 2 weeks after (Reg 20); the local authority notifies its decision
within 4 weeks of the meeting and inside the 12 months, which completes the review.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sencodesk.domain.clock.annual_review import (
    LA_DECISION_WEEKS,
    NOTICE,
    estimated_completion,
    review_period_end,
)
from sencodesk.domain.clock.calendar import weeks_after
from sencodesk.domain.clock.rules import citation
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord


@dataclass(frozen=True)
class StepCount:
    """One duty over the reviews of the past year: on time, late, and not recorded (the date
    was due and nothing is on file: a gap in the evidence, counted as not met)."""

    label: str
    rule: str
    on_time: int = 0
    late: int = 0
    not_recorded: int = 0

    @property
    def judged(self) -> int:
        return self.on_time + self.late + self.not_recorded


SCHOOL_STEPS = ("review_meeting", "review_invitations", "review_advice", "review_report")
LA_STEPS = ("review_la_decision",)
_LABELS = {
    "review_meeting": "Annual review meeting held in time (4 weeks before the 12 months end)",
    "review_invitations": "Invitations sent at least 2 weeks before the meeting",
    "review_advice": "Advice and information circulated 2 weeks before the meeting",
    "review_report": "Review report sent within 2 weeks of the meeting",
    "review_la_decision": "LA notified its decision within 4 weeks and inside the 12 months",
}


def _steps(review: AnnualReviewRecord, anchor: date,
           ) -> Iterator[tuple[str, date | None, date]]:
    """(step, the day it was done or None, the day it was due) for one review."""
    meeting, end = review.meeting_on, review_period_end(anchor)
    yield "review_meeting", meeting, end - timedelta(weeks=LA_DECISION_WEEKS)
    yield "review_invitations", review.invitations_sent_on, meeting - NOTICE
    yield "review_advice", review.advice_circulated_on, meeting - NOTICE
    yield "review_report", review.report_sent_on, meeting + NOTICE
    yield "review_la_decision", review.la_decision_on, min(
        end, weeks_after(meeting, LA_DECISION_WEEKS))


def review_duties(plans: Sequence[PlanRecord], *, since: date, today: date,
                  ) -> tuple[tuple[StepCount, ...], tuple[StepCount, ...]]:
    """The school's steps and the LA's, over reviews whose meeting fell after ``since`` and by
    ``today``. A step not yet due is not judged."""
    tally = {key: [0, 0, 0] for key in _LABELS}
    for plan in plans:
        anchor = plan.issued_on
        for review in sorted(plan.reviews, key=lambda r: r.meeting_on):
            if since < review.meeting_on <= today:
                for key, done_on, due in _steps(review, anchor):
                    if done_on is not None:
                        tally[key][0 if done_on <= due else 1] += 1
                    elif today > due:
                        tally[key][2] += 1
            anchor = review.la_decision_on or estimated_completion(review.meeting_on)

    def counts(keys: Sequence[str]) -> tuple[StepCount, ...]:
        return tuple(StepCount(_LABELS[k], citation(k), *tally[k]) for k in keys)

    return counts(SCHOOL_STEPS), counts(LA_STEPS)
