"""The readings of what this session writes, kept beside the database for the summary.

A summary restores what was read before in quotes and pronouns (core/analysis/ledger/
readings.py) from the store; the store keeps what writers give it. In the app the writer
is this keeper: after a save that gives the summary something new to read (a claim or
denial tag, another quote, a pronoun or role source) and after a re-anchoring, it reads
those annotations on a thread of its own and gives the readings to the store. A key
waits for none of it: the save is announced, the keeper queues the annotation and
returns. Readings are never data of record: one the store could not keep is read again
by the next summary.

Textual-free: the app makes one per workspace and closes it when it ends.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Mapping

from store import StoreError
from store.protocol import Store
from workbench.core.analysis.ledger.readings import Readings, Record, analyser_fingerprint
from workbench.core.analysis.new_readings import NewReadings
from workbench.core.annotation import Annotation
from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange

REANCHORED_ARTICLES = 200
"""A re-anchoring of at most this many articles is read for readings at once; a larger
one (a whole corpus on a new segmenter) is left to the summary, which reads anyway."""

_STOP = None
Wanted = list[Annotation] | frozenset[str]
"""Annotations saved, or the articles a re-anchoring moved annotations in."""


def restored_readings(store: Store, deferred: bool = False) -> Readings:
    """The readings the store keeps under this analyser's fingerprint, collecting what a
    build reads besides only when the store can be written (`keep_readings`; `deferred`:
    encoded when kept, `keep_all`)."""
    return Readings(
        store.readings(analyser_fingerprint()), collect=not store.read_only, deferred=deferred
    )


def keep_readings(store: Store, records: Mapping[str, Record]) -> None:
    """Give the store the readings a build or a writer made (a read-only store: none)."""
    if records and not store.read_only:
        store.add_readings(analyser_fingerprint(), records)


def keep_all(store: Store, readings: Readings) -> None:
    """Give the store every reading a build made, a batch at a time (Readings.batches)."""
    if not store.read_only:
        for batch in readings.batches():
            keep_readings(store, batch)


def _reads_more(before: Annotation | None, after: Annotation) -> bool:
    """True when the summary reads something in `after` it did not in `before`."""
    if before is None:
        return True
    if after.quote != before.quote or after.source != before.source:
        return True
    tags = {"claim", "denial"}
    return bool(tags.intersection(after.tags)) and not tags.intersection(before.tags)


class ReadingsKeeper:
    """Reads, on its own thread, what this session's saves and re-anchorings give a
    summary to read, and keeps it in the store."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._waiting: queue.SimpleQueue[Wanted | None] = queue.SimpleQueue()
        self._queued = 0
        """Batches put and not yet kept (under `_idle`)."""
        self._idle = threading.Condition()
        self._kept: set[str] = set()
        """Keys this session gave the store: not read again."""
        self._thread: threading.Thread | None = None
        self._subscription: Subscription | None = None
        if not workspace.read_only:
            self._subscription = workspace.subscribe(self.changed)

    @staticmethod
    def fingerprint_now() -> None:
        """Take the fingerprint of the code this process runs from its files now, on a
        thread (about 20 ms): taken when a summary first needs it, hours later, an
        upgrade installed meanwhile would be fingerprinted instead, and this process's
        readings kept as the new code's. The app calls it once its first screen shows."""
        threading.Thread(target=analyser_fingerprint, name="fingerprint", daemon=True).start()

    def changed(self, change: WorkspaceChange) -> None:
        """A change announced on the UI thread: queue what it gives to read (quick)."""
        if not change.here:
            return  # another session keeps its own
        if change.edits:
            wanted: Wanted = [
                edit.after
                for edit in change.edits
                if edit.after is not None and _reads_more(edit.before, edit.after)
            ]
        elif change.article_ids and len(change.article_ids) <= REANCHORED_ARTICLES:
            wanted = change.article_ids  # their annotations, read on the keeper's thread
        else:
            return
        if wanted:
            with self._idle:
                self._queued += 1
            self._waiting.put(wanted)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="readings", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            batches = [self._waiting.get()]
            while not self._waiting.empty():  # what queued meanwhile, read at once
                batches.append(self._waiting.get())
            try:
                self._keep(batches)
            finally:
                with self._idle:
                    self._queued -= sum(1 for batch in batches if batch is not _STOP)
                    self._idle.notify_all()
            if _STOP in batches:
                return

    def _keep(self, batches: list[Wanted | None]) -> None:
        store = self.workspace.store
        noted = NewReadings()
        try:
            for batch in batches:
                if isinstance(batch, frozenset):
                    batch = [a for article in sorted(batch) for a in store.in_article(article)]
                for annotation in batch or ():
                    noted.note(annotation)
        except StoreError:
            return
        if not noted:
            return
        records = noted.read(self.workspace.corpus.by_id, self._kept)
        try:
            keep_readings(store, records)
        except StoreError:
            return  # a server away: the next summary reads them, as without a keeper
        self._kept.update(records)

    def wait(self, timeout: float = 30) -> bool:
        """Block until everything queued so far is kept (tests); False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._queued == 0, timeout)

    def close(self) -> None:
        """Stop following the workspace; what is queued is kept first (the app's end)."""
        if self._subscription is not None:
            self._subscription.close()
            self._subscription = None
        if self._thread is not None:
            self._waiting.put(_STOP)
            self._thread.join(timeout=10)
            self._thread = None
