"""Two real processes writing to one local case file: a command that meets the app's write
lock waits a moment and saves; one kept waiting past the busy timeout gets a plain message,
changes nothing, and the audit chain stays whole (issue 19.4)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from factories import PASSWORD, new_upn
from test_writers_at_once import cli_env

from sencodesk.services import accounts, audit, pupils
from sencodesk.store import database


def _import(data_dir: Path, surname: str) -> subprocess.Popen[str]:
    csv = data_dir.parent / f"{surname}.csv"
    csv.write_text("UPN,Surname,Forename,DOB,Year,Class\n"
                   f"{new_upn()},{surname},Ada,01/03/2014,7,7A\n", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "sencodesk", "import", "pupils", str(csv),
                             "--yes"], env=cli_env(data_dir), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_a_command_waits_for_a_short_write_and_is_told_plainly_after_a_long_one(
        data_dir: Path, _empty_school: Path) -> None:
    shutil.copytree(_empty_school, data_dir)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)  # the app, holding the file open
    app_writing = database.raw_connect(desk.db.path, desk.db.key)
    try:
        app_writing.execute("BEGIN IMMEDIATE")  # a save under way
        started = time.monotonic()
        command = _import(data_dir, "Patient")
        time.sleep(3)  # longer than the command takes to start; shorter than its patience
        app_writing.rollback()
        _out, err = command.communicate(timeout=120)
        assert command.returncode == 0, err
        assert time.monotonic() - started >= 3

        app_writing.execute("BEGIN IMMEDIATE")  # a save that outlasts the busy timeout
        command = _import(data_dir, "Refused")
        _out, err = command.communicate(timeout=120)
        app_writing.rollback()
    finally:
        app_writing.close()
    try:
        assert command.returncode == 1
        assert "Someone else is saving to the case file just now" in err
        assert "Traceback" not in err and "INSERT" not in err
        assert [r.surname for r in pupils.list_pupils(desk)] == ["Patient"]
        assert audit.verify(desk) == []
    finally:
        desk.close()
