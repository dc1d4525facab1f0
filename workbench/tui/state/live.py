"""Other sessions' changes on their way to the screens: from the store's listening
thread to the UI thread, a burst taken in one go.

`Store.subscribe` calls back on the store's own thread, and Textual objects may be
touched only on the UI thread. LiveFeed keeps what it hears under a lock and asks for
one hand-over (`wake`: thread-safe and non-blocking; the app posts itself a message)
until the UI thread takes the lot (`take`). A colleague tagging twenty sentences a
second then costs the screens one refresh whenever the UI thread is free, not twenty,
and a listening thread never waits for a busy screen. Textual-free, like the state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from store import StoreEvent


class LiveFeed:
    """StoreEvents heard on any thread, taken on the UI thread, coalesced (`merged`)."""

    def __init__(self, wake: Callable[[], object]) -> None:
        """`wake()` asks the UI thread to call `take` soon; it is called from the
        listening thread, once per batch."""
        self._wake = wake
        self._lock = threading.Lock()
        self._pending: list[StoreEvent] = []
        self._asked = False
        self._closed = False

    def heard(self, event: StoreEvent) -> None:
        """The store's callback (its listening thread): keep `event`, wake the UI once."""
        with self._lock:
            if self._closed:
                return
            self._pending.append(event)
            if self._asked:
                return
            self._asked = True
        try:
            self._wake()
        except RuntimeError:  # the app's loop has stopped: nobody is left to tell
            with self._lock:
                self._asked = False

    def take(self) -> list[StoreEvent]:
        """Everything heard since the last take, merged (the UI thread)."""
        with self._lock:
            events, self._pending = self._pending, []
            self._asked = False
        return merged(events)

    def close(self) -> None:
        """Hear nothing more (the app is ending)."""
        with self._lock:
            self._closed = True
            self._pending = []


def merged(events: Sequence[StoreEvent]) -> list[StoreEvent]:
    """The fewest events that ask for the same reading again as `events`, in order:
    the annotations (their articles' union; any article, if one said any), the
    remembered articles, the ledger; "resync" instead of all of them when one said
    so; and "lost" last if the connection was lost after the last "resync"."""
    kinds = [event.kind for event in events]
    connection = [kind for kind in kinds if kind in ("lost", "resync")]
    result: list[StoreEvent] = []
    if "resync" in kinds:
        result.append(StoreEvent("resync"))
    else:
        notes = [event for event in events if event.kind == "annotations"]
        if notes:
            annotators = {event.annotator for event in notes}
            annotator = annotators.pop() if len(annotators) == 1 else ""
            if all(event.article_ids for event in notes):
                ids = dict.fromkeys(i for event in notes for i in event.article_ids)
                result.append(StoreEvent("annotations", annotator, tuple(ids)))
            else:
                result.append(StoreEvent("annotations", annotator))
        result += [StoreEvent(kind) for kind in ("articles", "ledger") if kind in kinds]
    if connection and connection[-1] == "lost":
        result.append(StoreEvent("lost"))
    return result
