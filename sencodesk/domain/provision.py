"""Costing a provision (what a provision map totals)."""

from __future__ import annotations


def cost_pence(
    *, hourly_cost_pence: int, minutes_per_session: int, sessions_per_week: int, weeks: int,
    group_size: int,
) -> int:
    """Staff time for the provision, shared between the pupils in the group, to the penny."""
    minutes = minutes_per_session * sessions_per_week * weeks
    return round(hourly_cost_pence * minutes / 60 / max(group_size, 1))


def pounds(pence: int) -> str:
    """£1,234.50 style, as a SENCO reads money."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
