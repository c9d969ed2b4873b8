"""The app and a command can have one case file open together; what needs it alone (a restore,
a migration) is refused naming who has it open; a dead holder's lock is taken over (issues
16.7, 19.4)."""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from factories import PASSWORD

from sencodesk.services import accounts, backups
from sencodesk.store import writer

HOLDER = """
import sys
from pathlib import Path
from sencodesk.services import accounts
desk = accounts.sign_in(Path(sys.argv[1]), "senco", sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
desk.close()
"""


@pytest.fixture
def school(data_dir: Path, _empty_school: Path) -> Path:
    shutil.copytree(_empty_school, data_dir)
    return data_dir


def _hold(folder: Path) -> subprocess.Popen[str]:
    run = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), PASSWORD],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None and run.stdout.readline().strip() == "open"
    return run


def test_a_second_process_may_open_it_but_not_replace_it(
        school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "WAIT_SECONDS", 0.2)
    run = _hold(school)
    try:
        with pytest.raises(writer.CaseFileInUse) as refused:
            writer.acquire(school / "sencodesk.db", wait=0.2)  # alone, as a restore asks
        message = str(refused.value)
        assert f"{getpass.getuser()} on {socket.gethostname()} (process {run.pid}" in message
        assert "close it there" in message
        # a restore from another process is refused too, before anything is moved
        backup = school.parent / "b.sencodesk-backup"
        with pytest.raises(writer.CaseFileInUse):
            backups.restore(school, backup, "senco", PASSWORD)
        command = subprocess.run([sys.executable, "-m", "sencodesk", "pupils", "list"],
                                 env={**os.environ, "SENCODESK_DATA_DIR": str(school),
                                      "SENCODESK_USER": "senco",
                                      "SENCODESK_PASSWORD": PASSWORD},
                                 capture_output=True, text=True, timeout=60)
        assert command.returncode == 0, command.stderr  # a command works beside the app
        desk = accounts.sign_in(school, "senco", PASSWORD)  # and so does a second window
        desk.close()
    finally:
        assert run.stdin is not None
        run.stdin.write("\n")
        run.communicate(timeout=30)
    with writer.holding(school / "sencodesk.db", wait=0):  # alone again once it closed
        pass


def test_while_a_restore_holds_it_an_opener_waits_then_is_told(
        school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(writer.WAIT_ENV, "0.2")
    with writer.holding(school / "sencodesk.db"):
        command = subprocess.run([sys.executable, "-m", "sencodesk", "pupils", "list"],
                                 env={**os.environ, "SENCODESK_DATA_DIR": str(school),
                                      "SENCODESK_USER": "senco",
                                      "SENCODESK_PASSWORD": PASSWORD},
                                 capture_output=True, text=True, timeout=60)
    assert command.returncode == 1
    assert "being replaced or brought up to date by" in command.stderr
    assert "Traceback" not in command.stderr


def test_a_lock_left_by_a_killed_process_is_taken_over(school: Path) -> None:
    run = _hold(school)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert f"process {run.pid}" in writer.holder(school / "sencodesk.db")  # the tag remains
    desk = accounts.sign_in(school, "senco", PASSWORD)
    try:
        assert f"process {os.getpid()}" in writer.holder(school / "sencodesk.db")
    finally:
        desk.close()


EXCLUSIVE = """
import sys
from pathlib import Path
from sencodesk.store import writer
writer.acquire(Path(sys.argv[1]), wait=0.2)
"""


def test_asking_to_be_alone_and_being_refused_keeps_the_file_open(school: Path) -> None:
    """Linux lets go of a shared lock before trying to make it exclusive; a refusal must not
    leave this process holding nothing, or a restore elsewhere could replace the open file."""
    desk = accounts.sign_in(school, "senco", PASSWORD)
    run = _hold(school)
    try:
        with writer.alone(school / "sencodesk.db") as alone:
            assert not alone  # the other process has it open
    finally:
        assert run.stdin is not None
        run.stdin.write("\n")
        run.communicate(timeout=30)
    try:
        other = subprocess.run([sys.executable, "-c", EXCLUSIVE, str(school / "sencodesk.db")],
                               capture_output=True, text=True, timeout=60)
        assert other.returncode == 1 and "CaseFileInUse" in other.stderr  # still ours
    finally:
        desk.close()
    with writer.alone(school / "sencodesk.db") as alone:
        assert alone
