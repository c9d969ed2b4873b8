"""The desk is all a service needs: no service or view handles the database key, a file name
or a path inside the school's folder; those stay in the store (so another backend can stand
behind the same face)."""

from __future__ import annotations

import hashlib
import hmac
import re
import subprocess
import sys
from pathlib import Path

from factories import PASSWORD

from sencodesk.domain.codes import Role
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.services.location import school_exists

PACKAGE = Path(__file__).resolve().parents[2] / "sencodesk"
#: What only the store may know: the raw key, the names of the case files, paths built in it.
LEAKS = re.compile(r"\.db\.key\b|\bdata_dir\s*/|sencodesk\.db\b|keyslots\.json|"
                   r"DATABASE_NAME|KEYSLOTS_NAME|DOCUMENTS_NAME")
#: Restoring swaps whole case files in the folder; it moves into the store with the crash-safe
#: restore. Every other line above the store is held to the rule.
ALLOWED = {"services/backups.py": 5}


def test_services_and_views_hold_no_store_paths_or_keys() -> None:
    above_store = [p for layer in ("services", "ui", "cli", "reports")
                   for p in sorted((PACKAGE / layer).rglob("*.py"))]
    assert len(above_store) > 50
    leaks = [f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
             for path in above_store
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if LEAKS.search(line)]
    outside = [leak for leak in leaks if leak.split(":")[0] not in ALLOWED]
    assert outside == []
    for name, most in ALLOWED.items():
        assert sum(leak.startswith(name) for leak in leaks) <= most


def test_the_key_never_shows_in_a_repr(desk: Desk) -> None:
    """A desk appears in tracebacks (pytest's, the crash dialog's details)."""
    shown = repr(desk)
    assert "sencodesk.db" in shown
    assert desk.db.key.hex() not in shown and repr(desk.db.key) not in shown
    confidential = desk.db.confidential_key  # the SENCO who set the school up holds it
    assert confidential is not None
    assert confidential.hex() not in shown and repr(confidential) not in shown


def test_anonymous_codes_keep_their_old_derivation(desk: Desk) -> None:
    """Codes in packs already given to inspectors must still match: the keyed secret is the
    same HMAC of the school's key it always was, and is never the key itself."""
    secret = desk.secret("sencodesk anonymous pupil codes")
    assert secret == hmac.new(desk.db.key, b"sencodesk anonymous pupil codes",
                              hashlib.sha256).digest()
    assert secret != desk.db.key
    assert desk.secret("another purpose") != secret


def test_attached_files_go_through_the_desk(desk: Desk) -> None:
    name = desk.blobs.put(b"an EP report")
    assert desk.blobs.get(name) == b"an EP report"
    assert desk.blobs is desk.blobs  # one store per open case file


def test_key_slots_are_granted_and_revoked_through_the_database(desk: Desk) -> None:
    accounts.add_account(desk, full_name="Tia Khan", username="tia", role=Role.TEACHER,
                         password="teacher pass")
    assert desk.db.password_unlocks("tia", "teacher pass")
    assert not desk.db.password_unlocks("tia", "wrong pass")
    accounts.remove_account(desk, "tia")
    assert not desk.db.password_unlocks("tia", "teacher pass")
    assert accounts.confirm_password(desk, PASSWORD)


def test_first_run_is_asked_of_the_store_without_loading_the_database(
    desk: Desk, tmp_path: Path,
) -> None:
    assert school_exists(desk.data_dir)
    assert not school_exists(tmp_path / "elsewhere")
    probe = ("import sys; from sencodesk.services.location import school_exists; "
             "print(sorted(m for m in ('sqlalchemy', 'sqlcipher3', 'alembic') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"

