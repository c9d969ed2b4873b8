"""Annual review of an EHC plan (Reg 18-22, CoP 9.166-9.179)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from sencodesk.domain.clock.calendar import months_after, weeks_after
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.clock.rules import citation, label
from sencodesk.domain.codes import YearGroup

MONTHS_BETWEEN_REVIEWS = 12
#: SEND-RULES.md: under-fives every 3-6 months; the clock uses the outer limit.
MONTHS_BETWEEN_REVIEWS_UNDER_FIVE = 6
PREPARING_FOR_ADULTHOOD_FROM = YearGroup.Y9


def annual_review_timeline(
    *, today: date, plan_issued_on: date | None = None, last_review_on: date | None = None,
    meeting_on: date | None = None, under_five: bool = False,
    year_group: YearGroup | None = None, amendments_proposed_on: date | None = None,
    done: Mapping[str, date] | None = None, lead_times: Mapping[str, int] | None = None,
) -> list[Milestone]:
    """The milestones of the next (or a just-held) review meeting.

    The meeting is due within 12 months (6 for under-fives) of the last review, or of the
    plan's issue for the first. Steps before the meeting count back from the booked date if
    there is one, else from the due date; steps after count from the meeting held.
    ``lead_times`` are the school's own reminders, days before the meeting.
    """
    done = dict(done or {})
    anchor = last_review_on or plan_issued_on
    if anchor is None:
        return []
    months = MONTHS_BETWEEN_REVIEWS_UNDER_FIVE if under_five else MONTHS_BETWEEN_REVIEWS
    meeting_due = months_after(anchor, months)
    held = done.get("review_meeting")
    meeting = held or meeting_on or meeting_due
    notes = []
    if year_group is not None and year_group >= PREPARING_FOR_ADULTHOOD_FROM:
        notes.append("preparation for adulthood must be considered (from Year 9)")
    if meeting_on is not None and held is None and meeting_on > meeting_due:
        notes.append(f"booked for {meeting_on:%d/%m/%Y}, after the date it is due")
    rule_meeting = citation("review_meeting")
    if under_five:
        rule_meeting += " (under-5s: every 3-6 months)"
    found = [make("review_meeting", label("review_meeting"), meeting_due, rule_meeting,
                  today=today, done_on=held, note="; ".join(notes))]
    steps = {
        "review_invitations": meeting - timedelta(weeks=2),
        "review_advice": meeting - timedelta(weeks=2),
        "review_report": meeting + timedelta(weeks=2),
        "review_la_decision": weeks_after(meeting, 4),
    }
    if amendments_proposed_on is not None:
        steps["amendment_comments_end"] = amendments_proposed_on + timedelta(days=14)
        steps["amended_plan"] = weeks_after(amendments_proposed_on, 8)
    for key, due in steps.items():
        found.append(make(key, label(key), due, citation(key), today=today,
                          done_on=done.get(key)))
    for key, days in (lead_times or {}).items():
        lead_id = f"lead_{key}"
        found.append(make(lead_id, f"{key.replace('_', ' ').capitalize()} (school lead time)",
                          meeting - timedelta(days=days), "school policy", today=today,
                          done_on=done.get(lead_id)))
    return sorted(found, key=lambda m: m.due)
