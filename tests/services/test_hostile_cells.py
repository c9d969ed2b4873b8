"""Cells that a spreadsheet would run as a formula are exported as text and import back
exactly; control characters never reach a terminal raw."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil

from sencodesk.cli import main
from sencodesk.domain.mis_csv import spreadsheet_safe
from sencodesk.services import accounts, mis_import, pupils
from sencodesk.services.context import Desk
from sencodesk.services.register_csv import register_csv, write_register_csv

FORMULAS = ['=HYPERLINK("x.io")', "+1+1", "-2+3", "@SUM(A1)", "=1+2"]


def test_formula_cells_are_exported_as_text_and_import_back_exactly(
    desk: Desk, tmp_path: Path
) -> None:
    for form in FORMULAS:
        add_pupil(desk, form=form)
    exported = tmp_path / "register.csv"
    write_register_csv(desk, exported)
    rows = list(csv.reader(io.StringIO(exported.read_bytes().decode("utf-8-sig"))))
    forms = [row[rows[0].index("Class")] for row in rows[1:]]
    assert sorted(forms) == sorted("'" + form for form in FORMULAS)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    other = accounts.init_school(tmp_path / "other", school_name="Empty", username="s2",
                                 full_name="Sam Two", password=PASSWORD)
    other.today = desk.today
    mis_import.apply(other, mis_import.preview(other, exported.read_bytes()))
    assert sorted(r.form for r in pupils.list_pupils(other)) == sorted(FORMULAS)
    assert register_csv(other).splitlines()[1:] == register_csv(desk).splitlines()[1:]
    other.close()


@pytest.mark.parametrize("value", ["plain", "'quoted", "O'Brien", "7-B", "\tx", "\r=x"])
def test_only_formula_starts_are_changed(value: str) -> None:
    changed = spreadsheet_safe(value)
    assert changed == ("'" + value if value[0] in "\t\r" else value)


def test_control_characters_never_print_raw(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    upn = pupils.get(desk, add_pupil(desk, form="\x1b]0;owned\x077B\x9b2J")).row.upn
    desk.close()
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    for command in (["pupils", "list"], ["pupils", "list", "--json"], ["pupils", "show", upn],
                    ["pupils", "show", upn, "--json"]):
        assert main(command) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in "\x1b\x07\x9b"), command
        assert "\\x1b]0;owned\\x077B" in out or "\\u001b" in out, command
