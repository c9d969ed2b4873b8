"""Two processes writing to one case file at once: the audit chain never forks (issue 16.5)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from factories import PASSWORD, new_upn

from sencodesk.services import accounts, audit


def cli_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "SENCODESK_DATA_DIR": str(data_dir), "SENCODESK_USER": "senco",
            "SENCODESK_PASSWORD": PASSWORD}


def start_cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "sencodesk", *args], env=cli_env(data_dir),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _csv(path: Path, count: int) -> Path:
    rows = [f"{new_upn()},Writer,Pupil{n},01/03/2014,7,7A" for n in range(count)]
    path.write_text("UPN,Surname,Forename,DOB,Year,Class\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return path


def test_two_imports_at_once_keep_the_audit_chain_whole(data_dir: Path, _empty_school: Path,
                                                        tmp_path: Path) -> None:
    shutil.copytree(_empty_school, data_dir)
    for round_ in range(3):
        files = [_csv(tmp_path / f"round{round_}-{n}.csv", 40) for n in range(2)]
        runs = [start_cli(data_dir, "import", "pupils", str(f), "--yes") for f in files]
        for run in runs:
            _out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert audit.verify(desk) == []
    finally:
        desk.close()
    verify = subprocess.run([sys.executable, "-m", "sencodesk", "audit", "verify"],
                            env=cli_env(data_dir), capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr


WRITER = """
import sys
from pathlib import Path
from sencodesk.services import accounts, audit
desk = accounts.sign_in(Path(sys.argv[1]), "senco", sys.argv[2])
for n in range(int(sys.argv[3])):
    with desk.db.transaction() as session:
        audit.record(session, desk.actor, "verify", "audit", summary=f"writer {n}")
desk.close()
"""


def test_two_processes_appending_directly_never_fork_the_chain(data_dir: Path,
                                                              _empty_school: Path) -> None:
    """Below any lock file: the database's own write lock is taken before the head is read."""
    shutil.copytree(_empty_school, data_dir)
    runs = [subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), PASSWORD, "150"],
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert audit.verify(desk) == []
    finally:
        desk.close()
