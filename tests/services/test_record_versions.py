"""A save over a change made after the form was opened is refused, not silently undone
(issue 16.7, record versions; migration 0005)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from factories import add_pupil, photo_png
from sqlalchemy import text

from sencodesk.domain.errors import Conflict
from sencodesk.domain.records import PassportContent
from sencodesk.services import passports, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, migrations
from sencodesk.store.case_file import open_database
from sencodesk.store.database import Database, engine_for, raw_connect


def test_a_pupil_saved_over_a_newer_change_is_refused(desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Adeyemi")
    first, second = pupils.get(desk, pid), pupils.get(desk, pid)  # two forms open
    pupils.update(desk, pid, replace(pupils.fields_of(first), form="7C"),
                  opened_version=first.version)
    with pytest.raises(Conflict, match=r"changed this pupil's details at .* after you opened it"):
        pupils.update(desk, pid, replace(pupils.fields_of(second), legal_surname="Adams"),
                      opened_version=second.version)
    now = pupils.get(desk, pid)
    assert (now.legal_surname, now.row.form) == ("Adeyemi", "7C")
    pupils.update(desk, pid, replace(pupils.fields_of(now), legal_surname="Adams"),
                  opened_version=now.version)  # reopened: saved
    assert pupils.get(desk, pid).legal_surname == "Adams"


def test_any_change_to_a_pupil_moves_the_version_on(desk: Desk) -> None:
    pid = add_pupil(desk)
    opened = pupils.get(desk, pid)
    records_log.set_photo(desk, pid, photo_png())  # not through the details form
    with pytest.raises(Conflict):
        pupils.update(desk, pid, pupils.fields_of(opened), opened_version=opened.version)


def test_a_passport_saved_over_a_newer_version_is_refused(desk: Desk) -> None:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like trains"), opened_version=0)
    with pytest.raises(Conflict, match=r"changed this passport at .* after you opened it"):
        passports.save(desk, pid, PassportContent(about_me="I like maps"), opened_version=0)
    (latest, *_rest) = passports.versions(desk, pid)
    assert latest.content.about_me == "I like trains"
    passports.save(desk, pid, PassportContent(about_me="I like maps"), opened_version=1)


def test_0005_gives_existing_pupils_version_1_and_keeps_their_records(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", keyslots.new_database_key()
    raw_connect(path, key).close()
    old = Database(path, key, engine_for(path, key))
    migrations.upgrade(old, fresh=True, target="0002")
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO pupil (upn, legal_surname, legal_forename, preferred_surname, "
            "preferred_forename, dob, year_group, form, gender) VALUES "
            "('B801200005001', 'Okafor', 'Ada', '', '', '2014-03-01', 7, '7B', '')"))
        connection.execute(text("INSERT INTO statusperiod (pupil_id, status, starts_on) "
                                "VALUES (1, 'K', '2025-09-01')"))
    old.close()
    database = open_database(path, key)
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT version FROM pupil")).scalar_one() == 1
            assert connection.execute(text("SELECT count(*) FROM statusperiod")).scalar_one() \
                == 1
    finally:
        database.close()
