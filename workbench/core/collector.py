"""The one pause of Python's cyclic garbage collector, for every layer that builds in bulk.

Opening a store, reading its records, building a summary or filtering 100,000 review rows
each make hundreds of thousands of small objects with no reference cycles. Every few
hundred new containers the collector would scan all the young ones again (and now and
then everything alive), which doubled or tripled those builds and stopped every thread,
the UI's included, while it ran. Reference counting frees all of it, so the collector is
paused while such a build runs.

One counter for the whole process, not one per caller: pauses overlap (a review worker
still filtering while the UI thread saves a tag, a summary that reads the store), and the
collector is switched back on only when the last of them ends, and only if it was on
when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CollectorPause:
    """A re-entrant, thread-aware pause of the cyclic collector (use `paused_gc`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._was_enabled = False
        self._promote = False

    @contextmanager
    def __call__(self, *, promote: bool = False) -> Iterator[None]:
        """Pause the collector for the block.

        With `promote`, what is still alive when the last pause ends (a summary's
        hundreds of thousands of dicts and lists) goes straight to the oldest
        generation, as surviving young collections would move it, rather than being
        left for the next young collection to scan one by one (over a second at
        100,000 annotations); any cycle among it is still found by the next full
        collection. gc.freeze() then gc.unfreeze() is how Python offers that move,
        and it also returns to the oldest generation whatever was frozen before.
        """
        with self._lock:
            if self._holders == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._holders += 1
            self._promote = self._promote or promote
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0:
                    if self._was_enabled:
                        if self._promote:
                            gc.freeze()
                            gc.unfreeze()
                        gc.enable()
                    self._promote = False


paused_gc = CollectorPause()
"""`with paused_gc():` around a build of many small acyclic objects."""
