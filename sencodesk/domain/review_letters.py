"""The letters and forms sent before an annual review of an EHC plan: invitations to everyone
Reg 20(2) names, requests for advice with the date it is needed, and the views forms for the
parents and the child (one in easy read). Pure: a ReviewSheet in, letters out."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.dates import uk
from sencodesk.domain.letters import ANSWER_BOX, Letter, ReviewPaper
from sencodesk.domain.review_paperwork import (
    ADVISERS,
    INVITEE_TITLES,
    RULE_ADULTHOOD,
    RULE_ADVICE,
    RULE_INVITED,
    RULE_NOTICE,
    RULE_VIEWS,
    Invitee,
    ReviewSheet,
)

EASY_READ_SIZE = 16


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _addressee(sheet: ReviewSheet, who: Invitee) -> str:
    return INVITEE_TITLES[who].format(la=sheet.local_authority or "the local authority")


def _box(lines: int) -> str:
    return f"{ANSWER_BOX} {lines}"


def invitation(sheet: ReviewSheet, who: Invitee, *, today: date) -> Letter:
    """An invitation to the review meeting for one of those Reg 20(2) names."""
    name, meeting = sheet.pupil_name, _day(sheet.dates.meeting_on)
    if who is Invitee.PARENT:
        first = sheet.forename
        return Letter(
            ReviewPaper.INVITATION, sheet.pupil_id, name, today,
            f"To the parents and carers of {name}", sheet.parents_greeting,
            f"{first}'s annual review meeting",
            (("", (f"Each year we meet to look at {first}'s education, health and care plan "
                   "together. We would like you to come to the meeting on "
                   f"{meeting}.",
                   "If this day does not suit you, please tell us soon. You are welcome to "
                   "bring someone with you.")),
             ("Before the meeting", (
                 "We have put a form with this letter for your views, and one for "
                 f"{first}. Please send them back by {_day(sheet.dates.advice_needed_by)}.",
                 "We will send you the reports we receive at least two weeks before the "
                 "meeting.")),
             ("", ("Please let us know if you can come.",))),
            sheet.produced_by, sheet.role, RULE_NOTICE)
    return Letter(
        ReviewPaper.INVITATION, sheet.pupil_id, name, today, f"To {_addressee(sheet, who)}",
        "Dear colleague,",
        f"Annual review of the EHC plan of {name} (born {uk(sheet.dob)})",
        (("", (f"You are invited to the annual review meeting of the education, health and "
               f"care plan of {name}, {sheet.year_group}, at {sheet.school}, on {meeting}.",
               f"The plan was issued on {uk(sheet.plan_issued_on)} by "
               f"{sheet.local_authority or 'the local authority'}.",
               f"You are invited as {who.words} ({who.paragraph}). This letter gives at least "
               f"two weeks' notice of the meeting ({RULE_NOTICE}).")),
         ("", ("Please tell us whether you can attend. If you cannot, please send your advice "
               "and information in writing; we circulate everything received to all those "
               "invited at least two weeks before the meeting.",))),
        sheet.produced_by, sheet.role, RULE_INVITED)


def invitations(sheet: ReviewSheet, *, today: date) -> list[Letter]:
    """One invitation for each person Reg 20(2)(a)-(e) says must be invited."""
    return [invitation(sheet, who, today=today) for who in Invitee]


def advice_request(sheet: ReviewSheet, to: str, *, today: date, words: str = "") -> Letter:
    """A request for advice and information, with the date it is needed by (Reg 20(4))."""
    name, dates = sheet.pupil_name, sheet.dates
    asks = [f"• progress towards the outcomes in {sheet.forename}'s EHC plan since the last "
            "review;",
            "• whether the provision in the plan is still right, and any changes you "
            "recommend;",
            "• anything the plan should say that it does not."]
    if sheet.in_year_9_or_above:
        asks.append("• what will help prepare for adulthood and independent living "
                    f"({RULE_ADULTHOOD}).")
    role = f" as {words}" if words else ""
    return Letter(
        ReviewPaper.ADVICE_REQUEST, sheet.pupil_id, name, today, f"To {to}", "Dear colleague,",
        f"Advice for the annual review of {name} (born {uk(sheet.dob)})",
        (("", (f"The annual review meeting of {name}'s EHC plan is on "
               f"{_day(dates.meeting_on)}. We would be grateful for your advice and "
               f"information{role}.",)),
         ("Please tell us about", tuple(asks)),
         ("When we need it", (
             f"Please send it by {_day(dates.advice_needed_by)}.",
             "We must circulate all the advice and information to everyone invited at least "
             f"two weeks before the meeting, that is by {_day(dates.circulate_by)} "
             f"({RULE_ADVICE}).")),),
        sheet.produced_by, sheet.role, RULE_ADVICE)


def advice_requests(sheet: ReviewSheet, *, today: date) -> list[Letter]:
    """Requests to the LA's SEN and social care officers, the health care professional and
    each agency working with the pupil."""
    found = [advice_request(sheet, _addressee(sheet, who), today=today, words=who.words)
             for who in ADVISERS]
    found += [advice_request(sheet, agency, today=today) for agency in sheet.agencies]
    return found


def parent_views(sheet: ReviewSheet, *, today: date) -> Letter:
    """The parents' views form (Reg 19(a): the LA takes account of their views, wishes and
    feelings)."""
    first = sheet.forename
    questions = (f"What is going well for {first}?",
                 f"What is hard for {first} at the moment, at school or at home?",
                 f"How has {first} got on with the outcomes in the plan?",
                 "Is the help in the plan still right? What would you change?",
                 f"What are your hopes for {first} next year, and when they are older?")
    sections: list[tuple[str, tuple[str, ...]]] = [
        ("", (f"Please write your views for {first}'s annual review on "
              f"{_day(sheet.dates.meeting_on)} and send this form back by "
              f"{_day(sheet.dates.advice_needed_by)}. We share it with everyone invited to "
              "the meeting.",))]
    sections += [(q, (_box(5),)) for q in questions]
    return Letter(ReviewPaper.PARENT_VIEWS, sheet.pupil_id, sheet.pupil_name, today,
                  f"For the parents and carers of {sheet.pupil_name}", sheet.parents_greeting,
                  f"Your views for {first}'s annual review", tuple(sections),
                  "", "", RULE_VIEWS)


def pupil_views(sheet: ReviewSheet, *, today: date, easy_read: bool = False) -> Letter:
    """The child's views form; the easy-read one has one short question a box, in large
    type."""
    first = sheet.forename
    if easy_read:
        questions = ("What do you like at school?", "What is hard at school?",
                     "Who helps you? How do they help?", "What would you like to learn next?",
                     "What do you want to be good at when you are older?")
        intro = ("We are going to meet about you.",
                 f"The meeting is on {_day(sheet.dates.meeting_on)}.",
                 "We want to know what you think.",
                 "You can write, draw, or ask a grown-up to write for you.")
        sections = [("", intro)] + [(q, (_box(4),)) for q in questions]
        return Letter(ReviewPaper.PUPIL_VIEWS_EASY, sheet.pupil_id, sheet.pupil_name, today,
                      f"For {first}", f"Hello {first},", "What I think", tuple(sections),
                      "", "", RULE_VIEWS, EASY_READ_SIZE)
    asked = ["What is going well for me at school?", "What do I find difficult?",
             "What helps me learn? What does not help?",
             "How have I got on with the goals in my plan?",
             "What would I like to change, or to achieve next year?"]
    if sheet.in_year_9_or_above:
        asked.append("What would I like to do after school: study, work, where to live, "
                     "friends and hobbies?")
    sections = [("", (f"This is for your annual review meeting on "
                      f"{_day(sheet.dates.meeting_on)}. Your views matter: everyone at the "
                      "meeting will read them.",))]
    sections += [(q, (_box(5),)) for q in asked]
    return Letter(ReviewPaper.PUPIL_VIEWS, sheet.pupil_id, sheet.pupil_name, today, f"For {first}",
                  f"Dear {first},", "My views for my annual review", tuple(sections),
                  "", "", RULE_VIEWS)


def views_forms(sheet: ReviewSheet, *, today: date) -> list[Letter]:
    """The parents' form, the child's and the child's in easy read."""
    return [parent_views(sheet, today=today), pupil_views(sheet, today=today),
            pupil_views(sheet, today=today, easy_read=True)]
