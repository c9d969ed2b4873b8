"""``sencodesk audit list|verify``: read and check the tamper-evident audit trail."""

from __future__ import annotations

import argparse

from sencodesk.cli import common
from sencodesk.domain.dates import uk_time


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser("audit", help="read or verify the audit trail",
                            description="Every change, export and sign-in is recorded.")
    commands = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", parents=[common.signed_in_options()],
                                  help="show recent entries", description="Newest first.")
    listing.add_argument("--pupil", metavar="UPN", help="only this pupil's entries")
    listing.add_argument("--limit", type=int, default=100, help="how many (default 100)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)
    verify = commands.add_parser(
        "verify", parents=[common.signed_in_options()], help="check nothing was tampered with",
        description="Walk the hash chain: report every entry altered, inserted or deleted. "
        "Exits 1 if the chain is broken.")
    verify.set_defaults(func=run_verify)


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import audit, pupils

    with common.signed_in(args) as desk:
        pupil_id = pupils.id_for_upn(desk, args.pupil) if args.pupil else None
        events = audit.list_events(desk, pupil_id=pupil_id, limit=args.limit)
    if args.json:
        common.print_json([{"id": e.id, "at": e.at.isoformat(), "who": e.actor,
                            "action": e.action, "entity": e.entity, "entity_id": e.entity_id,
                            "summary": e.summary, "changes": e.changes} for e in events])
        return 0
    common.print_table(
        ("#", "When", "Who", "Action", "What", "Summary", "Changed"),
        [(e.id, uk_time(e.at.astimezone()), e.actor, e.action, e.entity,
          e.summary, ", ".join(e.changes)) for e in events])
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from sencodesk.services import audit

    with common.signed_in(args) as desk:
        problems = audit.verify(desk)
    if not problems:
        print("The audit trail is intact.")
        return 0
    for problem in problems:
        print(f"Entry {problem.entry_id}: {problem.message}")
    print(f"The audit trail has been tampered with ({len(problems)} problems).")
    return 1
