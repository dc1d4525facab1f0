"""The app's part in keeping the summary: the keeper that follows this session.

`workbench summary` serves what a keeper kept for the database's content as it is
(cli/summary_keeper.py). The app is a writer for hours: besides the keeper started when
it ends (cli/annotate.py, once the store is closed), it starts, at this session's first
save, a keeper that follows the session (`summary_keeper.follow`): it keeps the
analyst's summary of each content that holds still for a second, made again from the
last one it made with the annotations changed (not computed from nothing), and every
analyst's and the others' after a pause in saving. So a summary asked for in another
terminal a few seconds after a save is served, and so is one asked right after the app
ends: the store leaves a short journal as it is at the end
(AnnotationStore.leave_short_journal), so the content token the keeper kept under still
holds. Moving from sentence to sentence is no save (and does not move the token).

One follower at a time: while the one started runs, a save starts none (it sees the
content move itself); once it has ended (after a long time without a save, or an
upgrade installed), the next save starts another.

Textual-free: the app makes one per workspace and closes it when it ends. The keeper
is started by a callable the command gives (the app knows no database location); it
returns at once, and nobody waits for the keeper.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange

START_SECONDS = 1.0
"""The keeper is started this long after the session's first save (not on the UI thread,
and a burst of saves at the start starts one)."""
IDLE_SECONDS = 30.0
"""A team server's keeper, which does not follow the session (each keep reads the whole
database), is started only after this long without a save of this session (rv10 R13)."""


class Running(Protocol):
    """A keeper started (subprocess.Popen): None from poll() while it runs."""

    def poll(self) -> int | None: ...


class SummaryKeeping:
    """Starts the keeper following this session at its first save (`delay` seconds
    after it), and again at a save once the one started has ended."""

    def __init__(
        self,
        workspace: Workspace,
        start: Callable[[], Running | None],
        delay: float | None = None,
        idle: bool = False,
    ) -> None:
        self.start = start
        self.idle = idle
        """Start only once `delay` has passed without a save (each save starts the wait
        again): a keeper that does not follow the session, a team server's."""
        self.delay = (IDLE_SECONDS if idle else START_SECONDS) if delay is None else delay
        self.started = 0
        """How many keepers this session started (tests)."""
        self._keeper: Running | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._subscription: Subscription | None = None
        if not workspace.read_only:
            self._subscription = workspace.subscribe(self.changed)

    def changed(self, change: WorkspaceChange) -> None:
        """A change announced (UI thread): this session's own starts the keeper unless
        the one started still runs (it follows the content itself)."""
        if not change.here:
            return  # another session's: its own app keeps it
        with self._lock:
            if self._subscription is None:
                return
            if self._timer is not None:
                if not self.idle:
                    return
                self._timer.cancel()  # the wait for a pause starts again
            elif self._keeper is not None and self._keeper.poll() is None:
                return
            self._timer = threading.Timer(self.delay, self._started)
            self._timer.name = "summary keeping"
            self._timer.daemon = True
            self._timer.start()

    def _started(self) -> None:
        with self._lock:
            if self._subscription is None:
                return
            self._timer = None
            self.started += 1
            self._keeper = self.start()

    def close(self) -> None:
        """Stop following the workspace (the app's end: the command starts the keeper
        that keeps what is left; the follower sees the app gone and ends)."""
        with self._lock:
            if self._subscription is not None:
                self._subscription.close()
                self._subscription = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
