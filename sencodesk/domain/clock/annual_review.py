"""Annual review of an EHC plan (CFA 2014 s44(1); Reg 20-22; CoP 9.166-9.179).

The LA must review the plan in the 12 months starting with the date it was made, then in each
12 months starting with the date it was last reviewed (CFA 2014 s44(1)). A review is complete
when the LA notifies its decision to maintain, amend or cease, within 4 weeks of the meeting;
so every step, not only the meeting, must fall inside the 12 months. The anchor of each period
is therefore the plan's issue (first review) or the LA's decision after the last review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sencodesk.domain.clock.calendar import months_after, period_last_day, weeks_after
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.clock.rules import LEAD_PREFIX, citation, label
from sencodesk.domain.clock.terms import Term, last_school_day_on_or_before
from sencodesk.domain.codes import YearGroup
from sencodesk.domain.dates import uk

MONTHS_BETWEEN_REVIEWS = 12
#: CoP 9.178: for under-fives the LA should consider reviewing every 3-6 months (guidance).
MONTHS_BETWEEN_REVIEWS_UNDER_FIVE = 6
#: The LA notifies its decision within 4 weeks of the meeting (Reg 20).
LA_DECISION_WEEKS = 4
NOTICE = timedelta(weeks=2)
PREPARING_FOR_ADULTHOOD_FROM = YearGroup.Y9


def estimated_completion(meeting_on: date) -> date:
    """Where only the meeting is known (old data, imports): the LA's decision estimated as the
    latest it could lawfully come, 4 weeks after the meeting."""
    return weeks_after(meeting_on, LA_DECISION_WEEKS)


def review_period_end(anchor: date) -> date:
    """The last day of the 12 months starting with ``anchor`` (CFA 2014 s44(1))."""
    return period_last_day(anchor, MONTHS_BETWEEN_REVIEWS)


def annual_review_timeline(
    *, today: date, plan_issued_on: date | None = None, last_review_on: date | None = None,
    anchor_estimated: bool = False, meeting_on: date | None = None, under_five: bool = False,
    year_group: YearGroup | None = None, amendments_proposed_on: date | None = None,
    done: Mapping[str, date] | None = None, lead_times: Mapping[str, int] | None = None,
    terms: Sequence[Term] = (),
) -> list[Milestone]:
    """The milestones of the next (or a just-held) review.

    ``last_review_on`` is the day the last review was completed (the LA notified its decision);
    without it, ``plan_issued_on`` anchors the first review. ``anchor_estimated`` says the
    completion date was estimated from the meeting. ``meeting_on`` is the booked meeting.
    ``lead_times`` are the school's own reminders, days before the meeting; one that falls in a
    holiday of ``terms`` moves to the last school day before it.
    """
    done = dict(done or {})
    anchor = last_review_on or plan_issued_on
    if anchor is None:
        return []
    period_end = review_period_end(anchor)
    latest_meeting = period_end - timedelta(weeks=LA_DECISION_WEEKS)
    held = done.get("review_meeting")
    meeting = held or meeting_on
    notes = [f"12 months from {uk(anchor)} end {uk(period_end)}"]
    if anchor_estimated:
        notes[0] += " (last review's completion estimated as its meeting + 4 weeks)"
    if year_group is not None and year_group >= PREPARING_FOR_ADULTHOOD_FROM:
        notes.append("preparation for adulthood must be considered (from Year 9)")
    if meeting_on is not None and held is None and meeting_on > latest_meeting:
        notes.append(f"booked for {uk(meeting_on)}, too late to leave the LA its 4 weeks")
    found = [make("review_meeting", label("review_meeting"), latest_meeting,
                  citation("review_meeting"), today=today, done_on=held,
                  note="; ".join(notes))]
    before = meeting or latest_meeting
    decision_due = period_end if meeting is None else min(
        period_end, weeks_after(meeting, LA_DECISION_WEEKS))
    steps = {
        "review_invitations": before - NOTICE,
        "review_advice": before - NOTICE,
        "review_report": before + NOTICE,
        "review_la_decision": decision_due,
    }
    if amendments_proposed_on is not None:
        steps["amendment_comments_end"] = amendments_proposed_on + timedelta(days=14)
        steps["amended_plan"] = weeks_after(amendments_proposed_on, 8)
    for key, due in steps.items():
        found.append(make(key, label(key), due, citation(key), today=today,
                          done_on=done.get(key)))
    if under_five:
        reminder = months_after(anchor, MONTHS_BETWEEN_REVIEWS_UNDER_FIVE)
        found.append(make("under_five_review", label("under_five_review"), reminder,
                          citation("under_five_review"), today=today,
                          done_on=done.get("under_five_review")))
    found += _lead_times(lead_times or {}, before, terms, today=today, done=done)
    return sorted(found, key=lambda m: m.due)


def _lead_times(lead_times: Mapping[str, int], meeting: date, terms: Sequence[Term], *,
                today: date, done: Mapping[str, date]) -> list[Milestone]:
    found = []
    for key, days in lead_times.items():
        lead_id = f"{LEAD_PREFIX}{key}"
        due = meeting - timedelta(days=days)
        moved = last_school_day_on_or_before(due, terms)
        note = f"moved from {uk(due)} (school holiday)" if moved != due else ""
        found.append(make(lead_id, f"{key.replace('_', ' ').capitalize()} (school lead time)",
                          moved, "school policy", today=today, done_on=done.get(lead_id),
                          note=note))
    return found
