"""Who may do what. Services enforce it; the GUI only hides what a role cannot do.

Teachers read pupils, passports and APDR plans (they deliver them), print passports and add
contact-log notes; they never see EHCP details or confidential documents. Heads read
everything and export, but change nothing. Administrators run accounts and backups and see no
pupil data.
"""

from __future__ import annotations

from enum import StrEnum

from sencodesk.domain.codes import Role


class Permission(StrEnum):
    READ_PUPILS = "read pupils"
    EDIT_PUPILS = "edit pupils"
    READ_PASSPORTS = "read passports"
    EDIT_SUPPORT = "edit passports and support plans"
    READ_SUPPORT = "read support plans"
    READ_EHCP = "read EHCP records"
    EDIT_EHCP = "edit EHCP records"
    ADD_CONTACT = "add contact-log notes"
    READ_CONTACTS = "read the contact log"
    READ_DOCUMENTS = "read documents"
    READ_CONFIDENTIAL = "read confidential documents"
    READ_SAFEGUARDING = "read child in need and child protection flags"
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


_P = Permission
_READ_ALL = {
    _P.READ_PUPILS, _P.READ_PASSPORTS, _P.READ_SUPPORT, _P.READ_EHCP, _P.READ_CONTACTS,
    _P.READ_DOCUMENTS, _P.READ_CONFIDENTIAL, _P.PRINT_PASSPORTS, _P.EXPORT, _P.READ_AUDIT,
    _P.VERIFY_AUDIT, _P.READ_SCHOOL, _P.READ_SAFEGUARDING,
}  # fmt: skip

_TEACHER = {
    _P.READ_PUPILS, _P.READ_PASSPORTS, _P.READ_SUPPORT, _P.PRINT_PASSPORTS, _P.ADD_CONTACT,
    _P.READ_CONTACTS, _P.READ_DOCUMENTS, _P.READ_SCHOOL,
}  # fmt: skip

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.SENCO: frozenset(Permission),
    Role.HEAD: frozenset(_READ_ALL),
    Role.TEACHER: frozenset(_TEACHER),
    Role.ADMIN: frozenset(
        {_P.MANAGE_ACCOUNTS, _P.BACKUP, _P.VERIFY_AUDIT, _P.READ_SCHOOL}
    ),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]


def may_grant(granter: Role, role: Role) -> bool:
    """Whether an account of role ``granter`` may give someone ``role`` (by creating the account
    or by setting its password, which amounts to the same): only a role with no access beyond
    the granter's own, so no one can reach more than they have (an Administrator cannot make a
    Head, a Teacher or a SENCO; only a SENCO resets a SENCO's password)."""
    return allows(granter, Permission.MANAGE_ACCOUNTS) and GRANTS[role] <= GRANTS[granter]
