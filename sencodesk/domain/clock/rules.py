"""Every rule the clock applies, with its source, so a SENCO (and a PDF) can cite it.

Sources: the Children and Families Act 2014 ("CFA 2014"), the SEND Regulations 2014 ("Reg"),
the SEND Code of Practice 2015 ("CoP"), each checked against its text. Where the rule is
practice rather than law, the citation says so and the kind is ``practice``.

Each rule also says whose duty it is: the school's (what the SENCO controls), the local
authority's, the family's (a window to respond in) or the people asked for advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Owner(StrEnum):
    SCHOOL = "school"
    LA = "local authority"
    FAMILY = "family"
    ADVISERS = "those asked for advice"


class Kind(StrEnum):
    """A statutory time limit, or a practice target or reminder that is never a breach."""

    STATUTORY = "statutory"
    PRACTICE = "practice"


@dataclass(frozen=True)
class Rule:
    label: str
    citation: str
    owner: Owner
    kind: Kind = Kind.STATUTORY


_S, _LA, _F, _A = Owner.SCHOOL, Owner.LA, Owner.FAMILY, Owner.ADVISERS
_P = Kind.PRACTICE

RULES: dict[str, Rule] = {
    "decision_to_assess": Rule("LA decides whether to assess (6 weeks)", "Reg 5(1)", _LA),
    "advice_due": Rule("Advice due from those asked (6 weeks after asking)", "Reg 8(1)", _A),
    "decision_not_to_issue": Rule(
        "Last day for the LA to say it will not issue a plan (16 weeks)", "Reg 10(1)", _LA),
    "draft_target": Rule("Draft plan served (practical target, week 14)",
                         "practice: leaves the 15 days of Reg 13(1) before week 20", _LA, _P),
    "draft_comments_end": Rule("Family's comments on the draft plan (15 days)", "Reg 13(1)",
                               _F),
    "final_plan": Rule("Final EHC plan issued (20 weeks)", "Reg 13(2)", _LA),
    "review_meeting": Rule(
        "Annual review meeting held (latest day that leaves the LA its 4 weeks)",
        "CFA 2014 s44(1), Reg 20(1)", _S),
    "review_invitations": Rule("Invitations sent (at least 2 weeks before the meeting)",
                               "Reg 20(3)", _S),
    "review_advice": Rule("Advice and information circulated (2 weeks before the meeting)",
                          "Reg 20(4)", _S),
    "review_report": Rule("Review report sent to the LA and everyone invited (2 weeks after)",
                          "Reg 20", _S),
    "review_la_decision": Rule(
        "LA notifies its decision: maintain, amend or cease (review completed)",
        "CFA 2014 s44(1), Reg 20", _LA),
    "under_five_review": Rule("Review for an under-five (LA should consider every 3-6 months)",
                              "guidance: CoP 9.178, not a statutory limit", _LA, _P),
    "amendment_comments_end": Rule("Family's comments on proposed amendments (15 days)",
                                   "Reg 22(2)(c)", _F),
    "amended_plan": Rule("Final amended plan (8 weeks after the proposed amendments)",
                         "Reg 22(3)", _LA),
    "phase_transfer": Rule("Plan naming the next school finalised (phase transfer)",
                           "Reg 18(1)(b)", _LA),
    "appeal_deadline": Rule("Last day to appeal to the SEND Tribunal",
                            "Appeals: 2 months from the decision letter or 1 month from the "
                            "mediation certificate, whichever is later", _F),
    "apdr_review": Rule("Support plan (APDR) review", "CoP 6.44-6.56", _S, _P),
    "passport_review": Rule("Pupil passport review", "school practice: reviewed yearly", _S, _P),
    # the date is the school's; the duty to set one and keep to it is the guidance's
    "part_time_review": Rule(
        "Part-time timetable review",
        "DfE statutory guidance, Working together to improve school attendance (2024), "
        "paras 65-66: time-limited, regularly reviewed with the pupil and parents", _S, _P),
}

#: The school's own reminders (``lead_<name>``) are practice targets the school sets itself.
LEAD_PREFIX = "lead_"

#: Milestones governed by the 6/16/20-week limits and the 6 weeks for advice, to which recorded
#: exceptions apply (Reg 5(4), Reg 8(2), Reg 10(4)(a)-(d), applied to the 20 weeks by Reg 13(3)).
TIME_LIMITED = frozenset({"decision_to_assess", "advice_due", "decision_not_to_issue",
                          "final_plan"})


def rule_for(milestone_id: str) -> Rule:
    if milestone_id.startswith(LEAD_PREFIX):
        return Rule(milestone_id, "school policy", Owner.SCHOOL, Kind.PRACTICE)
    return RULES[milestone_id]


def citation(milestone_id: str) -> str:
    return RULES[milestone_id].citation


def label(milestone_id: str) -> str:
    return RULES[milestone_id].label
