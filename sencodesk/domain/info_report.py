"""The SEN information report every maintained school and academy publishes (CFA 2014 s69;
SEND Regulations 2014 reg 51 and Schedule 1): one section per Schedule 1 paragraph, plus the
disability information s69 asks for. Each section has the school's own words (kept from year to
year); some also carry figures drawn from the case file. No pupil is named, and any count from 1
to 4 is printed as "fewer than 5" so that no small group can be picked out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sencodesk.domain.codes import NeedType

SUPPRESS_BELOW = 5
SUPPRESSED = "fewer than 5"


@dataclass(frozen=True)
class Section:
    key: str
    source: str  # "Sch 1 para 3(a)"
    heading: str
    figures: str = ""  # which figures it carries: "needs", "impact", "provision", "senco"


#: Schedule 1 paragraphs 1-7 checked word for word against legislation.gov.uk (S.I. 2014/1530,
#: Schedule 1 as made); paragraphs 8-13 against the same schedule as summarised by local
#: authorities (consulting young people, complaints, other bodies, support services for
#: parents, transitions, the local offer).
SECTIONS: tuple[Section, ...] = (
    Section("kinds", "Sch 1 para 1", "The kinds of special educational needs we provide for",
            "needs"),
    Section("identification", "Sch 1 para 2",
            "How we identify and assess pupils with special educational needs"),
    Section("effectiveness", "Sch 1 para 3(a)",
            "How we evaluate the effectiveness of our provision", "impact"),
    Section("progress", "Sch 1 para 3(b)", "How we assess and review pupils' progress"),
    Section("teaching", "Sch 1 para 3(c)", "Our approach to teaching"),
    Section("adapting", "Sch 1 para 3(d)",
            "How we adapt the curriculum and the learning environment"),
    Section("additional_support", "Sch 1 para 3(e)", "Additional support for learning",
            "provision"),
    Section("activities", "Sch 1 para 3(f)",
            "Taking part in all the activities of the school"),
    Section("wellbeing", "Sch 1 para 3(g)",
            "Support for emotional, mental and social development"),
    Section("senco", "Sch 1 para 4", "Our special educational needs co-ordinator (SENCO)",
            "senco"),
    Section("expertise", "Sch 1 para 5", "Staff expertise and training, and specialist help"),
    Section("equipment", "Sch 1 para 6", "Equipment and facilities"),
    Section("parents", "Sch 1 para 7", "Consulting and involving parents"),
    Section("pupils", "Sch 1 para 8", "Consulting and involving pupils"),
    Section("complaints", "Sch 1 para 9", "Complaints about our provision"),
    Section("other_bodies", "Sch 1 para 10",
            "Working with health, social care and other services"),
    Section("support_services", "Sch 1 para 11", "Support services for parents"),
    Section("transition", "Sch 1 para 12",
            "Moving between phases of education and preparing for adulthood"),
    Section("local_offer", "Sch 1 para 13", "The local authority's local offer"),
    Section("disability", "CFA 2014 s69",
            "Disabled pupils: admission, equal treatment, facilities and the accessibility "
            "plan"),
)
KEYS = frozenset(s.key for s in SECTIONS)


def suppressed(count: int) -> str:
    """A count as published: 0 and 5 or more as they are, 1 to 4 as "fewer than 5"."""
    return SUPPRESSED if 0 < count < SUPPRESS_BELOW else f"{count:,}"


@dataclass(frozen=True)
class ImpactLine:
    intervention: str
    pupils: int
    outcomes: int
    met_or_exceeded: int

    @property
    def published(self) -> bool:
        """Shown only where at least 5 pupils took part (a share of fewer could be traced)."""
        return self.pupils >= SUPPRESS_BELOW


@dataclass(frozen=True)
class InfoReportFigures:
    on_roll: int
    support: int
    ehcp: int
    by_need: tuple[tuple[NeedType, int], ...]
    #: (wave or tier, interventions running, pupils) this academic year
    provision: tuple[tuple[int, int, int], ...]
    impact: tuple[ImpactLine, ...]
    senco_name: str
    senco_contact: str


@dataclass(frozen=True)
class InfoReportSheet:
    school: str
    produced_by: str
    as_at: date
    texts: dict[str, str]
    figures: InfoReportFigures
    logo: bytes | None = None
