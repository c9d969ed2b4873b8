"""The tests' own PostgreSQL server: run by an unprivileged account, on a socket in its own
folder and on loopback, and gone (server and folder) once stopped."""

from __future__ import annotations

import os
import pwd
import subprocess
from pathlib import Path

import psycopg
import pytest
from pg_cluster import (
    NETWORK_ADDRESS,
    OS_USER,
    OWNER_FILE,
    SUPERUSER,
    SUPERUSER_PASSWORD,
    Cluster,
)
from pg_tls import Authority


def test_a_cluster_runs_unprivileged_and_leaves_nothing_behind() -> None:
    cluster = Cluster.start()
    try:
        pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
        owner = Path(f"/proc/{pid}").owner()
        assert owner == (OS_USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name)
        assert owner != "root"
        with cluster.connect() as over_socket:
            assert over_socket.execute("SELECT 1").fetchone() == (1,)
        with pytest.raises(psycopg.OperationalError, match="authentication failed"):
            psycopg.connect(host="127.0.0.1", port=cluster.port, user=SUPERUSER,
                            password="wrong", dbname="postgres").close()
        with psycopg.connect(host="127.0.0.1", port=cluster.port, user=SUPERUSER,
                             password=SUPERUSER_PASSWORD, dbname="postgres") as over_tcp:
            assert over_tcp.execute("SHOW password_encryption").fetchone() == ("scram-sha-256",)
    finally:
        cluster.stop()
    assert not cluster.root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=cluster.port, user=SUPERUSER,
                        password=SUPERUSER_PASSWORD, dbname="postgres", connect_timeout=2)


def test_a_tls_cluster_keeps_its_key_private_and_leaves_nothing_behind(tmp_path: Path) -> None:
    authority = Authority.make(tmp_path, "Test CA")
    cluster = Cluster.start(tls=authority.issue(tmp_path / "server", [NETWORK_ADDRESS]))
    try:
        key = cluster.root / "server.key"
        assert key.stat().st_mode & 0o777 == 0o600
        assert key.owner() == (OS_USER if os.geteuid() == 0 else
                               pwd.getpwuid(os.geteuid()).pw_name)
        with psycopg.connect(host=NETWORK_ADDRESS, port=cluster.port, user=SUPERUSER,
                             password=SUPERUSER_PASSWORD, dbname="postgres",
                             sslmode="verify-full",
                             sslrootcert=str(authority.certificate)) as over_tls:
            assert over_tls.execute("SHOW ssl").fetchone() == ("on",)
    finally:
        cluster.stop()
    assert not cluster.root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host=NETWORK_ADDRESS, port=cluster.port, user=SUPERUSER,
                        password=SUPERUSER_PASSWORD, dbname="postgres", connect_timeout=2)


def test_a_cluster_left_by_a_killed_test_session_is_stopped_by_the_next() -> None:
    left = Cluster.start()
    (left.root / OWNER_FILE).write_text(str(_ended_pid()))
    cluster = Cluster.start()
    try:
        assert not left.root.exists()
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(host="127.0.0.1", port=left.port, user=SUPERUSER,
                            password=SUPERUSER_PASSWORD, dbname="postgres", connect_timeout=2)
    finally:
        cluster.stop()


def _ended_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
