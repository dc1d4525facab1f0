"""The annotation store: the only package that imports tinydb (and never textual).

Two engines behind one protocol (Store): AnnotationStore, TinyDB over a journal in one
file; PostgresStore (store.postgres, an optional extra) on a database server.
open_store() picks one from where the database is.

Each name below is imported when first asked for (PEP 562): a command served from what
is kept (`summary`: store/kept.py) reaches the content token without importing the
engines, TinyDB and the journal (about 50 ms of its start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# Bound now, not on first use: store.kept_summaries is also a module's name, and the
# module, once imported, would be found in its place.
from store.kept import kept_summaries

if TYPE_CHECKING:
    from store.annotation_store import AnnotationStore
    from store.change import Change, DecisionChange, ImportReport
    from store.errors import (
        AnchorConflictError,
        ConcurrentEditError,
        ConnectionLostError,
        CorruptDatabaseError,
        DatabaseLockedError,
        LaterChangeError,
        SchemaVersionError,
        ServerError,
        StepElsewhereError,
        StoreError,
        StoreWriteError,
    )
    from store.kept_summaries import KeptSummaries
    from store.opening import database_exists, open_store
    from store.own_files import own_file_refusal
    from store.protocol import UNCHECKED, DatabaseContent, Store, StoreEvent, Subscription
    from store.replay import database_files

_WHERE = {
    "AnnotationStore": "store.annotation_store",
    "Change": "store.change",
    "DecisionChange": "store.change",
    "ImportReport": "store.change",
    "AnchorConflictError": "store.errors",
    "ConcurrentEditError": "store.errors",
    "ConnectionLostError": "store.errors",
    "CorruptDatabaseError": "store.errors",
    "DatabaseLockedError": "store.errors",
    "LaterChangeError": "store.errors",
    "SchemaVersionError": "store.errors",
    "ServerError": "store.errors",
    "StepElsewhereError": "store.errors",
    "StoreError": "store.errors",
    "StoreWriteError": "store.errors",
    "KeptSummaries": "store.kept_summaries",
    "database_exists": "store.opening",
    "open_store": "store.opening",
    "own_file_refusal": "store.own_files",
    "DatabaseContent": "store.protocol",
    "Store": "store.protocol",
    "StoreEvent": "store.protocol",
    "Subscription": "store.protocol",
    "UNCHECKED": "store.protocol",
    "database_files": "store.replay",
}
"""Where each of the package's names is defined."""

__all__ = [
    "UNCHECKED",
    "AnchorConflictError",
    "AnnotationStore",
    "Change",
    "ConcurrentEditError",
    "ConnectionLostError",
    "CorruptDatabaseError",
    "DatabaseContent",
    "DatabaseLockedError",
    "DecisionChange",
    "ImportReport",
    "KeptSummaries",
    "LaterChangeError",
    "SchemaVersionError",
    "ServerError",
    "StepElsewhereError",
    "Store",
    "StoreError",
    "StoreEvent",
    "StoreWriteError",
    "Subscription",
    "database_exists",
    "database_files",
    "kept_summaries",
    "open_store",
    "own_file_refusal",
]


def __getattr__(name: str) -> object:
    """The package's name `name`, its module imported on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
