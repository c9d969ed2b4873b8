"""`sencodesk --self-test` and `sencodesk --version`."""

from __future__ import annotations

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
