"""``sencodesk deadlines``: what is due across the school."""

from __future__ import annotations

import argparse

from sencodesk.cli import common


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "deadlines", parents=[common.signed_in_options()], help="list what is due",
        description="Statutory and school deadlines across the register, soonest first: EHC "
        "needs assessments, annual reviews, phase transfers, APDR reviews and passport "
        "reviews, each with the rule it comes from.")
    parser.add_argument("--within", type=int, metavar="DAYS",
                        help="only what falls due within this many days (overdue included)")
    parser.add_argument("--overdue", action="store_true", help="only what is overdue")
    parser.add_argument("--json", action="store_true", help="print JSON for other programs")
    parser.set_defaults(func=run)


MAX_WITHIN = 3653


def run(args: argparse.Namespace) -> int:
    from sencodesk.services import deadlines

    if args.within is not None and not 0 <= args.within <= MAX_WITHIN:
        raise SystemExit(f"sencodesk: --within takes a number of days from 0 to {MAX_WITHIN:,} "
                         "(ten years)")
    with common.signed_in(args) as desk:
        items = deadlines.school_deadlines(desk, within_days=args.within,
                                           overdue_only=args.overdue)
    if args.json:
        common.print_json([item.to_json() for item in items])
        return 0
    common.print_table(
        ("Due", "Status", "Pupil", "Year", "What", "Rule"),
        [(common.uk(i.milestone.due), i.milestone.status.value, i.pupil_name,
          i.year_group.short, i.milestone.label, i.milestone.rule) for i in items])
    overdue = sum(1 for i in items if i.milestone.status.value == "overdue")
    print(f"\n{len(items):,} deadlines, {overdue:,} overdue")
    return 0
