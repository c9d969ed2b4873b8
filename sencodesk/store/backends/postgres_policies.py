"""Row-level security on a school's server: the services' permission table, in the database.

Every table gets its policies from :data:`RULES` (which permission reads it, which writes it),
rendered with the roles that :data:`sencodesk.domain.permissions.GRANTS` gives each permission,
so the table of who may do what is written once, in Python, and the server's policies are
made from it again after every upgrade. A table that holds something about a pupil (a
``pupil_id``, or a parent row that has one, followed through the foreign keys) is narrowed
further, for roles that do not read the whole school, to the pupils the login teaches today:
:func:`sencodesk.services.scope.pupils_taught` in SQL (``sencodesk_pupils_in_view``). A table
with no rule is closed to staff altogether (row-level security with no policy), so a table
added without one is refused rather than open. A row that says which member of staff wrote
it (the audit trail's actor, a passport print's printer) is written only in the login's own
name, unless the role may write for others (:attr:`Rule.by`).

The database knows who the login is from its key slot (``keyslot.role_name`` is the login
role, ``session_user``) and the account it opens (``staffmember``): the functions that say so
run as the schema's owner (SECURITY DEFINER, search_path pinned), so they read the accounts,
groups and shares whatever the login may see of them. The schema's owner (who runs
migrations, imports and exports) is not subject to these policies.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, MetaData, Table, text

from sencodesk.domain.codes import Role
from sencodesk.domain.permissions import GRANTS, PRINTS_FOR_OTHERS, WHOLE_SCHOOL, Permission

_P = Permission


@dataclass(frozen=True)
class Rule:
    """Who may reach a table's rows: ``read`` and ``insert`` (None: every member of staff)
    and ``change`` (update and delete; None: whoever may insert; empty: no one) are
    permissions, any of which will do; ``confidential`` names a column whose rows need
    READ_CONFIDENTIAL too; ``notes`` narrows a contact log as
    :func:`~sencodesk.domain.permissions.reads_note`; ``by`` names the column saying which
    member of staff wrote the row, which must be the login's own account unless their role
    holds one of ``for_others``, and ``by_name`` the column giving that account's name, which
    must be its name; ``narrowed`` (rows about a pupil: to the pupils in view)
    is False for a table that records who did what rather than what is known about a
    pupil."""

    read: tuple[Permission, ...] | None
    insert: tuple[Permission, ...] | None
    change: tuple[Permission, ...] | None = None
    confidential: str | None = None
    notes: bool = False
    by: str | None = None
    by_name: str | None = None
    for_others: tuple[Permission, ...] = ()
    narrowed: bool = True


_PUPIL = Rule((_P.READ_PUPILS,), (_P.EDIT_PUPILS,))
_SUPPORT = Rule((_P.READ_SUPPORT,), (_P.EDIT_SUPPORT,))
#: a plan's dates, areas of need and provision lines, which a Teacher reads for the provision
#: they deliver (services.plan_strategies picks those lines out; here they read every line:
#: which lines are theirs is domain.permissions.delivers matching free text against names,
#: titles and staff codes, and an SQL copy of it would be a second rule that drifts)
_STRATEGIES = Rule((_P.READ_SUPPORT, _P.READ_STRATEGIES), (_P.EDIT_SUPPORT,))
_EHCP = Rule((_P.READ_EHCP,), (_P.EDIT_EHCP,))
_CONTEXT = Rule((_P.READ_CONTEXT,), (_P.EDIT_PUPILS,))
_GROUPS = Rule((_P.READ_PUPILS,), (_P.MANAGE_GROUPS,))
_SCHOOL = Rule((_P.READ_SCHOOL,), (_P.EDIT_SCHOOL,))

RULES: dict[str, Rule] = {
    # what is known about a pupil
    "pupil": _PUPIL, "parentcarer": _PUPIL, "agency": _PUPIL,
    "statusperiod": _PUPIL, "needperiod": _PUPIL,
    "contactlogentry": Rule((_P.READ_CONTACTS,), (_P.ADD_CONTACT,), (_P.EDIT_PUPILS,),
                            notes=True),
    "passportversion": Rule((_P.READ_PASSPORTS,), (_P.EDIT_SUPPORT,)),
    # who printed which version: kept by whoever prints (a Head too), in their own name
    # unless they make other staff's packs (services.passport_prints.record)
    "passportprint": Rule((_P.READ_PASSPORTS,), (_P.PRINT_PASSPORTS,), (_P.EDIT_SUPPORT,),
                          by="staff_id", for_others=(PRINTS_FOR_OTHERS,)),
    "apdrcycle": _STRATEGIES, "cycleprovision": _STRATEGIES, "cycleoutcome": _SUPPORT,
    "outcomeprovisionlink": _SUPPORT, "provisionmeasure": _SUPPORT,
    "ehcprequest": _EHCP, "ehcpmilestonedone": _EHCP, "ehcpadvice": _EHCP,
    "ehcpexception": _EHCP, "ehcplan": _EHCP, "annualreview": _EHCP,
    "annualreviewreport": _EHCP,
    "document": Rule((_P.READ_DOCUMENTS,), (_P.EDIT_DOCUMENTS,), confidential="confidential"),
    "attendanceterm": _CONTEXT, "exclusion": _CONTEXT, "parttimetimetable": _CONTEXT,
    "pupilcontext": _CONTEXT, "assessmentscore": _CONTEXT,
    "groupmember": _GROUPS, "pupilshare": _GROUPS,
    # the school's own settings, staff and catalogues
    "school": _SCHOOL, "inforeportsection": _SCHOOL, "termdate": _SCHOOL,
    "staffmember": Rule(None, (_P.MANAGE_ACCOUNTS, _P.MANAGE_GROUPS, _P.IMPORT)),
    "teachinggroup": _GROUPS, "groupteacher": _GROUPS,
    "intervention": _STRATEGIES,
    # attached files, sealed with the school's key; their records (document, pupil) say whose
    "storedfile": Rule(None, (_P.EDIT_DOCUMENTS, _P.EDIT_PUPILS)),
    # the summaries (counts only) the school has shared with its trust (postgres_trust)
    "trustsummary": Rule((_P.EXPORT,), (_P.EDIT_SCHOOL,)),
    # the audit trail: read by those who read or verify it (its summaries name pupils), and
    # appended to by everyone, in their own name; never changed (grants too). Not narrowed:
    # a Teacher's refused look at another pupil is recorded against that pupil, and the
    # chain is verified whole. The append reads only the chain's head, through an owner-run
    # function (postgres_audit).
    "auditevent": Rule((_P.READ_AUDIT, _P.VERIFY_AUDIT), None, (), by="actor_id",
                       by_name="actor", narrowed=False),
}  # fmt: skip

#: Tables with no row policy here, and why.
NOT_PUPIL_DATA: dict[str, str] = {
    "keyslot": "each login reads its own slot only (postgres_keys.secure_slots)",
    "alembic_version": "the schema's revision, read-only to staff",
}

_ROLE = "(SELECT sencodesk_role())"  # a scalar subquery: worked out once per statement


def install(connection: Connection, staff_role: str) -> None:
    """The functions and every table's policies, made again from the rules (after each
    upgrade, so that a changed permission table or a new table takes effect)."""
    for statement in _functions(staff_role):
        connection.execute(text(statement))
    schema = MetaData()
    schema.reflect(bind=connection)
    for table in schema.sorted_tables:
        if table.name in NOT_PUPIL_DATA:
            continue
        for statement in table_policies(table, RULES.get(table.name)):
            connection.execute(text(statement))


def drop(connection: Connection) -> None:
    """Every policy :func:`install` made (they name columns, which a migration may drop);
    the tables stay under row-level security, so staff reach none of their rows meanwhile."""
    connection.execute(text(
        "DO $$ DECLARE p record; BEGIN "
        "FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public' "
        "AND policyname LIKE 'sencodesk\\_%' LOOP "
        "EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename); END LOOP; END $$"))


def table_policies(table: Table, rule: Rule | None) -> list[str]:
    """The statements that put ``rule`` on ``table`` (replacing what was there); with no
    rule, row-level security and no policy: staff reach none of its rows."""
    name = table.name
    existing = ("sencodesk_read", "sencodesk_insert", "sencodesk_update", "sencodesk_delete")
    statements = [f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
                  *(f"DROP POLICY IF EXISTS {policy} ON {name}" for policy in existing)]
    if rule is None:
        return statements
    pupil = pupil_of(table, name) if rule.narrowed else None
    read = _and(_may(rule.read), _seen(pupil),
                _note(table, rule), _confidential(table, rule))
    insert = _and(_may(rule.insert), _seen(pupil), _own(table, rule))
    change = _and(_may(rule.insert if rule.change is None else rule.change), _seen(pupil))
    return [*statements,
            f"CREATE POLICY sencodesk_read ON {name} FOR SELECT USING ({read})",
            f"CREATE POLICY sencodesk_insert ON {name} FOR INSERT WITH CHECK ({insert})",
            f"CREATE POLICY sencodesk_update ON {name} FOR UPDATE USING ({change}) "
            f"WITH CHECK ({_and(change, _own(table, rule))})",
            f"CREATE POLICY sencodesk_delete ON {name} FOR DELETE USING ({change})"]


def pupil_of(table: Table, row: str, seen: frozenset[str] = frozenset()) -> str | None:
    """SQL for the pupil a row of ``table`` (named ``row`` in the statement) is about: its
    ``pupil_id``, or its parent's through a foreign key; None if it is about no pupil."""
    if table.name == "pupil":
        return f"{row}.id"
    if "pupil_id" in table.c:
        return f"{row}.pupil_id"
    for key in sorted(table.foreign_keys, key=lambda k: k.parent.name):
        parent = key.column.table
        if parent.name in seen or parent is table:
            continue
        alias = f"{parent.name}_{len(seen) + 1}"
        inner = pupil_of(parent, alias, seen | {table.name})
        if inner is not None:
            return (f"(SELECT {inner} FROM {parent.name} {alias} "
                    f"WHERE {alias}.{key.column.name} = {row}.{key.parent.name})")
    return None


def roles_allowed(permissions: tuple[Permission, ...]) -> list[Role]:
    """The roles that hold any of ``permissions`` in the services' table."""
    return [role for role in Role if any(p in GRANTS[role] for p in permissions)]


def _sql_roles(roles: list[Role] | frozenset[Role]) -> str:
    return "ARRAY[" + ", ".join(f"'{r.value}'" for r in sorted(roles)) + "]::text[]"


def _may(permissions: tuple[Permission, ...] | None) -> str:
    if permissions is None:
        return f"{_ROLE} IS NOT NULL"
    roles = roles_allowed(permissions)
    return f"{_ROLE} = ANY({_sql_roles(roles)})" if roles else "false"


def _seen(pupil: str | None) -> str | None:
    if pupil is None:
        return None
    return (f"({_ROLE} = ANY({_sql_roles(WHOLE_SCHOOL)}) "
            f"OR {pupil} IN (SELECT sencodesk_pupils_in_view()))")


def _note(table: Table, rule: Rule) -> str | None:
    if not rule.notes or "for_teachers" not in table.c:
        return None
    return (f"({_ROLE} = ANY({_sql_roles(WHOLE_SCHOOL)}) OR {table.name}.for_teachers "
            f"OR {table.name}.author_id = (SELECT sencodesk_staff_id()))")


def _own(table: Table, rule: Rule) -> str | None:
    """A row written in the login's own name (NULL, no one's, is refused too), unless their
    role may write it for others."""
    if rule.by is None or rule.by not in table.c:
        return None
    mine = f"{table.name}.{rule.by} = (SELECT sencodesk_staff_id())"
    if rule.by_name is not None and rule.by_name in table.c:  # the name shown beside it
        mine = f"({mine} AND {table.name}.{rule.by_name} = (SELECT sencodesk_staff_name()))"
    return f"({mine} OR {_may(rule.for_others)})" if rule.for_others else mine


def _confidential(table: Table, rule: Rule) -> str | None:
    if rule.confidential is None or rule.confidential not in table.c:
        return None
    return (f"(NOT {table.name}.{rule.confidential} OR "
            f"{_may((_P.READ_CONFIDENTIAL,))})")


def _and(*parts: str | None) -> str:
    return " AND ".join(p for p in parts if p)


def definer_function(signature: str, returns: str, query: str) -> str:
    """A function answering ``query`` as the schema's owner (SECURITY DEFINER, search_path
    pinned). In PL/pgSQL, whose statements keep their plans for the session: an SQL function
    that runs as its owner cannot be inlined, so it is planned again at every call, and these
    run in the policies of nearly every statement a Teacher's login makes (measured on a
    1,500-pupil school: a pupil's row read in 1.4 ms with SQL functions, 0.4 ms with these)."""
    answer = f"RETURN QUERY {query}" if returns.startswith("SETOF") else f"RETURN ({query})"
    return (f"CREATE OR REPLACE FUNCTION {signature} RETURNS {returns} LANGUAGE plpgsql STABLE "
            f"SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN {answer}; END $$")


def _functions(staff_role: str) -> list[str]:
    """Who the login is (their account's id and role), the school's day, and the pupils the
    login may see that day: :func:`sencodesk.services.scope.pupils_taught` in SQL."""
    me = ("FROM keyslot k JOIN staffmember s ON s.username = k.username "
          "WHERE k.role_name = session_user AND s.active")
    whole = _sql_roles(WHOLE_SCHOOL)
    readers = _sql_roles(roles_allowed((_P.READ_PUPILS,)))
    current = "({start} IS NULL OR {start} <= d.day) AND ({end} IS NULL OR d.day <= {end})"
    place = current.format(start="GREATEST(m.starts_on, g.starts_on)",
                           end="LEAST(m.ends_on, g.ends_on, p.left_on - 1)")
    share = current.format(start="s.starts_on", end="s.ends_on")
    functions = {
        "sencodesk_today()": "date", "sencodesk_role()": "text",
        "sencodesk_staff_id()": "integer", "sencodesk_staff_name()": "text",
        "sencodesk_pupils_in_view()": "SETOF integer",
        "sencodesk_may_read_pupil(integer)": "boolean",
    }
    return [
        # the school's day; the owner may pin it (a training copy, the tests' fixed day)
        "DO $$ BEGIN IF to_regprocedure('sencodesk_today()') IS NULL THEN "
        "CREATE FUNCTION sencodesk_today() RETURNS date LANGUAGE sql STABLE "
        "AS 'SELECT current_date'; END IF; END $$",
        definer_function("sencodesk_role()", "text", f"SELECT s.role {me}"),
        definer_function("sencodesk_staff_id()", "integer", f"SELECT s.id {me}"),
        definer_function("sencodesk_staff_name()", "text", f"SELECT s.name {me}"),
        definer_function("sencodesk_pupils_in_view()", "SETOF integer", f"""
              WITH d AS (SELECT sencodesk_today() AS day), me AS (SELECT sencodesk_staff_id() AS id)
              SELECT m.pupil_id FROM groupmember m
                JOIN teachinggroup g ON g.id = m.group_id
                JOIN groupteacher t ON t.group_id = m.group_id
                JOIN pupil p ON p.id = m.pupil_id, d, me
               WHERE t.staff_id = me.id AND {place}
              UNION
              SELECT s.pupil_id FROM pupilshare s, d, me
               WHERE s.staff_id = me.id AND {share}"""),
        definer_function("sencodesk_may_read_pupil(p_pupil integer)", "boolean", f"""
              SELECT sencodesk_role() = ANY({readers}) AND (sencodesk_role() = ANY({whole})
                  OR p_pupil IN (SELECT sencodesk_pupils_in_view()))"""),
        *(f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC" for f in functions),
        *(f"GRANT EXECUTE ON FUNCTION {f} TO {staff_role}" for f in functions),
    ]
