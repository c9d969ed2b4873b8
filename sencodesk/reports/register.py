"""The SEND register: a summary by status, then one line per pupil on SEN support or with an
EHC plan (name, UPN, year and class, status, needs, current provision), by surname."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.documents import RegisterSheet
from sencodesk.domain.records import PupilRow
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup

BODY_SIZE = 9.5


def render_register(sheet: RegisterSheet) -> Rendered:
    s = theme.styles(BODY_SIZE)
    statuses = Counter(line.pupil.status for line in sheet.lines)
    facts = [
        ("On the register", f"{len(sheet.lines):,} pupils"),
        (SenStatus.SUPPORT.label, f"{statuses[SenStatus.SUPPORT]:,}"),
        (SenStatus.EHCP.label, f"{statuses[SenStatus.EHCP]:,}"),
        ("As at", uk(sheet.meta.produced_at)),
    ]
    story: list[Flowable] = theme.title_block("SEND register", markup(sheet.meta.school), facts,
                                              size=BODY_SIZE)
    if not sheet.lines:
        story.append(Paragraph("No pupil is on the SEND register.", s.muted))
        return Rendered(pages.build_pdf(sheet.meta, story))
    rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in (
        "Name", "UPN", "Class", "Status", "Needs", "Current provision")]]
    for line in sheet.lines:
        pupil = line.pupil
        needs = " / ".join(n.value for n in (pupil.primary_need, pupil.secondary_need) if n)
        rows.append([
            Paragraph(f"<b>{markup(pupil.sort_name)}</b>", s.cell),
            pupil.upn,
            _plain_or_marked(_year_and_class(pupil)),
            pupil.status.value,
            needs or "None recorded",
            Paragraph(markup(", ".join(line.provision)) or "None planned", s.cell),
        ])
    story += [Spacer(1, 2 * mm),
              Paragraph("Status: K = SEN support, E = EHC plan. Needs: primary / secondary, "
                        "as school census codes.", s.muted),
              theme.grid(rows, [44 * mm, 30 * mm, 20 * mm, 13 * mm, 22 * mm, None],
                         text_size=s.cell.fontSize)]
    return Rendered(pages.build_pdf(sheet.meta, story, subject="SEND register"))


def _year_and_class(pupil: PupilRow) -> str:
    """"10D" when the class name starts with the year, else "10 (Oak)" or just "10"."""
    year, form = pupil.year_group.short, pupil.form.strip()
    if form.startswith(year) and not form[len(year):len(year) + 1].isdigit():
        return form
    return f"{year} ({form})" if form else year


def _plain_or_marked(text: str) -> Flowable | str:
    """Plain text where the font has every character (fast); a Paragraph otherwise, so a
    class called "Łódź" still prints."""
    if text.isascii():
        return text
    return Paragraph(markup(text), theme.styles(BODY_SIZE).cell)
