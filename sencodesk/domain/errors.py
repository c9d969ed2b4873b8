"""Typed errors whose message is written for a SENCO, not a programmer.

Every layer raises these; the GUI shows ``str(error)`` beside the field or in a dialog and the
command line prints it and exits non-zero.
"""

from __future__ import annotations


class SencodeskError(Exception):
    """Base of every error a user may see. ``str()`` is the user-facing text."""


class ValidationError(SencodeskError):
    """Input that breaks a rule. ``field`` is the stable id of the form field or CSV column at
    fault (a form places the message beside the field by it, whatever language its labels
    are in); ``label`` is how a person names that field (by default the id), shown when the
    message stands alone, as in ``describe()``."""

    def __init__(self, field: str, message: str, *, label: str | None = None,
                 row: int | None = None) -> None:
        self.field = field
        self.label = label or field
        self.message = message
        self.row = row
        where = f"row {row}, " if row is not None else ""
        super().__init__(f"{where}{self.label}: {message}")

    def describe(self) -> str:
        """The message standing alone: "UPN: check letter should be B, not C", the label's
        first letter upper-cased and nothing else changed (``str.capitalize`` would turn
        "UPN" into "Upn")."""
        return f"{self.label[:1].upper()}{self.label[1:]}: {self.message}"


class NotFound(SencodeskError):
    """A record the user asked for does not exist (or is not theirs to see)."""


class Conflict(SencodeskError):
    """The change clashes with what is already stored, e.g. a duplicate UPN."""


class StaleEdit(Conflict):
    """A save over a change someone else made after the form was opened: refused, saying who
    made it and when, so that nothing they wrote is silently undone."""

    def __init__(self, what: str, changed_by: str, changed_at: str) -> None:
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at  # "10:42 on 02/12/2026", or "" if the trail does not say
        when = f" at {changed_at}" if changed_at else ""
        super().__init__(
            f"{changed_by} changed this {what}{when} after you opened it, so your changes were "
            "not saved: they would have undone theirs. Open it again to see their version "
            "and make your change there.")


class PermissionDenied(SencodeskError):
    """The signed-in member of staff's role does not allow this."""


class OutsideView(PermissionDenied):
    """A Teacher asked for a pupil they do not teach (nor have shared with them)."""

    def __init__(self, pupil_id: int | None) -> None:
        self.pupil_id = pupil_id
        super().__init__("This pupil is not in any of your teaching groups today, and has not "
                         "been shared with you. Ask your SENCO if you need to see them.")


class AuthenticationFailed(SencodeskError):
    """Sign-in failed. The message never says whether the account exists."""


class StoreError(SencodeskError):
    """The database file cannot be used: missing, corrupt, not ours, or from a newer version."""
