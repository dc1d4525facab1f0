"""Older export files brought up to the current schema before they are validated.

MIGRATIONS[n] turns a version-n document (json) or header (jsonl) into version n+1;
RECORD_MIGRATIONS[n] does the same for one annotation record (a jsonl line, or an
annotation inside a json document or its history). To change the export schema: bump
SCHEMA_VERSION, add both functions for the old version, and test with an old file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.core.interchange.export.schema import SCHEMA_VERSION

Record = dict[str, Any]


def record_1_to_2(record: Any) -> Any:
    """Version 1 had no anchor_state: its annotations were made on the text they name."""
    if isinstance(record, dict) and "anchor_state" not in record:
        record["anchor_state"] = "current"
    return record


def record_2_to_3(record: Any) -> Any:
    """Version 2 had no provenance: no suggestion was recorded, so none was shown."""
    if isinstance(record, dict) and "suggestion" not in record:
        record["suggestion"] = None
    return record


def _each_record(document: Record, migrate: Callable[[Any], Any]) -> None:
    """`migrate` every annotation of the document and of its history."""
    annotations = document.get("annotations")
    if isinstance(annotations, list):
        for record in annotations:
            migrate(record)
    history = document.get("history")
    if isinstance(history, list):
        for change in history:
            if isinstance(change, dict):
                for side in ("before", "after"):
                    if change.get(side) is not None:
                        migrate(change[side])


def document_1_to_2(document: Record) -> Record:
    """Every annotation of the document (and of its history) gets its anchor_state."""
    _each_record(document, record_1_to_2)
    document["schema_version"] = 2
    return document


def document_2_to_3(document: Record) -> Record:
    """Every annotation of the document (and of its history) gets its suggestion."""
    _each_record(document, record_2_to_3)
    document["schema_version"] = 3
    return document


MIGRATIONS: dict[int, Callable[[Record], Record]] = {1: document_1_to_2, 2: document_2_to_3}
RECORD_MIGRATIONS: dict[int, Callable[[Any], Any]] = {1: record_1_to_2, 2: record_2_to_3}


def upgraded_document(document: Record, version: int) -> Record:
    """A json document (or jsonl header) of `version`, as the current version."""
    for step in range(version, SCHEMA_VERSION):
        document = MIGRATIONS[step](document)
    return document


def upgraded_record(record: Any, version: int) -> Any:
    """One annotation record of a `version` file, as the current version."""
    for step in range(version, SCHEMA_VERSION):
        record = RECORD_MIGRATIONS[step](record)
    return record
