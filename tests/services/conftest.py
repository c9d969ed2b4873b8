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
#: Tests that sign a second person in (or run a command, which signs in) by name and
#: password: on a server that needs its staff's own login roles and key slots, not built
#: yet, so until then they run on the file alone.
SIGN_IN_MODULES = frozenset({
    "test_role_grants", "test_roles", "test_teacher_packs", "test_teacher_walk",
    "test_teacher_scope", "test_group_import",
})
SIGN_IN_TESTS = frozenset({
    "test_audit::test_every_change_and_login_is_recorded",
    "test_context_import::test_only_those_who_import_may",
    "test_cycles::test_start_next_at_once_from_two_windows_makes_one",
    "test_deadlines::test_filters_and_teacher_sees_no_ehcp",
    "test_documents::test_chronology_needs_an_ehcp_file_and_the_right_role",
    "test_documents::test_evidence_pack_refuses_more_than_six_cases_and_teachers",
    "test_hostile_cells::test_control_characters_never_print_raw",
    "test_inclusion_context::test_only_senco_and_head_read_child_in_need_and_protection",
    "test_passport_contacts::test_a_teacher_prints_a_passport_with_the_senco_and_no_phone_numbers",
    "test_record_views::test_opening_a_record_says_who_looked_and_when",
    "test_retention_and_access::test_subject_access_needs_the_right_role",
    "test_units_of_work::test_a_composite_reads_one_snapshot_while_someone_else_writes",
})
#: Tests of the file's own behaviour: SQLite gives a deleted row's number to the next row
#: (a server's sequence never does); the raw file is read without the store.
FILE_ONLY_TESTS = frozenset({
    "test_retention_and_access::test_a_new_pupil_given_a_deleted_pupils_number_has_none_of_their_history",
    "test_units_of_work::test_no_audit_row_is_written_outside_a_desk_unit",
})


def on_file_only(metafunc: pytest.Metafunc) -> bool:
    module = metafunc.module.__name__.rpartition(".")[2]
    test = f"{module}::{metafunc.definition.originalname}"
    return (module in FILE_ONLY_MODULES | SIGN_IN_MODULES
            or test in FILE_ONLY_TESTS | SIGN_IN_TESTS
            or metafunc.definition.get_closest_marker("file_only") is not None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or on_file_only(metafunc):
        return
    chosen = metafunc.config.getoption("backend")
    metafunc.parametrize("backend", [chosen] if chosen else BACKENDS, indirect=True)
