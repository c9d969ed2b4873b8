"""``sencodesk groups list`` and ``sencodesk groups share UPN USERNAME --until DATE``: teaching
groups as they stand today, and a pupil shared by name with someone who does not teach them."""

from __future__ import annotations

import argparse

from sencodesk.cli import common
from sencodesk.domain.dates import uk


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("groups", help="teaching groups and pupils shared by name",
                            description="Teaching groups (import them with `sencodesk import "
                            "groups`) and pupils shared with a member of staff by name.")
    commands = parser.add_subparsers(dest="groups_command", metavar="ACTION", required=True)
    listing = commands.add_parser(
        "list", parents=[common.signed_in_options()], help="groups running today",
        description="Every group running today with its teachers and pupils (a Teacher sees "
        "their own).")
    listing.set_defaults(func=run_list)
    share = commands.add_parser(
        "share", parents=[common.signed_in_options()],
        help="let someone who does not teach a pupil read what their teachers read",
        description="Share a pupil by name with a member of staff (a teaching assistant, a "
        "head of year) from today until a last day.")
    share.add_argument("upn", metavar="UPN")
    share.add_argument("username", metavar="USERNAME")
    share.add_argument("--until", type=common.date_arg, required=True, metavar="DATE",
                       help="the last day they may see the pupil (dd/mm/yyyy)")
    share.set_defaults(func=run_share)


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import groups

    with common.signed_in(args) as desk:
        found = groups.list_groups(desk)
    common.print_table(("Group", "Subject", "Teachers", "Pupils"),
                       [(g.code, g.subject, ", ".join(g.teachers), g.pupils) for g in found])
    return 0


def run_share(args: argparse.Namespace) -> int:
    from sencodesk.services import groups, pupils

    with common.signed_in(args) as desk:
        groups.share(desk, pupils.id_for_upn(desk, args.upn),
                     groups.staff_id_for(desk, args.username), ends_on=args.until)
    print(f"Shared {args.upn} with {args.username} until {uk(args.until)}.")
    return 0
