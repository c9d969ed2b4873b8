"""Printable documents (ReportLab PDFs) drawn from plain domain data.

Each module takes frozen dataclasses from :mod:`sencodesk.domain.records` and returns PDF bytes;
none of them touches the database, services or Qt. :mod:`sencodesk.reports.theme` holds the
shared fonts, colours and page furniture.
"""

from sencodesk.reports.theme import DocumentMeta

__all__ = ["DocumentMeta"]
