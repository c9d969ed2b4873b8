"""Right-to-left scripts (Arabic, Hebrew) in every PDF: joined letters, right order.

ReportLab draws the characters of a line left to right in the order they were typed, so Arabic
came out unjoined and Arabic and Hebrew reversed. Two steps put that right:

* :func:`shape` (called by ``theme.markup`` on every piece of text) replaces Arabic letters by
  their joined presentation forms (arabic-reshaper) while the text is still in typed order, so
  ReportLab measures and wraps the letters that will be drawn;
* :func:`install` makes ReportLab's paragraph drawing put each *line*, after wrapping, into
  display order with the Unicode Bidirectional Algorithm (python-bidi, UAX #9): a paragraph
  that wraps keeps its first words on its first line, and Latin words, digits and dates inside
  Arabic or Hebrew text stay readable left to right.

The fallback font (DejaVu Sans) has the Arabic presentation forms and Hebrew.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import arabic_reshaper
from bidi import algorithm as uba
from reportlab.platypus import paragraph

#: Hebrew, Arabic (with Syriac, Thaana, NKo and the Arabic supplements) and their
#: presentation forms: characters whose presence means a line needs reordering.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def shape(text: str) -> str:
    """``text`` with Arabic letters in their joined forms, still in typed order."""
    return arabic_reshaper.reshape(text) if _ARABIC.search(text) else text


def visual_order(text: str) -> tuple[str, list[int]]:
    """One line of ``text`` in display order, and for each character displayed the index of
    the character of ``text`` it comes from (the paragraph direction is that of the first
    strong character, as UAX #9 rule P2 says)."""
    storage = uba.get_empty_storage()
    base = uba.get_base_level(text)
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(text, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    chars = storage["chars"]
    return "".join(c["ch"] for c in chars), [c["index"] for c in chars]


def single_line(text: str) -> str:
    """A one-line label (drawn straight on the canvas, as in charts) shaped and in display
    order."""
    shaped = shape(text)
    return visual_order(shaped)[0] if has_rtl(shaped) else shaped


def _visual_words(words: list[str]) -> list[str]:
    """A line of plain words (one font) in display order."""
    line = " ".join(words)
    if not has_rtl(line):
        return words
    return visual_order(line)[0].split(" ")


def _visual_frags(frags: list[Any]) -> list[Any]:
    """A line of styled fragments in display order: the line's text is reordered as a whole,
    and each run of characters keeps the style of the fragment it came from."""
    if any(hasattr(f, "cbDefn") or not hasattr(f, "text") for f in frags):
        return frags  # images and links inline: left as they are
    text = "".join(f.text for f in frags)
    if not has_rtl(text):
        return frags
    owner = [i for i, f in enumerate(frags) for _ in f.text]
    display, origin = visual_order(text)
    out: list[Any] = []
    run: list[str] = []
    current = -1
    for char, index in zip(display, origin, strict=True):
        if owner[index] != current and run:
            out.append(frags[current].clone(text="".join(run)))
            run = []
        current = owner[index]
        run.append(char)
    if run:
        out.append(frags[current].clone(text="".join(run)))
    return out


def _plain_line(draw: Callable[..., Any]) -> Callable[..., Any]:
    def drawn(tx: Any, offset: float, extraspace: float, words: list[str], last: int = 0) -> Any:
        return draw(tx, offset, extraspace, _visual_words(list(words)), last)
    return drawn


def _frag_line(put: Callable[..., Any]) -> Callable[..., Any]:
    def drawn(cur_x: float, tx: Any, line: Any, last: int, kind: int) -> Any:
        words = _visual_frags(list(line.words))
        if words is not line.words:
            line = line.clone(words=words)
        return put(cur_x, tx, line, last, kind)
    return drawn


_INSTALLED: list[bool] = []


def install() -> None:
    """Reorder right-to-left text as paragraph lines are drawn (once per process; measuring
    and wrapping are untouched, so splitting a paragraph across pages is unaffected)."""
    if _INSTALLED:
        return
    for name in ("_leftDrawParaLine", "_centerDrawParaLine", "_rightDrawParaLine",
                 "_justifyDrawParaLine"):
        setattr(paragraph, name, _plain_line(getattr(paragraph, name)))
    paragraph._putFragLine = _frag_line(paragraph._putFragLine)
    _INSTALLED.append(True)
