"""Persistence: tables, the one place that opens the database, key slots, migrations, backups.

From the bottom up (the import contract in pyproject.toml keeps this order): ``layout`` (what
a school's folder holds), ``database`` (the open case file: sessions, attached files, keyed
secrets, key slots, and the confidential-documents key when the person unlocking holds it),
``backup`` (online copies), ``migrations``, and ``case_file`` (making, unlocking and opening
a school's case file; ``server`` opens one on a PostgreSQL server). Beside them ``keyslots``
wraps both keys once per account and ``attempts`` counts wrong passwords per name, and
``backends`` holds what differs between the file and the server (one module each). Only the
store knows keys, file names, paths and which backend is open.
"""
