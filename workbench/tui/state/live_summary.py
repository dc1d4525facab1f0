"""The open summary kept up to date from the workspace's changes, not built again.

The summary screen reads the store and builds its summary once (summary_view.py's
read_summary, in a worker), through a SummaryAccumulator it keeps here. A change the
workspace announces exactly (a save, a delete, the undo of either) is then applied to
that accumulator, which patches the Summary when the ledger does not read the change (a
status, a note, the attribution tag: milliseconds at 100,000 annotations) and, once
`prepare` has run, a claim or denial tag too (the ledger followed change by change,
ledger/live.py: tens of milliseconds); anything else it rebuilds with the previous
build's cache. The screen calls `prepare` in its worker after showing a summary: it
takes about as long as a build and is made outside the lock, so that an edit made
meanwhile is not kept waiting: one the ledger does not read (a status, a note) is
patched at once; a claim or denial tag waits in the queue until the LiveLedger is in
place and is then patched (a rebuild would take longer than the wait). What the
accumulator cannot follow (another session's write, a re-anchoring, the anchoring
section, a new analyst, a ledger decision) is read again from the store, as before.

Textual-free. `note` and `forget` run on the UI thread, `start`, `prepare` and `update` in the
screen's workers, one at a time (a lock) but for the LiveLedger's build: edits wait in
order, so the UI thread never waits for a build. The screen notes nothing while a read
is on its way: it reads again.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections import deque
from collections.abc import Callable, Container, Iterable
from functools import cache

from workbench.core.analysis.summary.build import SummaryCache
from workbench.core.analysis.summary.incremental import SummaryAccumulator, reads_ledger
from workbench.core.analysis.summary.model import Summary
from workbench.core.anchoring.placement import ArticlePlan
from workbench.core.annotation import Annotation
from workbench.tui.state.workspace import Edit, WorkspaceChange

NOT_FOLLOWED = ("check", "orphaned")
"""Anchor states of annotations the summary lists in its anchoring section: a change to
one is read again (the section is made with the corpus and the history)."""


def moved_in_memory(plans: Iterable[ArticlePlan]) -> frozenset[tuple[str, str]]:
    """(article id, analyst) of every annotation a summary read re-anchored in memory
    only: those the store holds elsewhere (a colleague's left on another text, tr7 T15)."""
    return frozenset(
        (plan.article_id, placement.before.annotator)
        for plan in plans
        for placement in (*plan.placements, *plan.others)
        if placement.changed
    )


def _kept(annotation: Annotation | None) -> Annotation | None:
    """What the store holds after a save: nothing for a blank annotation."""
    return None if annotation is None or annotation.is_blank else annotation


class LiveSummary:
    """One summary screen's accumulator and the edits waiting to be applied to it."""

    def __init__(self, corpus_ids: Container[str]) -> None:
        self.cache = SummaryCache()
        """Kept from one read to the next (another analyst, a decision): quotes read once."""
        self.accumulator: SummaryAccumulator | None = None
        self._corpus_ids = corpus_ids
        self._analysts: frozenset[str] = frozenset()
        self._in_memory: Container[tuple[str, str]] = frozenset()
        self._pending: deque[Edit] = deque()
        self._lock = threading.Lock()
        self._preparing = False
        """A LiveLedger is being made (outside the lock): edits the ledger reads wait."""

    def forget(self) -> None:
        """The store is about to be read again: the read will hold every edit noted so
        far (applied after it, an edit could undo a later change it missed)."""
        self._pending.clear()

    def start(
        self,
        accumulator: SummaryAccumulator,
        analysts: Iterable[str],
        in_memory: Container[tuple[str, str]] = frozenset(),
    ) -> Summary:
        """A summary read from the store: follow changes from it on. `in_memory`: the
        (article id, analyst) pairs whose annotations it re-anchored in memory only
        (not as the store holds them): an edit of one is read again, any other is
        followed (rv8 R6: a colleague's annotations left on another text turned every
        edit of the session into a rebuild)."""
        with self._lock:
            self.accumulator = accumulator
            self._analysts = frozenset(analysts)
            self._in_memory = in_memory
            return accumulator.summary()

    def prepare(self) -> bool:
        """Make what a claim or denial tag is patched with (blocking: in a worker, after
        the summary is shown). Updates go on meanwhile, but for the edits the ledger
        reads, which wait for it: True when some are waiting, for an `update` to apply
        now. Made again when the summary was rebuilt or read again meanwhile."""
        waiting = False
        while True:
            with self._lock:
                accumulator = self.accumulator
                if self._preparing or accumulator is None:
                    return waiting  # the one making it makes it for the latest summary
                plan = accumulator.live_plan()
                if plan is None:
                    return waiting
                self._preparing = True
            try:
                live = plan.build()
            except BaseException:
                with self._lock:
                    self._preparing = False
                raise
            with self._lock:
                self._preparing = False
                waiting = bool(self._pending)
                installed = self.accumulator is accumulator and accumulator.install(plan, live)
            if installed:
                give_back_freed_memory()
                return waiting

    @property
    def waiting(self) -> bool:
        """Whether edits are noted and not yet applied."""
        return bool(self._pending)

    def note(self, change: WorkspaceChange) -> bool:
        """Keep `change`'s edits for the next `update` and say True; or say False when
        only reading the store again shows what changed."""
        if self.accumulator is None or change.ledger or not change.exact:
            return False
        for edit in change.edits:
            for annotation in (edit.before, edit.after):
                if annotation is not None and not self._followed(annotation):
                    return False
        self._pending.extend(change.edits)
        return True

    def _followed(self, annotation: Annotation) -> bool:
        return (
            annotation.article_id in self._corpus_ids
            and (annotation.article_id, annotation.annotator) not in self._in_memory
            and annotation.anchor_state not in NOT_FOLLOWED
            and annotation.annotator in self._analysts
        )

    def update(self) -> Summary:
        """The summary with every edit noted so far applied, oldest first (blocking: in
        a worker)."""
        with self._lock:
            accumulator = self.accumulator
            assert accumulator is not None, "note() keeps edits only once a summary is read"
            while self._pending:
                edit = self._pending[0]
                before, after = _kept(edit.before), _kept(edit.after)
                if self._preparing and reads_ledger(before, after):
                    break  # patched once the LiveLedger is in place (prepare says so)
                self._pending.popleft()
                accumulator.apply(before, after)
            return accumulator.summary()


def give_back_freed_memory() -> None:
    """Hand the pages the C allocator holds free back to the system (glibc's
    malloc_trim; nothing elsewhere). A summary's build and its LiveLedger free tens of
    megabytes of large tables (dicts, sets and lists of thousands of entries) in the
    worker thread's arena, which glibc otherwise keeps: about 14 MB of the open summary
    screen's memory at 100,000 annotations, for a few milliseconds."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
