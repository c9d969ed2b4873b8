"""Who may do what, and to which pupils. Services enforce it; the GUI only hides what a role
cannot do. Server mode's row-level security mirrors these rules.

Teachers read the passports of the pupils they teach, and of each one's current support plan
only its strategies and the provision they deliver themselves (:func:`delivers`), not its
outcomes, the rest of its provision or its reviews; they print those passports and add
contact-log notes; they read their own notes and those marked for
the staff who teach the pupil, and never see EHCP details, documents or the pupil's context
(attendance, exclusions, part-time timetables, flags and scores). Which pupils a Teacher
teaches is :func:`in_view`: the pupils of their teaching groups on the day, and any the SENCO
shares with them by name until an end date. Heads read every pupil and export, but change
nothing. Administrators run accounts and backups and see no pupil data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from sencodesk.domain.codes import Role


class Permission(StrEnum):
    READ_PUPILS = "read pupils"
    EDIT_PUPILS = "edit pupils"
    READ_PASSPORTS = "read passports"
    EDIT_SUPPORT = "edit passports and support plans"
    READ_SUPPORT = "read support plans"
    READ_STRATEGIES = "read the strategies and the provision they deliver of a support plan"
    READ_EHCP = "read EHCP records"
    EDIT_EHCP = "edit EHCP records"
    ADD_CONTACT = "add contact-log notes"
    READ_CONTACTS = "read the contact log"
    READ_DOCUMENTS = "read documents"
    READ_CONFIDENTIAL = "read confidential documents"
    READ_SAFEGUARDING = "read child in need and child protection flags"
    READ_CONTEXT = "read attendance, exclusions, part-time timetables, flags and scores"
    EDIT_DOCUMENTS = "attach documents"
    PRINT_PASSPORTS = "print passports"
    EXPORT = "export reports and data"
    IMPORT = "import data"
    READ_AUDIT = "read the audit trail"
    VERIFY_AUDIT = "verify the audit trail"
    MANAGE_ACCOUNTS = "manage accounts"
    BACKUP = "back up and restore"
    EDIT_SCHOOL = "change school settings"
    READ_SCHOOL = "read school settings"
    MANAGE_GROUPS = "change teaching groups or share pupils"


_P = Permission
_READ_ALL = {
    _P.READ_PUPILS, _P.READ_PASSPORTS, _P.READ_SUPPORT, _P.READ_STRATEGIES, _P.READ_EHCP,
    _P.READ_CONTACTS,
    _P.READ_DOCUMENTS, _P.READ_CONFIDENTIAL, _P.PRINT_PASSPORTS, _P.EXPORT, _P.READ_AUDIT,
    _P.VERIFY_AUDIT, _P.READ_SCHOOL, _P.READ_SAFEGUARDING, _P.READ_CONTEXT,
}  # fmt: skip

_TEACHER = {
    _P.READ_PUPILS, _P.READ_PASSPORTS, _P.READ_STRATEGIES, _P.PRINT_PASSPORTS,
    _P.ADD_CONTACT, _P.READ_CONTACTS, _P.READ_SCHOOL,
}  # fmt: skip

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.SENCO: frozenset(Permission),
    Role.HEAD: frozenset(_READ_ALL),
    Role.TEACHER: frozenset(_TEACHER),
    Role.ADMIN: frozenset(
        {_P.MANAGE_ACCOUNTS, _P.BACKUP, _P.VERIFY_AUDIT, _P.READ_SCHOOL}
    ),
}


#: Whose permission notes a passport print as another member of staff's copy (the packs of
#: passports made for each teacher); everyone else's prints are their own.
PRINTS_FOR_OTHERS = Permission.EXPORT


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]


def may_grant(granter: Role, role: Role) -> bool:
    """Whether an account of role ``granter`` may give someone ``role`` (by creating the account
    or by setting its password, which amounts to the same): only a role with no access beyond
    the granter's own, so no one can reach more than they have (an Administrator cannot make a
    Head, a Teacher or a SENCO; only a SENCO resets a SENCO's password)."""
    return allows(granter, Permission.MANAGE_ACCOUNTS) and GRANTS[role] <= GRANTS[granter]


#: Roles that read every pupil on the roll; every other role reading pupils sees only
#: :func:`in_view`.
WHOLE_SCHOOL = frozenset({Role.SENCO, Role.HEAD})


def whole_school(role: Role) -> bool:
    """Whether ``role`` reads every pupil (else only the pupils the person teaches)."""
    return role in WHOLE_SCHOOL


def current(starts_on: date | None, ends_on: date | None, day: date) -> bool:
    """Whether a dated period (``ends_on`` its last day, inclusive; None open) covers ``day``."""
    return (starts_on is None or starts_on <= day) and (ends_on is None or day <= ends_on)


def in_view(memberships: Iterable[tuple[int, date | None, date | None]],
            shares: Iterable[tuple[int, date | None, date | None]], day: date) -> frozenset[int]:
    """The pupils a teacher sees on ``day``: (pupil id, from, to) of each place in a group
    they teach (the group's own dates already narrowed in) and of each share by name."""
    return frozenset(pupil for pupil, starts_on, ends_on in (*memberships, *shares)
                     if current(starts_on, ends_on, day))


def reads_note(role: Role, *, reader_id: int, author_id: int | None,
               for_teachers: bool) -> bool:
    """Whether someone reads a contact-log note of a pupil they may see: whole-school roles
    read every note, others their own and those marked for the staff who teach the pupil."""
    return whole_school(role) or for_teachers or author_id == reader_id


#: Who "delivered by" may name instead of a person: every teacher of the pupil delivers it.
EVERY_TEACHER = frozenset({"class teacher", "class teachers", "subject teacher",
                           "subject teachers", "teacher", "teachers", "all teachers",
                           "every teacher", "all staff"})
_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
_SEPARATORS = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*")


def delivers(delivered_by: str, *, name: str, username: str = "", mis_code: str = "") -> bool:
    """Whether a provision "delivered by" ``delivered_by`` is delivered by the member of staff
    ``name`` (account ``username``, MIS staff code ``mis_code``): the text names them (whole
    name, username, staff code, or title and surname such as "Ms Khan"), or every teacher of
    the pupil ("class teacher", "subject teachers", "all staff"), alone or in a list
    ("Ms Khan and TA")."""
    def plain(text: str) -> str:
        return " ".join(text.replace(".", " ").casefold().split())

    surname = plain(name).rpartition(" ")[2]
    them = {plain(name), plain(username), plain(mis_code)} - {""}
    if surname:
        them |= {f"{title} {surname}" for title in _TITLES}
    parts = {plain(part) for part in _SEPARATORS.split(delivered_by)}
    return bool(parts & (them | EVERY_TEACHER))
