"""Other sessions' changes, as they are committed: LISTEN on a connection of its own.

Every write NOTIFYs the database's channel with who changed what (delivered by the
server at commit, so only durable changes are announced). A thread waits on a second
connection and hands each announcement from another session to the subscribers. If
that connection is lost (or the server cannot be reached at the start) it announces
"lost" once, connects again, retrying with a growing pause, and then announces
"resync": changes made meanwhile were not heard, so read everything again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import orjson
import psycopg
from psycopg import sql

from store.errors import ServerError
from store.postgres.connection import connect
from store.protocol import StoreEvent

WAIT_SECONDS = 0.25
"""How long one wait for notifications lasts: how soon close() is noticed."""
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)
READY_SECONDS = 10.0

Callback = Callable[[StoreEvent], None]


def event_of(payload: str, session: str) -> StoreEvent | None:
    """The event a notification announces; None for this session's own or a bad one."""
    try:
        message: Any = orjson.loads(payload)
        if not isinstance(message, dict) or message.get("session") == session:
            return None
        kind = message.get("kind")
        if kind == "annotations":
            articles = message.get("articles") or []
            return StoreEvent(
                "annotations", str(message.get("annotator") or ""), tuple(map(str, articles))
            )
        if kind in ("articles", "ledger", "resync"):
            return StoreEvent(kind)
    except (orjson.JSONDecodeError, TypeError, ValueError):
        pass
    return None


class Listener:
    """One listening thread per store, started by the first subscription."""

    def __init__(
        self, url: str, shown: str, channel: str, session: str, on_error: Callable[[str], None]
    ) -> None:
        self._url = url
        self._shown = shown
        self._channel = channel
        self._session = session
        self._on_error = on_error
        self._callbacks: list[Callback] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    def subscribe(self, callback: Callback) -> ListenerSubscription:
        """Deliver events to `callback` from now on (once listening has begun, or after
        READY_SECONDS if the server cannot be reached yet: it keeps trying)."""
        with self._lock:
            self._callbacks.append(callback)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._listen, name="workbench-listener", daemon=True
                )
                self._thread.start()
        self._ready.wait(READY_SECONDS)
        return ListenerSubscription(self, callback)

    def unsubscribe(self, callback: Callback) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(WAIT_SECONDS * 8)

    def _deliver(self, event: StoreEvent) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(event)
            except Exception as error:  # a subscriber's bug must not stop the listening
                self._on_error(f"a change announcement was not handled: {error!r}")

    def _listen(self) -> None:
        heard_before = False
        lost = False
        failures = 0
        while not self._stop.is_set():
            connection: psycopg.Connection[Any] | None = None
            try:
                connection = connect(self._url, self._shown)
                connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
                self._ready.set()
                if heard_before or lost:
                    self._deliver(StoreEvent("resync"))
                heard_before = True
                lost = False
                failures = 0
                while not self._stop.is_set():
                    for notification in connection.notifies(timeout=WAIT_SECONDS):
                        event = event_of(notification.payload, self._session)
                        if event is not None:
                            self._deliver(event)
            except (psycopg.Error, ServerError):
                self._ready.set()  # nobody waits for a server that is not there
                failures += 1
                if not lost and not self._stop.is_set():
                    lost = True
                    self._deliver(StoreEvent("lost"))
            finally:
                if connection is not None:
                    connection.close()
            self._stop.wait(RETRY_SECONDS[min(max(failures, 1), len(RETRY_SECONDS)) - 1])


class ListenerSubscription:
    """A callback's place among a listener's subscribers."""

    def __init__(self, listener: Listener, callback: Callback) -> None:
        self._listener = listener
        self._callback = callback

    def close(self) -> None:
        self._listener.unsubscribe(self._callback)
