"""Charts draw what they say: a share fills that share of its track."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect

from sencodesk.reports import charts


def _bars(drawing: Drawing) -> list[Rect]:
    return [shape for shape in drawing.contents if isinstance(shape, Rect)]


def test_a_share_fills_that_share_of_the_track() -> None:
    drawing = charts.bars([("Lexia", 64.0), ("Toe by Toe", 32.0)], width=400, full_scale=100)
    track, lexia, track2, toe = _bars(drawing)
    assert track.width == track2.width
    assert round(lexia.width / track.width, 3) == 0.64
    assert round(toe.width / track.width, 3) == 0.32


def test_counts_scale_to_the_largest() -> None:
    drawing = charts.bars([("Year 7", 12.0), ("Year 8", 6.0)], width=400)
    track, seven, _track, eight = _bars(drawing)
    assert seven.width == track.width and eight.width == track.width / 2
