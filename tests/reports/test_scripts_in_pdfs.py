"""Arabic and Hebrew print joined and in the right order in every PDF; names in every script
the documents can print are accepted, with vowel signs; other scripts are refused with why."""

from __future__ import annotations

import unicodedata

import pytest
from factories import add_pupil
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPdf import QPdfDocument

from sencodesk.domain import validation
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import PassportContent
from sencodesk.reports import render
from sencodesk.services import passports, report_data
from sencodesk.services.context import Desk

ARABIC = "يحب القراءة مع صديقه في المكتبة كل يوم بعد المدرسة ويحتاج إلى دعم إضافي في الرياضيات"
HEBREW = "אוהב לקרוא עם חבר בספרייה כל יום אחרי בית הספר וצריך תמיכה נוספת במתמטיקה"


def _read_back(pdf: bytes, qapp: QGuiApplication) -> tuple[str, QImage]:
    """What a PDF reader (PDFium, through QtPdf) extracts from the first page (it puts text
    drawn right to left back into typed order), and the page rendered."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    text = unicodedata.normalize("NFKC", document.getAllText(0).text())  # joined forms -> letters
    size = document.pagePointSize(0)
    image = document.render(0, QSize(int(size.width()), int(size.height())))
    return " ".join(text.split()), image


def test_arabic_and_hebrew_print_joined_and_in_order(desk: Desk, qapp: QGuiApplication) -> None:
    pid = add_pupil(desk, legal_forename="زينب", legal_surname="الحسيني")
    passports.save(desk, pid, PassportContent(about_me=ARABIC * 2, support_me=HEBREW * 2,
                                              important_to_me="Reading القراءة and maths"))
    pdf = render(report_data.passport(desk, pid)).pdf
    text, image = _read_back(pdf, qapp)
    for phrase in ("يحب القراءة مع صديقه", "دعم إضافي في الرياضيات",
                   "אוהב לקרוא עם חבר", "תמיכה נוספת במתמטיקה", "Reading القراءة and maths"):
        assert phrase in text, phrase
    assert "زينب" in text or "الحسيني زينب" in text
    assert not image.isNull() and image.width() > 0


def test_the_letters_drawn_are_the_joined_forms(desk: Desk) -> None:
    from pdf_checks import page_text

    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="القراءة"))
    drawn = " ".join(page_text(render(report_data.passport(desk, pid)).pdf))
    assert "\ufe8d" in drawn or "\ufedf" in drawn  # alef / lam in their presentation forms
    assert "\u0627\u0644\u0642" not in drawn  # not the unjoined letters


@pytest.mark.parametrize("name", ["مُحَمَّد", "שָׁלוֹם", "Zoë", "Nguyễn", "Łukasiewicz-Smith",
                                  "O’Brien", "Дмитрий", "Σοφία"])
def test_names_in_printable_scripts_with_their_marks_are_accepted(name: str) -> None:
    assert validation.name("forename", name) == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(("name", "why"), [
    ("प्रिया", "Devanagari script"), ("王芳", "Cjk script"), ("Ann3", "a digit"),
    ("Jo😀", "'😀'"), ("-Ann", "start with a letter"),
])
def test_other_names_are_refused_saying_why(name: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        validation.name("forename", name)


def test_chart_labels_print_right_to_left_too(qapp: QGuiApplication) -> None:
    import io

    from reportlab.platypus import SimpleDocTemplate

    from sencodesk.reports import charts

    label = "القراءة مع صديق"
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([charts.bars([(label, 60), ("Reading", 40)], width=400)])
    text, _ = _read_back(buffer.getvalue(), qapp)
    assert label in text
