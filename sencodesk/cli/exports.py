"""``sencodesk export``: documents as PDF files (each export is audited)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sencodesk import paths
from sencodesk.cli import common


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("export", help="write documents as PDF",
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
    plan = kinds.add_parser("plan", parents=[common.signed_in_options()],
                            help="a pupil's APDR plans and reviews")
    plan.add_argument("upn", metavar="UPN")
    plan.set_defaults(func=run_plan)
    register_csv = kinds.add_parser(
        "register", parents=[common.signed_in_options()], help="the register as CSV",
        description="The register (not leavers) as CSV in the columns `sencodesk import "
        "pupils` reads back unchanged.")
    register_csv.add_argument("--csv", action="store_true", required=True,
                              help="write CSV (the PDF register is not built yet)")
    register_csv.set_defaults(func=run_register)
    for command in (passport, class_set, plan, register_csv):
        command.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                             help="the PDF file to write")


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a half-written PDF is never left under the final name."""
    paths.write_private(path.expanduser(), data)
    print(f"Wrote {path}.")


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"Warning: {warning}")


def run_passport(args: argparse.Namespace) -> int:
    from sencodesk.reports import render
    from sencodesk.services import pupils, report_data

    with common.signed_in(args) as desk:
        result = render(report_data.passport(desk, pupils.id_for_upn(desk, args.upn)))
    _write(args.output, result.pdf)
    _warn(result.warnings)
    return 0


def run_class_set(args: argparse.Namespace) -> int:
    from sencodesk.reports import render
    from sencodesk.services import report_data

    with common.signed_in(args) as desk:
        result = render(report_data.class_set(desk, args.form))
    _write(args.output, result.pdf)
    _warn(result.warnings)
    return 0


def run_plan(args: argparse.Namespace) -> int:
    from sencodesk.reports import render
    from sencodesk.services import pupils, report_data

    with common.signed_in(args) as desk:
        result = render(report_data.plan(desk, pupils.id_for_upn(desk, args.upn)))
    _write(args.output, result.pdf)
    return 0


def run_register(args: argparse.Namespace) -> int:
    from sencodesk.services.register_csv import write_register_csv

    with common.signed_in(args) as desk:
        count = write_register_csv(desk, args.output.expanduser())
    print(f"Wrote {count:,} pupils to {args.output}.")
    return 0
