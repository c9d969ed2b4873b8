"""Output that a terminal cannot be made to act on.

A name, class or note typed into the case file (or arriving in an import) may hold control
characters: an escape sequence printed raw could retitle the window, hide text, rewrite earlier
lines or, on some terminals, inject input. Every command's standard output and error pass
through :func:`printable_output`, which shows such characters as ``\\x1b``-style codes instead.
Line feeds and tabs are kept.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

#: C0 controls (but tab and line feed), DEL and the C1 controls (0x9b is a one-byte CSI).
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))
             if code not in (0x09, 0x0A)}


def printable(text: str) -> str:
    """``text`` with every control character but tab and line feed shown as a code."""
    return text.translate(_CONTROLS)


class _Printable:
    """A text stream that writes only printable text to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` show control characters as codes."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(out), _Printable(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
