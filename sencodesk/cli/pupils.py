"""``sencodesk pupils list|show|leave``: the register from the command line."""

from __future__ import annotations

import argparse

from sencodesk.cli import common
from sencodesk.domain.codes import NeedType, SenStatus


def register(sub: common.Subparsers) -> None:
    pupils = sub.add_parser("pupils", help="list or show pupils on the register",
                            description="Look at the SEND register.")
    commands = pupils.add_subparsers(dest="pupils_command", metavar="ACTION", required=True)
    listing = commands.add_parser(
        "list", parents=[common.signed_in_options()], help="list pupils",
        description="List the pupils on the register (not those who have left), by surname.")
    listing.add_argument("--status", choices=[s.value for s in SenStatus], type=str.upper,
                         help="N (no SEN), K (SEN support) or E (EHC plan)")
    listing.add_argument("--need", choices=[n.value for n in NeedType], type=str.upper,
                         help="primary or secondary need type, e.g. SLCN")
    listing.add_argument("--year", type=common.year_arg, help="year group: N, R or 1-14")
    listing.add_argument("--class", dest="form", help="class or form, e.g. 7B")
    listing.add_argument("--search", default="", help="part of a name or UPN")
    listing.add_argument("--include-left", action="store_true", help="include leavers")
    listing.add_argument("--json", action="store_true", help="print JSON for other programs")
    listing.set_defaults(func=run_list)

    show = commands.add_parser("show", parents=[common.signed_in_options()],
                               help="show one pupil", description="Show one pupil's record.")
    show.add_argument("upn", metavar="UPN")
    show.add_argument("--json", action="store_true", help="print JSON for other programs")
    show.set_defaults(func=run_show)

    leave = commands.add_parser(
        "leave", parents=[common.signed_in_options()], help="record that a pupil has left",
        description="Mark a pupil as left (their file becomes read-only) and record the school "
        "they moved to. For a pupil who has already left, --destination alone records it. "
        "Then `sencodesk export transfer-pack` makes the SEN file for that school.")
    leave.add_argument("upn", metavar="UPN")
    leave.add_argument("--on", type=common.date_arg, metavar="DATE",
                       help="the day they left, dd/mm/yyyy (default today)")
    leave.add_argument("--destination", default="", metavar="SCHOOL",
                       help="the school they moved to (name and town, or URN)")
    leave.set_defaults(func=run_leave)


def run_list(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils

    with common.signed_in(args) as desk:
        rows = pupils.list_pupils(desk, pupils.RegisterFilter(
            status=SenStatus(args.status) if args.status else None,
            need=NeedType(args.need) if args.need else None, year_group=args.year,
            form=args.form, search=args.search, include_left=args.include_left))
    if args.json:
        common.print_json([row.to_json() for row in rows])
        return 0
    common.print_table(
        ("UPN", "Name", "Year", "Class", "Status", "Needs", "Next review"),
        [(r.upn, r.sort_name, r.year_group.short, r.form, r.status.value,
          " ".join(n.value for n in (r.primary_need, r.secondary_need) if n),
          common.uk(r.next_review)) for r in rows])
    print(f"\n{len(rows):,} pupils")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils, record_views

    with common.signed_in(args) as desk:
        detail = record_views.open_record(desk, pupils.id_for_upn(desk, args.upn))
    row = detail.row
    if args.json:
        common.print_json({
            **row.to_json(),
            "legal_surname": detail.legal_surname, "legal_forename": detail.legal_forename,
            "joined_on": detail.joined_on.isoformat() if detail.joined_on else None,
            "status_history": [{"status": s.status.value, "start": s.starts_on.isoformat(),
                                "end": s.ends_on.isoformat() if s.ends_on else None}
                               for s in detail.statuses],
            "need_history": [{"need": n.need.value, "rank": n.rank,
                              "start": n.starts_on.isoformat(),
                              "end": n.ends_on.isoformat() if n.ends_on else None}
                             for n in detail.needs],
            "parents": [{"name": p.name, "relationship": p.relationship, "phone": p.phone,
                         "email": p.email,
                         "parental_responsibility": p.parental_responsibility}
                        for p in detail.parents],
            "agencies": [a.name for a in detail.agencies],
        })
        return 0
    print(f"{row.display_name} ({row.upn})")
    print(f"  Legal name: {detail.legal_forename} {detail.legal_surname}")
    print(f"  Born {common.uk(row.dob)}; {row.year_group.label}, class {row.form or '-'}")
    print(f"  SEN status: {row.status.value} ({row.status.label})")
    for need in (row.primary_need, row.secondary_need):
        if need:
            print(f"  Need: {need.value} ({need.label})")
    print("  Status history:")
    for s in detail.statuses:
        print(f"    {s.status.value}  {common.uk(s.starts_on)} - {common.uk(s.ends_on) or 'now'}")
    for p in detail.parents:
        print(f"  {p.relationship or 'Contact'}: {p.name} {p.phone}")
    for a in detail.agencies:
        print(f"  Agency: {a.name}")
    return 0


def run_leave(args: argparse.Namespace) -> int:
    from sencodesk.services import pupils

    with common.signed_in(args) as desk:
        pid = pupils.id_for_upn(desk, args.upn)
        row = pupils.get(desk, pid).row
        if row.left_on is None:
            pupils.mark_left(desk, pid, args.on or desk.today(), destination=args.destination)
            print(f"{row.display_name} left on {common.uk(args.on or desk.today())}.")
        elif args.destination:
            pupils.record_destination(desk, pid, args.destination)
        else:
            print(f"{row.display_name} had already left on {common.uk(row.left_on)}.")
            return 1
    if args.destination:
        print(f"Destination: {args.destination.strip()}.")
    return 0
