"""A school's summary for its trust: counts only, for the trust's anonymised dashboard
(domain.trust_dashboard). Exporting it is audited like any export; drawing the dashboard from
the schools' summary files needs no case file."""

from __future__ import annotations

import getpass
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sencodesk.domain import evidence
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.trust_dashboard import (
    SchoolSummary,
    TrustDashboardSheet,
    combine,
    summary_of,
)
from sencodesk.services import evidence_pack, pupils, report_data, school, sen_history
from sencodesk.services.context import Desk, composite


@composite(Permission.EXPORT, Permission.READ_SUPPORT, Permission.READ_EHCP)
def school_summary(desk: Desk) -> SchoolSummary:
    """Today's register by status, need and year group, and the timeliness of EHC needs
    assessments and annual reviews, as counts with no pupil named."""
    today = desk.today()
    on_roll = pupils.list_pupils(desk)
    info = school.get(desk)
    summary = summary_of(
        info.name, today,
        evidence.summarise_register(on_roll, sen_history.status_spans(desk), today),
        evidence_pack.ehcp_timeliness(desk, {r.id: r for r in on_roll}, info.lead_times))
    report_data.record_export(desk, "school summary for the trust",
                              summary=f"school summary for the trust: {summary.on_register:,} "
                              "pupils on the register, counts only")
    return summary


def summary_json(summary: SchoolSummary) -> bytes:
    """The summary as the file a school sends its trust."""
    return (json.dumps(summary.to_json(), indent=2, ensure_ascii=False) + "\n").encode()


def read_summary(path: Path) -> SchoolSummary:
    """One school's summary file; ValidationError naming the file and what is wrong."""
    try:
        data = json.loads(path.expanduser().read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError("summary", f"there is no file {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError("summary", f"{path} is not a school summary exported by "
                              "sencodesk") from None
    try:
        return SchoolSummary.from_json(data)
    except ValidationError as error:
        raise ValidationError("summary", f"{path}: {error.label} {error.message}") from None


def dashboard(paths: Sequence[Path], trust: str) -> TrustDashboardSheet:
    """The trust's dashboard from its schools' summary files (no case file is opened)."""
    meta = DocumentMeta(school=trust.strip() or "The trust", produced_by=getpass.getuser(),
                        produced_at=datetime.now(), title="Trust dashboard")
    return TrustDashboardSheet(meta, combine([read_summary(path) for path in paths]))
