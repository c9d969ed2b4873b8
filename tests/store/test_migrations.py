"""Schema migrations: from the first revision to head, with a backup first; newer refused."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from factories import PASSWORD
from sqlalchemy import text
from sqlmodel import SQLModel

from sencodesk.domain.errors import StoreError
from sencodesk.services import accounts, cycles, passports, pupils
from sencodesk.store import keyslots, migrations
from sencodesk.store.case_file import open_database
from sencodesk.store.database import Database, engine_for, raw_connect

FIRST = "0001"


def _database_at(path: Path, key: bytes, revision: str) -> None:
    raw_connect(path, key).close()
    database = Database(path, key, engine_for(path, key))
    migrations.upgrade(database, fresh=True, target=revision)
    database.close()


RELEASED = Path(__file__).resolve().parent / "released"


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_a_case_file_saved_by_a_released_schema_upgrades_keeping_its_data(
    tmp_path: Path, revision: str,
) -> None:
    """The files under tests/store/released were made by the code of that release."""
    data_dir = tmp_path / "data"
    shutil.copytree(RELEASED / revision, data_dir)
    key = keyslots.unlock(data_dir / "keyslots.json", "senco", PASSWORD)
    saved = Database(data_dir / "sencodesk.db", key, engine_for(data_dir / "sencodesk.db", key))
    assert migrations.current_revision(saved) == revision
    saved.close()
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert migrations.current_revision(desk.db) == migrations.head_revision()
        (row,) = pupils.list_pupils(desk)
        assert (row.upn, row.surname, row.forename, row.gender) == (
            "B801200005001", "Łukasiewicz", "Zoë", "F")  # "Female" became F in 0002
        (cycle,) = cycles.cycles_for(desk, row.id)
        assert [o.description for o in cycle.outcomes] == ["Read 150 words"]
        assert passports.versions(desk, row.id)[0].content.about_me == "I like trains"
    finally:
        desk.close()
    assert list((data_dir / "backups").glob("pre-migration-*.db"))


def test_every_revision_is_reachable_from_the_first() -> None:
    """One line of revisions from the head down to the first, holding every script."""
    script = ScriptDirectory.from_config(migrations._config())
    assert len(script.get_heads()) == 1 and len(script.get_bases()) == 1
    chain = [rev.revision for rev in script.iterate_revisions("heads", "base")]
    assert chain[-1] == FIRST
    assert set(chain) == migrations.known_revisions()


def test_the_models_match_the_migrations(tmp_path: Path) -> None:
    """A model changed without a migration (or the other way round) shows up here."""
    path, key = tmp_path / "head.db", keyslots.new_database_key()
    _database_at(path, key, "head")
    database = Database(path, key, engine_for(path, key))
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            drift = compare_metadata(context, SQLModel.metadata)
    finally:
        database.close()
    assert drift == []


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
