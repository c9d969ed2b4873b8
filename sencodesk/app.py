"""Entry point: a command runs headless; no command opens the desktop app.

The GUI path imports neither the database stack nor ReportLab before the login window is shown,
so the window appears quickly; they load behind the login.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _wants_gui(argv: Sequence[str]) -> bool:
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--data-dir":
            if rest:
                rest.pop(0)
            continue
        if arg.startswith("--data-dir="):
            continue
        return False
    return True


def _data_dir_arg(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--self-test"]:
        from sencodesk.selftest import run

        return run()
    if _wants_gui(args):
        from sencodesk.ui.application import run_gui

        return run_gui(_data_dir_arg(args))
    from sencodesk.cli import main as cli_main
    from sencodesk.tuning import tune_garbage_collector

    tune_garbage_collector()
    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
