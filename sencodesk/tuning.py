"""Process-wide settings that make sencodesk's work cheaper at school scale.

Reading the register or the school's deadlines creates tens of thousands of short-lived
objects; with CPython's default thresholds (700, 10, 10) the cyclic garbage collector runs so
often, over an ever larger heap, that its cost grows faster than the school. Measured on a
4,800-pupil school, whole-school deadlines took 403 ms with the defaults and 238 ms with these
settings. Reference counting still frees almost everything at once; only the cycle hunt is
made rarer, and objects alive at sign-in (modules, Qt wrappers) are frozen out of it.
"""

from __future__ import annotations

import gc

#: Collect young objects after 10,000 net allocations instead of 700; older generations
#: 20 and 50 young collections apart.
THRESHOLDS = (10_000, 20, 50)


def tune_garbage_collector() -> None:
    """Call once the program has loaded (after sign-in for the app)."""
    gc.set_threshold(*THRESHOLDS)
    gc.collect()
    gc.freeze()
