"""Schema migrations: from the first revision to head, with a backup first; newer refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from sencodesk.domain.errors import StoreError
from sencodesk.store import keyslots, migrations
from sencodesk.store.case_file import open_database
from sencodesk.store.database import Database, engine_for, raw_connect

FIRST = "0001"


def _database_at(path: Path, key: bytes, revision: str) -> None:
    raw_connect(path, key).close()
    database = Database(path, key, engine_for(path, key))
    migrations.upgrade(database, fresh=True, target=revision)
    database.close()


def test_a_database_made_by_the_first_migration_upgrades_keeping_its_data(
    tmp_path: Path,
) -> None:
    path, key = tmp_path / "old.db", keyslots.new_database_key()
    _database_at(path, key, FIRST)
    old = Database(path, key, engine_for(path, key))
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO pupil (upn, legal_surname, legal_forename, preferred_surname, "
            "preferred_forename, dob, year_group, form, gender) VALUES "
            "('B801200005001', 'O''Brien', 'Zoë', '', '', :dob, 7, '7B', '')"),
            {"dob": date(2014, 3, 1)})
    old.close()
    database = open_database(path, key)
    assert migrations.current_revision(database) == migrations.head_revision()
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT legal_surname FROM pupil")).scalar_one() \
            == "O'Brien"
    database.close()
    if migrations.head_revision() != FIRST:
        assert list((tmp_path / "backups").glob("pre-migration-*.db"))


def test_every_revision_is_reachable_from_the_first() -> None:
    assert FIRST in migrations.known_revisions()
    assert migrations.head_revision() in migrations.known_revisions()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path, key = tmp_path / "new.db", keyslots.new_database_key()
    _database_at(path, key, "head")
    newer = Database(path, key, engine_for(path, key))
    with newer.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    newer.close()
    with pytest.raises(StoreError, match="newer version"):
        open_database(path, key)


def test_0002_turns_the_sexes_typed_into_census_codes(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", keyslots.new_database_key()
    _database_at(path, key, FIRST)
    old = Database(path, key, engine_for(path, key))
    typed = {"B801200005001": "Male", "B801200005002": " girl ", "B801200005003": "Not known",
             "B801200005004": "X"}
    with old.engine.begin() as connection:
        for upn, gender in typed.items():
            connection.execute(text(
                "INSERT INTO pupil (upn, legal_surname, legal_forename, preferred_surname, "
                "preferred_forename, dob, year_group, form, gender) VALUES "
                "(:upn, 'Smith', 'Sam', '', '', :dob, 7, '7B', :gender)"),
                {"upn": upn, "dob": date(2014, 3, 1), "gender": gender})
    old.close()
    database = open_database(path, key)
    with database.engine.connect() as connection:
        stored = {upn: gender for upn, gender in
                  connection.execute(text("SELECT upn, gender FROM pupil"))}
    database.close()
    assert stored == {"B801200005001": "M", "B801200005002": "F", "B801200005003": "",
                      "B801200005004": "X"}  # left for the SENCO to correct


def test_0004_adds_links_contacts_and_destinations_with_safe_defaults(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", keyslots.new_database_key()
    _database_at(path, key, "0002")
    old = Database(path, key, engine_for(path, key))
    with old.engine.begin() as connection:
        connection.execute(text("INSERT INTO school (name, urn, local_authority, phase, "
                                "notional_sen_budget_pence, autolock_minutes, lead_times_json) "
                                "VALUES ('Old School', '', '', 'secondary', 0, 10, '{}')"))
        connection.execute(text(
            "INSERT INTO pupil (upn, legal_surname, legal_forename, preferred_surname, "
            "preferred_forename, dob, year_group, form, gender, left_on) VALUES "
            "('B801200005001', 'Smith', 'Sam', '', '', :dob, 7, '7B', 'M', :left)"),
            {"dob": date(2014, 3, 1), "left": date(2026, 7, 20)})
    old.close()
    database = open_database(path, key)
    with database.engine.connect() as connection:
        school = connection.execute(text(
            "SELECT senco_contact, passport_parent_contact FROM school")).one()
        pupil = connection.execute(text("SELECT destination, file_sent_on FROM pupil")).one()
        links = connection.execute(text("SELECT count(*) FROM outcomeprovisionlink")).scalar()
    database.close()
    # no parent phone numbers on passports until a school chooses; nobody listed as sent
    assert tuple(school) == ("", "none")
    assert tuple(pupil) == ("", None) and links == 0
