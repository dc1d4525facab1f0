"""The app's part in keeping the summary: the keeper started after a pause in saving.

`workbench summary` serves what a keeper kept for the database's content as it is
(cli/summary_keeper.py). The app is a writer for hours: besides the keeper started when
it ends (cli/annotate.py, once the store is closed), it starts one when the analyst has
saved and then saved nothing for IDLE_SECONDS, so a summary asked for in another
terminal during a long session finds the content of its last pause kept, and so does
one asked right after the app ends: the store leaves a short journal as it is at the
end (AnnotationStore.leave_short_journal), so the content token the keeper kept under
still holds. Moving from sentence to sentence is no save (and does not move the token).

Textual-free: the app makes one per workspace and closes it when it ends. The keeper
is started by a callable the command gives (the app knows no database location); it
returns at once, and nobody waits for the keeper.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange

IDLE_SECONDS = 30.0
"""A pause in saving this long starts the keeper: long enough that a burst of tagging
starts none, short enough that the pause before quitting usually leaves the summary
kept (the writer's own, kept first, 24-36 s later at 100,000 annotations on a 2-core
machine at load 5-6). A save during a keeper's round ends it after the summary under way
(summary_keeper.keep): a pause cut short costs at most that one summary, at nice 10."""


class SummaryKeeping:
    """Starts the keeper `idle` seconds after this session's last save."""

    def __init__(
        self, workspace: Workspace, start: Callable[[], object], idle: float | None = None
    ) -> None:
        self.start = start
        self.idle = IDLE_SECONDS if idle is None else idle
        self.started = 0
        """How many keepers this session started (tests)."""
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._subscription: Subscription | None = None
        if not workspace.read_only:
            self._subscription = workspace.subscribe(self.changed)

    def changed(self, change: WorkspaceChange) -> None:
        """A change announced (UI thread): this session's own restarts the pause."""
        if not change.here:
            return  # another session's: its own app keeps it
        with self._lock:
            if self._subscription is None:
                return
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.idle, self._paused)
            self._timer.name = "summary keeping"
            self._timer.daemon = True
            self._timer.start()

    def _paused(self) -> None:
        with self._lock:
            if self._subscription is None:
                return
            self._timer = None
            self.started += 1
        self.start()

    def close(self) -> None:
        """Stop following the workspace (the app's end: the command starts the keeper)."""
        with self._lock:
            if self._subscription is not None:
                self._subscription.close()
                self._subscription = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
