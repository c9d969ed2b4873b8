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
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.permissions import GRANTS, Permission
from sencodesk.services import accounts, audit, groups, pupils, server_mode
from sencodesk.services.context import Desk
from sencodesk.store.backends import postgres_policies
from sencodesk.store.backends.postgres_keys import role_name
from sencodesk.store.backends.postgres_policies import NOT_PUPIL_DATA, RULES, pupil_of

PASSWORD = "long enough pass"

#: who did what to whom (the audit trail), not what is known about a pupil
_NOT_NARROWED = {name for name, rule in RULES.items() if not rule.narrowed}


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
    for name in about_pupils - set(NOT_PUPIL_DATA) - _NOT_NARROWED:
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


def test_rows_saying_who_wrote_them_are_written_in_ones_own_name() -> None:
    by = {name: rule.by for name, rule in RULES.items() if rule.by}
    assert by == {"auditevent": "actor_id", "passportprint": "staff_id"}
    for name, column in by.items():
        table = SQLModel.metadata.tables[name]
        assert column in table.c
        insert, update = postgres_policies.table_policies(table, RULES[name])[-3:-1]
        mine = f"{name}.{column} = (SELECT sencodesk_staff_id())"
        assert mine in insert.partition("WITH CHECK")[2], name
        assert mine in update.partition("WITH CHECK")[2], name


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
                  if pupil_of(table, name) is not None
                  and name not in set(NOT_PUPIL_DATA) | _NOT_NARROWED)


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


# The audit trail and passport prints: read by those who may, written in one's own name

def _staff_id(school: School, username: str) -> int:
    with school.owner() as owner:
        return _count(owner, "SELECT id FROM staffmember WHERE username = %s", username)


def _entry(actor: str, name: str = "sencodesk_staff_name()") -> str:
    """An audit entry after the chain's head, by ``actor`` under ``name`` (SQL)."""
    return ("INSERT INTO auditevent (id, at, actor_id, actor, action, entity, summary, "
            f"changes_json, prev_hash, hash) SELECT id + 1, '', {actor}, {name}, "
            "'create', 'pupil', 'Pat', '{}', hash, '' FROM sencodesk_audit_head()")


def _trail_readers() -> set[Role]:
    return {r for r in Role if GRANTS[r] & {Permission.READ_AUDIT, Permission.VERIFY_AUDIT}}


def test_only_those_who_read_or_verify_the_trail_read_it(school: School) -> None:
    assert _trail_readers() == {Role.SENCO, Role.HEAD, Role.ADMIN}
    with school.owner() as owner:
        entries = _count(owner, "SELECT count(*) FROM auditevent")
        newest = owner.execute("SELECT id, hash FROM auditevent ORDER BY id DESC LIMIT 1")\
            .fetchone()
    for role in Role:
        with school.login(role) as staff:
            readable = entries if role in _trail_readers() else 0
            assert _count(staff, "SELECT count(*) FROM auditevent") == readable, role
            # the chain's head, and nothing else of it, for everyone who appends
            assert staff.execute("SELECT * FROM sencodesk_audit_head()").fetchall() \
                == [newest], role


def test_the_chain_head_is_for_staff_alone(school: School) -> None:
    with school.owner() as owner:  # another login on the server, not one of the staff,
        owner.execute(f"CREATE ROLE stranger LOGIN PASSWORD '{PASSWORD}'".encode())
        # let in past the first gate (only the school's own logins may connect)
        owner.execute(f'GRANT CONNECT ON DATABASE "{school.database}" TO stranger'.encode())
    try:
        with psycopg.connect(host="127.0.0.1", port=school.cluster.port,
                             dbname=school.database, user="stranger", password=PASSWORD,
                             autocommit=True) as stranger, \
                pytest.raises(psycopg.errors.InsufficientPrivilege):
            stranger.execute("SELECT * FROM sencodesk_audit_head()")
    finally:
        with school.owner() as owner:
            owner.execute(f'REVOKE CONNECT ON DATABASE "{school.database}" FROM stranger'
                          .encode())
            owner.execute("DROP ROLE stranger")


@pytest.mark.parametrize("role", list(Role))
def test_no_one_appends_to_the_trail_in_anothers_name(school: School, role: Role) -> None:
    colleague = _staff_id(school, "teacheruser" if role is Role.SENCO else "senco")
    with school.login(role) as staff:
        assert _refused(staff, _entry("%s"), colleague)
        assert _refused(staff, _entry("NULL"))  # nor in no one's ("sencodesk")
        # nor under one's own id with a colleague's name beside it
        assert _refused(staff, _entry("sencodesk_staff_id()", "'Someone Else'"))
        assert staff.execute(_entry("sencodesk_staff_id()").encode()).rowcount == 1
    with school.owner() as owner:
        assert _count(owner, "SELECT count(*) FROM auditevent WHERE summary = 'Pat'") == 1


def test_a_teacher_notes_passport_prints_in_their_own_name_only(school: School) -> None:
    senco, teacher_id = _staff_id(school, "senco"), _staff_id(school, "teacheruser")
    printed = ("INSERT INTO passportprint (pupil_id, staff_id, version, content_sha256, "
               "printed_at) VALUES (%s, {by}, 1, '', now())")
    with school.login(Role.TEACHER) as teacher:
        assert _refused(teacher, printed.format(by="%s"), school.mine, senco)
        assert _refused(teacher, printed.format(by="NULL"), school.mine)
        teacher.execute(printed.format(by="sencodesk_staff_id()").encode(), (school.mine,))
    with school.login(Role.HEAD) as head:  # who makes each teacher's pack of passports
        head.execute(printed.format(by="%s").encode(), (school.mine, teacher_id))
    with school.owner() as owner:
        assert _count(owner, "SELECT count(*) FROM passportprint WHERE staff_id = %s",
                      senco) == 0
        assert _count(owner, "SELECT count(*) FROM passportprint WHERE staff_id = %s",
                      teacher_id) == 2


def test_audit_verify_works_for_the_roles_that_may_on_the_server(
        school: School, demo_desk: Desk) -> None:
    for role in Role:
        desk = accounts.sign_in(demo_desk.data_dir, "senco" if role is Role.SENCO
                                else f"{role.value}user",
                                SENCO_PASSWORD if role is Role.SENCO else PASSWORD)
        try:
            if Permission.VERIFY_AUDIT in GRANTS[role]:
                assert audit.verify(desk) == [], role
            else:
                with pytest.raises(PermissionDenied):
                    audit.verify(desk)
        finally:
            desk.close()
    with school.owner() as owner:  # each sign-in, verification and refusal was appended
        assert _count(owner, "SELECT count(*) FROM auditevent WHERE action = 'login'") >= 4
        assert _count(owner, "SELECT count(*) FROM auditevent WHERE action = 'refused' "
                      "AND actor_id = %s", _staff_id(school, "teacheruser")) == 1
    assert audit.verify(demo_desk) == []
