"""A throwaway PostgreSQL server for the tests: one cluster per test session.

It runs Debian's own binaries (the ``postgresql`` package, installed by ``make test`` when
missing) from a temporary folder: ``initdb`` there, ``pg_ctl start`` listening on a unix socket
in that folder and on loopback at a free port, and at the end ``pg_ctl stop`` and the folder
removed. PostgreSQL refuses to run as root, so under root the server runs as an unprivileged
system account made for it (``sencodesk-pg``) through ``runuser``.

Local (socket) connections are trusted, so a test may connect as any role; loopback TCP asks
for a SCRAM password, as a real school's server does.

Started with a server certificate (``Cluster.start(tls=...)``, see ``pg_tls``) the cluster is
set up as the README tells a school's IT: ``ssl = on``, and TCP connections let in only over
TLS (``hostssl ... scram-sha-256``, ``hostnossl ... reject``). It then also listens on
:data:`NETWORK_ADDRESS` and :data:`OTHER_ADDRESS`, loopback to Linux but, to sencodesk, another
computer (only localhost, 127.0.0.1 and ::1 count as this one).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
from pg_tls import ServerFiles

OS_USER = "sencodesk-pg"
SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "throwaway superuser"
PACKAGE = "postgresql"
PREFIX = "sencodesk-pg-"
OWNER_FILE = "test-session.pid"  # the test process a cluster belongs to
NETWORK_ADDRESS = "127.0.0.2"  # a TLS cluster's address "over the network", on its certificate
OTHER_ADDRESS = "127.0.0.3"  # the same server, at an address its certificate does not name
# Whichever loopback address a client dials, the server sees it come from 127.0.0.1, so a TLS
# cluster refuses every TCP connection without TLS (a school's server: from its network).
TLS_HBA = """\
local      all  all       trust
hostnossl  all  all  all  reject
hostssl    all  all  all  scram-sha-256
"""


class NoPostgres(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def find_bin_dir() -> Path:
    """Debian's newest ``/usr/lib/postgresql/<version>/bin`` (or ``initdb`` on the PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                   else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise NoPostgres(f"The tests start their own PostgreSQL server: install the '{PACKAGE}' "
                     f"package (sudo apt-get install {PACKAGE}), or run `make test` as root.")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _unprivileged_user() -> str | None:
    """The account the server runs as when we are root (made if missing); None otherwise."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", OS_USER], check=True)
    return OS_USER


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop_orphans(bin_dir: Path, os_user: str | None) -> None:
    """Stop and remove clusters left by test sessions that were killed (no teardown ran)."""
    for root in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((root / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue
        if not _alive(owner):
            Cluster(bin_dir, root, 0, os_user).stop()


@dataclass
class Cluster:
    bin_dir: Path
    root: Path
    port: int
    os_user: str | None
    tls: ServerFiles | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    def _run(self, program: str, *args: str) -> None:
        command: Sequence[str] = [str(self.bin_dir / program), *args]
        if self.os_user is not None:
            command = ["runuser", "-u", self.os_user, "--", *command]
        subprocess.run(command, check=True, cwd=self.root, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)

    @classmethod
    def start(cls, *, tls: ServerFiles | None = None) -> Cluster:
        """A new cluster; with ``tls`` (a server certificate and its key) one that is reached
        over TCP only with TLS, also at NETWORK_ADDRESS and OTHER_ADDRESS."""
        bin_dir = find_bin_dir()
        os_user = _unprivileged_user()
        _stop_orphans(bin_dir, os_user)
        root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (root / OWNER_FILE).write_text(str(os.getpid()))
        cluster = cls(bin_dir, root, free_port(), os_user, tls)
        try:
            cluster._init()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _init(self) -> None:
        self.socket_dir.mkdir()
        password_file = self.root / "superuser-password"
        password_file.write_text(SUPERUSER_PASSWORD + "\n")
        self._give_to_server(self.root, self.socket_dir, password_file)
        self.root.chmod(0o700)
        self._run("initdb", "--pgdata", str(self.data), "--username", SUPERUSER,
                  "--pwfile", str(password_file), "--auth-local", "trust",
                  "--auth-host", "scram-sha-256", "--encoding", "UTF8", "--locale", "C.UTF-8",
                  "--no-sync")
        password_file.unlink()
        settings = self._tls_settings() | {
            "listen_addresses": "'127.0.0.1'" if self.tls is None else
                                f"'127.0.0.1,{NETWORK_ADDRESS},{OTHER_ADDRESS}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "max_connections": "300",
            # a throwaway server: durability is not wanted, speed is
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        self._run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.root / "server.log"),
                  "--wait", "start")

    def _give_to_server(self, *paths: Path) -> None:
        """Make ``paths`` the server account's (when it is not ours)."""
        if self.os_user is not None:
            entry = pwd.getpwnam(self.os_user)
            for path in paths:
                os.chown(path, entry.pw_uid, entry.pw_gid)

    def _tls_settings(self) -> dict[str, str]:
        """ssl on with the server's certificate and key (copied into the cluster's folder,
        the key readable only by the server's account), and TLS-only TCP in pg_hba.conf."""
        if self.tls is None:
            return {}
        certificate, key = self.root / "server.crt", self.root / "server.key"
        shutil.copyfile(self.tls.certificate, certificate)
        shutil.copyfile(self.tls.key, key)
        key.chmod(0o600)
        self._give_to_server(certificate, key)
        (self.data / "pg_hba.conf").write_text(TLS_HBA)
        return {"ssl": "on", "ssl_cert_file": f"'{certificate}'", "ssl_key_file": f"'{key}'"}

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run("pg_ctl", "--pgdata", str(self.data), "--mode", "fast", "--wait",
                          "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, *, user: str = SUPERUSER, password: str | None = None,
            tcp: bool = False) -> str:
        """An SQLAlchemy URL for ``database`` as ``user``: over the unix socket (trusted), or
        over loopback TCP with a SCRAM password."""
        who = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
        if tcp:
            return f"postgresql+psycopg://{who}@127.0.0.1:{self.port}/{database}"
        return (f"postgresql+psycopg://{who}@/{database}"
                f"?host={quote(str(self.socket_dir), safe='')}&port={self.port}")

    def connect(self, database: str = "postgres", *, user: str = SUPERUSER,
                ) -> psycopg.Connection[tuple[object, ...]]:
        """A raw autocommit connection over the socket (for CREATE DATABASE and raw SQL)."""
        return psycopg.connect(host=str(self.socket_dir), port=self.port, dbname=database,
                               user=user, autocommit=True)

    def create_database(self, name: str, *, template: str | None = None) -> None:
        """An empty database, or a copy of ``template`` (fast: a file copy on the server)."""
        with self.connect() as admin:
            source = f" TEMPLATE {_ident(template)}" if template else ""
            admin.execute(f"CREATE DATABASE {_ident(name)}{source}".encode())

    def drop_database(self, name: str) -> None:
        with self.connect() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_ident(name)} WITH (FORCE)".encode())


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
