"""Which writing systems sencodesk's documents can print correctly.

The PDFs' fonts (Atkinson Hyperlegible with DejaVu Sans) draw Latin, Greek, Cyrillic, Arabic
and Hebrew, and Arabic and Hebrew are joined and ordered right to left (reports.bidi). Scripts
that need a font or shaping the documents do not have (Devanagari, Bengali, Chinese, Thai and
others) would print as question marks or lose letters, so text in them is refused where it is
typed, with the reason, rather than printed wrong.
"""

from __future__ import annotations

import unicodedata

PRINTABLE = ("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW")


def script_of(char: str) -> str | None:
    """The script of a letter or mark (the first word of its Unicode name), or None for
    anything else (digits, punctuation, spaces, symbols)."""
    if unicodedata.category(char)[0] not in "LM":
        return None
    name = unicodedata.name(char, "")
    if name.startswith(("COMBINING", "MODIFIER")):
        return None  # accents and modifier letters go with any script
    return name.split(" ")[0] if name else "UNKNOWN"


def unprintable(text: str) -> str | None:
    """The first script in ``text`` the documents cannot print, in words (e.g. "Devanagari"),
    or None if they can print all of it."""
    for char in text:
        script = script_of(char)
        if script is not None and script not in PRINTABLE:
            return script.capitalize()
    return None


def refusal(text: str) -> str | None:
    """Why ``text`` cannot be accepted, or None."""
    script = unprintable(text)
    if script is None:
        return None
    return (f"contains {script} script, which sencodesk's PDFs cannot yet print correctly "
            f"(they print Latin, Greek, Cyrillic, Arabic and Hebrew); please write it in one "
            "of those")
