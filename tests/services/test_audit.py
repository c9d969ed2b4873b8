"""The audit trail records who changed what, and tampering is found."""

from __future__ import annotations

import pytest
from factories import PASSWORD, add_pupil
from sqlalchemy import text

from sencodesk.services import accounts, audit
from sencodesk.services.context import Desk


def _execute(desk: Desk, sql: str) -> None:
    with desk.db.engine.begin() as connection:
        connection.execute(text(sql))


def test_every_change_and_login_is_recorded(desk: Desk) -> None:
    pid = add_pupil(desk)
    accounts.sign_in(desk.data_dir, "senco", PASSWORD).close()
    actions = [(e.action, e.entity) for e in audit.list_events(desk)]
    assert ("login", "account") in actions
    assert ("create", "pupil") in actions
    created = next(e for e in audit.list_events(desk, pupil_id=pid) if e.action == "create")
    assert created.actor == "Sam Patel"
    assert created.changes["legal_surname"] == [None, "O'Brien"]


def test_an_intact_chain_verifies(desk: Desk) -> None:
    add_pupil(desk)
    assert audit.verify(desk) == []


def test_an_altered_entry_is_reported_where_it_is(desk: Desk) -> None:
    add_pupil(desk)
    add_pupil(desk)
    _execute(desk, "UPDATE auditevent SET actor = 'Someone Else' WHERE id = 2")
    problems = audit.verify(desk)
    assert [p.entry_id for p in problems] == [2]
    assert "altered" in problems[0].message


@pytest.mark.parametrize("victim", [2, 3])
def test_a_deleted_entry_is_reported(desk: Desk, victim: int) -> None:
    for _ in range(3):
        add_pupil(desk)
    _execute(desk, f"DELETE FROM auditevent WHERE id = {victim}")
    problems = audit.verify(desk)
    assert problems and problems[0].entry_id == victim + 1
    assert any("missing" in p.message for p in problems)
