"""Pictures of every document for docs/screenshots: each PDF made from the demo school exactly
as the app makes it, and chosen pages rendered to PNG on white paper with Qt's PDF renderer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from sencodesk.domain.clock import academic_year_bounds
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.records import PassportContent
from sencodesk.reports import render
from sencodesk.services import (
    ehcp,
    evidence_pack,
    passports,
    pupils,
    report_data,
    subject_access,
)
from sencodesk.services.context import Desk

WIDTH = 1240  # 150 dpi across A4


def page_images(pdf: bytes, pages: Sequence[int]) -> list[QImage]:
    """The given pages (0-based) of ``pdf`` as opaque images on white."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = QSize(WIDTH, round(WIDTH * 297 / 210))
    images = []
    for page in pages:
        if page >= document.pageCount():
            continue
        paper = QImage(size, QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, document.render(page, size))
        painter.end()
        images.append(paper)
    return images


def save_documents(desk: Desk, out: Path) -> list[str]:
    """Make each document and save its telling pages; returns the file names."""
    register = pupils.list_pupils(desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    with_passport = passports.latest_for(desk, [r.id for r in register])
    first = next(r for r in register if r.id in with_passport)
    requests = ehcp.requests_for(desk, [r.id for r in register])
    with_request = next(r.id for r in register if requests.get(r.id))
    long = next(r for r in register if r.id in with_passport and r.id != first.id)
    passports.save(desk, long.id, _long_passport())
    year_starts, year_ends = academic_year_bounds(desk.today())
    documents: list[tuple[str, Callable[[], object], Sequence[int]]] = [
        ("passport", lambda: report_data.passport(desk, first.id), (0,)),
        ("passport-long", lambda: report_data.passport(desk, long.id), (0,)),
        ("plan", lambda: report_data.plan(desk, first.id), (0, 1)),
        ("ehcp-chronology", lambda: report_data.ehcp_chronology(desk, with_request), (0, 1)),
        ("register", lambda: report_data.register(desk), (0,)),
        ("provision-map", lambda: report_data.provision_map(
            desk, starts_on=year_starts, ends_on=year_ends), (0,)),
        ("subject-access", lambda: subject_access.gather(desk, with_request), (0, 1)),
        ("evidence-pack", lambda: evidence_pack.evidence_pack(
            desk, anonymise=True, case_ids=[register[0].id, with_request]), range(8)),
    ]
    saved = []
    for name, gather, pages in documents:
        for number, image in enumerate(page_images(render(gather()).pdf, pages)):
            filename = f"pdf-{name}.png" if number == 0 else f"pdf-{name}-p{pages[number] + 1}.png"
            image.save(str(out / filename))
            saved.append(filename)
    return saved


def _long_passport() -> PassportContent:
    """Far more than a page, to show the passport shrinking to fit and saying what to cut."""
    strategies = "\n".join(f"Strategy {n}: give me a moment, then a clear next step, and check "
                           "I have understood before moving on." for n in range(1, 26))
    return PassportContent(
        about_me="I love drawing dragons and building things. " * 12,
        important_to_me="My dog Biscuit, my gran and football on Saturdays. " * 10,
        support_me=strategies, find_difficult="Loud rooms, changes of plan. " * 20,
        help_myself="I use my fidget and my exit card. " * 15,
        current_provision="Speech and language therapy weekly; Lexia three times a week.",
        key_information="Reading age 8 years 6 months (October 2026).")
