"""Setting up a school, signing in, and the staff accounts that hold key slots."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session, col, select

from sencodesk.domain import validation
from sencodesk.domain.codes import Role
from sencodesk.domain.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from sencodesk.domain.permissions import Permission, allows, may_grant
from sencodesk.domain.records import AccountRecord
from sencodesk.services import audit, housekeeping, records_log
from sencodesk.services.context import Actor, Desk
from sencodesk.store import case_file, keyslots
from sencodesk.store.database import Database
from sencodesk.store.tables import School, StaffMember

MIN_PASSWORD = 8


def check_password(password: str) -> str:
    """``password`` if it is long enough for an account; ValidationError if not."""
    if not password.strip():
        raise ValidationError("password", "a password is required")
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", f"use at least {MIN_PASSWORD} characters")
    return password


def clean_username(value: str) -> str:
    """``value`` as a username (casefolded); ValidationError if it cannot be one."""
    cleaned = validation.text("username", value, max_length=60, required=True)
    if any(ch.isspace() for ch in cleaned):
        raise ValidationError("username", "a username has no spaces")
    if ":" in cleaned:  # a server's login is named sd:<school's database>:<username>
        raise ValidationError("username", 'a username has no ":"')
    return cleaned.casefold()


def init_school(
    data_dir: Path, *, school_name: str, username: str, full_name: str, password: str
) -> Desk:
    """Create an empty encrypted case file and its first SENCO account; return their desk."""
    school_name = validation.text("school name", school_name, max_length=200, required=True)
    username = clean_username(username)
    full_name = validation.name("name", full_name)
    check_password(password)
    return start_school(case_file.create(data_dir, username, password), data_dir,
                        school_name=school_name, username=username, full_name=full_name)


def start_school(database: Database, data_dir: Path, *, school_name: str, username: str,
                 full_name: str) -> Desk:
    """In a case file just made (a file, or a server's database): the school and its first
    account, a SENCO, whose desk is returned. The names are checked already."""
    with database.transaction() as session:
        school = School(name=school_name)
        staff = StaffMember(
            name=full_name, job_title="SENCO", username=username, role=Role.SENCO.value
        )
        session.add(school)
        session.add(staff)
        session.flush()
        assert staff.id is not None
        actor = Actor(staff.id, full_name, username, Role.SENCO)
        audit.record(session, actor, "create", "school", entity_id=school.id,
                     summary=f"created the case file for {school_name}")
    return Desk(database, actor, data_dir)


def _account(session: Session, username: str) -> StaffMember | None:
    return session.exec(
        select(StaffMember).where(
            StaffMember.username == username.casefold(),
            col(StaffMember.active).is_(True),
            col(StaffMember.role).is_not(None),
        )
    ).first()


def sign_in_wait(data_dir: Path, username: str) -> str:
    """What to tell the person signing in if their next try will be held back after earlier
    wrong passwords for that name (to slow down guessing), or "" if it will not."""
    failures = case_file.failed_sign_ins(data_dir, username)
    delay = keyslots.failure_delay(failures)
    if not delay:
        return ""
    seconds = f"{delay:.0f} second{'s' if delay != 1 else ''}"
    return (f"Waiting {seconds} after {failures} wrong passwords in a row, to slow down "
            "guessing…")


def open_as(
    data_dir: Path, username: str, password: str, *, sleep: Callable[[float], None] = time.sleep
) -> Desk:
    """Unlock the case file as this active member of staff without recording a sign-in (to
    check who is asking, as restore does). Wrong name or password: the same message, after a
    delay that grows with repeated failures."""
    return desk_on(case_file.unlock(data_dir, username, password, sleep=sleep), data_dir,
                   username)


def desk_on(database: Database, data_dir: Path, username: str) -> Desk:
    """The desk of ``username`` (an active member of staff) on a case file already unlocked
    for them; AuthenticationFailed (and the case file closed) if there is no such account."""
    with database.transaction() as session:
        staff = _account(session, username)
        if staff is None or staff.id is None or staff.role is None:
            database.close()
            raise AuthenticationFailed("That name and password do not match an account.")
        actor = Actor(staff.id, staff.name, staff.username or username, Role(staff.role))
    if not actor.may(Permission.READ_CONFIDENTIAL):
        database.withhold_confidential()
    return Desk(database, actor, data_dir)


def _first_confidential_key(desk: Desk, password: str) -> None:
    """A case file made before confidential documents had a key of their own gets one when
    a SENCO first signs in: wrapped in their slot, and their confidential documents re-sealed
    with it. Others who may read them get it when a SENCO sets their password."""
    if desk.actor.may(Permission.MANAGE_ACCOUNTS) \
            and desk.actor.may(Permission.READ_CONFIDENTIAL) \
            and desk.db.first_confidential_key(desk.actor.username, password):
        records_log.seal_confidential(desk)


def sign_in(
    data_dir: Path, username: str, password: str, *, sleep: Callable[[float], None] = time.sleep
) -> Desk:
    """Unlock the case file as this member of staff, and record the sign-in."""
    desk = open_as(data_dir, username, password, sleep=sleep)
    _first_confidential_key(desk, password)
    with desk.db.transaction() as session:
        audit.record(session, desk.actor, "login", "account", entity_id=desk.actor.staff_id)
    housekeeping.at_sign_in(desk)
    return desk


def confirm_password(
    desk: Desk, password: str, *, sleep: Callable[[float], None] = time.sleep
) -> bool:
    """Check the signed-in person's password again (to unlock a locked window), held back
    after wrong ones exactly as signing in is (the same count, for this account)."""
    return desk.db.password_unlocks(desk.actor.username, password, sleep=sleep)


def _check_grant(desk: Desk, role: Role, *, doing: str = "give anyone the {role} role (or "
                 "set its password)") -> None:
    if not may_grant(desk.actor.role, role):
        raise PermissionDenied(
            f"{desk.actor.role.label} accounts cannot {doing.format(role=role.label)}: it "
            "reaches more than your own account. Ask your SENCO."
        )


def grantable_roles(role: Role) -> list[Role]:
    """The roles an account of ``role`` may create or reset, for the Add account form."""
    return [r for r in Role if may_grant(role, r)]


def list_accounts(desk: Desk) -> list[AccountRecord]:
    with desk.unit(Permission.MANAGE_ACCOUNTS) as session:
        rows = session.exec(
            select(StaffMember).where(col(StaffMember.username).is_not(None))
            .order_by(StaffMember.name)
        )
        return [
            AccountRecord(s.id or 0, s.name, s.username or "", Role(s.role), s.active)
            for s in rows
            if s.role
        ]


def add_account(desk: Desk, *, full_name: str, username: str, role: Role, password: str) -> int:
    """Create a sign-in for a member of staff: a staff record and a key slot."""
    full_name = validation.name("name", full_name)
    username = clean_username(username)
    check_password(password)
    _check_grant(desk, role)
    with desk.unit(Permission.MANAGE_ACCOUNTS) as session:
        if session.exec(select(StaffMember).where(StaffMember.username == username)).first():
            raise Conflict(f"The username {username!r} is already taken.")
        staff = StaffMember(name=full_name, username=username, role=role.value,
                            job_title=role.label)
        session.add(staff)
        session.flush()
        audit.record(session, desk.actor, "create", "account", entity_id=staff.id,
                     summary=f"account {username} ({role.label})")
        # The slot is written last, inside the transaction: if it fails nothing is committed.
        desk.db.grant(username, password,
                      confidential=allows(role, Permission.READ_CONFIDENTIAL))
        assert staff.id is not None
        return staff.id


def remove_account(desk: Desk, username: str) -> None:
    """Withdraw a sign-in: the key slot goes; the staff record stays for the history."""
    username = username.casefold()
    if username == desk.actor.username:
        raise ValidationError("username", "you cannot remove your own account")
    with desk.unit(Permission.MANAGE_ACCOUNTS) as session:
        staff = _account(session, username)
        if staff is None or staff.role is None:
            raise ValidationError("username", f"there is no active account {username!r}")
        _check_grant(desk, Role(staff.role), doing="withdraw a {role} account")
        if staff.role == Role.SENCO.value:
            sencos = session.exec(
                select(StaffMember).where(StaffMember.role == Role.SENCO.value,
                                          col(StaffMember.active).is_(True))
            ).all()
            if len(sencos) <= 1:
                raise ValidationError("username", "the last SENCO account cannot be removed")
        staff.active = False
        session.add(staff)
        audit.record(session, desk.actor, "delete", "account", entity_id=staff.id,
                     summary=f"account {username} withdrawn")
        desk.db.revoke(username)


def set_password(desk: Desk, username: str, new_password: str) -> None:
    """Rewrap the database key under a new password: your own, or anyone's for a manager."""
    username = username.casefold()
    check_password(new_password)
    permission = (
        Permission.READ_SCHOOL if username == desk.actor.username else Permission.MANAGE_ACCOUNTS
    )
    with desk.unit(permission) as session:
        staff = _account(session, username)
        if staff is None or staff.role is None:
            raise ValidationError("username", f"there is no active account {username!r}")
        if username != desk.actor.username:
            _check_grant(desk, Role(staff.role))
        audit.record(session, desk.actor, "update", "account", entity_id=staff.id,
                     summary=f"password changed for {username}")
        # A reader of confidential documents gets their key in the new slot (if this desk
        # holds it): how others than the SENCO come to hold it in an older case file.
        desk.db.grant(username, new_password,
                      confidential=allows(Role(staff.role), Permission.READ_CONFIDENTIAL))
