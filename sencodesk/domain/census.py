"""Census rules for SEN status and need types (DfE school census guide: "SEN provision",
"SENtype"), checked before any history is changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sencodesk.domain.codes import HISTORICAL_STATUS, NeedType, SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError

MAX_RANKED_NEEDS = 2


def parse_status(code: str, *, field: str = "status") -> tuple[SenStatus, str | None]:
    """A status code and, for a historical code (A, P, S), a note of how it was mapped."""
    cleaned = code.strip().upper()
    if cleaned in HISTORICAL_STATUS:
        mapped = HISTORICAL_STATUS[cleaned]
        return mapped, f"historical code {cleaned} recorded as {mapped.value}"
    try:
        return SenStatus(cleaned), None
    except ValueError:
        raise ValidationError(
            field, f"{code!r} is not an SEN status: use N, K or E (A, P and S are mapped)"
        ) from None


def parse_need(code: str, *, field: str = "need") -> NeedType:
    try:
        return NeedType(code.strip().upper())
    except ValueError:
        known = ", ".join(n.value for n in NeedType)
        raise ValidationError(field, f"{code!r} is not a census need type ({known})") from None


def check_needs(status: SenStatus, needs: Sequence[NeedType]) -> None:
    """``needs`` in rank order (primary first). Census rules: a type for K and E, at most two,
    no type twice, NSA only with K, and none for N."""
    if len(needs) > MAX_RANKED_NEEDS:
        raise ValidationError("needs", "a pupil has at most two ranked needs (primary, secondary)")
    if status is SenStatus.NONE and needs:
        raise ValidationError("needs", "a pupil with status N has no need type")
    if status in (SenStatus.SUPPORT, SenStatus.EHCP) and not needs:
        raise ValidationError("primary need", f"a primary need is required for status {status}")
    if len(set(needs)) != len(needs):
        raise ValidationError("secondary need", "the secondary need repeats the primary need")
    if NeedType.NSA in needs and status is not SenStatus.SUPPORT:
        raise ValidationError("primary need", "NSA is used only with SEN support (K)")
    if NeedType.NSA in needs and len(needs) > 1:
        raise ValidationError("secondary need", "NSA cannot be combined with another need type")


def check_new_period_start(current_start: date | None, new_start: date, *, field: str) -> None:
    """A change takes effect on or after the current period began, so periods never overlap."""
    if current_start is not None and new_start < current_start:
        raise ValidationError(
            field,
            f"cannot start on {uk(new_start)}: the current record began "
            f"{uk(current_start)}",
        )
