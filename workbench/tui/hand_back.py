"""A worker thread's result handed back to the UI thread, or to no one once its screen left.

A thread worker cannot be stopped mid-way: the analyst may close its screen, or quit,
while it computes. Its node then finds no app (a thread sees no active app, and a
detached node has no parent to find it by), or the app has stopped; the result is
nobody's, and raising there would fail the worker, and with it an app that is ending.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual._context import NoActiveAppError
from textual.message_pump import MessagePump


def hand_back(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Run `callback(*args)` on the UI thread, from a worker's thread; nothing if `node`
    is no longer in a running app."""
    try:
        app = node.app
    except NoActiveAppError:
        return
    if not app.is_running:
        return
    try:
        app.call_from_thread(callback, *args)
    except RuntimeError:
        if app.is_running:  # not the app having stopped meanwhile: a real error
            raise
