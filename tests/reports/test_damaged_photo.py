"""A photo cut short keeps a valid PNG header: it is refused when chosen, and one stored before
that check prints as initials in the passport, the class set and the evidence pack."""

from __future__ import annotations

import pytest
from factories import add_pupil, photo_png
from pdf_checks import page_text

from sencodesk.domain.errors import ValidationError
from sencodesk.domain.pictures import picture_size
from sencodesk.domain.records import PassportContent
from sencodesk.reports import render
from sencodesk.services import evidence_pack, passports, records_log, report_data
from sencodesk.services.context import Desk
from sencodesk.store.tables import Pupil

TRUNCATED = photo_png()[:600]


def test_the_crafted_file_has_a_valid_header_but_does_not_decode() -> None:
    import io

    from PIL import Image

    assert Image.open(io.BytesIO(TRUNCATED)).size == (300, 380)  # the header alone passes
    assert picture_size(TRUNCATED) is None
    assert picture_size(photo_png()) == (300, 380)


def test_a_truncated_photo_is_refused_when_attached(desk: Desk) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match="cut short"):
        records_log.set_photo(desk, pid, TRUNCATED)
    assert records_log.photo(desk, pid) is None


def _store_unchecked(desk: Desk, pid: int) -> None:
    """As an earlier version stored it, without decoding it."""
    name = records_log.blobs(desk).put(TRUNCATED)
    with desk.db.transaction() as session:
        pupil = session.get(Pupil, pid)
        assert pupil is not None
        pupil.photo_sha256 = name
        session.add(pupil)


def test_a_stored_truncated_photo_prints_as_initials(desk: Desk) -> None:
    pid = add_pupil(desk, legal_forename="Amara", legal_surname="Okafor", form="7Q")
    passports.save(desk, pid, PassportContent(about_me="I like drawing"))
    _store_unchecked(desk, pid)
    passport = render(report_data.passport(desk, pid))
    assert "AO" in page_text(passport.pdf)[0]
    assert any("initials" in w for w in passport.warnings)
    assert "AO" in page_text(render(report_data.class_set(desk, "7Q")).pdf)[0]
    pack = render(evidence_pack.evidence_pack(desk, case_ids=[pid]))
    assert any("AO" in text for text in page_text(pack.pdf))
