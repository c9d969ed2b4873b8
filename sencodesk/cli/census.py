"""``sencodesk census``: the next census day and the register checked against the MIS."""

from __future__ import annotations

import argparse
from pathlib import Path

from sencodesk.cli import common
from sencodesk.domain.errors import ValidationError
from sencodesk.services import saving


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("census", help="get ready for the school census",
                            description="Before each census day, compare the SEND register "
                            "with the MIS's SEN export.")
    kinds = parser.add_subparsers(dest="census_kind", metavar="ACTION", required=True)
    check = kinds.add_parser(
        "check", parents=[common.signed_in_options()], help="compare with the MIS's SEN export",
        description="Compare the register with the MIS's SEN export (CSV with UPN and SEN "
        "status, and the needs as Primary/Secondary Need columns or one row per need with its "
        "rank), both ways: pupils with SEN here but not there and the reverse, differing "
        "statuses, needs or ranks, and what the census would reject. Each difference comes "
        "with the fix to make in the MIS. Exits 1 when there are differences.")
    check.add_argument("--mis", type=Path, required=True, metavar="FILE",
                       help="the MIS's SEN export (CSV)")
    common.output_options(check, required=False, metavar="FILE.pdf",
                          help="also write the check as a PDF for the office manager")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from sencodesk.reports import render
    from sencodesk.services import census

    try:
        data = args.mis.expanduser().read_bytes()
    except OSError as error:
        raise ValidationError("mis", f"cannot read {args.mis}: {error.strerror}") from None
    if args.output is not None:
        saving.check_target(args.output, replace=args.replace)
    with common.signed_in(args) as desk:
        sheet = census.check_sheet(desk, data, mis_file=args.mis.name)
    print(f"{sheet.census_day.label}: {common.uk(sheet.census_day.on)}")
    common.print_table(("Difference", "Pupil", "UPN", "Here", "In the MIS", "Fix in the MIS"),
                       [(d.kind.value, d.pupil, d.upn, d.here, d.there, d.fix)
                        for d in sheet.differences])
    print(f"\n{len(sheet.differences):,} differences")
    if args.output is not None:
        saving.save_export(args.output, render(sheet).pdf, replace=args.replace)
        print(f"Wrote {args.output}.")
    return 1 if sheet.differences else 0
