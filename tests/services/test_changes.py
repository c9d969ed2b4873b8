"""An open window learns that someone else saved to the case file (the file: SQLite's data
version; a server: LISTEN/NOTIFY), and hears nothing when nobody did. Runs on both backends."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from factories import add_pupil, second_senco

from sencodesk.domain.errors import StoreError
from sencodesk.services import changes, pupils
from sencodesk.services.changes import Token
from sencodesk.services.context import Desk

WITHIN_S = 2.0  # what the open windows promise (ui.change_watch)


@pytest.fixture
def alex(desk: Desk) -> Iterator[Desk]:
    other = second_senco(desk)
    yield other
    other.close()


def heard_within(desk: Desk, token: Token) -> tuple[bool, Token]:
    """Ask as the window does (about once a second, here more often) until told of a change
    or :data:`WITHIN_S` has passed."""
    deadline = time.monotonic() + WITHIN_S
    while True:
        changed, token = changes.changes_since(desk, token)
        if changed or time.monotonic() >= deadline:
            return changed, token
        time.sleep(0.05)


def test_a_colleagues_save_is_heard_and_then_nothing_more(desk: Desk, alex: Desk) -> None:
    changed, token = changes.changes_since(desk, None)
    assert not changed  # the first look is the starting point
    add_pupil(alex, legal_forename="Priya")

    changed, token = heard_within(desk, token)
    assert changed

    changed, token = heard_within(desk, token)
    assert not changed  # told once per save, not again


def test_reading_is_not_a_change(desk: Desk, alex: Desk) -> None:
    pupil_id = add_pupil(alex, legal_forename="Priya")
    _, token = changes.changes_since(desk, None)
    pupils.get(alex, pupil_id)
    pupils.get(desk, pupil_id)
    changed, _ = heard_within(desk, token)
    assert not changed


def test_a_save_is_heard_after_the_watch_lost_its_connection(desk: Desk, alex: Desk) -> None:
    """A dropped connection (the server restarted, the laptop slept) is opened afresh, and the
    window is told to look again rather than miss what was saved meanwhile."""
    _, token = changes.changes_since(desk, None)
    desk.db._watch.close()
    add_pupil(alex, legal_forename="Priya")
    changed, _ = heard_within(desk, token)
    assert changed


def test_a_broken_watch_is_a_plain_store_error_and_then_recovers(desk: Desk) -> None:
    _, token = changes.changes_since(desk, None)
    connection = vars(desk.db._watch)["_connection"]  # the watch's own, on either backend
    connection.close()  # goes away under it
    with pytest.raises(StoreError):
        changes.changes_since(desk, token)
    changed, _ = changes.changes_since(desk, token)
    assert changed  # what it may have missed: look again
