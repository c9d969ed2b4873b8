"""Reading a PDF back: its text, its fonts and its paper size."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader


def page_text(pdf: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page, and whether its program is embedded (/FontFile2 for TTF)."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants.get_object()[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = bool(descriptor) and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return found


def is_a4(pdf: bytes) -> bool:
    for page in PdfReader(io.BytesIO(pdf)).pages:
        box = page.mediabox
        if abs(float(box.width) - 595.27) > 1 or abs(float(box.height) - 841.89) > 1:
            return False
    return True
