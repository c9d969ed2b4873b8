"""The three looks of a milestone on screen: statutory (red when breached), practice (a
target or reminder, never drawn as a breach) and done."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from sencodesk.domain.clock import Look, Milestone, MilestoneStatus, look_of

BREACH = QColor("#a4161a")
SOON = QColor("#b35c00")
EXCEPTION = QColor("#5b6b75")
PRACTICE = QColor("#2f5f7a")
DONE = QColor("#0b6e4f")
UPCOMING = QColor("#0b4f6c")


def ink(milestone: Milestone) -> QColor | None:
    """The text colour of a milestone's row; None for plain upcoming statutory steps."""
    look = look_of(milestone)
    if milestone.is_practice and milestone.status is not MilestoneStatus.DONE_ON_TIME:
        return PRACTICE  # a target missed or met late is never drawn as a breach
    if look is Look.DONE:
        return BREACH if milestone.status is MilestoneStatus.DONE_LATE else DONE
    return {MilestoneStatus.OVERDUE: BREACH, MilestoneStatus.DUE_SOON: SOON,
            MilestoneStatus.EXCEPTION: EXCEPTION}.get(milestone.status)


def dot(milestone: Milestone) -> QColor:
    """The fill of a milestone's dot on a timeline."""
    return ink(milestone) or UPCOMING


def font_for(milestone: Milestone, base: QFont) -> QFont:
    """Statutory breaches in bold; practice targets in italic."""
    font = QFont(base)
    look = look_of(milestone)
    font.setItalic(milestone.is_practice and look is not Look.DONE)
    font.setBold(look is Look.STATUTORY and milestone.status is MilestoneStatus.OVERDUE)
    return font
