"""`sencodesk --self-test` and `sencodesk --version`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sencodesk import __version__
from sencodesk.app import main


def test_self_test_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"sencodesk {__version__} self-test")
    assert out.count("  ok  ") == 4 and out.rstrip().endswith("self-test passed")


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out.strip() == f"sencodesk {__version__}"


def test_a_command_group_that_cannot_be_imported_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A missing command module is a broken install: the error surfaces instead of the
    command quietly vanishing from --help."""
    from sencodesk import cli

    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "sencodesk.cli.gone"))
    with pytest.raises(ModuleNotFoundError, match=r"sencodesk\.cli\.gone"):
        cli.build_parser()


def test_self_test_checks_hold_under_python_optimised(tmp_path: Path) -> None:
    """The checks are not asserts: with ``python -O`` a broken step still fails the test."""
    broken = ("import sys; from sencodesk.store import migrations; "
              "migrations.head_revision = lambda: 'not this one'; "
              "from sencodesk.selftest import run; sys.exit(run())")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-O", "-c", broken], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "self-test FAILED: the new case file is not at the newest schema" in done.stdout
