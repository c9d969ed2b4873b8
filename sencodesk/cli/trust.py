"""``sencodesk trust``: a school's summary for its trust (counts only), and the trust's
dashboard across its schools drawn from those summaries, with no pupil named."""

from __future__ import annotations

import argparse
from pathlib import Path

from sencodesk.cli import common


def register(sub: common.Subparsers) -> None:
    parser = sub.add_parser(
        "trust", help="a school's summary for its trust, and the trust's dashboard",
        description="For a multi-academy trust: each school exports a summary of counts (no "
        "names, UPNs or notes), and the trust's central team draws one dashboard from them.")
    kinds = parser.add_subparsers(dest="trust_kind", metavar="WHAT", required=True)
    summary = kinds.add_parser(
        "summary", parents=[common.signed_in_options()],
        help="this school's counts for the trust (JSON)",
        description="The register by SEN status, primary need and year group, and how timely "
        "EHC needs assessments and annual reviews were, as counts with no pupil named. The "
        "export is recorded in the audit trail.")
    summary.set_defaults(func=run_summary)
    share = kinds.add_parser(
        "share", parents=[common.signed_in_options()],
        help="share this school's counts with the trust on its server",
        description="For a school on its trust's server: the same counts as `trust summary`, "
        "kept on the server for the trust's login to read (it reads nothing else of the "
        "school's). The trust's dashboard shows the newest each school has shared. Recorded "
        "in the audit trail.")
    share.set_defaults(func=run_share)
    dashboard = kinds.add_parser(
        "dashboard", parents=[common.common_options()],
        help="the trust's dashboard from its schools' summaries (PDF)",
        description="One PDF across the trust's schools, from their summary files, or from "
        "the summaries they have shared on the trust's server (--server, signed in as the "
        "trust's login; its password from SENCODESK_PASSWORD or asked for). Counts from 1 to "
        "4 are shown as \"fewer than 5\". Needs no case file.")
    source = dashboard.add_mutually_exclusive_group(required=True)
    source.add_argument("summaries", nargs="*", type=Path, default=[], metavar="SUMMARY",
                        help="a school's summary file (from `sencodesk trust summary`)")
    source.add_argument("--server", metavar="URL",
                        help="the trust's server, postgresql://server/database")
    dashboard.add_argument("--login", metavar="NAME",
                           help="the trust's login on the server (with --server)")
    dashboard.add_argument("--trust", default="The trust", metavar="NAME",
                           help="the trust's name, for the page header")
    dashboard.set_defaults(func=run_dashboard)
    for command in (summary, dashboard):
        common.output_options(command)


def run_summary(args: argparse.Namespace) -> int:
    from sencodesk.services import saving, trust_summary

    saving.check_target(args.output, replace=args.replace)
    with common.signed_in(args) as desk:
        found = trust_summary.school_summary(desk)
    saving.save_export(args.output, trust_summary.summary_json(found), replace=args.replace)
    print(f"Wrote {args.output}: {found.on_roll:,} pupils on roll, "
          f"{found.on_register:,} on the SEND register.")
    return 0


def run_share(args: argparse.Namespace) -> int:
    from sencodesk.services import trust_summary

    with common.signed_in(args) as desk:
        found = trust_summary.share_with_trust(desk)
    print(f"Shared with the trust: {found.on_roll:,} pupils on roll, {found.on_register:,} "
          "on the SEND register (counts only).")
    return 0


def run_dashboard(args: argparse.Namespace) -> int:
    from sencodesk.domain.errors import ValidationError
    from sencodesk.reports import render
    from sencodesk.services import saving, trust_summary

    saving.check_target(args.output, replace=args.replace)
    if args.server is None:
        if args.login is not None:
            raise ValidationError("--login", "is for the trust's server: give --server too")
        sheet = trust_summary.dashboard(args.summaries, args.trust)
    else:
        if not args.login:
            raise ValidationError("--login", "name the trust's login on the server")
        sheet = trust_summary.dashboard_from_server(
            args.server, args.login, common.ask_password(f"{args.login}'s password: "),
            args.trust)
    saving.save_export(args.output, render(sheet).pdf, replace=args.replace)
    print(f"Wrote {args.output}: {len(sheet.dashboard.schools)} schools.")
    return 0
