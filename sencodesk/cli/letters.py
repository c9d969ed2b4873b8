"""``sencodesk letters``: letters to parents on the school's letterhead, recorded as sent."""

from __future__ import annotations

import argparse
from pathlib import Path

from sencodesk.cli import common
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.letters import LetterKind
from sencodesk.services import saving

KINDS = {"sen-provision": LetterKind.SEN_PROVISION,
         "review-invitation": LetterKind.REVIEW_INVITATION,
         "review-summary": LetterKind.REVIEW_SUMMARY}


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "letters", parents=[common.signed_in_options()], help="letters to parents",
        description="Letters to parents and carers on the school's letterhead (name, address "
        "and logo from Settings), one per family, in plain words: sen-provision tells parents "
        "the school is making special educational provision (Children and Families Act 2014 "
        "s68, for pupils on SEN support); review-invitation invites them to the support "
        "plan's review; review-summary sums up the last review. Each letter is recorded in "
        "the pupil's contact log as sent.")
    parser.add_argument("kind", choices=tuple(KINDS), metavar="KIND",
                        help=", ".join(KINDS))
    parser.add_argument("upns", nargs="*", metavar="UPN")
    parser.add_argument("--class", dest="form", metavar="CLASS",
                        help="every pupil on SEN support or with an EHC plan in this class")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", type=common.output_arg, metavar="FILE.pdf",
                       help="all the letters in one PDF, each on a new page")
    where.add_argument("--each-to", type=Path, metavar="FOLDER",
                       help="one PDF per family in this folder")
    parser.add_argument("--replace", action="store_true",
                        help="write over files of those names that are already there")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sencodesk.domain.codes import SenStatus
    from sencodesk.reports.letters import letters_each, letters_pdf
    from sencodesk.services import letters, pupils

    if not args.upns and not args.form:
        raise ValidationError("pupils", "name the pupils by UPN, or a class with --class")
    if args.each_to is not None and not args.each_to.expanduser().is_dir():
        raise ValidationError("each-to", f"there is no folder {args.each_to}")
    if args.output is not None:
        saving.check_target(args.output, replace=args.replace)
    with common.signed_in(args) as desk:
        ids = [pupils.id_for_upn(desk, upn) for upn in args.upns]
        if args.form:
            ids += [row.id for row in pupils.list_pupils(desk, pupils.RegisterFilter(
                form=args.form, statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))]
        if not ids:
            raise ValidationError("class", f"no pupil on the SEND register is in {args.form}")
        sheet = letters.draft(desk, KINDS[args.kind], ids)
    if args.output is not None:
        saving.save_export(args.output, letters_pdf(sheet), replace=args.replace)
        print(f"Wrote {len(sheet.letters)} letters to {args.output}.")
    else:
        for name, data in letters_each(sheet):
            saving.save_export(args.each_to.expanduser() / name, data, replace=args.replace)
        print(f"Wrote {len(sheet.letters)} letters to {args.each_to}, one file per family.")
    print("Each letter is recorded in the pupil's contact log.")
    return 0
