"""``sencodesk import pupils|ctf|groups FILE``: pupils from an MIS CSV export or a Common
Transfer File, or teaching groups from an MIS class list, previewed first and imported whole or
not at all."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sencodesk.cli import common
from sencodesk.domain.class_lists import PRESETS as CLASS_LIST_PRESETS
from sencodesk.domain.context_csv import PRESETS as CONTEXT_PRESETS
from sencodesk.domain.context_csv import ContextKind
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.mis_csv import PRESETS

if TYPE_CHECKING:
    from sencodesk.services.context import Desk
    from sencodesk.services.mis_import import ImportPreview


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("import", help="bring pupils in from your MIS",
                            description="Import data from other systems.")
    kinds = parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    pupils = kinds.add_parser(
        "pupils", parents=[common.signed_in_options()], help="pupils from an MIS CSV export",
        description="Read a CSV exported from SIMS, Arbor, Bromcom or ScholarPack (UTF-8 or "
        "Windows-1252, comma or semicolon). Shows what would change first: new pupils, updated "
        "pupils (old -> new), unchanged, and every rejected row with its reason. Nothing is "
        "written until you confirm, and then all of it is, or none.")
    _file_options(pupils)
    pupils.add_argument("--mapping", choices=sorted(PRESETS),
                        help="the MIS the file came from, if its headers are unusual")
    pupils.set_defaults(func=run_pupils)
    ctf = kinds.add_parser(
        "ctf", parents=[common.signed_in_options()],
        help="pupils and their SEN history from a Common Transfer File",
        description="Read a Common Transfer File (XML) from another school: each pupil's "
        "details and SEN history. Shows the same preview as an MIS import and writes nothing "
        "until you confirm. A file with a DTD, entities or external references is refused.")
    _file_options(ctf)
    ctf.set_defaults(func=run_ctf)
    context = kinds.add_parser(
        "context", parents=[common.signed_in_options()],
        help="attendance, suspensions, part-time timetables or pupil flags from an MIS CSV",
        description="Read one kind of inclusion context from a CSV exported from the MIS, a "
        "pupil per row named by UPN: attendance per term (academic year, term, possible and "
        "attended sessions, authorised and unauthorised absence), suspensions and permanent "
        "exclusions (type, start date, days or sessions, DfE reason code), part-time timetables "
        "(start, planned end, review date, reason), flags (pupil premium, FSM, looked after, "
        "previously looked after, EAL, child in need, child protection: Y or N) or scores "
        "(test, date, kind, score: ages in months or as 8y 5m, assessed by). Shows what "
        "would change first; nothing is written until you confirm, and then all of it is.")
    context.add_argument("kind", choices=[k.value for k in ContextKind], metavar="KIND",
                         help=", ".join(k.value for k in ContextKind))
    _file_options(context)
    context.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                         help="read the column HEADER as FIELD (e.g. 'Pupil UPN=upn'); "
                         "repeat for each unusual header")
    context.add_argument("--mapping", choices=sorted(CONTEXT_PRESETS), metavar="MIS",
                         help="the MIS the file came from, for its column names "
                         f"({', '.join(sorted(CONTEXT_PRESETS))}); --column adds to it")
    context.set_defaults(func=run_context)
    groups = kinds.add_parser(
        "groups", parents=[common.signed_in_options()],
        help="teaching groups (and primary classes) from an MIS class list",
        description="Read a class list exported from SIMS or Arbor as CSV: one row per pupil "
        "in a group, with the group code, subject, teacher (MIS staff code or full name) and "
        "UPN. Shows each group's changes and every rejected row first; a file with any "
        "rejected row is refused, and otherwise the whole file is imported at once.")
    _file_options(groups)
    groups.add_argument("--mapping", choices=sorted(CLASS_LIST_PRESETS), metavar="MIS",
                        help=f"the MIS the file came from ({', '.join(CLASS_LIST_PRESETS)})")
    groups.set_defaults(func=run_groups)


def _file_options(parser: argparse.ArgumentParser) -> None:
    """What every import takes: the file, a preview only, or no question asked."""
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--dry-run", action="store_true", help="show the preview, change nothing")
    parser.add_argument("--yes", action="store_true", help="import without asking (for scripts)")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ValidationError("file", f"cannot read {path}: {error.strerror}") from None


def run_pupils(args: argparse.Namespace) -> int:
    from sencodesk.services import mis_import

    data = _read(args.file)
    return _confirm_and_apply(args, lambda desk: mis_import.preview(desk, data,
                                                                    mapping=args.mapping))


def run_ctf(args: argparse.Namespace) -> int:
    from sencodesk.services import ctf

    data = _read(args.file)
    return _confirm_and_apply(args, lambda desk: ctf.preview(desk, data), unit="line")


def _confirm_and_apply(args: argparse.Namespace, preview: Callable[[Desk], ImportPreview],
                       *, unit: str = "row") -> int:
    """Show the preview; unless it is a dry run, ask (or take --yes) and import it whole."""
    from sencodesk.services import mis_import

    with common.signed_in(args) as desk:
        plan = preview(desk)
        for line in mis_import.describe(plan, unit=unit):
            print(line)
        if args.dry_run or not plan.writes:
            print("Nothing was changed." if args.dry_run else "Nothing to import.")
            return 0
        if not _confirmed(args, f"{len(plan.new)} new and {len(plan.updated)} updated pupils",
                          len(plan.rejected)):
            return 1
        result = mis_import.apply(desk, plan)
    print(f"Imported: {result.created} new and {result.updated} updated pupils.")
    if plan.rejected:
        print(f"Left out: {len(plan.rejected)} rejected {unit}"
              f"{'s' if len(plan.rejected) != 1 else ''} (listed above); fix them in the file "
              "and import it again.")
    return 0


def _confirmed(args: argparse.Namespace, what: str, rejected: int) -> bool:
    """--yes, or the person at the terminal says yes."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("sencodesk: add --yes to import without a question.", file=sys.stderr)
        return False
    left_out = f", leaving out the {rejected} rejected (listed above)" if rejected else ""
    if input(f"Import {what}{left_out}? [y/N] ").strip().lower() in ("y", "yes"):
        return True
    print("Nothing was changed.")
    return False


def run_context(args: argparse.Namespace) -> int:
    from sencodesk.services import context_import

    mapping = dict(CONTEXT_PRESETS[args.mapping].get(ContextKind(args.kind), {})
                   if args.mapping else {})
    for pair in args.column:
        header, sep, field = pair.partition("=")
        if not sep:
            raise ValidationError("column", f"{pair!r} should be HEADER=FIELD")
        mapping[header.strip()] = field.strip()
    data = _read(args.file)
    with common.signed_in(args) as desk:
        plan = context_import.preview(desk, ContextKind(args.kind), data, mapping=mapping)
        for line in context_import.describe(plan):
            print(line)
        if args.dry_run or not plan.writes:
            print("Nothing was changed." if args.dry_run else "Nothing to import.")
            return 0
        if not _confirmed(args, f"{plan.writes} records", len(plan.rejected)):
            return 1
        written = context_import.apply(desk, plan)
    print(f"Imported {written} record{'' if written == 1 else 's'}.")
    return 0


def run_groups(args: argparse.Namespace) -> int:
    from sencodesk.services import group_import

    data = _read(args.file)
    with common.signed_in(args) as desk:
        plan = group_import.preview(desk, data, mapping=args.mapping)
        for line in group_import.describe(plan):
            print(line)
        if plan.rejected:
            print("Nothing was imported: correct the rejected rows and import the file again.",
                  file=sys.stderr)
            return 1
        if args.dry_run or not plan.writes:
            print("Nothing was changed." if args.dry_run else "Nothing to import.")
            return 0
        if not _confirmed(args, f"{plan.writes} teaching groups", 0):
            return 1
        result = group_import.apply(desk, plan)
    print(f"Imported: {result.created} new and {result.updated} changed groups; "
          f"{result.joined} pupils placed, {result.left} places ended.")
    return 0

