"""Roles enforced by the server itself: each member of staff signs in to PostgreSQL as their own
login, and row-level security made from the services' permission table refuses in raw SQL
what the services refuse (a Teacher's pupils outside their groups, an Administrator's pupil
records, a Head's writes, anyone's change to the audit trail)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest
from factories import PASSWORD as SENCO_PASSWORD
from factories import TODAY
from pg_cluster import Cluster
from sqlmodel import SQLModel

import sencodesk.store.tables  # noqa: F401 - registers every table
from sencodesk.domain.codes import Role
from sencodesk.domain.permissions import GRANTS, Permission
from sencodesk.services import accounts, groups, pupils, server_mode
from sencodesk.services.context import Desk
from sencodesk.store.backends import postgres_policies
from sencodesk.store.backends.postgres_keys import role_name
from sencodesk.store.backends.postgres_policies import NOT_PUPIL_DATA, RULES, pupil_of

PASSWORD = "long enough pass"


def test_every_table_has_a_policy_or_is_named_as_not_pupil_data() -> None:
    tables = set(SQLModel.metadata.tables)
    assert tables - set(RULES) - set(NOT_PUPIL_DATA) == set()
    assert set(RULES) - tables == set()  # no rule for a table that is gone


def test_every_table_about_a_pupil_is_narrowed_to_the_pupils_in_view() -> None:
    about_pupils = {name for name, table in SQLModel.metadata.tables.items()
                    if pupil_of(table, name) is not None}
    assert {"pupil", "passportversion", "cycleoutcome", "outcomeprovisionlink",
            "annualreview", "annualreviewreport", "ehcpadvice", "document",
            "passportprint"} <= about_pupils
    for name in about_pupils - set(NOT_PUPIL_DATA):
        policies = " ".join(postgres_policies.table_policies(SQLModel.metadata.tables[name],
                                                             RULES[name]))
        # reading, inserting, updating (the rows it reaches and what they become), deleting
        assert policies.count("sencodesk_pupils_in_view()") == 5, name


def test_the_policies_name_the_roles_of_the_services_permission_table() -> None:
    table = SQLModel.metadata.tables["ehcplan"]
    read, *writes = postgres_policies.table_policies(table, RULES["ehcplan"])[-4:]
    readers = [r.value for r in Role if Permission.READ_EHCP in GRANTS[r]]
    assert sorted(readers) == ["head", "senco"]
    assert "ARRAY['head', 'senco']" in read
    assert all("ARRAY['senco']" in w for w in writes)  # EDIT_EHCP: the SENCO's alone


# The school on the server, and a raw connection as each role's own login (psql's access)

@pytest.fixture
def backend() -> str:
    return "postgresql"


@dataclass
class School:
    cluster: Cluster
    database: str
    mine: int
    other: int

    def login(self, role: Role) -> psycopg.Connection[tuple[object, ...]]:
        user = "senco" if role is Role.SENCO else f"{role.value}user"
        return psycopg.connect(host="127.0.0.1", port=self.cluster.port, dbname=self.database,
                               user=role_name(self.database, user), autocommit=True,
                               password=SENCO_PASSWORD if role is Role.SENCO else PASSWORD)

    def owner(self) -> psycopg.Connection[tuple[object, ...]]:
        return self.cluster.connect(self.database)


@pytest.fixture
def school(demo_desk: Desk, pg_cluster: Cluster) -> Iterator[School]:
    """The demo school on the server, with a Teacher teaching one pupil, a Head and an
    Administrator (each their own login)."""
    for role in (Role.TEACHER, Role.HEAD, Role.ADMIN):
        accounts.add_account(demo_desk, full_name=f"Pat {role.value}",
                             username=f"{role.value}user", role=role, password=PASSWORD)
    first, second = (p.id for p in pupils.list_pupils(demo_desk)[:2])
    teacher = groups.staff_id_for(demo_desk, "teacheruser")
    group = groups.create_group(demo_desk, groups.GroupFields("RLS/1", "Maths", (teacher,)))
    groups.add_pupils(demo_desk, group, [first], starts_on=date(2026, 9, 1))
    database = demo_desk.db.engine.url.database
    assert database is not None
    yield School(pg_cluster, database, first, second)


def _count(connection: psycopg.Connection[tuple[object, ...]], sql: str,
           *args: object) -> int:
    row = connection.execute(sql.encode(), args).fetchone()
    assert row is not None
    return int(str(row[0]))


def _refused(connection: psycopg.Connection[tuple[object, ...]], sql: str,
             *args: object) -> bool:
    """Whether a write changed nothing: refused with an error, or matched no row."""
    try:
        return connection.execute(sql.encode(), args).rowcount == 0
    except psycopg.errors.InsufficientPrivilege:
        return True


def _changes_nothing(connection: psycopg.Connection[tuple[object, ...]],
                     tables: list[str]) -> list[str]:
    """The ``tables`` where an update or delete of every row changed something."""
    changed = []
    for table in tables:
        column = next(iter(SQLModel.metadata.tables[table].c)).name
        if not (_refused(connection, f"UPDATE {table} SET {column} = {column}")
                and _refused(connection, f"DELETE FROM {table}")):
            changed.append(table)
    return changed


def _about_pupils() -> list[str]:
    return sorted(name for name, table in SQLModel.metadata.tables.items()
                  if pupil_of(table, name) is not None and name not in NOT_PUPIL_DATA)


def test_the_demo_school_has_rows_in_the_tables_tried(school: School) -> None:
    with school.owner() as owner:
        for table in ("pupil", "statusperiod", "needperiod", "passportversion",
                      "contactlogentry", "ehcprequest", "ehcplan", "apdrcycle",
                      "pupilcontext", "attendanceterm", "groupmember"):
            assert _count(owner, f"SELECT count(*) FROM {table}") > 0, table


def test_a_teacher_reads_only_their_pupils_and_writes_nothing_of_others(
        school: School) -> None:
    with school.login(Role.TEACHER) as teacher:
        assert teacher.execute("SELECT id FROM pupil").fetchall() == [(school.mine,)]
        assert _count(teacher, "SELECT count(*) FROM pupil WHERE id = %s", school.other) == 0
        for table in ("passportversion", "statusperiod", "needperiod", "contactlogentry",
                      "apdrcycle", "parentcarer"):
            assert _count(teacher, f"SELECT count(*) FROM {table} WHERE pupil_id = %s",
                          school.other) == 0, table
        assert _count(teacher, "SELECT count(*) FROM passportversion") > 0  # their pupil's
        assert _count(teacher, "SELECT sencodesk_may_read_pupil(%s)::int", school.mine) == 1
        assert _count(teacher, "SELECT sencodesk_may_read_pupil(%s)::int", school.other) == 0
        # documents, EHCP, the pupil's context and plan outcomes: not even their own pupil's
        for table in ("document", "ehcprequest", "ehcplan", "annualreview", "pupilcontext",
                      "attendanceterm", "exclusion", "parttimetimetable", "assessmentscore",
                      "cycleoutcome", "outcomeprovisionlink", "provisionmeasure"):
            assert _count(teacher, f"SELECT count(*) FROM {table}") == 0, table
        assert _refused(teacher, "INSERT INTO pupil (upn, legal_surname, legal_forename, "
                        "dob, year_group) VALUES ('A801200000001', 'New', 'Pupil', "
                        "'2014-01-01', 7)")
        for pupil in (school.mine, school.other):
            assert _refused(teacher, "UPDATE pupil SET legal_surname = 'X' WHERE id = %s",
                            pupil)
            assert _refused(teacher, "DELETE FROM pupil WHERE id = %s", pupil)
            assert _refused(teacher, "UPDATE passportversion SET about_me = 'X' "
                            "WHERE pupil_id = %s", pupil)
        note = ("INSERT INTO contactlogentry (pupil_id, occurred_on, kind, summary, "
                "author_id, for_teachers, with_whom, actions, is_parent_meeting) "
                "VALUES (%s, '2026-11-20', 'observation', 'Seen', sencodesk_staff_id(), "
                "false, '', '', false)")
        assert _refused(teacher, note, school.other)
        teacher.execute(note.encode(), (school.mine,))  # what the services let them do
        assert _refused(teacher, "UPDATE contactlogentry SET summary = 'X'")
        assert _changes_nothing(teacher, sorted(RULES)) == []  # nor any other table
        assert _refused(teacher, "INSERT INTO pupilshare (pupil_id, staff_id, ends_on) "
                        "VALUES (%s, sencodesk_staff_id(), '2027-01-01')", school.other)
    with school.owner() as owner:
        assert _count(owner, "SELECT count(*) FROM pupil WHERE legal_surname = 'X'") == 0


def test_a_teachers_view_follows_the_school_day(school: School) -> None:
    with school.owner() as owner:
        owner.execute("UPDATE groupmember SET ends_on = %s", (TODAY,))
    with school.login(Role.TEACHER) as teacher:
        assert _count(teacher, "SELECT count(*) FROM pupil") == 1  # their last day
    with school.owner() as owner:
        owner.execute("UPDATE groupmember SET ends_on = %s", (date(2026, 11, 21),))
    with school.login(Role.TEACHER) as teacher:
        assert _count(teacher, "SELECT count(*) FROM pupil") == 0


def test_an_administrator_reads_no_pupil_records(school: School) -> None:
    with school.login(Role.ADMIN) as admin:
        for table in _about_pupils():
            assert _count(admin, f"SELECT count(*) FROM {table}") == 0, table
        assert _count(admin, "SELECT sencodesk_may_read_pupil(%s)::int", school.mine) == 0
        assert _count(admin, "SELECT count(*) FROM school") == 1  # what they may read
        assert _count(admin, "SELECT count(*) FROM staffmember") > 0
        # they run accounts: every other table is beyond them
        assert _changes_nothing(admin, sorted(set(RULES) - {"staffmember"})) == []


def test_a_head_reads_every_pupil_and_changes_nothing(school: School) -> None:
    with school.owner() as owner:
        on_roll = _count(owner, "SELECT count(*) FROM pupil")
    with school.login(Role.HEAD) as head:
        assert _count(head, "SELECT count(*) FROM pupil") == on_roll
        assert _count(head, "SELECT count(*) FROM ehcplan") > 0
        assert _changes_nothing(head, sorted(RULES)) == []
        assert _refused(head, "INSERT INTO passportversion (pupil_id, version, written_on, "
                        "review_on, about_me, important_to_me, find_difficult, support_me, "
                        "help_myself, current_provision, key_information, saved_at) "
                        "VALUES (%s, 99, '2026-11-22', '2027-01-01', '', '', '', '', '', "
                        "'', '', now())", school.mine)
    with school.owner() as owner:
        assert _count(owner, "SELECT count(*) FROM pupil") == on_roll


@pytest.mark.parametrize("role", list(Role))
def test_no_one_changes_or_deletes_the_audit_trail(school: School, role: Role) -> None:
    with school.login(role) as staff:
        for statement in ("UPDATE auditevent SET summary = 'nothing happened'",
                          "DELETE FROM auditevent", "TRUNCATE auditevent"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                staff.execute(statement.encode())


def test_the_senco_reads_and_writes_the_whole_school(school: School) -> None:
    with school.owner() as owner:
        on_roll = _count(owner, "SELECT count(*) FROM pupil")
    with school.login(Role.SENCO) as senco:
        assert _count(senco, "SELECT count(*) FROM pupil") == on_roll
        assert not _refused(senco, "UPDATE pupil SET form = form WHERE id = %s", school.other)


def test_server_upgrade_makes_the_policies_again_from_the_permission_table(
        school: School, tmp_path: Path) -> None:
    with school.owner() as owner:  # an older server, or one a technician loosened by hand
        owner.execute("DROP POLICY sencodesk_read ON pupil")
        owner.execute("CREATE POLICY sencodesk_read ON pupil FOR SELECT USING (true)")
    with school.login(Role.ADMIN) as admin:
        assert _count(admin, "SELECT count(*) FROM pupil") > 0
    server_mode.upgrade_server(school.cluster.url(school.database), tmp_path / "it")
    with school.login(Role.ADMIN) as admin:
        assert _count(admin, "SELECT count(*) FROM pupil") == 0


def test_a_table_with_no_rule_is_closed_to_staff(school: School, tmp_path: Path) -> None:
    with school.owner() as owner:
        owner.execute("CREATE TABLE scratch (id integer PRIMARY KEY)")
        owner.execute("INSERT INTO scratch VALUES (1)")
    server_mode.upgrade_server(school.cluster.url(school.database), tmp_path / "it")
    for role in Role:
        with school.login(role) as staff:
            assert _count(staff, "SELECT count(*) FROM scratch") == 0, role
            assert _refused(staff, "INSERT INTO scratch VALUES (2)"), role
