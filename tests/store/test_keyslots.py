"""Signing in: key slots, wrong passwords, tampering, growing delays."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from factories import PASSWORD

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import AuthenticationFailed, StoreError, ValidationError
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, layout

GENERIC = "That name and password do not match an account."


def _no_sleep(_seconds: float) -> None:
    return None


@pytest.mark.parametrize(("user", "password"), [("senco", "wrong one"), ("senco", ""),
                                                ("nobody", PASSWORD), ("", "")])
def test_failed_sign_in_never_says_which_part_was_wrong(
    desk: Desk, user: str, password: str
) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        accounts.sign_in(desk.data_dir, user, password, sleep=_no_sleep)
    assert str(caught.value) == GENERIC


def test_delay_grows_after_repeated_failures(desk: Desk) -> None:
    waits: list[float] = []
    for _ in range(6):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(desk.data_dir, "senco", "nope", sleep=waits.append)
    assert waits == [0, 0, 0, 1, 2, 4]
    # the person is told before the next try is held back (8 s after 6 in a row)
    assert accounts.sign_in_wait(desk.data_dir, "senco").startswith(
        "Waiting 8 seconds after 6 wrong passwords in a row")
    accounts.sign_in(desk.data_dir, "senco", PASSWORD, sleep=waits.append).close()
    assert accounts.sign_in_wait(desk.data_dir, "senco") == ""


def test_the_delay_is_per_account(desk: Desk) -> None:
    accounts.add_account(desk, full_name="Tom Reid", username="treid", role=Role.TEACHER,
                         password="teacher-pass")
    waits: list[float] = []
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(desk.data_dir, "treid", "nope", sleep=waits.append)
    assert waits[-1] == 2
    accounts.sign_in(desk.data_dir, "senco", PASSWORD, sleep=waits.append).close()
    assert waits[-1] == 0  # someone else's slips do not hold the SENCO back
    assert accounts.sign_in_wait(desk.data_dir, "senco") == ""
    assert accounts.sign_in_wait(desk.data_dir, "TReid").startswith("Waiting 4 seconds")


def test_editing_the_key_file_does_not_reset_the_delay(desk: Desk) -> None:
    path = layout.slots_path(desk.data_dir)
    kept = path.read_bytes()
    waits: list[float] = []
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(desk.data_dir, "senco", "nope", sleep=waits.append)
    assert path.read_bytes() == kept  # a failed sign-in no longer rewrites the key file
    raw = json.loads(kept)
    raw["failures"] = 0
    path.write_text(json.dumps(raw))  # what resetting the old single counter took
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(desk.data_dir, "senco", "nope", sleep=waits.append)
    assert waits[-1] == 2


def test_the_lock_screen_check_is_held_back_too(desk: Desk) -> None:
    waits: list[float] = []
    for _ in range(4):
        assert not accounts.confirm_password(desk, "nope", sleep=waits.append)
    assert waits == [0, 0, 0, 1]
    assert accounts.sign_in_wait(desk.data_dir, "senco").startswith("Waiting 2 seconds")
    assert accounts.confirm_password(desk, PASSWORD, sleep=waits.append)
    assert waits[-1] == 2
    assert accounts.sign_in_wait(desk.data_dir, "senco") == ""


def test_each_account_has_its_own_slot_and_password_changes_rewrap(desk: Desk) -> None:
    accounts.add_account(desk, full_name="Tom Reid", username="treid", role=Role.TEACHER,
                         password="teacher-pass")
    assert len(keyslots.read(layout.slots_path(desk.data_dir)).slots) == 2
    teacher = accounts.sign_in(desk.data_dir, "treid", "teacher-pass")
    assert teacher.actor.role is Role.TEACHER
    accounts.set_password(teacher, "treid", "new-teacher-pass")
    teacher.close()
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(desk.data_dir, "treid", "teacher-pass", sleep=_no_sleep)
    accounts.sign_in(desk.data_dir, "treid", "new-teacher-pass").close()
    accounts.remove_account(desk, "treid")
    assert len(keyslots.read(layout.slots_path(desk.data_dir)).slots) == 1
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(desk.data_dir, "treid", "new-teacher-pass", sleep=_no_sleep)


def test_short_or_blank_passwords_are_refused(desk: Desk) -> None:
    for bad in ("", "   ", "short"):
        with pytest.raises(ValidationError, match=r"password|characters"):
            accounts.add_account(desk, full_name="A Person", username="ap",
                                 role=Role.TEACHER, password=bad)


def test_an_edited_slot_does_not_open(desk: Desk) -> None:
    path = layout.slots_path(desk.data_dir)
    raw = json.loads(path.read_text())
    wrapped = bytearray(base64.b64decode(raw["slots"][0]["wrapped_key"]))
    wrapped[0] ^= 1
    raw["slots"][0]["wrapped_key"] = base64.b64encode(wrapped).decode()
    path.write_text(json.dumps(raw))
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(desk.data_dir, "senco", PASSWORD, sleep=_no_sleep)


def test_a_slot_renamed_to_another_user_does_not_open(desk: Desk) -> None:
    path = layout.slots_path(desk.data_dir)
    raw = json.loads(path.read_text())
    raw["slots"][0]["username"] = "intruder"
    path.write_text(json.dumps(raw))
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(desk.data_dir, "intruder", PASSWORD, sleep=_no_sleep)


@pytest.mark.parametrize("damage", ["delete", "garbage", "wrong format"])
def test_a_missing_or_damaged_key_file_is_explained(desk: Desk, damage: str) -> None:
    path: Path = layout.slots_path(desk.data_dir)
    if damage == "delete":
        path.unlink()
    elif damage == "garbage":
        path.write_text("{not json")
    else:
        path.write_text(json.dumps({"format": "something else"}))
    with pytest.raises(StoreError, match="key file"):
        accounts.sign_in(desk.data_dir, "senco", PASSWORD, sleep=_no_sleep)


def test_the_last_senco_cannot_be_removed_nor_yourself(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="your own"):
        accounts.remove_account(desk, "senco")
