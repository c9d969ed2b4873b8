"""Headless commands over the same services the GUI uses.

Each command group lives in its own module exposing ``register(subparsers)``; the parser it adds
sets ``func`` to a callable ``(args) -> int`` that returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from sencodesk import __version__
from sencodesk.cli.terminal import printable_output
from sencodesk.domain.errors import SencodeskError

#: Command modules, in the order their commands appear in ``--help``.
COMMAND_MODULES = (
    "sencodesk.cli.setup",
    "sencodesk.cli.server",
    "sencodesk.cli.pupils",
    "sencodesk.cli.upn",
    "sencodesk.cli.timeline",
    "sencodesk.cli.deadlines",
    "sencodesk.cli.census",
    "sencodesk.cli.letters",
    "sencodesk.cli.review_papers",
    "sencodesk.cli.info_report",
    "sencodesk.cli.audit",
    "sencodesk.cli.accounts",
    "sencodesk.cli.exports",
    "sencodesk.cli.imports",
    "sencodesk.cli.groups",
    "sencodesk.cli.trust",
    "sencodesk.cli.backups",
    "sencodesk.cli.retention",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sencodesk",
        description="sencodesk: the SEND register, pupil passports, APDR cycles and EHCP "
        "deadlines, kept encrypted on this computer. Run with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"sencodesk {__version__}")
    parser.add_argument(
        "--data-dir",
        help="folder holding the school's encrypted case file (default: this user's data folder; "
        "also SENCODESK_DATA_DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # no try: a command group that cannot be imported is a broken install, and hiding it
        # would only turn the error into "invalid choice" for the person who typed it
        import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Errors meant for users are printed, not raised."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    with printable_output():
        return _run(func, args)


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        result: int = func(args)
    except SencodeskError as error:
        print(f"sencodesk: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `head`) stopped listening: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("sencodesk: stopped.", file=sys.stderr)
        return 130
    return result
