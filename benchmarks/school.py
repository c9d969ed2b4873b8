"""A large synthetic school in a temporary data folder, built once per run."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sencodesk.domain.permissions import Permission
from sencodesk.services import accounts, audit, demo
from sencodesk.services.context import Desk

USER = "senco"
PASSWORD = "benchmark pass phrase"


@dataclass(frozen=True)
class BuiltSchool:
    data_dir: Path
    pupils: int
    counts: dict[str, int]
    seconds: float


def build(data_dir: Path, *, pupils: int, history_years: int = 10,
          audit_entries: int = 20_000) -> BuiltSchool:
    """A school of ``pupils`` with ``history_years`` of cycles, passports, contacts and
    ``audit_entries`` extra audit events (as years of use would leave)."""
    started = time.perf_counter()
    desk = accounts.init_school(data_dir, school_name="Benchmark School", username=USER,
                                full_name="Bench Mark", password=PASSWORD)
    try:
        counts = demo.build(desk, pupils=pupils, seed=1, history_years=history_years)
        with desk.unit(Permission.EDIT_PUPILS) as session:
            for number in range(audit_entries):
                audit.record(session, desk.actor, "update", "pupil",
                             entity_id=1 + number % pupils, pupil_id=1 + number % pupils,
                             summary="synthetic history", changed={"form": ["7A", "7B"]})
        counts["audit entries"] = audit_entries
    finally:
        desk.close()
    return BuiltSchool(data_dir, pupils, counts, time.perf_counter() - started)


def sign_in(data_dir: Path) -> Desk:
    return accounts.sign_in(data_dir, USER, PASSWORD)
