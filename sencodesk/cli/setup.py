"""``sencodesk init`` and ``sencodesk demo``: create a school's encrypted case file."""

from __future__ import annotations

import argparse
import time

from sencodesk.cli import common
from sencodesk.domain.errors import ValidationError


def register(sub: common.Subparsers) -> None:
    init = sub.add_parser(
        "init", parents=[common.common_options()], help="set up an empty school",
        description="Create an empty, encrypted case file for your school and its first "
        f"SENCO account. The account is taken from {common.USER_ENV} and "
        f"{common.PASSWORD_ENV}, or asked for.",
    )
    init.add_argument("--school", required=True, help="the school's name")
    init.add_argument("--name", help="your full name (default: the username)")
    init.set_defaults(func=run_init)

    demo = sub.add_parser(
        "demo", parents=[common.common_options()], help="set up a realistic made-up school",
        description="Create a case file filled with a synthetic school (made-up pupils with "
        "plausible names, SEN support, EHC plans, three years of reviews) to try sencodesk. "
        "Never use it for real pupils.",
    )
    demo.add_argument("--pupils", type=int, default=1200,
                      help="how many pupils (default 1,200)")
    demo.add_argument("--seed", type=int, default=2026,
                      help="same seed, same school (default 2026)")
    demo.add_argument("--name", help="your full name (default: Demo SENCO)")
    demo.add_argument("--phase", choices=("secondary", "primary"), default="secondary",
                      help="a secondary school (sets and form groups) or a primary school "
                      "(Reception to Year 6, each class a teaching group)")
    demo.set_defaults(func=run_demo)


def _new_account(args: argparse.Namespace, default_name: str) -> tuple[str, str, str]:
    username = common.username(args)
    password = common.ask_new_password("Choose a password (8 characters or more): ",
                                       common.PASSWORD_ENV)
    return username, args.name or default_name, password


def run_init(args: argparse.Namespace) -> int:
    from sencodesk.services import accounts

    username, full_name, password = _new_account(args, "")
    desk = accounts.init_school(common.data_dir(args), school_name=args.school,
                                username=username, full_name=full_name or username.title(),
                                password=password)
    print(f"Created an empty case file for {args.school} in {desk.data_dir}.")
    print(f"Sign in as {username}.")
    desk.close()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from sencodesk.services import accounts, demo

    if args.pupils < 1 or args.pupils > 20_000:
        raise ValidationError("--pupils", "choose between 1 and 20,000 pupils")
    username, full_name, password = _new_account(args, "Demo SENCO")
    started = time.perf_counter()
    desk = accounts.init_school(common.data_dir(args), school_name=demo.SCHOOL_NAME,
                                username=username, full_name=full_name, password=password)
    try:
        summary = demo.build(desk, pupils=args.pupils, seed=args.seed, phase=args.phase)
    finally:
        desk.close()
    seconds = time.perf_counter() - started
    name = demo.PRIMARY_NAME if args.phase == "primary" else demo.SCHOOL_NAME
    print(f"Built the demo school {name} in {desk.data_dir} in {seconds:.1f} s:")
    for label, count in summary.items():
        print(f"  {label}: {count:,}")
    print(f"Sign in as {username}.")
    return 0
