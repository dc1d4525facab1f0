"""Schema versions and the migrations between them, applied on open.

MIGRATIONS[n] turns version-n tables into version n+1 tables. To change the schema: bump
SCHEMA_VERSION, add the function for the old version, and add a test with an old file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from store.snapshot import Tables

SCHEMA_VERSION = 3
META_TABLE = "meta"
META_ID = "1"

Migration = Callable[[Tables], Tables]

_RECORD_DEFAULTS: dict[str, Any] = {
    "prefix": "",
    "suffix": "",
    "tags": [],
    "source": None,
    "note": "",
    "status": "unverified",
}


def version_0_to_1(tables: Tables) -> Tables:
    """Version 0 is a plain TinyDB file without a meta table, from before the store kept one.

    Its annotation records may lack the optional fields added since; they get their
    defaults, and created/updated times fall back to each other.
    """
    for record in tables.get("annotations", {}).values():
        for name, default in _RECORD_DEFAULTS.items():
            record.setdefault(name, list(default) if isinstance(default, list) else default)
        stamp = record.get("updated_at") or record.get("created_at") or ""
        record.setdefault("created_at", stamp)
        record.setdefault("updated_at", stamp)
    return tables


def version_1_to_2(tables: Tables) -> Tables:
    """Version 2 records where each annotation stands against its article's text
    (anchor_state, docs/decisions/reanchoring.md). Every annotation of a version-1 file
    was made on the text it names (article_sha256), so it starts as "current"; re-anchoring
    checks it against the article as it is now the next time a command reads both."""
    for record in tables.get("annotations", {}).values():
        record.setdefault("anchor_state", "current")
    return tables


def version_2_to_3(tables: Tables) -> Tables:
    """Version 3 is the checksummed form: the snapshot ends with its CRC-32 and records the
    last journal sequence number it holds, and journal lines carry sequence numbers. The
    tables themselves are unchanged; the compaction that records the new version writes
    the new form. (An older workbench then refuses the file instead of dropping both.)"""
    return tables


MIGRATIONS: dict[int, Migration] = {0: version_0_to_1, 1: version_1_to_2, 2: version_2_to_3}


def schema_version(tables: Tables) -> int:
    """The version recorded in `tables`; 0 for old data without one, current for no data."""
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    if "schema_version" in meta:
        return int(meta["schema_version"])
    has_data = any(table for name, table in tables.items() if name != META_TABLE)
    return 0 if has_data else SCHEMA_VERSION


def migrate(
    tables: Tables,
    found: int,
    target: int | None = None,
    migrations: Mapping[int, Migration] | None = None,
) -> Tables:
    """Apply migrations found -> found+1 -> ... -> target and record the new version.

    target and migrations default to SCHEMA_VERSION and MIGRATIONS as they are at call time.
    """
    target = SCHEMA_VERSION if target is None else target
    migrations = MIGRATIONS if migrations is None else migrations
    for version in range(found, target):
        if version not in migrations:
            raise LookupError(f"no migration from schema version {version}")
        tables = migrations[version](tables)
    tables.setdefault(META_TABLE, {}).setdefault(META_ID, {})["schema_version"] = target
    return tables
