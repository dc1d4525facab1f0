"""Readings on the server: the readings table, read as one document.

The table is not part of the schema's version: a writer makes it (CREATE TABLE IF NOT
EXISTS, under an advisory lock) before it first adds readings, and a database without
it simply has none. A cache must not bump the schema: every colleague still on the
previous version would be refused the team database (SchemaVersionError), and a
read-only command would refuse a database no writer had upgraded yet.

Each row holds its key and value as JSON text written by store/readings_format.dumps,
so the server joins a fingerprint's rows into one JSON object and the client parses it
once (50,000 rows parsed one by one cost several times more), and a value reads back
exactly as the file store's does.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

import psycopg

from store import readings_format

ROWS_PER_STATEMENT = 5000
"""Readings per INSERT (one round trip each, arrays unnested on the server)."""
TABLE = (
    "CREATE TABLE IF NOT EXISTS readings (fingerprint text NOT NULL, key_json text NOT NULL, "
    "value_json text NOT NULL, PRIMARY KEY (fingerprint, key_json))"
)
"""Never data of record: rows are added outside any change of annotations, without
waiting for the disk, and never replaced (a key under one fingerprint always holds the
same value); key and value are their JSON text, as the file store writes them."""
MAKING_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/workbench-readings'))"
EXISTS = "SELECT to_regclass('readings') IS NOT NULL"
READ = (
    "SELECT '{' || coalesce(string_agg(key_json || ':' || value_json, ','), '') || '}' "
    "FROM readings WHERE fingerprint = %s"
)
ADD = (
    "INSERT INTO readings (fingerprint, key_json, value_json) "
    "SELECT %s, k, v FROM unnest(%s::text[], %s::text[]) AS t(k, v) "
    "ON CONFLICT DO NOTHING"
)
DROP_OTHERS = "DELETE FROM readings WHERE fingerprint <> %s"


def read(connection: psycopg.Connection[Any], fingerprint: str) -> dict[str, Any]:
    """key -> value of the readings under `fingerprint` (none without the table)."""
    exists = connection.execute(EXISTS).fetchone()
    if not exists or not exists[0]:
        return {}
    found = connection.execute(READ, [fingerprint]).fetchone()
    document = str(found[0]) if found and found[0] is not None else "{}"
    records = readings_format.loads(document)
    return records if isinstance(records, dict) else {}


def encoded(records: Mapping[str, Any]) -> list[tuple[list[str], list[str]]]:
    """(keys, values) as JSON text, in statements' worth; TypeError for a value that
    is not JSON (before anything is sent)."""
    items = iter(records.items())
    batches: list[tuple[list[str], list[str]]] = []
    while chunk := list(islice(items, ROWS_PER_STATEMENT)):
        keys = [readings_format.dumps(key).decode() for key, _value in chunk]
        values = [readings_format.dumps(value).decode() for _key, value in chunk]
        batches.append((keys, values))
    return batches


def add(
    connection: psycopg.Connection[Any],
    fingerprint: str,
    batches: list[tuple[list[str], list[str]]],
    drop_others: bool,
    make_table: bool,
) -> None:
    """Insert the rows (those held kept) in one transaction that does not wait for the
    server's disk; with `make_table`, the table is made first if there is none (two
    writers at once: the advisory lock lets one make it); with `drop_others`, other
    fingerprints' rows go first."""
    with connection.transaction():
        connection.execute("SET LOCAL synchronous_commit = off")
        if make_table:
            connection.execute(MAKING_LOCK)
            connection.execute(TABLE)
        if drop_others:
            connection.execute(DROP_OTHERS, [fingerprint])
        for keys, values in batches:
            connection.execute(ADD, [fingerprint, keys, values])
