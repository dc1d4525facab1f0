"""The annotation store: the only package that imports tinydb (and never textual)."""

from store.annotation_store import AnnotationStore
from store.change import Change, ImportReport
from store.errors import (
    AnchorConflictError,
    CorruptDatabaseError,
    DatabaseLockedError,
    SchemaVersionError,
    StoreError,
    StoreWriteError,
)
from store.replay import database_files

__all__ = [
    "AnchorConflictError",
    "AnnotationStore",
    "Change",
    "CorruptDatabaseError",
    "DatabaseLockedError",
    "ImportReport",
    "SchemaVersionError",
    "StoreError",
    "StoreWriteError",
    "database_files",
]
