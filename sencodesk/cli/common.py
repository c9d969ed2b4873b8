"""What every command shares: the data folder, signing in, dates, JSON and tables."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sencodesk import paths
from sencodesk.domain import dates, validation
from sencodesk.domain.codes import YearGroup
from sencodesk.domain.dates import uk as uk
from sencodesk.domain.errors import AuthenticationFailed, ValidationError

if TYPE_CHECKING:
    from sencodesk.services.context import Desk

USER_ENV = "SENCODESK_USER"
PASSWORD_ENV = "SENCODESK_PASSWORD"

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts after its name, as well as before it."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="folder holding the case file (also SENCODESK_DATA_DIR)")
    return parent


def signed_in_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[common_options()])
    parent.add_argument("--user", help=f"your sencodesk username (or {USER_ENV}); the password "
                        f"is asked for, or read from {PASSWORD_ENV} for automation")
    return parent


def data_dir(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data_dir", None))


def ask_password(prompt: str = "Password: ") -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise AuthenticationFailed(
            f"No password: run this in a terminal, or set {PASSWORD_ENV} for automation."
        )
    return getpass.getpass(prompt)


def ask_new_password(prompt: str, env: str) -> str:
    """A password for a new account: from ``env`` (automation) or typed twice."""
    from_env = os.environ.get(env)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise ValidationError("password", f"run this in a terminal, or set {env}")
    first = getpass.getpass(prompt)
    if getpass.getpass("Type it again: ") != first:
        raise ValidationError("password", "the two passwords differ")
    return first


def username(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not name:
        if not sys.stdin.isatty():
            raise AuthenticationFailed(f"Say who you are with --user or {USER_ENV}.")
        name = input("Username: ")
    return name.strip()


def sign_in(args: argparse.Namespace) -> Desk:
    from sencodesk.services import accounts

    name, password = username(args), ask_password()
    wait = accounts.sign_in_wait(data_dir(args), name)
    if wait:
        print(wait, file=sys.stderr)
    return accounts.sign_in(data_dir(args), name, password)


@contextlib.contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Desk]:
    """Sign in for one command and close the case file afterwards, whatever happens."""
    desk = sign_in(args)
    try:
        yield desk
    finally:
        desk.close()


def parse_date(text: str, *, field: str = "date") -> date:
    """ISO (2026-11-22) or UK (22/11/2026, 22/11/26) dates, read as the screens read them."""
    return validation.plausible_date(dates.parse(text, today=date.today(), field=field),
                                     field=field)


def date_arg(text: str) -> date:
    """argparse ``type=`` for dates, with a message argparse shows beside the option."""
    try:
        return parse_date(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def output_options(parser: argparse.ArgumentParser, *, required: bool = True,
                   metavar: str = "FILE",
                   help: str = "the file to write (never in sencodesk's data folder)") -> None:
    """``-o FILE`` (checked as :func:`output_arg` checks it) and ``--replace``, the same for
    every command that writes a file."""
    parser.add_argument("-o", "--output", type=output_arg, required=required, metavar=metavar,
                        help=help)
    parser.add_argument("--replace", action="store_true",
                        help="write over a file of that name that is already there")


def output_arg(text: str) -> Path:
    """argparse ``type=`` for a file to write: its folder must exist, checked before any
    work is done or audited."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give a file name")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"there is no folder {path.parent}")
    return path


def year_arg(text: str) -> YearGroup:
    """argparse ``type=`` for year groups: N, R or 1-14."""
    try:
        return YearGroup.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None




def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain aligned table for a terminal."""
    texts = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in texts)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in texts:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
