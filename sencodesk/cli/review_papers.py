"""``sencodesk review-papers``: the paperwork of an EHC plan's annual review."""

from __future__ import annotations

import argparse
import sys

from sencodesk.cli import common
from sencodesk.domain.dates import uk
from sencodesk.domain.letters import ReviewPaper
from sencodesk.services import saving

KINDS = {"invitations": ReviewPaper.INVITATION, "advice-requests": ReviewPaper.ADVICE_REQUEST,
         "views-forms": ReviewPaper.PARENT_VIEWS}


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "review-papers", parents=[common.signed_in_options()],
        help="an EHC plan's annual review: invitations, advice requests, views forms, report",
        description="The school's paperwork for the annual review of a pupil's EHC plan (the "
        "review recorded for --meeting, else the latest): invitations to everyone SEND "
        "Regulations 2014 regulation 20(2) names, with at least two weeks' notice (20(3)); "
        "requests for advice with the date it is needed, so it can be circulated two weeks "
        "before the meeting (20(4)); views forms for the parents and the child, with an easy "
        "read one; the report of the meeting, due to the local authority and everyone invited "
        "within two weeks of it; and report-sent, the day it went, which the Due page reads.")
    parser.add_argument("kind", choices=(*KINDS, "report", "report-sent"), metavar="KIND",
                        help=", ".join((*KINDS, "report", "report-sent")))
    parser.add_argument("upn", metavar="UPN")
    parser.add_argument("--meeting", type=common.date_arg, metavar="DATE",
                        help="the review whose meeting is on this day (default: the latest)")
    common.output_options(parser, required=False, metavar="FILE.pdf",
                          help="the PDF to write (not for report-sent)")
    parser.add_argument("--on", type=common.date_arg, metavar="DATE",
                        help="report-sent: the day the report was sent (default: today)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sencodesk.domain.errors import ValidationError
    from sencodesk.domain.review_paperwork import notice_problem, report_status
    from sencodesk.reports.letters import letters_pdf
    from sencodesk.reports.review_report import review_report_pdf
    from sencodesk.services import pupils, review_paperwork

    if args.kind != "report-sent":
        if args.output is None:
            raise ValidationError("output", "name the PDF to write with -o FILE.pdf")
        saving.check_target(args.output, replace=args.replace)
    with common.signed_in(args) as desk:
        review = review_paperwork.review_for(desk, pupils.id_for_upn(desk, args.upn),
                                             args.meeting)
        if args.kind == "report-sent":
            review_paperwork.record_report_sent(desk, review, args.on or desk.today())
            sheet = review_paperwork.sheet(desk, review)
            print("Report of the meeting on "
                  f"{uk(sheet.dates.meeting_on)}: "
                  f"{report_status(sheet.dates.meeting_on, sheet.report_sent_on, sheet.today)}.")
            return 0
        if args.kind == "report":
            sheet = review_paperwork.report_sheet(desk, review)
            data, count = review_report_pdf(sheet), 1
        else:
            papers = review_paperwork.papers(desk, review, KINDS[args.kind])
            sheet = review_paperwork.sheet(desk, review)
            data, count = letters_pdf(papers), len(papers.letters)
    saving.save_export(args.output, data, replace=args.replace)
    dates = sheet.dates
    print(f"Wrote {count} {'document' if count == 1 else 'documents'} to {args.output}.")
    if args.kind == "invitations":
        print(f"Send them by {uk(dates.invite_by)} for two weeks' notice of the meeting "
              f"on {uk(dates.meeting_on)} (SEND Regulations 2014, regulation 20(3)); "
              "recorded in the contact log.")
        problem = notice_problem(dates.meeting_on, sheet.today)
        if problem:
            print(problem, file=sys.stderr)
    elif args.kind == "advice-requests":
        print(f"Advice is asked for by {uk(dates.advice_needed_by)}, to circulate it by "
              f"{uk(dates.circulate_by)} (regulation 20(4)).")
    elif args.kind == "report":
        status = report_status(dates.meeting_on, sheet.report_sent_on, sheet.today)
        print(f"The report of the meeting: {status}.")
        if sheet.report_sent_on is None:
            print(f"Record the day it goes with: sencodesk review-papers report-sent {args.upn} "
                  "--on DATE")
    return 0
