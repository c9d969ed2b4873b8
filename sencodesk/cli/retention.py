"""``sencodesk retention list`` and ``sencodesk retention delete UPN``: leavers' files past
their retention date (date of birth + 31 years), deleted only when a person confirms."""

from __future__ import annotations

import argparse
import sys

from sencodesk.cli import common
from sencodesk.domain.dates import uk


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("retention", help="leavers' files past their retention date",
                            description="SEN files are kept until the pupil's date of birth "
                            "plus 31 years, then deleted. Only leavers are ever listed.")
    actions = parser.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    listed = actions.add_parser("list", parents=[common.signed_in_options()],
                                help="list leavers past their retention date")
    listed.set_defaults(func=run_list)
    delete = actions.add_parser(
        "delete", parents=[common.signed_in_options()], help="delete one leaver's file",
        description="Delete every record and attached file about one leaver past retention, "
        "after you type their UPN again to confirm. The deletion is audited.")
    delete.add_argument("upn", metavar="UPN")
    delete.add_argument("--yes", action="store_true",
                        help="confirm without typing the UPN again (for scripts)")
    delete.set_defaults(func=run_delete)


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import retention

    with common.signed_in(args) as desk:
        due = retention.due_for_deletion(desk)
    if not due:
        print("No leaver's file is past its retention date or sent to a new school.")
        return 0
    common.print_table(("UPN", "Name", "Born", "Left", "Listed because"),
                       [(d.upn, d.name, uk(d.dob), uk(d.left_on),
                         f"file sent to {d.sent_to} {uk(d.sent_on)}" if d.sent_on
                         else f"kept until {uk(d.kept_until)}") for d in due])
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, retention

    with common.signed_in(args) as desk:
        pid = pupils.id_for_upn(desk, args.upn)
        typed = args.upn
        if not args.yes:
            if not sys.stdin.isatty():
                print("sencodesk: add --yes to delete without a question.", file=sys.stderr)
                return 1
            name = pupils.get(desk, pid).row.display_name
            typed = input(f"This deletes everything about {name} for good. Type their UPN "
                          "to confirm: ")
        retention.delete_pupil(desk, pid, confirm_upn=typed)
    print(f"Deleted the file of {args.upn.upper()}.")
    return 0
