"""Persistence: tables, the one place that opens the database, key slots, migrations, backups."""
