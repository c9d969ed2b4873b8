"""``sencodesk accounts``: staff sign-ins (SENCOs and administrators)."""

from __future__ import annotations

import argparse

from sencodesk.cli import common
from sencodesk.domain.codes import Role


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("accounts", help="manage staff sign-ins",
                            description="Add, list or withdraw staff accounts.")
    commands = parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", parents=[common.signed_in_options()],
                                  help="list accounts")
    listing.set_defaults(func=run_list)
    add = commands.add_parser(
        "add", parents=[common.signed_in_options()], help="add an account",
        description="Add a sign-in. The new person's password is read from "
        "SENCODESK_NEW_PASSWORD or asked for.")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="their full name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.set_defaults(func=run_add)
    remove = commands.add_parser("remove", parents=[common.signed_in_options()],
                                 help="withdraw an account")
    remove.add_argument("username")
    remove.set_defaults(func=run_remove)
    code = commands.add_parser(
        "staff-code", parents=[common.signed_in_options()],
        help="link an account to its MIS staff code",
        description="Give an account the staff code your MIS uses (e.g. JSM), so a class-list "
        "import (sencodesk import groups) can name them as a group's teacher.")
    code.add_argument("username")
    code.add_argument("code", help="the MIS staff code ('' to clear it)")
    code.set_defaults(func=run_staff_code)


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import accounts

    with common.signed_in(args) as desk:
        rows = accounts.list_accounts(desk)
    common.print_table(("Username", "Name", "Role", "Active"),
                       [(a.username, a.name, a.role.label, "yes" if a.active else "no")
                        for a in rows])
    return 0


def run_add(args: argparse.Namespace) -> int:
    from sencodesk.services import accounts

    with common.signed_in(args) as desk:
        password = common.ask_new_password(f"Password for {args.username}: ",
                                           "SENCODESK_NEW_PASSWORD")
        accounts.add_account(desk, full_name=args.name, username=args.username,
                             role=Role(args.role), password=password)
    print(f"Added {args.username} ({Role(args.role).label}).")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from sencodesk.services import accounts

    with common.signed_in(args) as desk:
        accounts.remove_account(desk, args.username)
    print(f"Withdrew {args.username}'s sign-in.")
    return 0


def run_staff_code(args: argparse.Namespace) -> int:
    from sencodesk.services import groups

    with common.signed_in(args) as desk:
        groups.set_mis_code(desk, args.username, args.code)
    print(f"{args.username}'s MIS staff code is now {args.code or '(none)'}.")
    return 0
