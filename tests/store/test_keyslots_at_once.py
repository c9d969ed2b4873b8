"""keyslots.json under concurrent processes, and damaged or huge files (issue 16.6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.store import attempts, keyslots

CHEAP = keyslots.KdfParams(n=2**10, r=8, p=1)
KEY = bytes(range(32))

ADDER = """
import sys
from pathlib import Path
from sencodesk.store import keyslots
cheap = keyslots.KdfParams(n=2**10, r=8, p=1)
for n in range(int(sys.argv[2])):
    keyslots.add(Path(sys.argv[1]), keyslots.make_slot(f"user{n}", "password", bytes(range(32)),
                                                       cheap))
"""

GUESSER = """
import sys
from pathlib import Path
from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.store import keyslots
for n in range(int(sys.argv[2])):
    try:
        keyslots.unlock(Path(sys.argv[1]), "senco", "wrong", sleep=lambda _s: None)
    except AuthenticationFailed:
        pass
"""


def test_failed_sign_ins_never_lose_a_slot_added_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    keyslots.create(path, keyslots.make_slot("senco", "right one", KEY, CHEAP))
    runs = [subprocess.Popen([sys.executable, "-c", code, str(path), "60"],
                             stderr=subprocess.PIPE, text=True)
            for code in (ADDER, GUESSER, GUESSER)]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    state = keyslots.read(path)
    assert {s.username for s in state.slots} == {"senco", *(f"user{n}" for n in range(60))}
    # wrong passwords are counted per name beside the key file, and none was lost
    assert attempts.failures(tmp_path, "senco") == 120
    assert keyslots.unlock(path, "user59", "password", sleep=lambda _s: None) == KEY


@pytest.mark.parametrize("content", [
    b"\x00\xff" * 10, b"[1, 2]", b"[" * 100_000, b'{"format": "sencodesk-keyslots", "slots": 3}',
    b" " * (keyslots.MAX_FILE_BYTES + 10),
])
def test_a_damaged_or_huge_key_file_is_a_plain_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="damaged"):
        keyslots.unlock(path, "senco", "anything", sleep=lambda _s: None)


def test_impossible_costs_in_an_edited_file_are_refused_not_run(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    keyslots.create(path, keyslots.make_slot("senco", "right one", KEY, CHEAP))
    path.write_text(path.read_text().replace('"n": 1024', '"n": 1099511627776'))
    with pytest.raises(StoreError, match="damaged"):
        keyslots.unlock(path, "senco", "right one", sleep=lambda _s: None)


def test_a_wrong_password_is_still_counted(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    keyslots.create(path, keyslots.make_slot("senco", "right one", KEY, CHEAP))
    kept = path.read_bytes()
    with pytest.raises(AuthenticationFailed):
        keyslots.unlock(path, "senco", "wrong", sleep=lambda _s: None)
    assert attempts.failures(tmp_path, "senco") == 1
    assert path.read_bytes() == kept  # counted beside the key file, not in it
