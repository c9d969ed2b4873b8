"""Every migration runs on PostgreSQL too, and leaves the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from sencodesk.store import keyslots, layout, migrations, server
from sencodesk.store.backends.postgres import engine_for_url
from sencodesk.store.database import Database


def test_every_migration_runs_on_postgresql_and_matches_the_models(
        pg_url: str, tmp_path: Path) -> None:
    database = server.open_database(pg_url, keyslots.new_database_key(), tmp_path, create=True)
    try:
        assert migrations.current_revision(database) == migrations.head_revision()
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            drift = compare_metadata(context, SQLModel.metadata)
        assert drift == []
    finally:
        database.close()


def test_the_migrations_go_down_and_up_again_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    database = server.open_database(pg_url, keyslots.new_database_key(), tmp_path, create=True)
    try:
        with database.engine.begin() as connection:
            command.downgrade(migrations._config(connection), "base")
        with database.engine.connect() as connection:
            assert inspect(connection).get_table_names() == ["alembic_version"]
        migrations.upgrade(database, fresh=True)
        assert migrations.current_revision(database) == migrations.head_revision()
    finally:
        database.close()


def test_the_data_migrations_keep_their_meaning_on_postgresql(
        pg_url: str, tmp_path: Path) -> None:
    """0002 (census sex codes) and 0007 (one next cycle) rewrite rows with SQL of their own."""
    database = Database(layout.server_path(tmp_path), keyslots.new_database_key(),
                        engine_for_url(pg_url))
    try:
        migrations.upgrade(database, fresh=True, target="0001")
        with database.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO pupil (id, upn, legal_surname, legal_forename, preferred_surname, "
                "preferred_forename, dob, year_group, form, gender) VALUES "
                "(1, 'B801200005001', 'Ng', 'Ada', '', '', '2015-01-02', 6, '6A', ' Female'), "
                "(2, 'B801200005002', 'Ng', 'Bo', '', '', '2015-01-02', 6, '6A', 'Other')"))
            connection.execute(text(
                "INSERT INTO apdrcycle (id, pupil_id, previous_id, status, starts_on, review_on,"
                " assess_notes, areas_of_need, next_steps, pupil_voice, parent_voice, attendees)"
                " SELECT n, 1, CASE WHEN n = 1 THEN NULL ELSE 1 END, 'planned', '2026-09-01',"
                " '2026-12-01', '', '', '', '', '', '' FROM generate_series(1, 3) AS n"))
        migrations.upgrade(database)
        with database.engine.connect() as connection:
            sexes = connection.execute(text("SELECT gender FROM pupil ORDER BY id")).scalars()
            assert list(sexes) == ["F", "Other"]
            previous = connection.execute(
                text("SELECT previous_id FROM apdrcycle ORDER BY id")).scalars()
            assert list(previous) == [None, 1, None]
    finally:
        database.close()
