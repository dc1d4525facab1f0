"""The annotation store: the only package that imports tinydb (and never textual).

Two engines behind one protocol (Store): AnnotationStore, TinyDB over a journal in one
file; PostgresStore (store.postgres, an optional extra) on a database server.
open_store() picks one from where the database is.
"""

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
    StoreError,
    StoreWriteError,
)
from store.kept import kept_summaries
from store.kept_summaries import KeptSummaries
from store.opening import database_exists, open_store
from store.own_files import own_file_refusal
from store.protocol import DatabaseContent, Store, StoreEvent, Subscription
from store.replay import database_files

__all__ = [
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
