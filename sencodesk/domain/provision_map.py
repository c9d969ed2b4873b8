"""The costed provision map: who receives what, for how long, at what cost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sencodesk.domain import funding


@dataclass(frozen=True)
class InterventionLine:
    name: str
    wave: int
    pupils: int
    hours: float
    cost_pence: int
    #: Sessions planned (sessions a week x weeks) and delivered, over the provisions whose
    #: review recorded the sessions delivered; the others are left out of both.
    sessions_planned: int = 0
    sessions_delivered: int = 0

    @property
    def cost_per_pupil_pence(self) -> int:
        """The intervention's cost shared over the pupils receiving it."""
        return round(self.cost_pence / self.pupils) if self.pupils else 0

    @property
    def delivery_rate(self) -> float | None:
        """Sessions delivered as a share of those planned (None: none recorded)."""
        return self.sessions_delivered / self.sessions_planned if self.sessions_planned \
            else None

    @property
    def delivery_text(self) -> str:
        """"180 of 216 (83%)", or "not recorded"."""
        rate = self.delivery_rate
        if rate is None:
            return "not recorded"
        return f"{self.sessions_delivered:,} of {self.sessions_planned:,} ({rate:.0%})"

    @property
    def delivery_share_text(self) -> str:
        """The same, short enough for a printed column: "88% of 216"."""
        rate = self.delivery_rate
        return "not recorded" if rate is None else f"{rate:.0%} of {self.sessions_planned:,}"


@dataclass(frozen=True)
class PupilLine:
    pupil_id: int
    name: str
    upn: str
    year_group: str
    status: str
    interventions: tuple[str, ...]
    hours: float
    cost_pence: int

    @property
    def threshold_share(self) -> float:
        """Planned additional cost as a share of the £6,000 a school meets before top-up."""
        return self.cost_pence / funding.TOP_UP_THRESHOLD_PENCE

    @property
    def at_threshold(self) -> bool:
        return self.cost_pence >= funding.TOP_UP_THRESHOLD_PENCE


@dataclass(frozen=True)
class ProvisionMap:
    starts_on: date
    ends_on: date
    by_intervention: tuple[InterventionLine, ...]
    by_pupil: tuple[PupilLine, ...]
    budget_pence: int

    @property
    def total_pence(self) -> int:
        return sum(line.cost_pence for line in self.by_intervention)

    @property
    def total_hours(self) -> float:
        return sum(line.hours for line in self.by_intervention)

    @property
    def budget_share(self) -> float | None:
        """Planned provision as a share of the notional SEN budget (None if it is not set)."""
        return funding.share(self.total_pence, self.budget_pence)
