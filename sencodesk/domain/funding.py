"""How a school's SEN money is described: planned provision as a share of the notional SEN
budget (never money "left"), each pupil's planned additional cost against the £6,000 a
mainstream school meets before top-up funding, and the Code's words for levels of support.

Sources:
- DfE, "High needs funding: operational guide": a mainstream school meets the first £6,000 a
  year of the additional support a pupil with SEN needs from its own budget (the notional SEN
  budget); the local authority's top-up funding pays for support costing more. An EHC needs
  assessment request and a top-up application ask the school to show this spending.
- The notional SEN budget is an identified amount within the school's whole budget, not a
  separate pot: a guide, neither a target nor a limit on the school's duty to use its best
  endeavours to secure the special educational provision a pupil needs (CFA 2014 s66(2),
  checked against the Act's text).
- "Waves 1/2/3" come from the National Strategies before 2014. The Code names the first step
  "high quality teaching, differentiated for individual pupils" (CoP 6.37); "universal",
  "targeted" and "specialist" are the words local authorities' local offers use for the
  levels above it (the Code itself lists no tiers). Stored values 1, 2 and 3 are read as these
  three and are not renumbered.
"""

from __future__ import annotations

#: Additional support a mainstream school meets from its own budget, per pupil per year.
TOP_UP_THRESHOLD_PENCE = 600_000
THRESHOLD_SOURCE = ("DfE high needs funding operational guide: a mainstream school meets the "
                    "first £6,000 a year of a pupil's additional support before top-up funding")
BUDGET_CAVEAT = ("The notional SEN budget is a guide within the school's whole budget, not a "
                 "separate pot to be spent: it is neither a target nor a limit on the duty to "
                 "use best endeavours to meet each pupil's needs (CFA 2014 s66(2)). Planned "
                 "provision is shown as a share of it, not as money left.")

#: Stored support level (the old "wave" number) -> the Code's words.
SUPPORT_LEVELS = {1: "Universal", 2: "Targeted", 3: "Specialist"}
SUPPORT_LEVEL_HINTS = {
    1: "Universal: high quality teaching for every pupil, adapted in class",
    2: "Targeted: extra help for some pupils, often in small groups",
    3: "Specialist: individual support, often with or from a specialist",
}


def support_level(stored: int) -> str:
    """The Code's word for a stored level (blank when unknown)."""
    return SUPPORT_LEVELS.get(stored, "")


def share(part_pence: int, whole_pence: int) -> float | None:
    """``part`` as a fraction of ``whole``; None when there is no whole to compare with."""
    return part_pence / whole_pence if whole_pence > 0 else None
