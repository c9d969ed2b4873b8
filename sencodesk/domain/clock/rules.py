"""Every rule the clock applies, with its source, so a SENCO (and a PDF) can cite it.

Sources as given in SEND-RULES.md: the SEND Regulations 2014 ("Reg"), the SEND Code of Practice
2015 ("CoP"). Where the rule is practice rather than law, the citation says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    label: str
    citation: str


RULES: dict[str, Rule] = {
    "decision_to_assess": Rule("LA decides whether to assess (6 weeks)", "Reg 5(1)"),
    "advice_due": Rule("Advice due from those asked (6 weeks after asking)", "Reg 8(1)"),
    "decision_not_to_issue": Rule("LA tells the family if it will not issue a plan (16 weeks)",
                                  "Reg 10(1)"),
    "draft_target": Rule("Draft plan served (practical target, week 14)",
                         "practice: leaves the 15 days of Reg 13(1) before week 20"),
    "draft_comments_end": Rule("Family's comments on the draft plan (15 days)", "Reg 13(1)"),
    "final_plan": Rule("Final EHC plan issued (20 weeks)", "Reg 13(2)"),
    "review_meeting": Rule("Annual review meeting (within 12 months)",
                           "Reg 18-22, CoP 9.166-9.179"),
    "review_invitations": Rule("Invitations sent (at least 2 weeks before the meeting)",
                               "Reg 20(3)"),
    "review_advice": Rule("Advice and information circulated (2 weeks before the meeting)",
                          "Reg 20(4)"),
    "review_report": Rule("Review report sent to the LA and everyone invited (2 weeks after)",
                          "Reg 18-22, CoP 9.166-9.179"),
    "review_la_decision": Rule("LA decides to maintain, amend or cease (4 weeks after)",
                               "Reg 18-22, CoP 9.166-9.179"),
    "amendment_comments_end": Rule("Family's comments on proposed amendments (15 days)",
                                   "Reg 22(2)(c)"),
    "amended_plan": Rule("Final amended plan (8 weeks after the proposed amendments)",
                         "Reg 22(3)"),
    "phase_transfer": Rule("Plan naming the next school finalised (phase transfer)", "Reg 18"),
    "appeal_deadline": Rule("Last day to appeal to the SEND Tribunal",
                            "Appeals: 2 months from the decision letter or 1 month from the "
                            "mediation certificate, whichever is later"),
    "apdr_review": Rule("Support plan (APDR) review", "CoP 6.44-6.56"),
    "passport_review": Rule("Pupil passport review", "school practice: reviewed yearly"),
}

#: Milestones governed by the 6/16/20-week limits, to which recorded exceptions apply
#: (Reg 5(4), Reg 10(4)(a)-(d), applied to the 20 weeks by Reg 13(3)).
TIME_LIMITED = frozenset({"decision_to_assess", "advice_due", "decision_not_to_issue",
                          "final_plan"})


def citation(milestone_id: str) -> str:
    return RULES[milestone_id].citation


def label(milestone_id: str) -> str:
    return RULES[milestone_id].label
