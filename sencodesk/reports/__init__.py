"""Printable documents (ReportLab PDFs) drawn from plain domain data.

Each module draws one document from the frozen sheets of :mod:`sencodesk.domain.documents`;
none of them touches the database, services or Qt. :mod:`sencodesk.reports.theme` holds the
shared fonts, colours and page furniture. :func:`render` is the one door: give it any sheet a
service gathered and get the PDF back with its warnings.
"""

from __future__ import annotations

from functools import singledispatch

from sencodesk.domain import documents
from sencodesk.reports.theme import Rendered

__all__ = ["Rendered", "pdf_bytes", "render"]


@singledispatch
def render(sheet: object) -> Rendered:
    """The PDF for ``sheet`` (a dataclass from :mod:`sencodesk.domain.documents`)."""
    raise TypeError(f"no document is drawn from {type(sheet).__name__}")


def pdf_bytes(sheet: object) -> bytes:
    """Just the PDF's bytes, for services that pack documents without drawing them."""
    return render(sheet).pdf


def _register() -> None:
    from sencodesk.domain.census_check import CensusCheckSheet
    from sencodesk.domain.info_report import InfoReportSheet
    from sencodesk.domain.letters import LetterSet
    from sencodesk.domain.request_pack import RequestPackSheet
    from sencodesk.domain.review_paperwork import ReviewSheet
    from sencodesk.domain.trust_dashboard import TrustDashboardSheet
    from sencodesk.reports.census_check import render_census_check
    from sencodesk.reports.chronology import render_chronology
    from sencodesk.reports.cover_sheet import render_cover_sheet
    from sencodesk.reports.evidence_pack import render_evidence_pack
    from sencodesk.reports.info_report import info_report_pdf
    from sencodesk.reports.letters import letters_pdf
    from sencodesk.reports.passport import render_passports
    from sencodesk.reports.plan import render_plan_sheet
    from sencodesk.reports.provision_map import render_provision_map
    from sencodesk.reports.register import render_register
    from sencodesk.reports.request_pack import render_request_pack
    from sencodesk.reports.review_report import review_report_pdf
    from sencodesk.reports.subject_access import render_subject_access
    from sencodesk.reports.teacher_pack import render_teacher_pack
    from sencodesk.reports.trust_dashboard import render_trust_dashboard

    render.register(documents.PassportSet, render_passports)
    render.register(documents.TeacherPack, render_teacher_pack)
    render.register(documents.CoverSheet, render_cover_sheet)
    render.register(documents.PlanSheet, render_plan_sheet)
    render.register(documents.ChronologySheet, render_chronology)
    render.register(documents.RegisterSheet, render_register)
    render.register(documents.ProvisionMapSheet, render_provision_map)
    render.register(documents.OfstedPack, render_evidence_pack)
    render.register(documents.SubjectAccessSheet, render_subject_access)
    render.register(CensusCheckSheet, render_census_check)
    render.register(InfoReportSheet, lambda sheet: Rendered(info_report_pdf(sheet)))
    render.register(LetterSet, lambda sheet: Rendered(letters_pdf(sheet)))
    render.register(RequestPackSheet, render_request_pack)
    render.register(ReviewSheet, lambda sheet: Rendered(review_report_pdf(sheet)))
    render.register(TrustDashboardSheet, render_trust_dashboard)


_register()
