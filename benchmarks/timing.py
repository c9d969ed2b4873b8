"""Repeat a measurement and summarise it: median and spread, in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    samples_ms: tuple[float, ...]
    target_ms: float | None = None
    floor_ms: float | None = None
    floor_name: str = ""
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.samples_ms), max(self.samples_ms)

    @property
    def ratio(self) -> float | None:
        if not self.floor_ms:
            return None
        return self.median / self.floor_ms

    @property
    def met(self) -> bool | None:
        return None if self.target_ms is None else self.median < self.target_ms


def repeat(work: Callable[[], object], times: int, *, setup: Callable[[], object] | None = None,
           ) -> tuple[float, ...]:
    """Milliseconds for each of ``times`` runs; ``setup`` runs before each, untimed."""
    samples = []
    for _ in range(times):
        if setup is not None:
            setup()
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return tuple(samples)
