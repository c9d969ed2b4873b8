"""A school's summary for its trust: counts only, for the trust's anonymised dashboard
(domain.trust_dashboard). Exporting it is audited like any export."""

from __future__ import annotations

from sencodesk.domain import evidence
from sencodesk.domain.permissions import Permission
from sencodesk.domain.trust_dashboard import SchoolSummary, summary_of
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
