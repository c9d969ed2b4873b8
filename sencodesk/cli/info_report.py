"""``sencodesk info-report``: the SEN information report's sections, and the report as PDF or
as a web page."""

from __future__ import annotations

import argparse
from pathlib import Path

from sencodesk.cli import common
from sencodesk.domain.errors import ValidationError
from sencodesk.services import saving


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "info-report", help="the SEN information report",
        description="The SEN information report (Children and Families Act 2014 s69, SEND "
        "Regulations 2014 reg 51 and Schedule 1): the school's own words for each heading, "
        "kept from year to year, with this year's figures from the case file. Counts from 1 "
        "to 4 are shown as \u201cfewer than 5\u201d; no pupil is named.")
    actions = parser.add_subparsers(dest="report_action", metavar="ACTION", required=True)
    sections = actions.add_parser("sections", parents=[common.signed_in_options()],
                                  help="list the headings and which are written")
    sections.set_defaults(func=run_sections)
    edit = actions.add_parser("set", parents=[common.signed_in_options()],
                              help="write one section from a text file")
    edit.add_argument("key", metavar="SECTION", help="a section key from `sections`")
    edit.add_argument("--file", type=Path, required=True, metavar="FILE",
                      help="UTF-8 text; a blank line starts a new paragraph")
    edit.set_defaults(func=run_set)
    export = actions.add_parser("export", parents=[common.signed_in_options()],
                                help="write the report as PDF or as a web page (.html)")
    common.output_options(export, help="FILE.pdf, or FILE.html for the website")
    export.set_defaults(func=run_export)


def run_sections(args: argparse.Namespace) -> int:
    from sencodesk.domain.info_report import SECTIONS
    from sencodesk.services import info_report

    with common.signed_in(args) as desk:
        written = info_report.texts(desk)
    common.print_table(("Section", "Source", "Heading", "Written"),
                       [(s.key, s.source, s.heading, "yes" if written.get(s.key) else "no")
                        for s in SECTIONS])
    return 0


def run_set(args: argparse.Namespace) -> int:
    from sencodesk.services import info_report

    try:
        text = args.file.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError("file", f"cannot read {args.file} as UTF-8 text ({error})") \
            from None
    with common.signed_in(args) as desk:
        info_report.set_text(desk, args.key, text)
    print(f"Saved section {args.key}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from sencodesk.reports.info_report import info_report_pdf
    from sencodesk.reports.info_report_html import info_report_html
    from sencodesk.services import info_report

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise ValidationError("output", f"{args.output.name} should end in .pdf or .html")
    saving.check_target(args.output, replace=args.replace)
    with common.signed_in(args) as desk:
        sheet = info_report.gather(desk)
    data = info_report_pdf(sheet) if suffix == ".pdf" else info_report_html(sheet)
    saving.save_export(args.output, data, replace=args.replace)
    print(f"Wrote {args.output}.")
    return 0
