"""``sencodesk backup``, ``sencodesk restore`` and ``sencodesk backups list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sencodesk.cli import common
from sencodesk.domain.dates import uk_time


def register(sub: common.Subparsers) -> None:
    backup = sub.add_parser(
        "backup", parents=[common.signed_in_options()], help="make an encrypted backup",
        description="Write one encrypted backup file of the whole case file and its key slots. "
        "It can be restored on another computer by anyone with a staff password.")
    common.output_options(
        backup, help="where to write the backup (e.g. E:\\sencodesk-2026-11-22.backup); the "
        "folder must exist, so a backup drive that is not plugged in is noticed")
    backup.set_defaults(func=run_backup)
    restore = sub.add_parser(
        "restore", parents=[common.signed_in_options()], help="restore from a backup",
        description="Replace the case file with a backup. The backup is checked first (complete, "
        "from this or an older version, password, integrity); the current files are kept aside "
        "in a before-restore folder.")
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(func=run_restore)
    listing = sub.add_parser("backups", help="list automatic backups",
                             description="Backups kept in the data folder, newest first.")
    actions = listing.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    listed = actions.add_parser("list", parents=[common.common_options()],
                                help="list the backups in the data folder")
    listed.set_defaults(func=run_list)


def run_backup(args: argparse.Namespace) -> int:
    from sencodesk.services import backups

    if args.output.exists() and not args.replace:
        print(f"sencodesk: {args.output} already exists; choose another name, or add --replace "
              "to write over it.", file=sys.stderr)
        return 1
    with common.signed_in(args) as desk:
        path = backups.backup(desk, args.output)
        on_server = backups.on_server(desk)
    size = f"{path.stat().st_size / 1_048_576:.1f} MB"
    if on_server:
        print(f"Backed up the school's server database with pg_dump to {path} ({size}, "
              "encrypted with the school's key). Restore it into an empty database with "
              "`sencodesk server restore`.")
    else:
        print(f"Backed up to {path} ({size}, encrypted).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sencodesk.services import backups

    info = backups.inspect(args.backup)
    print(f"{args.backup.name}: taken {uk_time(info.taken_at)}, "
          f"sencodesk {info.app_version}, schema {info.schema}.")
    if not args.yes:
        if not sys.stdin.isatty():
            print("sencodesk: restoring replaces the case file; add --yes to confirm.",
                  file=sys.stderr)
            return 1
        answer = input("Replace the current case file with this backup? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return 1
    aside = backups.restore(common.data_dir(args), args.backup, common.username(args),
                            common.ask_password())
    print(f"Restored. The previous files are kept in {aside}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import backups

    folder = common.data_dir(args)
    found = backups.list_backups(folder)
    if not found:
        print(f"No backups yet in {backups.backup_folder(folder)}. One is taken each time the "
              "app closes; `sencodesk backup -o FILE` takes one now.")
        return 0
    common.print_table(("Taken", "File", "Size"),
                       [(f"{uk_time(b.taken_at)}", b.path.name,
                         f"{b.size / 1_048_576:.1f} MB") for b in found])
    return 0
