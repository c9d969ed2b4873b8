"""Server mode: a school's case file on its own PostgreSQL server, and the computers that
sign in to it."""

from __future__ import annotations

from pathlib import Path

from sencodesk.domain import validation
from sencodesk.domain.errors import SencodeskError, StoreError, ValidationError
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.store import server


def init_server(url: str, data_dir: Path, *, school_name: str, username: str,
                full_name: str, password: str) -> Desk:
    """Make the school's case file in the empty database at ``url`` (whose user is the
    server's owner role, which may create login roles) with its first SENCO, who gets a login
    role of their own; return the owner's desk as that SENCO (to close)."""
    school_name = validation.text("school name", school_name, max_length=200, required=True)
    username = accounts.clean_username(username)
    full_name = validation.name("name", full_name)
    accounts.check_password(password)
    database = server.create(url, data_dir, username, password)
    return accounts.start_school(database, data_dir, school_name=school_name,
                                 username=username, full_name=full_name)


def upgrade_server(url: str, data_dir: Path) -> None:
    """Bring the server's schema up to this version (as the owner role in ``url``)."""
    from sencodesk.store import keyslots

    # Upgrading needs no school key: nothing sealed is read or written.
    server.open_database(url, keyslots.new_database_key(), data_dir).close()


def upgrade_every_school(url: str, data_dir: Path) -> list[str]:
    """Bring every school's database that ``url``'s owner role owns on the server up to this
    version (a trust's server holds one per school). Returns the databases, by name."""
    schools = server.school_databases(url)
    if not schools:
        raise StoreError("The owner role in that address owns no school's database on the "
                         "server: give the address as the role that ran `server init`.")
    done: list[str] = []
    for name, address in schools.items():
        try:
            upgrade_server(address, data_dir)
        except SencodeskError as error:
            raise StoreError(f"{name} could not be upgraded: {error}"
                             + (f" Up to date: {', '.join(done)}." if done else "")) from None
        done.append(name)
    return done


def set_trust_login(url: str, name: str, password: str) -> None:
    """Make the trust's login ``name`` on the server at ``url`` (as its owner role), or set
    its password: it reads the summaries the schools share there, and nothing else."""
    name = validation.text("trust login", name, max_length=40, required=True)
    if any(ch.isspace() for ch in name):
        raise ValidationError("trust login", "a login's name has no spaces")
    accounts.check_password(password)
    server.set_trust_login(url, name, password)


def staff_address(url: str) -> str:
    """``url`` without the owner's name and password: what staff computers connect to."""
    return server.staff_address(url)


def connect(data_dir: Path, url: str) -> str:
    """From now on, sign in on this computer to the school's server at ``url``. Returns the
    server as the sign-in window shows it."""
    return server.connect(data_dir, url)


def disconnect(data_dir: Path) -> None:
    """Sign in on this computer to its own case file again."""
    server.disconnect(data_dir)
