"""The schema's numbered migrations (migrations/NNNN_*.sql), applied when a store opens.

Several analysts may open a database at the same moment, so migrating is done under a
transaction-scoped advisory lock, and the version is read again once the lock is held:
the first one migrates, the others find it done. A database of a newer version (a newer
workbench wrote it) is refused, as the file store refuses one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import psycopg

from store.errors import SchemaVersionError, ServerError

_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


@cache
def migrations() -> dict[int, str]:
    """Version number -> the SQL that brings the previous version to it."""
    found: dict[int, str] = {}
    for entry in resources.files(__package__).joinpath("migrations").iterdir():
        matched = _NAME.fullmatch(entry.name)
        if matched:
            found[int(matched.group(1))] = entry.read_text(encoding="utf-8")
    if sorted(found) != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n: {sorted(found)}")
    return found


def latest() -> int:
    return max(migrations())


def version(connection: psycopg.Connection[Any]) -> int:
    """The schema version of the database (0: no workbench tables yet)."""
    exists = connection.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def prepare(connection: psycopg.Connection[Any], shown: str, read_only: bool) -> None:
    """Bring the database to the latest version (read-only: only check that it is)."""
    found = version(connection)
    if found > latest():
        raise SchemaVersionError(shown, found, latest())
    if found == latest():
        return
    if read_only:
        what = "no workbench database" if found == 0 else f"schema version {found}"
        raise ServerError(
            f"{shown} holds {what}; open it once without --read-only to "
            f"{'create' if found == 0 else 'upgrade'} it"
        )
    with connection.transaction():
        connection.execute(
            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/workbench-schema'))"
        )
        connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)")
        found = version(connection)
        if found > latest():
            raise SchemaVersionError(shown, found, latest())
        for number in range(found + 1, latest() + 1):
            connection.execute(migrations()[number].encode())
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version (version) VALUES (%s)", [latest()])
