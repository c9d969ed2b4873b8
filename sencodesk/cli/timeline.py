"""``sencodesk timeline``: work out statutory dates from dates alone (no case file needed)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from sencodesk.cli import common
from sencodesk.domain import clock
from sencodesk.domain.clock.phase_transfer import Destination, why_no_transfer
from sencodesk.domain.codes import SchoolPhase, YearGroup
from sencodesk.domain.errors import ValidationError


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "timeline", help="work out statutory dates from a date",
        description="Compute a statutory timeline from dates alone, each date with the rule it "
        "comes from. Nothing is read from or written to the case file.")
    kinds = parser.add_subparsers(dest="timeline_kind", metavar="KIND", required=True)
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--today", type=common.date_arg, default=None,
                         help="the date to judge statuses against (default: today)")
    options.add_argument("--json", action="store_true", help="print JSON for other programs")

    ehcp = kinds.add_parser(
        "ehcp", parents=[options], help="EHC needs assessment from the request",
        description="The EHC needs assessment clock from the day the local authority received "
        "the request (Reg 5(1), 10(1), 13(1), 13(2)).")
    ehcp.add_argument("--requested", type=common.date_arg, required=True, metavar="DATE",
                      help="the day the LA received the request")
    ehcp.add_argument("--draft-served", type=common.date_arg, metavar="DATE",
                      help="the day the draft plan was served, if it has been")
    ehcp.add_argument("--advice-asked", type=common.date_arg, metavar="DATE",
                      help="the day advice was asked for (due 6 weeks later, Reg 8(1))")
    ehcp.set_defaults(func=run_ehcp)

    review = kinds.add_parser(
        "review", parents=[options], help="annual review of an EHC plan",
        description="The next annual review, completed (the LA's decision notified) within "
        "the 12 months starting with the last review's completion or the plan's issue "
        "(CFA 2014 s44(1)): the meeting at the latest 4 weeks before the 12 months end, "
        "invitations and advice 2 weeks before the meeting (Reg 20(3), 20(4)), the report "
        "2 weeks after, the LA's decision 4 weeks after or by the end of the 12 months.")
    review.add_argument("--last-review", type=common.date_arg, required=True, metavar="DATE",
                        help="the day the last review was completed (the LA notified its "
                        "decision), or the day the plan was issued")
    review.add_argument("--meeting", type=common.date_arg, metavar="DATE",
                        help="the date the next meeting is booked for")
    review.set_defaults(func=run_review)

    transfer = kinds.add_parser(
        "transfer", parents=[options], help="phase transfer deadline",
        description="When the plan naming the next school must be final: 15 February of the "
        "year of transfer for a school phase (Reg 18(1)(b)), 31 March for secondary school to "
        "a college, post-16 institution or apprenticeship (Reg 18(1)(a)); none for a Year 11 "
        "pupil staying in the school's own sixth form.")
    transfer.add_argument("--year-group", type=common.year_arg, required=True, metavar="N",
                          help="the pupil's year group on that date: N, R or 1-14")
    transfer.add_argument("--on", type=common.date_arg, required=True, metavar="DATE",
                          help="the date the pupil is in that year group")
    transfer.add_argument("--phase", choices=[p.value for p in SchoolPhase],
                          help="the school's phase (default: primary for Nursery to Year 6, "
                          "secondary from Year 7)")
    transfer.add_argument("--destination", choices=[d.value for d in Destination],
                          help="where the pupil goes at the move: own-sixth-form (no transfer), "
                          "school, or post-16 (college or apprenticeship)")
    transfer.set_defaults(func=run_transfer)

    appeal = kinds.add_parser(
        "appeal", parents=[options], help="last day to appeal to the SEND Tribunal",
        description="Two months from the decision letter or one month from the mediation "
        "certificate, whichever is later; moved out of 25 December-1 January and August to "
        "the next working day.")
    appeal.add_argument("--decision", type=common.date_arg, required=True, metavar="DATE",
                        help="the date of the decision letter")
    appeal.add_argument("--mediation-certificate", type=common.date_arg, metavar="DATE",
                        help="the date of the mediation certificate, if any")
    appeal.set_defaults(func=run_appeal)


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def _show(args: argparse.Namespace, milestones: Sequence[clock.Milestone]) -> int:
    if args.json:
        common.print_json([{k: v for k, v in m.to_json().items()
                            if k in ("id", "label", "due", "rule", "status")}
                           for m in milestones])
        return 0
    common.print_table(("Due", "Status", "What", "Rule", "Note"),
                       [(common.uk(m.due), m.status.value, m.label, m.rule, m.note)
                        for m in milestones])
    return 0


def run_ehcp(args: argparse.Namespace) -> int:
    return _show(args, clock.ehcp_timeline(
        args.requested, today=_today(args), advice_asked_on=args.advice_asked,
        draft_served_on=args.draft_served))


def run_review(args: argparse.Namespace) -> int:
    return _show(args, clock.annual_review_timeline(
        today=_today(args), last_review_on=args.last_review, meeting_on=args.meeting))


def run_transfer(args: argparse.Namespace) -> int:
    from sencodesk.domain.clock.phase_transfer import TAUGHT, teaches

    year: YearGroup = args.year_group
    if args.phase is None:
        phase = SchoolPhase.PRIMARY if year <= YearGroup.Y6 else SchoolPhase.SECONDARY
        if not args.json:
            print(f"Taking a {phase} school (give --phase for another kind).")
    else:
        phase = SchoolPhase(args.phase)
    school = f"{'an' if phase.value[0] in 'aeiou' else 'a'} {phase} school"
    if not teaches(phase, year):
        first, last = TAUGHT[phase]
        raise ValidationError("year group", f"{school} teaches {first.label} to {last.label}, "
                              f"not {year.label}; give the right --phase")
    destination = Destination(args.destination) if args.destination else None
    found = clock.phase_transfer(year_group=year, on=args.on, phase=phase, today=_today(args),
                                 destination=destination)
    if found is None:
        if not args.json:
            why = why_no_transfer(year_group=year, phase=phase, destination=destination)
            print(f"No phase transfer date for a pupil in {year.label} at {school}: {why}.")
            return 0
        return _show(args, [])
    return _show(args, [found])


def run_appeal(args: argparse.Namespace) -> int:
    return _show(args, [clock.appeal_deadline(
        args.decision, mediation_certificate_on=args.mediation_certificate,
        today=_today(args))])
