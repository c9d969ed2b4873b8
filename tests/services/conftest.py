"""The service tests that take a school (``desk``, ``demo_desk``) run on both backends: the
encrypted file and a PostgreSQL server (``--backend`` picks one; the default is both)."""

from __future__ import annotations

import pytest

BACKENDS = ("sqlite", "postgresql")
#: Tests of what only the local case file has: its key file and sign-in attempts, its
#: backups and restores (a server is backed up with pg_dump), anchors written beside it.
FILE_ONLY_MODULES = frozenset({
    "test_backups", "test_restore_faults", "test_restore_rights", "test_full_disk",
    "test_audit_anchors", "test_confidential_key", "test_desk_face", "test_odd_input",
})
#: Tests of the file's own behaviour: SQLite gives a deleted row's number to the next row
#: (a server's sequence never does); the raw file is read without the store; the audit trail
#: is tampered with through the desk's own connection (on a server that connection is the
#: member of staff's login, which may not: tests/store/test_postgres_audit.py).
FILE_ONLY_TESTS = frozenset({
    "test_retention_and_access::test_a_new_pupil_given_a_deleted_pupils_number_has_none_of_their_history",
    "test_units_of_work::test_no_audit_row_is_written_outside_a_desk_unit",
    "test_audit::test_an_altered_entry_is_reported_where_it_is",
    "test_audit::test_a_deleted_entry_is_reported",
    "test_retention_and_access::test_a_broken_audit_trail_is_not_resealed_and_nothing_is_deleted",
    # It counts the sealed files in the documents folder (on a server they are rows).
    "test_retention_and_access::test_deletion_removes_every_record_and_file_and_keeps_the_audit_chain",
    # They count every transaction begun on the engine; on a server attached files are read
    # and written in statements of their own, outside the unit of work.
    "test_units_of_work::test_a_printed_passport_is_one_transaction_with_its_export_row",
    "test_units_of_work::test_a_class_set_of_passports_is_one_transaction",
    "test_units_of_work::test_subject_access_is_one_transaction_however_many_files",
})
def on_file_only(metafunc: pytest.Metafunc) -> bool:
    module = metafunc.module.__name__.rpartition(".")[2]
    test = f"{module}::{metafunc.definition.originalname}"
    return (module in FILE_ONLY_MODULES
            or test in FILE_ONLY_TESTS
            or metafunc.definition.get_closest_marker("file_only") is not None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or on_file_only(metafunc):
        return
    chosen = metafunc.config.getoption("backend")
    metafunc.parametrize("backend", [chosen] if chosen else BACKENDS, indirect=True)
