"""Opening a case file on a server: its address, an unreachable server, a database that is
not ours, and reopening one already made."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_cluster import Cluster, free_port

from sencodesk.domain.errors import StoreError
from sencodesk.store import keyslots, migrations, server
from sencodesk.store.backends import postgres

KEY = keyslots.new_database_key()


def test_a_technicians_address_gets_sencodesks_driver() -> None:
    assert postgres.normalised_url("postgresql://senco:pw@127.0.0.1:5433/oakhill") == \
        "postgresql+psycopg://senco:pw@127.0.0.1:5433/oakhill"
    with pytest.raises(StoreError, match="not a PostgreSQL address"):
        postgres.normalised_url("mysql://db.school.internal/oakhill")
    with pytest.raises(StoreError, match="not a database address") as raised:
        postgres.normalised_url("postgresql://senco:secret@db:port/oakhill")
    assert "secret" not in str(raised.value)


def test_a_computer_connects_to_a_schools_database_not_just_a_server(tmp_path: Path) -> None:
    for bare in ("postgresql://127.0.0.1:5432", "postgresql://127.0.0.1:5432/"):
        with pytest.raises(StoreError, match="names no database"):
            server.connect(tmp_path, bare)
    assert server.address(tmp_path) is None  # nothing written


def test_a_server_over_the_network_is_reached_over_tls_with_its_certificate_checked() -> None:
    assert postgres.normalised_url("postgresql://db.school.internal/oakhill") == \
        "postgresql+psycopg://db.school.internal/oakhill?sslmode=verify-full"
    ca = "postgresql://db.school.internal/oakhill?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    assert "sslrootcert=%2Fetc%2Fca.pem" in postgres.normalised_url(ca)
    for weaker in ("disable", "prefer", "require", "verify-ca"):
        with pytest.raises(StoreError, match="checks its certificate"):
            postgres.normalised_url(f"postgresql://db.school.internal/oakhill?sslmode={weaker}")
    for local in ("postgresql://localhost/oakhill", "postgresql://[::1]:5432/oakhill",
                  "postgresql:///oakhill?host=/run/postgresql", "postgresql:///oakhill"):
        assert "sslmode" not in postgres.normalised_url(local)


def test_an_unreachable_server_is_named_plainly(tmp_path: Path) -> None:
    url = f"postgresql://nobody:secret@127.0.0.1:{free_port()}/oakhill"
    with pytest.raises(StoreError, match="could not be reached") as raised:
        server.open_database(url, KEY, tmp_path)
    assert "secret" not in str(raised.value)


def test_a_new_school_needs_an_empty_database_and_reopens(
        pg_cluster: Cluster, pg_url: str, tmp_path: Path) -> None:
    server.open_database(pg_url, KEY, tmp_path, create=True).close()
    with pytest.raises(StoreError, match="is not empty"):
        server.open_database(pg_url, KEY, tmp_path, create=True)
    again = server.open_database(pg_url, KEY, tmp_path)
    try:
        assert migrations.current_revision(again) == migrations.head_revision()
        assert "postgresql" in again.where
    finally:
        again.close()


def test_a_database_of_something_else_is_not_taken_for_a_case_file(
        pg_cluster: Cluster, pg_url: str, tmp_path: Path) -> None:
    name = pg_url.rpartition("/")[2].partition("?")[0]
    with pg_cluster.connect(name) as admin:
        admin.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(StoreError, match="is not a sencodesk case file"):
        server.open_database(pg_url, KEY, tmp_path)


def test_a_server_that_cannot_be_checked_is_not_used(
        pg_cluster: Cluster, pg_url: str, tmp_path: Path) -> None:
    """The test server offers no TLS: asked for verify-full, sencodesk says why it stops."""
    name = pg_url.rpartition("/")[2].partition("?")[0]
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{name}?sslmode=verify-full"
    with pytest.raises(StoreError, match="could not be reached securely"):
        server.open_database(url, KEY, tmp_path)
