"""One call at a time per store: a worker thread may read while the UI thread writes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Guarded(Protocol):
    _mutex: threading.RLock


S = TypeVar("S", bound=Guarded)


def synchronised(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """The method, run holding the store's re-entrant lock."""

    def locked(store: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with store._mutex:
            return method(store, *args, **kwargs)

    functools.update_wrapper(locked, method)
    return locked
