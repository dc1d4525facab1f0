"""Timing one operation many times with the monotonic high-resolution clock.

The garbage collector stays on: the app runs with it, and its pauses belong in a p95.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from bench.report import Samples


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of `action` took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def repeated(action: Callable[[int], object], repeats: int) -> Samples:
    """Time `action(run)` for run = 0 .. repeats - 1, one sample each."""
    return Samples(tuple(timed(partial(action, run)) for run in range(max(1, repeats))))


def within_budget(
    action: Callable[[int], object], most: int, budget: float, least: int = 1
) -> Samples:
    """Time `action(run)` up to `most` times, stopping once `budget` seconds are spent
    (but never before `least` runs): for naive alternatives that can take seconds each."""
    samples: list[float] = []
    spent = 0.0
    for run in range(max(1, most)):
        if len(samples) >= max(1, least) and spent >= budget:
            break
        samples.append(timed(partial(action, run)))
        spent += samples[-1]
    return Samples(tuple(samples))
