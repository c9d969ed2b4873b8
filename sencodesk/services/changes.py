"""Whether someone else (another window, a command, a colleague on the server) has changed the
case file since a window last looked, so that it can show their work within a second or two."""

from __future__ import annotations

from sencodesk.services.context import Desk

Token = object


def changes_since(desk: Desk, token: Token | None) -> tuple[bool, Token]:
    """Whether anything was saved since ``token`` (None: the first look, which says no), and
    the token to pass next time. Reveals nothing about what changed, so needs no permission;
    cheap enough to ask every second."""
    return desk.db.changes_since(token)
