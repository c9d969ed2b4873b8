"""Small, plain charts drawn as vector graphics in the document's own font: labelled horizontal
bars, a line chart for a trend, and a budget gauge. Every chart sits beside a table or sentence
that gives the same numbers, so nothing is shown only as a picture."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from sencodesk.reports import bidi, theme

#: Series colours, distinguishable in greyscale and for common colour-vision differences.
SERIES = (theme.ACCENT, colors.HexColor("#D98E04"), colors.HexColor("#6B4C9A"),
          colors.HexColor("#1E6B2E"))
LABEL_SIZE = 8.0


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose starting font is ours (ReportLab's default would add an unembedded
    Helvetica to the page)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = theme.FONT
    return drawing


def _label_font(text: str, bold: bool = False) -> str:
    """Atkinson Hyperlegible, or the fallback font for Arabic or Hebrew (which it lacks)."""
    if bidi.has_rtl(text):
        return theme.FALLBACK
    return theme.FONT_BOLD if bold else theme.FONT


def _text(x: float, y: float, text: str, *, size: float = LABEL_SIZE, anchor: str = "start",
          bold: bool = False, colour: colors.Color = theme.INK) -> String:
    return String(x, y, bidi.single_line(text), fontName=_label_font(text, bold), fontSize=size,
                  fillColor=colour, textAnchor=anchor)


def bars(items: Sequence[tuple[str, float]], *, width: float,
         value_text: Callable[[float], str] = lambda v: f"{v:,.0f}",
         colour: colors.Color = theme.ACCENT, bar_height: float = 11,
         full_scale: float | None = None) -> Drawing:
    """One labelled horizontal bar per item. The track is ``full_scale`` (100 for shares, so
    64% fills 64% of it) or, for counts, the largest value."""
    theme.register_fonts()
    gap = 4
    label_width = max((stringWidth(bidi.single_line(label), _label_font(label), LABEL_SIZE)
                       for label, _ in items), default=0) + 8
    value_width = max((stringWidth(value_text(v), theme.FONT_BOLD, LABEL_SIZE)
                       for _, v in items), default=0) + 6
    scale = full_scale or max((v for _, v in items), default=0) or 1
    track = max(width - label_width - value_width, 20)
    height = len(items) * (bar_height + gap) + gap
    drawing = _drawing(width, height)
    for index, (label, value) in enumerate(items):
        y = height - (index + 1) * (bar_height + gap)
        drawing.add(_text(label_width - 6, y + 3, label, anchor="end"))
        drawing.add(Rect(label_width, y, track, bar_height, fillColor=theme.TINT,
                         strokeColor=None))
        length = track * value / scale
        if length > 0:
            drawing.add(Rect(label_width, y, length, bar_height, fillColor=colour,
                             strokeColor=None))
        drawing.add(_text(label_width + length + 3, y + 3, value_text(value), bold=True))
    return drawing


def lines(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
          width: float, height: float = 150) -> Drawing:
    """A line per series across ``labels`` (e.g. census dates), with a legend and gridlines."""
    theme.register_fonts()
    drawing = _drawing(width, height)
    left, right, bottom, top = 34, 10, 30, 22
    plot_w, plot_h = width - left - right, height - bottom - top
    peak = max((v for _, values in series for v in values), default=0)
    step = _nice_step(peak)
    ceiling = step * max(1, -(-peak // step)) if peak else step
    ticks = int(ceiling // step)
    for tick in range(ticks + 1):
        y = bottom + plot_h * tick / ticks
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=theme.RULE, strokeWidth=0.5))
        drawing.add(_text(left - 4, y - 3, f"{tick * step:,.0f}", anchor="end",
                          colour=theme.MUTED))
    count = len(labels)

    def x_of(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    for i, label in enumerate(labels):
        drawing.add(_text(x_of(i), bottom - 12, label, anchor="middle", size=7,
                          colour=theme.MUTED))
    for number, (name, values) in enumerate(series):
        colour = SERIES[number % len(SERIES)]
        points = [(x_of(i), bottom + plot_h * v / ceiling) for i, v in enumerate(values)]
        if len(points) > 1:
            drawing.add(PolyLine([c for p in points for c in p], strokeColor=colour,
                                 strokeWidth=1.8))
        for x, y in points:
            drawing.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=colors.white,
                               strokeWidth=0.6))
        legend_x = left + number * 150
        drawing.add(Rect(legend_x, height - 12, 10, 6, fillColor=colour, strokeColor=None))
        drawing.add(_text(legend_x + 14, height - 12, name))
    return drawing


def _nice_step(peak: float) -> float:
    """A round gridline step giving three to six lines up to ``peak``."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 5:
            return step
    return 10_000


def gauge(spent: float, budget: float, *, width: float, spent_text: str,
          budget_text: str, beyond: colors.Color = theme.MARKING_RED) -> Drawing:
    """A bar showing spending against a budget; past the budget line it takes ``beyond``."""
    theme.register_fonts()
    height = 34
    drawing = _drawing(width, height)
    scale = max(spent, budget) or 1
    bar_y, bar_h = 14, 12
    drawing.add(Rect(0, bar_y, width, bar_h, fillColor=theme.TINT, strokeColor=None))
    within = min(spent, budget) if budget else spent
    drawing.add(Rect(0, bar_y, width * within / scale, bar_h, fillColor=theme.ACCENT,
                     strokeColor=None))
    if budget and spent > budget:
        drawing.add(Rect(width * budget / scale, bar_y, width * (spent - budget) / scale, bar_h,
                         fillColor=beyond, strokeColor=None))
    if budget:
        x = width * budget / scale
        drawing.add(Line(x, bar_y - 3, x, bar_y + bar_h + 3, strokeColor=theme.INK,
                         strokeWidth=1.2))
        drawing.add(_text(min(max(x, 40), width), 2, budget_text, anchor="end" if x > width / 2
                          else "start"))
    drawing.add(_text(0, bar_y + bar_h + 4, spent_text, bold=True))
    return drawing
