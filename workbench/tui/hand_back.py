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
from textual.app import App
from textual.message_pump import MessagePump


def hand_back(node: MessagePump, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run `callback(*args, **kwargs)` on the UI thread, from a worker's thread, and
    return what it returns; nothing (None) if `node` is no longer in a running app."""
    try:
        app = node.app
    except NoActiveAppError:
        return None
    if not running(app):
        return None
    try:
        return app.call_from_thread(callback, *args, **kwargs)
    except RuntimeError:
        if running(app):  # not the app having stopped meanwhile: a real error
            raise
        return None


def running(app: App[Any]) -> bool:
    """Whether `app` runs, asked afresh each time: it may stop while a callback waits."""
    return app.is_running
