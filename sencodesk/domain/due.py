"""What is due for whom: a computed milestone tied to the pupil and the tab that deals with it."""

from __future__ import annotations

from dataclasses import dataclass

from sencodesk.domain.clock import Milestone, MilestoneStatus
from sencodesk.domain.codes import YearGroup

OPEN = frozenset({MilestoneStatus.UPCOMING, MilestoneStatus.DUE_SOON, MilestoneStatus.OVERDUE,
                  MilestoneStatus.EXCEPTION})


@dataclass(frozen=True)
class DueItem:
    pupil_id: int
    pupil_name: str
    upn: str
    year_group: YearGroup
    milestone: Milestone
    #: the pupil workspace tab that deals with it: "ehcp", "support", "passport", "inclusion"
    tab: str

    @property
    def is_open(self) -> bool:
        return self.milestone.status in OPEN

    def to_json(self) -> dict[str, object]:
        return {**self.milestone.to_json(), "upn": self.upn, "pupil": self.pupil_name,
                "year_group": self.year_group.short}
