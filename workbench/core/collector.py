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

In the app a pause does not stop the collector but keeps it to the young generation
(`sweep_while_paused`): the UI thread draws while a worker builds, and what Textual draws
is cyclic garbage (a Strip keeps itself in its own caches). Stopped for a summary's
20-40 s build, the collector left about 400,000 of those objects to be promoted with the
build's own and freed by no collection but a full one; the build laid its objects
around them and the open summary screen held about 25 MB more for it (issue 15).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_NEVER = 2**31 - 1
"""A collector threshold no count reaches."""


class CollectorPause:
    """A re-entrant, thread-aware pause of the cyclic collector (use `paused_gc`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._was_enabled = False
        self._promote = False
        self._sweep = 0
        self._thresholds: tuple[int, int, int] | None = None
        """The collector's thresholds before a sweeping pause began (restored after)."""

    def sweep_while_paused(self, every: int) -> None:
        """From now on, a pause that begins collects the young generation every `every`
        new containers rather than never (0: it stops the collector again), and still no
        older one: what the build keeps is scanned once and not again, while the
        garbage another thread makes meanwhile is freed in the few seconds it dies in."""
        with self._lock:
            self._sweep = every

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
                if self._sweep and self._was_enabled:
                    self._thresholds = gc.get_threshold()
                    gc.set_threshold(self._sweep, _NEVER, _NEVER)
                else:
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
                        if self._thresholds is not None:
                            gc.set_threshold(*self._thresholds)
                        gc.enable()
                    self._thresholds = None
                    self._promote = False


paused_gc = CollectorPause()
"""`with paused_gc():` around a build of many small acyclic objects."""
