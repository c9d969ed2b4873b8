"""``sencodesk export``: documents as PDF files, the register as CSV (each export is audited)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sencodesk.cli import common
from sencodesk.domain.errors import ValidationError
from sencodesk.services import saving

if TYPE_CHECKING:
    from sencodesk.services.context import Desk

PASSPHRASE_ENV = "SENCODESK_TRANSFER_PASSPHRASE"


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("export", help="write documents as PDF, the register as CSV",
                            description="Write a document to a PDF file. Every export is "
                            "recorded in the audit trail.")
    kinds = parser.add_subparsers(dest="export_kind", metavar="DOCUMENT", required=True)
    passport = kinds.add_parser("passport", parents=[common.signed_in_options()],
                                help="one pupil's passport (one A4 page)")
    passport.add_argument("upn", metavar="UPN")
    passport.set_defaults(func=run_passport)
    class_set = kinds.add_parser(
        "passports", parents=[common.signed_in_options()],
        help="passports for a class", description="The passports of every pupil on the SEND "
        "register (K or E) in a class, one per page, in one PDF.")
    class_set.add_argument("--class", dest="form", required=True, metavar="CLASS",
                           help="the class or form, e.g. 7B")
    class_set.set_defaults(func=run_class_set)
    cover = kinds.add_parser(
        "cover-sheet", parents=[common.signed_in_options()],
        help="a supply cover sheet for a teaching group (one A4 page)",
        description="For staff covering a lesson: the group's pupils with SEND in register "
        "order, each with one line of how best to support them from their passport.")
    cover.add_argument("--group", required=True, metavar="CODE",
                       help="the teaching group's code, e.g. 8X/Ma1")
    cover.set_defaults(func=run_cover_sheet)
    plan = kinds.add_parser("plan", parents=[common.signed_in_options()],
                            help="a pupil's APDR plans and reviews")
    plan.add_argument("upn", metavar="UPN")
    plan.set_defaults(func=run_plan)
    ehcp = kinds.add_parser(
        "ehcp", parents=[common.signed_in_options()], help="a pupil's EHCP chronology",
        description="Every dated event on the pupil's EHC file, oldest first, with statutory "
        "milestones (due, done, rule), exceptions and annual reviews: for a tribunal bundle.")
    ehcp.add_argument("upn", metavar="UPN")
    ehcp.set_defaults(func=run_ehcp)
    request = kinds.add_parser(
        "request-pack", parents=[common.signed_in_options()],
        help="the evidence for an EHC needs assessment request",
        description="One PDF with contents to attach to the local authority's request form or "
        "portal (Children and Families Act 2014 s36(1)): the chronology, each support plan's "
        "outcomes, provision and review, the year's costed provision against the £6,000 a "
        "mainstream school meets itself, the reports held and the views of pupil and parents.")
    request.add_argument("upn", metavar="UPN")
    request.set_defaults(func=run_request_pack)
    register_csv = kinds.add_parser(
        "register", parents=[common.signed_in_options()], help="the SEND register",
        description="The SEND register as PDF: everyone on SEN support or with an EHC plan. "
        "With --csv, every pupil on roll (not leavers) in the columns `sencodesk import "
        "pupils` reads back unchanged.")
    register_csv.add_argument("--csv", action="store_true",
                              help="write CSV for re-import instead of a PDF")
    register_csv.set_defaults(func=run_register)
    provision = kinds.add_parser(
        "provision-map", parents=[common.signed_in_options()], help="the costed provision map",
        description="Every provision in a support plan running during the period, by "
        "intervention and by pupil, against the notional SEN budget. The period defaults to "
        "this academic year (1 September to 31 August).")
    provision.add_argument("--from", dest="starts_on", type=common.date_arg, metavar="DATE",
                           help="first day, dd/mm/yyyy")
    provision.add_argument("--to", dest="ends_on", type=common.date_arg, metavar="DATE",
                           help="last day, dd/mm/yyyy")
    provision.set_defaults(func=run_provision_map)
    ofsted = kinds.add_parser(
        "ofsted", parents=[common.signed_in_options()], help="the SEND evidence pack",
        description="The evidence pack for Ofsted and governors: register with charts, the "
        "graduated approach, EHCP timeliness, intervention impact, cost against budget and a "
        "case sample.")
    ofsted.add_argument("--named", action="store_true",
                        help="show the case pupils' names, UPNs, dates of birth and photos "
                        "(by default they are replaced with stable codes and left out)")
    ofsted.add_argument("--anonymise", action="store_true",
                        help=argparse.SUPPRESS)  # the default now; still accepted
    ofsted.add_argument("--case", dest="cases", nargs="+", action="extend", default=[],
                        metavar="UPN",
                        help="up to six pupils for the case sample")
    ofsted.set_defaults(func=run_ofsted)
    ctf = kinds.add_parser(
        "ctf", parents=[common.signed_in_options()], help="SEN history as a Common Transfer File",
        description="A Common Transfer File fragment (XML) with the details and SEN history of "
        "pupils moving to another school.")
    ctf.add_argument("upns", nargs="+", metavar="UPN")
    ctf.set_defaults(func=run_ctf)
    sar = kinds.add_parser(
        "sar", parents=[common.signed_in_options()], help="everything held about a pupil (ZIP)",
        description="For a subject access request: a ZIP of everything held about the pupil: "
        "a readable PDF, the same as JSON, every attached document and the photo. Review it "
        "for exempt information before releasing it.")
    sar.add_argument("upn", metavar="UPN")
    sar.set_defaults(func=run_sar)
    pack = kinds.add_parser(
        "transfer-pack", parents=[common.signed_in_options()],
        help="a leaver's whole SEN file for their next school (encrypted ZIP)",
        description="For a pupil who has left for another school (record it with `sencodesk "
        "pupils leave`): an AES-256 encrypted ZIP of the whole SEN file: a PDF summary, the "
        "Common Transfer File, plans and reviews, the passport, the EHCP chronology and every "
        "attached file. You choose the passphrase (typed twice, or read from "
        f"{PASSPHRASE_ENV} for automation) and give it to the next school separately. The "
        "export is audited and the record is then listed for deletion here (`sencodesk "
        "retention list`), as the file now belongs to the next school.")
    pack.add_argument("upn", metavar="UPN")
    pack.set_defaults(func=run_transfer_pack)
    calendar = kinds.add_parser(
        "calendar", parents=[common.signed_in_options()],
        help="deadlines for your calendar (.ics)",
        description="Every open statutory and school deadline (overdue included) and the "
        "census days ahead as an iCalendar file that Outlook and Google Calendar import, one "
        "all-day event each with the rule it comes from. Importing a later export updates the "
        "events rather than adding them twice. Pupils are shown by initials and a code.")
    calendar.add_argument("--within", type=int, metavar="DAYS",
                          help="only what falls due within this many days")
    calendar.add_argument("--names", action="store_true",
                          help="show pupils' names instead of initials and a code")
    calendar.set_defaults(func=run_calendar)
    packs = kinds.add_parser(
        "teacher-packs", parents=[common.signed_in_options()],
        help="a PDF of passports for every teacher (or one)",
        description="For schools where teachers do not sign in: one PDF per teacher, named for "
        "them, with their groups, a contents page and the passport of each pupil with SEND "
        "they teach today (once, even when a pupil is in two of their groups).")
    packs.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                       help="the folder to write into (created if missing)")
    packs.add_argument("--teacher", metavar="NAME", help="only this teacher's pack")
    packs.add_argument("--replace", action="store_true",
                       help="write over packs of the same names already in the folder")
    packs.set_defaults(func=run_teacher_packs)
    for command in (passport, class_set, cover, plan, ehcp, request, register_csv, provision,
                    ofsted, ctf,
                    sar, pack, calendar):
        common.output_options(command)


def _check(args: argparse.Namespace) -> None:
    """Refuse the output file before signing in or doing any work (and auditing it)."""
    saving.check_target(args.output, replace=args.replace)


def _write(args: argparse.Namespace, data: bytes) -> None:
    """Write whole or not at all: a half-written PDF is never left under the final name."""
    saving.save_export(args.output, data, replace=args.replace)
    print(f"Wrote {args.output}.")


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"Warning: {warning}")


def run_passport(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, report_data

    return _pdf(args, lambda desk: report_data.passport(desk, pupils.id_for_upn(desk, args.upn)))


def run_class_set(args: argparse.Namespace) -> int:
    from sencodesk.services import report_data

    return _pdf(args, lambda desk: report_data.class_set(desk, args.form))


def run_cover_sheet(args: argparse.Namespace) -> int:
    from sencodesk.services import cover_sheets

    return _pdf(args, lambda desk: cover_sheets.cover_sheet(desk, args.group))


def run_plan(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, report_data

    return _pdf(args, lambda desk: report_data.plan(desk, pupils.id_for_upn(desk, args.upn)))


def _pdf(args: argparse.Namespace, gather: Callable[[Desk], object]) -> int:
    """Sign in, gather the document's sheet (audited), draw it and write it whole."""
    from sencodesk.reports import render

    _check(args)
    with common.signed_in(args) as desk:
        result = render(gather(desk))
    _write(args, result.pdf)
    _warn(result.warnings)
    return 0


def run_ehcp(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, report_data

    return _pdf(args, lambda desk: report_data.ehcp_chronology(
        desk, pupils.id_for_upn(desk, args.upn)))


def run_request_pack(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, request_pack

    return _pdf(args, lambda desk: request_pack.gather(desk, pupils.id_for_upn(desk, args.upn)))


def run_register(args: argparse.Namespace) -> int:
    wanted, other = (".csv", ".pdf") if args.csv else (".pdf", ".csv")
    if args.output.suffix.lower() == other:
        raise ValidationError("output", f"{args.output.name} ends in {other} but this writes "
                              f"{wanted[1:].upper()}; name it {args.output.stem}{wanted}")
    if not args.csv:
        from sencodesk.services import report_data

        return _pdf(args, report_data.register)
    from sencodesk.services.register_csv import write_register_csv

    _check(args)
    with common.signed_in(args) as desk:
        count = write_register_csv(desk, args.output.expanduser(), replace=args.replace)
    print(f"Wrote {count:,} pupils to {args.output}.")
    return 0


def run_provision_map(args: argparse.Namespace) -> int:
    from sencodesk.domain.clock import academic_year_bounds
    from sencodesk.services import report_data

    def gather(desk: Desk) -> object:
        year_starts, year_ends = academic_year_bounds(desk.today())
        return report_data.provision_map(desk, starts_on=args.starts_on or year_starts,
                                         ends_on=args.ends_on or year_ends)

    return _pdf(args, gather)


def run_ofsted(args: argparse.Namespace) -> int:
    from sencodesk.services import evidence_pack, pupils

    return _pdf(args, lambda desk: evidence_pack.evidence_pack(
        desk, anonymise=not args.named,
        case_ids=[pupils.id_for_upn(desk, upn) for upn in args.cases]))


def run_ctf(args: argparse.Namespace) -> int:
    from sencodesk.services import ctf, pupils

    _check(args)
    with common.signed_in(args) as desk:
        data = ctf.export(desk, [pupils.id_for_upn(desk, upn)
                                 for upn in args.upns])
    _write(args, data)
    return 0


def run_sar(args: argparse.Namespace) -> int:
    from sencodesk.reports import render
    from sencodesk.services import pupils, subject_access

    _check(args)
    with common.signed_in(args) as desk:
        sheet = subject_access.gather(desk, pupils.id_for_upn(desk, args.upn))
    _write(args, subject_access.package(sheet, render(sheet).pdf))
    return 0


def run_transfer_pack(args: argparse.Namespace) -> int:
    from sencodesk.reports import pdf_bytes
    from sencodesk.services import pupils, transfer

    if args.output.suffix.lower() != ".zip":
        raise ValidationError("output", f"{args.output.name} should end in .zip")
    _check(args)
    with common.signed_in(args) as desk:
        pid = pupils.id_for_upn(desk, args.upn)
        passphrase = common.ask_new_password("Passphrase for the pack: ", PASSPHRASE_ENV)
        transfer.check_passphrase(passphrase)
        pack = transfer.transfer_pack(desk, pid, passphrase=passphrase, render=pdf_bytes)
    _write(args, pack.data)
    print(f"{len(pack.names)} files for {pack.destination}, encrypted (AES-256). Give the "
          "passphrase to the next school separately, not with the file.")
    print("The record is now listed for deletion here: see `sencodesk retention list`.")
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    from sencodesk.cli.deadlines import MAX_WITHIN
    from sencodesk.reports.calendar import calendar_ics
    from sencodesk.services import calendar_export

    if args.output.suffix.lower() != ".ics":
        raise ValidationError("output", f"{args.output.name} should end in .ics")
    if args.within is not None and not 0 <= args.within <= MAX_WITHIN:
        raise ValidationError("within", f"takes a number of days from 0 to {MAX_WITHIN:,}")
    _check(args)
    with common.signed_in(args) as desk:
        sheet = calendar_export.calendar(desk, within_days=args.within, names=args.names)
    _write(args, calendar_ics(sheet))
    print(f"{len(sheet.events):,} deadlines.")
    return 0


def run_teacher_packs(args: argparse.Namespace) -> int:
    from sencodesk.reports import pdf_bytes
    from sencodesk.services import teacher_packs

    with common.signed_in(args) as desk:
        written = teacher_packs.write_all(desk, args.output, render=pdf_bytes,
                                          teacher=args.teacher, replace=args.replace)
    for pack in written:
        print(f"{pack.teacher}: {pack.passports} passports, {pack.path}" if pack.path
              else f"{pack.teacher}: none of their pupils has a passport yet")
    print(f"Wrote {sum(1 for p in written if p.path)} packs into {args.output}.")
    return 0
