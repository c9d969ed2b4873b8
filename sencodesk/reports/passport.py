"""The pupil passport: one A4 page, in the pupil's own words, that a supply teacher can read in a
minute (SEND Code of Practice 6.48; see SEND-RULES "Pupil passport").

The page never spills: the body type steps down from 12 pt to a 7.5 pt floor until everything
fits; if it still does not, the longest sections are cut short with an ellipsis and the result
carries a warning naming each one, so the SENCO can shorten the text at source.
"""

from __future__ import annotations

import io
from collections.abc import Hashable, Sequence

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus import Paragraph as _Paragraph

from sencodesk.domain import pictures
from sencodesk.domain.documents import DocumentMeta, PassportSet
from sencodesk.domain.records import PASSPORT_HEADINGS, PassportRecord, PupilRow, SincePrinted
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered

BODY_SIZES: tuple[float, ...] = tuple(12 - 0.5 * step for step in range(10))  # 12 pt .. 7.5 pt
FLOOR_SIZE = BODY_SIZES[-1]
PHOTO_WIDTH = 34 * mm
PHOTO_HEIGHT = 42 * mm
GAP = 4 * mm
CONTACTS = "Key contacts"
ELLIPSIS = "…"

# Two cards side by side, or one across the page; "How best to support me" is the highlight.
_LAYOUT: tuple[tuple[str, ...], ...] = (
    ("about_me", "important_to_me"),
    ("support_me",),
    ("find_difficult", "help_myself"),
    ("current_provision", "key_information"),
    ("contacts",),
)
_TITLES = {**dict(PASSPORT_HEADINGS), "contacts": CONTACTS}
CHANGED = "Changed"


def render_passport(
    meta: DocumentMeta,
    pupil: PupilRow,
    passport: PassportRecord,
    *,
    photo: bytes | None,
    contacts: Sequence[str],
    since: SincePrinted | None = None,
) -> Rendered:
    """Draw one pupil's passport on exactly one A4 page."""
    drawn, warnings = page(meta, pupil, passport, photo, contacts, since)
    pdf = pages.build_pdf(meta, drawn, subject=f"Pupil passport: {pupil.display_name}")
    return Rendered(pdf, tuple(warnings))


def render_passports(chosen: PassportSet) -> Rendered:
    """One page per pupil in one PDF (a single pupil's is exactly their passport). Warnings
    start with the pupil's name; pupils without a passport are named last."""
    missing = (f"No passport yet for: {', '.join(chosen.missing)}",) if chosen.missing else ()
    if len(chosen.sheets) == 1:
        one = chosen.sheets[0]
        result = render_passport(chosen.meta, one.pupil, one.passport, photo=one.photo,
                                 contacts=one.contacts, since=one.since)
        return Rendered(result.pdf, (*result.warnings, *missing))
    story: list[Flowable] = []
    warnings: list[str] = []
    for sheet in chosen.sheets:
        if story:
            story.append(PageBreak())
        drawn, notes = page(chosen.meta, sheet.pupil, sheet.passport, sheet.photo,
                            sheet.contacts, sheet.since)
        story.extend(drawn)
        warnings.extend(f"{sheet.pupil.display_name}: {note}" for note in notes)
    if not story:
        story.append(Paragraph("No passports were chosen.", theme.styles().body))
    pdf = pages.build_pdf(chosen.meta, story, subject="Pupil passports")
    return Rendered(pdf, (*warnings, *missing))


class Paragraph(_Paragraph):  # type: ignore[misc]  # ReportLab is untyped
    """A paragraph that breaks its lines once per width: a passport page is measured while
    fitting, again by its table and again when drawn, in every pack that holds it."""

    _measured: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._measured is not None and self._measured[0] == available_width:
            return self._measured[1]
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._measured = (available_width, size)
        return size


def page(
    meta: DocumentMeta,
    pupil: PupilRow,
    passport: PassportRecord,
    photo: bytes | None,
    contacts: Sequence[str],
    since: SincePrinted | None = None,
) -> tuple[list[Flowable], list[str]]:
    """The flowables for one passport page and its warnings; with ``since``, the sections
    changed since the reader's last print are marked. The same page asked for again (a pupil
    in ten teachers' packs) is the same flowables, laid out once."""
    page_key = (pupil, passport, tuple(contacts), photo, since, meta.produced_at.date())
    drawn = _DRAWN.get(page_key)
    if drawn is None:
        drawn = _page(meta, pupil, passport, photo, contacts, since)
        if len(_DRAWN) >= _DRAWN_MOST:
            _DRAWN.clear()
        _DRAWN[page_key] = drawn
    return list(drawn[0]), list(drawn[1])


#: Pages drawn lately, to hand out again: flowables are laid out afresh in each document but
#: keep what they measured (ReportLab tables size their columns once), so a second copy is cheap.
_DRAWN: dict[Hashable, tuple[list[Flowable], list[str]]] = {}
_DRAWN_MOST = 2000


def _page(
    meta: DocumentMeta,
    pupil: PupilRow,
    passport: PassportRecord,
    photo: bytes | None,
    contacts: Sequence[str],
    since: SincePrinted | None,
) -> tuple[list[Flowable], list[str]]:
    changed = frozenset(since.sections) if since else frozenset()
    warnings: list[str] = []
    texts = {key: getattr(passport.content, key).strip() for key, _ in PASSPORT_HEADINGS}
    texts["contacts"] = "\n".join(c.strip() for c in contacts if c.strip())
    for key, text in texts.items():
        missing = theme.missing_glyphs(text)
        if missing:
            warnings.append(
                f"{_TITLES[key]} has characters that cannot be printed "
                f"({' '.join(sorted(missing))}); they are shown as plain letters"
            )
    image = _photo(photo, warnings) if photo else None
    hero = _hero(meta, pupil, passport, image, since)

    (how, value), body = _fit(hero, texts, changed)
    if how == "cap":
        cap = int(value)
        texts = {key: _truncate(text, cap) for key, text in texts.items()}
        body = _sections(texts, FLOOR_SIZE, changed)
        warnings.extend(
            f"{_TITLES[key]} is too long to fit on one page; shorten it"
            for key, text in texts.items() if text.endswith(ELLIPSIS)
        )
    # Belt and braces: whatever happens above, this page cannot overflow onto a second.
    return [KeepInFrame(theme.FRAME_WIDTH, theme.FRAME_HEIGHT, [hero, *body], mode="shrink")], \
        warnings


def _fit(hero: Flowable, texts: dict[str, str], changed: frozenset[str],
         ) -> tuple[tuple[str, float], list[Flowable]]:
    """The largest body size at which the page fits, with the cards laid out at it; else how
    many characters each section may keep at the floor size (and no cards yet)."""
    for size in BODY_SIZES:
        body = _sections(texts, size, changed)
        if _fits(hero, body):
            return ("size", size), body
    return ("cap", _largest_cap_that_fits(hero, texts)), []


def _fits(hero: Flowable, body: Sequence[Flowable]) -> bool:
    return bool(_height([hero, *body]) <= theme.FRAME_HEIGHT - 2)


def _height(flowables: Sequence[Flowable]) -> float:
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(theme.FRAME_WIDTH, theme.FRAME_HEIGHT)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _largest_cap_that_fits(hero: Flowable, texts: dict[str, str]) -> int:
    """The largest number of characters every section may keep so the page fits at the floor
    size: only sections longer than the cap are cut, so the longest ones go first."""
    low, high = 0, max(len(text) for text in texts.values())
    while low < high:
        middle = (low + high + 1) // 2
        trial = {key: _truncate(text, middle) for key, text in texts.items()}
        if _fits(hero, _sections(trial, FLOOR_SIZE)):
            low = middle
        else:
            high = middle - 1
    return low


def _truncate(text: str, cap: int) -> str:
    """``text`` cut to about ``cap`` characters at a word break, ending with an ellipsis."""
    if len(text) <= cap:
        return text
    cut = text[:max(cap - 1, 0)]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > cap * 0.7:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\n") + ELLIPSIS


def _photo(photo: bytes, warnings: list[str]) -> Flowable | None:
    """The photo scaled to fit its box, keeping its shape; None (with a warning) if unreadable."""
    size = pictures.picture_size(photo)
    if size is None:  # cut short or damaged: drawing it would fail part-way through the PDF
        warnings.append("The photo could not be read, so initials are shown instead")
        return None
    width, height = size
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    return Image(io.BytesIO(photo), width=width * scale, height=height * scale)


class Initials(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A calm placeholder for a missing photo: the pupil's initials in a tinted box."""

    def __init__(self, initials: str) -> None:
        super().__init__()
        self.width, self.height = PHOTO_WIDTH, PHOTO_HEIGHT
        style = ParagraphStyle(
            "initials", fontName=theme.FONT_BOLD, fontSize=30, leading=34,
            textColor=theme.ACCENT, alignment=TA_CENTER,
        )
        self._text = Paragraph(theme.markup(initials), style)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(theme.TINT)
        canvas.setStrokeColor(theme.RULE)
        canvas.roundRect(0, 0, self.width, self.height, 6, stroke=1, fill=1)
        _, height = self._text.wrap(self.width, self.height)
        self._text.drawOn(canvas, 0, (self.height - height) / 2 + 2)


def _hero(
    meta: DocumentMeta, pupil: PupilRow, passport: PassportRecord, image: Flowable | None,
    since: SincePrinted | None = None,
) -> Flowable:
    """Photo beside the name, year and class, and the dates (and what changed since the
    reader's last print)."""
    s = theme.styles(12)
    name = ParagraphStyle("name", parent=s.h1, fontSize=26, leading=30, spaceAfter=2)
    place = ParagraphStyle("place", parent=s.body, fontSize=14, leading=18, spaceAfter=6)
    dates = ParagraphStyle("dates", parent=s.body, fontSize=11, leading=14, textColor=theme.MUTED)
    where = pupil.year_group.label + (f" · Class {theme.markup(pupil.form)}" if pupil.form else "")
    review = f"Next review <b>{theme.uk_date(passport.review_on)}</b>"
    if passport.review_on < meta.produced_at.date():
        review += f' <font color="{theme.MARKING_RED.hexval()}">(overdue)</font>'
    text = [
        Paragraph("PUPIL PASSPORT", ParagraphStyle("kicker", parent=s.label, fontSize=9)),
        Paragraph(theme.markup(pupil.display_name), name),
        Paragraph(where, place),
        Paragraph(f"Written <b>{theme.uk_date(passport.written_on)}</b>"
                  f"&nbsp;&nbsp;·&nbsp;&nbsp;{review}", dates),
    ]
    if since:
        text.append(Paragraph(
            f'<font color="{theme.MARKING_RED.hexval()}"><b>{CHANGED} since your copy '
            f"printed on {theme.uk_date(since.printed_at.date())}:</b> "
            f"{theme.markup(', '.join(since.titles))}</font>", dates))
    picture = image or Initials(_initials(pupil))
    table = Table([[picture, text]], colWidths=[PHOTO_WIDTH + 6 * mm, None])
    table.setStyle(theme.table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, theme.ACCENT),
    ]))
    table.spaceAfter = GAP
    return table


def _initials(pupil: PupilRow) -> str:
    return "".join(part[:1].upper() for part in (pupil.forename, pupil.surname) if part)


def _card(key: str, text: str, size: float, changed: bool = False) -> list[Flowable]:
    """A section heading and its body at ``size`` points; a changed one is marked."""
    s = theme.styles(size)
    heading = ParagraphStyle(f"card{size}", parent=s.h3, spaceBefore=0, textColor=theme.ACCENT)
    if key == "support_me":
        heading = ParagraphStyle(f"cardhl{size}", parent=heading, textColor=theme.INK)
    title = theme.markup(_TITLES[key])
    if changed:
        title += (f'&nbsp;&nbsp;<font size="{size * 0.8:.1f}" '
                  f'color="{theme.MARKING_RED.hexval()}">{CHANGED.upper()}</font>')
    parts: list[Flowable] = [Paragraph(title, heading)]
    if not text:
        parts.append(Paragraph("Not written yet.", s.muted))
    elif key in ("support_me", "contacts"):
        lines = [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]
        parts.extend(Paragraph(theme.markup(line), s.bullet, bulletText="•") for line in lines)
    else:
        for block in text.split("\n\n"):
            if block.strip():
                parts.append(Paragraph(theme.markup(block.strip()), s.body))
    return parts


def _sections(texts: dict[str, str], size: float,
              changed: frozenset[str] = frozenset()) -> list[Flowable]:
    """The section cards, laid out in rows of one or two, at body size ``size``; those in
    ``changed`` are marked and edged in red."""
    pad = max(size * 0.6, 5)
    flowables: list[Flowable] = []
    for row in _LAYOUT:
        if len(row) == 2:
            half = (theme.FRAME_WIDTH - GAP) / 2
            cells = [[_card(row[0], texts[row[0]], size, row[0] in changed), "",
                      _card(row[1], texts[row[1]], size, row[1] in changed)]]
            table = Table(cells, colWidths=[half, GAP, half])
            backgrounds: list[tuple[object, ...]] = [
                ("BACKGROUND", (0, 0), (0, 0), theme.TINT),
                ("BACKGROUND", (2, 0), (2, 0), theme.TINT),
            ]
        else:
            table = Table([[_card(row[0], texts[row[0]], size, row[0] in changed)]],
                          colWidths=[theme.FRAME_WIDTH])
            colour = theme.HIGHLIGHT if row[0] == "support_me" else theme.TINT
            backgrounds = [("BACKGROUND", (0, 0), (0, 0), colour)]
            if row[0] == "support_me":
                backgrounds.append(("LINEBEFORE", (0, 0), (0, 0), 3, theme.HIGHLIGHT_EDGE))
        backgrounds += [("LINEBEFORE", (column, 0), (column, 0), 3, theme.MARKING_RED)
                        for column, key in zip((0, 2), row, strict=False) if key in changed]
        table.setStyle(theme.table_style([
            *backgrounds,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.4),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.4),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("LEFTPADDING", (1, 0), (1, 0), 0),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ]))
        flowables.append(table)
        flowables.append(Spacer(1, GAP * min(size / 12, 1)))
    flowables.pop()
    return flowables

