"""Two desks on one case file editing the same record: the second save, from a form opened
before the first was saved, is refused naming who changed it and when; nothing either wrote
is lost, and the audit chain stays whole (issue 19.4, migration 0015)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from factories import add_pupil, second_senco, with_reviewed_plan
from sqlalchemy import text

from sencodesk.domain.codes import Progress
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import StaleEdit
from sencodesk.domain.info_report import KEYS
from sencodesk.services import (
    audit,
    cycles,
    ehcp,
    groups,
    info_report,
    interventions,
    school,
)
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, migrations
from sencodesk.store.case_file import open_database
from sencodesk.store.database import Database, engine_for, raw_connect


@pytest.fixture
def alex(desk: Desk) -> Iterator[Desk]:
    """A second SENCO, Alex Smith, signed in on the same case file at another desk."""
    other = second_senco(desk)
    yield other
    other.close()


def refused_by_alex(save: Callable[[], object], what: str) -> StaleEdit:
    with pytest.raises(StaleEdit) as refused:
        save()
    message = str(refused.value)
    today = uk(datetime.now().date())
    assert re.search(rf"^Alex Smith changed this {what} at \d\d:\d\d on {today} after you "
                     "opened it, so your changes were not saved", message), message
    assert (refused.value.changed_by, refused.value.what) == ("Alex Smith", what)
    return refused.value


def chain_whole(desk: Desk) -> None:
    assert audit.verify(desk) == []


def test_a_support_plan_saved_over_a_newer_change_is_refused(desk: Desk, alex: Desk) -> None:
    pid = add_pupil(desk)
    cycle_id = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 12, 7),
        outcomes=(cycles.OutcomeInput("Read a page aloud"),)))
    mine, = cycles.cycles_for(desk, pid)
    theirs, = cycles.cycles_for(alex, pid)  # both forms open on version 1
    assert mine.version == theirs.version == 1

    def plan(words: str) -> cycles.CyclePlan:
        return cycles.CyclePlan(starts_on=mine.starts_on, review_on=mine.review_on,
                                assess_notes=words,
                                outcomes=(cycles.OutcomeInput("Read a page aloud"),))

    cycles.update_plan(alex, cycle_id, plan("Alex's assessment"), opened_version=theirs.version)
    refused_by_alex(lambda: cycles.update_plan(desk, cycle_id, plan("Sam's assessment"),
                                               opened_version=mine.version), "support plan")
    now, = cycles.cycles_for(desk, pid)
    assert (now.assess_notes, now.version) == ("Alex's assessment", 2)
    cycles.update_plan(desk, cycle_id, plan("Sam's assessment"), opened_version=now.version)
    assert cycles.cycles_for(desk, pid)[0].assess_notes == "Sam's assessment"
    chain_whole(desk)


def test_a_review_recorded_over_a_newer_change_is_refused(desk: Desk, alex: Desk) -> None:
    pid = add_pupil(desk)
    cycle_id = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 16),
        outcomes=(cycles.OutcomeInput("Read a page aloud"),)))
    cycles.activate(desk, cycle_id)
    opened = cycles.cycles_for(desk, pid)[0].version
    cycles.update_plan(alex, cycle_id, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 20),
        outcomes=(cycles.OutcomeInput("Read a page aloud"),)))  # a command: no form version
    refused_by_alex(lambda: cycles.record_review(desk, cycle_id, cycles.ReviewInput(
        reviewed_on=date(2026, 11, 20), progress={1: Progress.MET}),
        opened_version=opened), "support plan")
    assert cycles.cycles_for(desk, pid)[0].reviewed_on is None
    chain_whole(desk)


def test_ehcp_records_saved_over_newer_changes_are_refused(desk: Desk, alex: Desk) -> None:
    pid = add_pupil(desk)
    request_id = ehcp.open_request(desk, pid, received_on=date(2026, 9, 1))
    opened = ehcp.requests_for(desk, [pid])[pid][0].version
    ehcp.mark_done(alex, request_id, "decide_assess", date(2026, 10, 1),
                   opened_version=ehcp.requests_for(alex, [pid])[pid][0].version)
    refused_by_alex(lambda: ehcp.mark_done(desk, request_id, "decide_assess",
                                           date(2026, 10, 5), opened_version=opened),
                    "EHC needs assessment request")
    assert ehcp.requests_for(desk, [pid])[pid][0].done["decide_assess"] == date(2026, 10, 1)

    plan_id = ehcp.add_plan(desk, pid, issued_on=date(2025, 3, 1))
    opened = ehcp.plans_for(desk, [pid])[pid][0].version
    ehcp.set_destination(alex, plan_id, "school", opened_version=opened)
    refused_by_alex(lambda: ehcp.set_destination(desk, plan_id, "post-16",
                                                 opened_version=opened), "EHC plan")

    review_id = ehcp.record_review(desk, plan_id, ehcp.ReviewFields(meeting_on=date(2026, 3, 1)))
    opened = ehcp.plans_for(desk, [pid])[pid][0].reviews[0].version
    ehcp.record_review(alex, plan_id, ehcp.ReviewFields(meeting_on=date(2026, 3, 1),
                                                        notes="Alex's notes"),
                       review_id, opened_version=opened)
    refused_by_alex(lambda: ehcp.record_review(
        desk, plan_id, ehcp.ReviewFields(meeting_on=date(2026, 3, 1), notes="Sam's notes"),
        review_id, opened_version=opened), "annual review")
    assert ehcp.plans_for(desk, [pid])[pid][0].reviews[0].notes == "Alex's notes"
    chain_whole(desk)


def test_settings_catalogue_groups_and_report_sections_are_checked(desk: Desk,
                                                                    alex: Desk) -> None:
    info = school.get(desk)
    school.update(alex, replace(school.get(alex), senco_contact="Room 4"),
                  opened_version=info.version)
    refused_by_alex(lambda: school.update(desk, replace(info, address="1 Oak Lane"),
                                          opened_version=info.version), "school's settings")
    assert (school.get(desk).senco_contact, school.get(desk).address) == ("Room 4", "")

    item_id = interventions.add(desk, interventions.InterventionFields("Lexia"))
    item, = interventions.catalogue(desk)
    interventions.update(alex, item_id, interventions.InterventionFields("Lexia Core5"),
                         opened_version=item.version)
    refused_by_alex(lambda: interventions.update(desk, item_id, interventions.InterventionFields(
        "Lexia reading"), opened_version=item.version), "intervention")

    group_id = groups.create_group(desk, groups.GroupFields("7B/En1", "English"))
    group, = groups.list_groups(desk)
    groups.update_group(alex, group_id, groups.GroupFields("7B/En1", "English language"),
                        opened_version=group.version)
    refused_by_alex(lambda: groups.update_group(desk, group_id, groups.GroupFields(
        "7B/En2", "English"), opened_version=group.version), "teaching group")

    key = sorted(KEYS)[0]
    assert info_report.versions_of(desk).get(key, 0) == 0  # never written: both open 0
    info_report.set_text(alex, key, "Alex's words", opened_version=0)
    refused_by_alex(lambda: info_report.set_text(desk, key, "Sam's words", opened_version=0),
                    "section of the information report")
    assert info_report.texts(desk)[key] == "Alex's words"
    chain_whole(desk)


def test_starting_a_plan_moves_its_version_on(desk: Desk, alex: Desk) -> None:
    pid = with_reviewed_plan(desk, "Ada")
    draft = next(c for c in cycles.cycles_for(desk, pid) if c.status.value == "draft")
    cycles.activate(alex, draft.id)  # not through the plan form: still a newer change
    refused_by_alex(lambda: cycles.update_plan(desk, draft.id, cycles.CyclePlan(
        starts_on=draft.starts_on, review_on=draft.review_on,
        outcomes=(cycles.OutcomeInput("Spell 100 words"),)), opened_version=draft.version),
        "support plan")


def test_0015_gives_existing_records_version_1(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", keyslots.new_database_key()
    raw_connect(path, key).close()
    old = Database(path, key, engine_for(path, key))
    migrations.upgrade(old, fresh=True, target="0008")
    with old.engine.begin() as connection:
        connection.execute(text("INSERT INTO intervention (name, description, wave, "
                                "staff_grade, hourly_cost_pence, active) VALUES "
                                "('Lexia', '', 2, '', 0, 1)"))
    old.close()
    database = open_database(path, key)
    try:
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT version FROM intervention")).scalar_one() == 1
    finally:
        database.close()


OTHER_DESK = """
import sys
from datetime import date
from pathlib import Path
from sencodesk.services import accounts, cycles
desk = accounts.sign_in(Path(sys.argv[1]), "alex", "long enough pass")
cycles.update_plan(desk, int(sys.argv[2]), cycles.CyclePlan(
    starts_on=date(2026, 9, 7), review_on=date(2026, 12, 7), assess_notes="From Alex's desk",
    outcomes=(cycles.OutcomeInput("Read a page aloud"),)))
desk.close()
"""


def test_a_save_over_another_process_s_change_is_refused(desk: Desk, alex: Desk) -> None:
    """The app and another process (a colleague's window) on the same case file."""
    pid = add_pupil(desk)
    cycle_id = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 12, 7),
        outcomes=(cycles.OutcomeInput("Read a page aloud"),)))
    opened, = cycles.cycles_for(desk, pid)
    subprocess.run([sys.executable, "-c", OTHER_DESK, str(desk.data_dir), str(cycle_id)],
                   check=True, timeout=120)
    refused_by_alex(lambda: cycles.update_plan(desk, cycle_id, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 12, 7), assess_notes="From mine",
        outcomes=(cycles.OutcomeInput("Read a page aloud"),)), opened_version=opened.version),
        "support plan")
    assert cycles.cycles_for(desk, pid)[0].assess_notes == "From Alex's desk"
    chain_whole(desk)


def test_0015_is_plain_sql_on_postgresql() -> None:
    """Server mode runs the same migrations: 0015 renders as ALTER TABLE on PostgreSQL, with
    no SQLite table rebuild."""
    import importlib.util
    import io

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    path = Path(migrations.__file__).parent / "versions" / "0015_edit_versions.py"
    spec = importlib.util.spec_from_file_location("m0015", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    context = MigrationContext.configure(dialect_name="postgresql",
                                         opts={"as_sql": True, "output_buffer": out})
    with Operations.context(context):
        module.upgrade()
    sql = out.getvalue()
    for table in module.TABLES:
        assert f"ALTER TABLE {table} ADD COLUMN version INTEGER DEFAULT '1' NOT NULL" in sql
    assert "_alembic_tmp" not in sql and "sqlite" not in sql.lower()
