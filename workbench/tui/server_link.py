"""The app's line to the other sessions on a database server (issue 17): their changes
coming in, and the server going and coming back said to the analyst.

A file database has one writer and announces nothing (its `subscribe` never calls
back). On PostgreSQL the store's listening thread hears every change another session
commits; LiveFeed (tui/state/live.py) carries them to the UI thread, where ServerLink hands
each to the screens (`receive`: the Workspace's change path). The analyst is told
"server unreachable" once when the server goes (the listener lost its connection, or
a read failed) and "connected again" when it is back (the listener's resync, after
which every screen reads again): the store connects again by itself, nobody restarts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message import Message

from store import ServerError, Store, StoreEvent, Subscription
from store.errors import DamagedRowError
from workbench.tui.state.live import LiveFeed

REPEAT_SECONDS = 30.0
"""While the server stays away, "server unreachable" is said again at most this often."""


class StoreChanged(Message):
    """Posted to the app, from any thread, when the feed holds changes to take."""


class ServerUnreachable(Message):
    """A screen's read found no server (it keeps what it showed): posted by the screen,
    from any thread, for the app to say so once."""

    def __init__(self, error: ServerError) -> None:
        super().__init__()
        self.error = error


class ServerLink:
    """Subscribes `app` to `store`'s announcements until closed."""

    def __init__(self, app: App[Any], store: Store, receive: Callable[[StoreEvent], None]) -> None:
        self.app = app
        self.location = store.location
        self.receive = receive
        self.unreachable = False
        """True from a lost connection until the listener is back."""
        self._said_at = -REPEAT_SECONDS
        self.feed = LiveFeed(lambda: app.post_message(StoreChanged()))
        self._subscription: Subscription | None = store.subscribe(self.feed.heard)

    def take(self) -> None:
        """Hand what the feed heard to the screens (on StoreChanged, the UI thread)."""
        for event in self.feed.take():
            if event.kind == "lost":
                self.lost()
                continue
            try:
                self.receive(event)
            except ServerError as error:
                self.lost(error)
                continue
            except DamagedRowError as error:
                # Another session (a newer workbench, a hand edit) wrote a row this one
                # cannot read: named, and the screens keep what they last read, where it
                # had ended the session (tr7 T7).
                self.app.notify(str(error), title="Not read", severity="error", markup=False)
                continue
            if event.kind == "resync":
                self.back()

    def lost(self, error: ServerError | None = None) -> None:
        """The server did not answer: say so (once, or again after a while)."""
        now = time.monotonic()
        if self.unreachable and now - self._said_at < REPEAT_SECONDS:
            return
        self.unreachable = True
        self._said_at = now
        why = f" ({error})" if error is not None else ""
        self.app.notify(
            f"server unreachable: {self.location}{why}. What is on screen stays as last "
            "read; a change says “not saved” until the server is back. workbench "
            "connects again by itself.",
            title="Server unreachable",
            severity="error",
            timeout=10,
            markup=False,
        )

    def back(self) -> None:
        """The listener is connected again and the screens have read everything again."""
        if not self.unreachable:
            return
        self.unreachable = False
        self.app.notify(
            f"connected again to {self.location}: the screens show the latest, "
            "everyone's changes included.",
            title="Connected again",
            timeout=6,
            markup=False,
        )

    def close(self) -> None:
        """Stop hearing (before the store closes: its listener thread then stops)."""
        self.feed.close()
        if self._subscription is not None:
            self._subscription.close()
            self._subscription = None
