"""``sencodesk server init|upgrade`` (IT, on the school's PostgreSQL server) and
``sencodesk connect`` (each computer that signs in to it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sencodesk.cli import common

if TYPE_CHECKING:
    from sencodesk.services.moving import Moved

URL_HELP = ("the database's address, postgresql://owner@server/database (the owner role's "
            "password from PGPASSWORD or ~/.pgpass, as for psql)")


def register(sub: common.Subparsers) -> None:
    server = sub.add_parser(
        "server", help="set up the school's case file on a PostgreSQL server (IT)",
        description="Server mode: the school's case file on its own PostgreSQL server, for a "
        "SEND team working on several computers. Run as the server's owner role, which may "
        "create login roles.")
    actions = server.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", parents=[common.signed_in_options()], help="make the school's case file",
        description="Create the schema and the first SENCO account in an empty database. "
        f"The account is taken from {common.USER_ENV} and {common.PASSWORD_ENV}, or asked for.")
    init.add_argument("url", help=URL_HELP)
    init.add_argument("--school", required=True, help="the school's name")
    init.add_argument("--name", help="the SENCO's full name (default: the username)")
    init.set_defaults(func=run_init)
    upgrade = actions.add_parser(
        "upgrade", parents=[common.common_options()], help="bring the schema up to date",
        description="Upgrade the case file's schema to this version of sencodesk (staff "
        "computers refuse a server whose schema is older than they are).")
    upgrade.add_argument("url", help=URL_HELP)
    upgrade.add_argument("--every-school", action="store_true",
                         help="on a trust's server: every school's database the owner role "
                         "owns (URL's database is only where it signs in)")
    upgrade.set_defaults(func=run_upgrade)
    into = actions.add_parser(
        "import-file", parents=[common.signed_in_options()],
        help="move a laptop's case file onto the server",
        description="Copy the encrypted case file in FOLDER (unlocked by its SENCO, from "
        f"{common.USER_ENV} and {common.PASSWORD_ENV} or asked for) into an empty database: "
        "every row, attached file and audit entry. Rows are counted on both sides and the "
        "audit trail verified on the server; any difference keeps nothing. The SENCO keeps "
        "their password; every other account gets a temporary one, shown once.")
    into.add_argument("folder", type=Path, help="the data folder holding the case file")
    into.add_argument("url", help=URL_HELP)
    into.set_defaults(func=run_import_file)
    out = actions.add_parser(
        "export-file", parents=[common.signed_in_options()],
        help="write the server's case file out to a folder",
        description="Write the school's case file on the server out as an encrypted case "
        "file in an empty FOLDER, signed in as its SENCO; rows are counted on both sides and "
        "the audit trail verified in the file. Other accounts get temporary passwords.")
    out.add_argument("url", help="postgresql://server/database")
    out.add_argument("folder", type=Path, help="an empty folder for the case file")
    out.set_defaults(func=run_export_file)
    restore = actions.add_parser(
        "restore", parents=[common.signed_in_options()],
        help="restore a server backup into an empty database",
        description="Restore a backup that `sencodesk backup` took of the server (an encrypted "
        "pg_dump) into an empty database, unlocked by the password of the SENCO who took it. "
        "Every other account gets a temporary password, shown once; `audit verify` is run "
        "after.")
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument("url", help=URL_HELP)
    restore.set_defaults(func=run_restore)
    trust = actions.add_parser(
        "trust-login", parents=[common.common_options()],
        help="make the trust's login, or set its password",
        description="On a trust's server (a database for each school): a login for the "
        "trust's central team, which reads the summaries each school shares (counts only) and "
        "nothing else, for `sencodesk trust dashboard --server`. Its password is asked for "
        f"twice, or read from {common.PASSWORD_ENV}.")
    trust.add_argument("name", help="the trust login's name")
    trust.add_argument("url", help=URL_HELP)
    trust.set_defaults(func=run_trust_login)

    connect = sub.add_parser(
        "connect", parents=[common.common_options()],
        help="sign in on this computer to the school's server",
        description="From now on this computer's sencodesk signs in to the school's case file "
        "on its PostgreSQL server (each member of staff with their own account). No "
        "password is kept.")
    where = connect.add_mutually_exclusive_group(required=True)
    where.add_argument("url", nargs="?", help="postgresql://server/database")
    where.add_argument("--local", action="store_true",
                       help="sign in to this computer's own case file again")
    connect.set_defaults(func=run_connect)


def run_init(args: argparse.Namespace) -> int:
    from sencodesk.services import server_mode

    username = common.username(args)
    password = common.ask_new_password("Choose the SENCO's password (8 characters or more): ",
                                       common.PASSWORD_ENV)
    desk = server_mode.init_server(args.url, common.data_dir(args), school_name=args.school,
                                   username=username, full_name=args.name or username.title(),
                                   password=password)
    desk.close()
    print(f"Created the case file for {args.school} on the server.")
    print(f"On each computer run `sencodesk connect {server_mode.staff_address(args.url)}`, "
          f"then sign in as {username}.")
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from sencodesk.services import server_mode

    if args.every_school:
        schools = server_mode.upgrade_every_school(args.url, common.data_dir(args))
        print(f"Up to date: {', '.join(schools)}.")
        return 0
    server_mode.upgrade_server(args.url, common.data_dir(args))
    print("The server's case file is up to date.")
    return 0


def _progress(line: str) -> None:
    print(f"  {line}", file=sys.stderr, flush=True)


def _said(moved: Moved) -> None:
    print(f"Moved {moved.total} rows in {len(moved.rows)} tables; counts match and the audit "
          "trail verifies.")
    _temporary(moved)


def _temporary(moved: Moved) -> None:
    if moved.temporary_passwords:
        print("Temporary passwords (hand each over privately; they change it after signing "
              "in):")
        for username, password in moved.temporary_passwords.items():
            print(f"  {username}: {password}")


def run_import_file(args: argparse.Namespace) -> int:
    from sencodesk.services import moving

    moved = moving.import_file(args.folder, args.url, common.username(args),
                               common.ask_password(), progress=_progress)
    _said(moved)
    print("The case file on this laptop is unchanged: keep it safe as a copy, and run "
          f"`sencodesk connect {moving.staff_address(args.url)}` on each computer.")
    return 0


def run_export_file(args: argparse.Namespace) -> int:
    from sencodesk.services import moving

    moved = moving.export_file(args.url, args.folder, common.username(args),
                               common.ask_password(), progress=_progress)
    _said(moved)
    print(f"The case file is in {args.folder}; the server's is unchanged.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sencodesk.services import server_backups

    moved = server_backups.restore(args.backup, args.url, common.username(args),
                                   common.ask_password())
    print(f"Restored {args.backup.name} into the server: {moved.total} rows; the audit trail "
          "verifies.")
    _temporary(moved)
    return 0


def run_trust_login(args: argparse.Namespace) -> int:
    from sencodesk.services import server_mode

    password = common.ask_new_password(f"Choose {args.name}'s password (8 characters or "
                                       "more): ", common.PASSWORD_ENV)
    server_mode.set_trust_login(args.url, args.name, password)
    print(f"The trust's login {args.name} reads every school's shared summary on this server: "
          f"`sencodesk trust dashboard --server {server_mode.staff_address(args.url)} "
          f"--login {args.name} -o dashboard.pdf`.")
    return 0


def run_connect(args: argparse.Namespace) -> int:
    from sencodesk.services import server_mode

    if args.local:
        server_mode.disconnect(common.data_dir(args))
        print("This computer signs in to its own case file again.")
        return 0
    shown = server_mode.connect(common.data_dir(args), args.url)
    print(f"This computer now signs in to {shown}.")
    return 0
