"""``sencodesk check-upn``: say whether UPNs are valid and why (no database needed)."""

from __future__ import annotations

import argparse

from sencodesk.domain import upn


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check-upn",
        help="check Unique Pupil Numbers",
        description="Check each UPN's length, characters and check letter. Exits 1 if any is "
        "invalid.",
    )
    parser.add_argument("upns", nargs="+", metavar="UPN", help="one or more UPNs")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    any_invalid = False
    for text in args.upns:
        result = upn.check(text)
        verdict = "valid" if result.valid else "invalid"
        print(f"{result.upn}: {verdict} ({result.reason})")
        any_invalid |= not result.valid
    return 1 if any_invalid else 0
