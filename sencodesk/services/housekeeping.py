"""Tidying the data folder when someone signs in: what killed work left behind, old set-aside
case files, and encrypted files no record points to any more (a replaced photo, a file from a
restore that was rolled back), which must not outlive the records they belonged to."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from sencodesk.services.context import Desk
from sencodesk.store import restoring, tables, unfinished


def _referenced(session: Session) -> set[str]:
    """Every file name any record holds: by convention the columns named ``*sha256``."""
    names: set[str] = set()
    for table in tables.Pupil.metadata.sorted_tables:  # the metadata every table is in
        for column in table.columns:
            if column.name.endswith("sha256"):
                names |= {n for (n,) in session.execute(select(column)) if n}
    return names


def remove_orphans(desk: Desk) -> int:
    """Delete every encrypted file in the documents folder that no record names. Returns how
    many. Only while no other process has the case file open (it could be mid-attach, its
    file written and its record not yet): otherwise they wait for a later sign-in."""
    with desk.db.alone() as alone:
        if not alone:
            return 0
        with desk.db.transaction(snapshot="read") as session:
            wanted = _referenced(session)
        return desk.blobs.keep_only(wanted)


def at_sign_in(desk: Desk) -> None:
    """Leftovers of killed work and orphaned files, cleaned once the case file is ours."""
    restoring.tidy(desk.data_dir)
    unfinished.remove_left_over()
    remove_orphans(desk)
