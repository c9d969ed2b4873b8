"""A school's summary for its trust: counts only, for the trust's anonymised dashboard
(domain.trust_dashboard). A school on a computer of its own sends it as a file; a school on
its trust's server shares it there, where the trust's login reads it and nothing else of the
school's. Either is audited like any export. Drawing the dashboard needs no case file: it is
drawn from the summary files, or from the summaries the schools on the server have shared."""

from __future__ import annotations

import getpass
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import col, select

from sencodesk.domain import evidence
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.trust_dashboard import (
    SchoolSummary,
    TrustDashboardSheet,
    combine,
    summary_of,
)
from sencodesk.services import backups, evidence_pack, pupils, report_data, school, sen_history
from sencodesk.services.context import Desk, composite
from sencodesk.store import server
from sencodesk.store.tables import TrustSummary

EXPORTED = "school summary for the trust"
NOT_ON_SERVER = ("This case file is on this computer, not on the trust's server: save the "
                 "school summary as a file and send it to the trust.")


def _counted(desk: Desk, how: str) -> SchoolSummary:
    """Today's counts, and the audit entry saying ``how`` they left the school."""
    today = desk.today()
    on_roll = pupils.list_pupils(desk)
    info = school.get(desk)
    summary = summary_of(
        info.name, today,
        evidence.summarise_register(on_roll, sen_history.status_spans(desk), today),
        evidence_pack.ehcp_timeliness(desk, {r.id: r for r in on_roll}, info.lead_times))
    report_data.record_export(desk, EXPORTED,
                              summary=f"{EXPORTED} {how}: {summary.on_register:,} pupils on "
                              "the register, counts only")
    return summary


@composite(Permission.EXPORT, Permission.READ_SUPPORT, Permission.READ_EHCP)
def school_summary(desk: Desk) -> SchoolSummary:
    """Today's register by status, need and year group, and the timeliness of EHC needs
    assessments and annual reviews, as counts with no pupil named (to save as a file)."""
    return _counted(desk, "as a file")


@composite(Permission.EXPORT, Permission.READ_SUPPORT, Permission.READ_EHCP,
           Permission.EDIT_SCHOOL)
def share_with_trust(desk: Desk) -> SchoolSummary:
    """Share today's summary with the trust on the school's server, where the trust's login
    reads it (the newest the school has shared). ValidationError on a case file kept on this
    computer: it is sent as a file instead."""
    if not backups.on_server(desk):
        raise ValidationError("summary", NOT_ON_SERVER)
    summary = _counted(desk, "shared on the trust's server")
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        session.add(TrustSummary(shared_at=datetime.now(UTC), shared_by=desk.actor.username,
                                 summary_json=summary_json(summary).decode()))
    return summary


@dataclass(frozen=True)
class LastShared:
    """When the school last shared its summary with the trust, and who shared it."""

    at: datetime
    by: str


def last_shared(desk: Desk) -> LastShared | None:
    """The school's newest summary shared with the trust, or None if it never has been."""
    with desk.unit(Permission.EXPORT) as session:
        newest = session.exec(select(TrustSummary).order_by(
            col(TrustSummary.shared_at).desc(), col(TrustSummary.id).desc())).first()
    if newest is None:
        return None
    at = newest.shared_at if newest.shared_at.tzinfo else newest.shared_at.replace(tzinfo=UTC)
    return LastShared(at.astimezone(), newest.shared_by)


def summary_json(summary: SchoolSummary) -> bytes:
    """The summary as the file a school sends its trust."""
    return (json.dumps(summary.to_json(), indent=2, ensure_ascii=False) + "\n").encode()


def read_summary(path: Path) -> SchoolSummary:
    """One school's summary file; ValidationError naming the file and what is wrong."""
    try:
        written = path.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError("summary", f"there is no file {path}") from None
    except (OSError, UnicodeDecodeError):
        raise ValidationError("summary", f"{path} is not a school summary exported by "
                              "sencodesk") from None
    return _parsed(written, str(path))


def _parsed(written: str, where: str) -> SchoolSummary:
    """A summary from its JSON; ValidationError naming ``where`` it came from."""
    try:
        return SchoolSummary.from_json(json.loads(written))
    except json.JSONDecodeError:
        raise ValidationError("summary", f"{where} is not a school summary exported by "
                              "sencodesk") from None
    except ValidationError as error:
        raise ValidationError("summary", f"{where}: {error.label} {error.message}") from None


def _sheet(summaries: list[SchoolSummary], trust: str, produced_by: str,
           not_shared: tuple[str, ...] = ()) -> TrustDashboardSheet:
    meta = DocumentMeta(school=trust.strip() or "The trust", produced_by=produced_by,
                        produced_at=datetime.now(), title="Trust dashboard")
    return TrustDashboardSheet(meta, combine(summaries), not_shared)


def dashboard(paths: Sequence[Path], trust: str) -> TrustDashboardSheet:
    """The trust's dashboard from its schools' summary files (no case file is opened)."""
    return _sheet([read_summary(path) for path in paths], trust, getpass.getuser())


def dashboard_from_server(url: str, login: str, password: str,
                          trust: str) -> TrustDashboardSheet:
    """The trust's dashboard from the newest summary each school on the trust's server at
    ``url`` has shared, signed in as the trust's ``login`` (which reads nothing else), naming
    the schools that have shared none yet; NotFound if none has. Two schools of one
    name are told apart by their databases'."""
    schools = server.trust_summaries(url, login, password)
    summaries = {s.database: _parsed(s.summary_json, f"the summary shared by {s.database}")
                 for s in schools if s.summary_json is not None}
    if not summaries:
        raise NotFound("No school on the trust's server has shared its summary yet: each "
                       "school's SENCO shares it from Reports.")
    names = Counter(summary.school.casefold() for summary in summaries.values())
    told_apart = [replace(summary, school=f"{summary.school} ({database})")
                  if names[summary.school.casefold()] > 1 else summary
                  for database, summary in summaries.items()]
    return _sheet(told_apart, trust, login,
                  tuple(s.database for s in schools if s.summary_json is None))
